"""The saved searches, each with its unread and total counts: Enter runs one."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..widgets.keyboard_list import KeyboardOptionList
from .modal import ClosingModal

# name, query, unread, total (None: the query could not be run, with why in place of the query)
SavedRow = tuple[str, str, int | None, int | None]


def saved_prompt(row: SavedRow) -> Text:
    name, query, unread, total = row
    prompt = Text(name, style="bold")
    if total is None:
        prompt.append(f"  {query}", style="italic")
        return prompt
    prompt.append(f"  {unread or 0:,} unread · {total:,}", style="dim")
    prompt.append(f"\n  {query}", style="italic dim")
    return prompt


class SavedScreen(ClosingModal[str | None]):
    """Dismissed with the name of the saved search to run, or None."""

    BINDINGS = [Binding("escape", "dismiss", "Close", id="saved_close")]

    def __init__(self, rows: list[SavedRow]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="saved-body"):
            yield Static(
                Text(f"Saved searches ({len(self.rows)})", style="bold"), classes="help-title"
            )
            yield KeyboardOptionList(id="saved-list")
            hint = (
                "Enter runs one · S saves the current search · Esc closes"
                if self.rows
                else "None yet: search, then S saves the search under a name"
            )
            yield Static(Text(hint, style="dim"))

    def on_mount(self) -> None:
        option_list = self.query_one("#saved-list", OptionList)
        option_list.add_options(Option(saved_prompt(row)) for row in self.rows)
        if self.rows:
            option_list.highlighted = 0
        option_list.focus()

    @on(OptionList.OptionSelected, "#saved-list")
    def _run(self, event: OptionList.OptionSelected) -> None:
        if event.option_index < len(self.rows):
            self.dismiss(self.rows[event.option_index][0])
