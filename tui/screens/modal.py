"""The base of the reader's screens over the panes."""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen

Result = TypeVar("Result")


class ClosingModal(ModalScreen[Result]):
    """A modal screen that closes once: keys typed in one burst (Esc, Enter, q) ask it to close
    twice, and Textual would then pop the screen beneath it or fail on the spent result."""

    def dismiss(self, result: Result | None = None) -> AwaitComplete:
        if self.app.screen is not self or getattr(self, "_dismissed_once", False):
            return AwaitComplete()
        self._dismissed_once = True
        return super().dismiss(result)
