"""An option list that also moves with j and k, as readers of mail and news expect."""
from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class KeyboardOptionList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list_down"),
        Binding("k", "cursor_up", "Up", show=False, id="list_up"),
    ]
