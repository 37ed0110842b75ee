"""Every person the corpus names, with how many articles name them; Enter lists those articles."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..widgets.keyboard_list import KeyboardOptionList
from ..wording import counted
from .modal import ClosingModal

SHOWN_AT_MOST = 2000


def _prompt(name: str, count: int) -> Text:
    prompt = Text(name, style="bold")
    prompt.append(f"  {counted(count, 'article')}", style="dim")
    return prompt


class PeopleScreen(ClosingModal[str | None]):
    BINDINGS = [Binding("escape", "dismiss", "Close", id="people_close")]

    def __init__(self, people: list[tuple[str, int]]) -> None:
        super().__init__()
        self.people = people
        self.shown: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="people-body"):
            yield Static(
                Text(f"People in the corpus ({len(self.people)})", style="bold"),
                classes="help-title",
            )
            yield Input(placeholder="Filter names", id="people-filter")
            yield KeyboardOptionList(id="people-list")
            yield Static(
                Text("Enter lists the articles that name the person · Esc closes", style="dim")
            )

    def on_mount(self) -> None:
        self._show("")
        self.query_one("#people-filter", Input).focus()

    def _show(self, text: str) -> None:
        needle = text.casefold().strip()
        matching = [(name, count) for name, count in self.people if needle in name.casefold()]
        self.shown = [name for name, _ in matching[:SHOWN_AT_MOST]]
        option_list = self.query_one("#people-list", OptionList)
        option_list.clear_options()
        option_list.add_options(
            Option(_prompt(name, count)) for name, count in matching[:SHOWN_AT_MOST]
        )
        if self.shown:
            option_list.highlighted = 0

    @on(Input.Changed, "#people-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#people-filter")
    def _choose_first(self) -> None:
        option_list = self.query_one("#people-list", OptionList)
        index = option_list.highlighted or 0
        if index < len(self.shown):
            self.dismiss(self.shown[index])

    @on(OptionList.OptionSelected, "#people-list")
    def _choose(self, event: OptionList.OptionSelected) -> None:
        # A selection typed in the same burst as the filter may name a row the filter removed.
        if event.option_index < len(self.shown):
            self.dismiss(self.shown[event.option_index])

    def on_key(self, event) -> None:
        # Up and down in the filter move through the list, as in a picker.
        if event.key in ("down", "up") and isinstance(self.focused, Input):
            option_list = self.query_one("#people-list", OptionList)
            if event.key == "down":
                option_list.action_cursor_down()
            else:
                option_list.action_cursor_up()
            event.stop()
