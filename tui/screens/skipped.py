"""The files that could not be read, with the reason for each."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from search import SkippedFile

from .modal import ClosingModal


class SkippedScreen(ClosingModal[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="skipped_close"),
        Binding("q", "dismiss", "Close", show=False, id="skipped_close_q"),
    ]

    def __init__(self, skipped: list[SkippedFile]) -> None:
        super().__init__()
        self.skipped = skipped

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", overflow="fold")
        table.add_column(style="yellow")
        for entry in self.skipped:
            # Paths are data too: a file name may hold anything, markup included.
            table.add_row(Text(repr(entry.path)[1:-1]), Text(entry.reason))
        with VerticalScroll(id="skipped-body"):
            count = len(self.skipped)
            yield Static(
                Text(
                    f"Skipped files ({count})" if count else "No files were skipped.", style="bold"
                ),
                classes="help-title",
            )
            yield Static(table)
            yield Static(Text("Esc closes this screen.", style="dim"))
