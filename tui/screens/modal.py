"""The base of the reader's screens over the panes."""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.await_complete import AwaitComplete
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import ModalScreen

Result = TypeVar("Result")


class ClosingModal(ModalScreen[Result]):
    """A modal screen that closes once, and quietly.

    Keys typed in one burst (Esc, Enter, q) ask it to close twice, and Textual would then pop the
    screen beneath it or fail on the spent result. And a screen closed in the same burst that
    opened it may still be handed its mount or a key after its widgets are gone: looking one up
    then is no error (an error in a handler would end the whole app).
    """

    def dismiss(self, result: Result | None = None) -> AwaitComplete:
        if self.app.screen is not self or self._is_closing:
            return AwaitComplete()
        self._dismissed_once = True
        return super().dismiss(result)

    @property
    def _is_closing(self) -> bool:
        # Not attached: the whole app is quitting (a q typed in the burst that opened the screen).
        return (
            getattr(self, "_dismissed_once", False)
            or self not in self.app.screen_stack
            or not self.is_attached
        )

    async def _on_message(self, message: Message) -> None:
        try:
            await super()._on_message(message)
        except NoMatches:
            if self._is_closing:
                return
            # A burst of keys may also hand the screen its mount before the widgets inside its
            # containers are there (the seeded key storms met it in about one run in ten): fill it
            # after the next refresh, once.
            fill = getattr(self, "on_mount", None)
            if isinstance(message, events.Mount) and fill and not getattr(self, "_refilled", False):
                self._refilled = True
                self.call_after_refresh(fill)
                return
            raise
