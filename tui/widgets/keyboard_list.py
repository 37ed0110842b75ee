"""An option list that also moves with j and k, as readers of mail and news expect."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class KeyboardOptionList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list_down"),
        Binding("k", "cursor_up", "Up", show=False, id="list_up"),
    ]

    def action_cursor_down(self) -> None:
        # At the last row, down stays there: a list that wraps to its top reads as a new list.
        if self.highlighted is None or self.highlighted < self.option_count - 1:
            super().action_cursor_down()

    def _can_page(self) -> bool:
        # Textual's OptionList pages through the lines it has laid out; in a terminal too small to
        # show any (height 0) there are none, and paging would fail with a KeyError.
        return (
            self.scrollable_content_region.height > 0
            and (self.highlighted or 0) in self._index_to_line
        )

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


class GrowingOptionList(KeyboardOptionList):
    """An option list that lays out its rows as the reader reaches them, a page ahead.

    Textual lays out every option it is given; hundreds of rows (a long result list, the dates
    of a long article) took a large part of a second. Subclasses say how to make rows.
    """

    FIRST_ROWS = 60
    MORE_ROWS = 100
    NEAR_END = 15

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shown = 0  # rows laid out
        self.row_count = 0  # rows there are

    def make_options(self, start: int, end: int) -> list[Option | None]:
        """The options (None for a rule) for rows start to end."""
        raise NotImplementedError

    def reset_rows(self, row_count: int, first: int | None = None) -> None:
        self.clear_options()
        self.shown, self.row_count = 0, row_count
        self.show_more(first or self.FIRST_ROWS)

    def show_more(self, count: int) -> None:
        end = min(self.row_count, self.shown + count)
        if end > self.shown:
            self.add_options(self.make_options(self.shown, end))
            self.shown = end

    def select(self, index: int) -> None:
        """Highlight row `index`, laying out the rows up to it first."""
        if index >= self.shown:
            self.show_more(index - self.shown + self.MORE_ROWS)
        self.highlighted = index

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None and highlighted >= self.shown - self.NEAR_END:
            self.show_more(self.MORE_ROWS)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        near_end = (
            self.max_scroll_y > 0
            and new_value >= self.max_scroll_y - self.scrollable_content_region.height
        )
        if near_end and self.shown < self.row_count:
            self.show_more(self.MORE_ROWS)
