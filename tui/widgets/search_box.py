"""The query line at the top of the screen, with the result count or the error beside it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Static

from ..wording import counted


class QueryInput(Input):
    BINDINGS = [
        Binding(
            "down",
            "app.leave_search",
            "To the list",
            key_display="↓",
            show=False,
            id="search_to_list",
        )
    ]


class SearchBox(Horizontal):
    """Query input and status: "3 results · by relevance", or what is wrong with the query."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # Held, not looked up: a search timer or a count that fires while the app quits finds
        # them even after the box's children are gone (a lookup then fails and ends the app).
        self.query_input = QueryInput(
            placeholder='Search: words, "phrases", person:"Name", date:[2025-01 TO 2025-12]  (/)',
            id="query",
        )
        self.status = Static(id="search-status")

    def compose(self) -> ComposeResult:
        yield self.query_input
        yield self.status

    def show_count(self, shown: int, total: int, unread: int | None, sort_label: str) -> None:
        """ "41 unread · 2,224 (first 500) · by date" """
        label = counted(total, "result")
        if shown < total:
            label += f" (first {shown})"
        parts: list[tuple[str, str]] = []
        if unread is not None:
            parts.append((f"{unread:,} unread · ", "bold"))
        parts += [(label, "bold" if unread is None else ""), (f" · {sort_label}", "dim")]
        self._status(Text.assemble(*parts), error=False)

    def show_error(self, message: str) -> None:
        self._status(Text(f"⚠ {message}"), error=True)

    def _status(self, text: Text, error: bool) -> None:
        status = self.status
        if not status.is_attached:  # the app is closing
            return
        status.update(text)
        status.set_class(error, "-error")
        status.tooltip = text.plain
