"""The links of the open article: its own address and the ones its text names; Enter opens one."""

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


class LinksScreen(ClosingModal[str | None]):
    BINDINGS = [Binding("escape", "dismiss", "Close", id="links_close")]

    def __init__(self, links: list[str]) -> None:
        super().__init__()
        self.links = links

    def compose(self) -> ComposeResult:
        with Vertical(id="links-body"):
            yield Static(Text(f"Links ({len(self.links)})", style="bold"), classes="help-title")
            yield KeyboardOptionList(id="links-list")
            hint = "Enter opens one in the browser · Esc closes" if self.links else "No links."
            yield Static(Text(hint, style="dim"))

    def on_mount(self) -> None:
        option_list = self.query_one("#links-list", OptionList)
        option_list.add_options(Option(Text(link)) for link in self.links)
        if self.links:
            option_list.highlighted = 0
        option_list.focus()

    @on(OptionList.OptionSelected, "#links-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option_index < len(self.links):
            self.dismiss(self.links[event.option_index])
