"""An option list that also moves with j and k, as readers of mail and news expect."""
from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class KeyboardOptionList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list_down"),
        Binding("k", "cursor_up", "Up", show=False, id="list_up"),
    ]

    def _can_page(self) -> bool:
        # Textual's OptionList pages through the lines it has laid out; in a terminal too small to
        # show any (height 0) there are none, and paging would fail with a KeyError.
        return self.scrollable_content_region.height > 0 and (self.highlighted or 0) in self._index_to_line

    def action_page_up(self) -> None:
        if self._can_page():
            super().action_page_up()
        else:
            self.action_cursor_up()

    def action_page_down(self) -> None:
        if self._can_page():
            super().action_page_down()
        else:
            self.action_cursor_down()
