"""Small modal questions: a yes or no, and a tag to add or remove (completing existing tags)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from .modal import ClosingModal


class ConfirmScreen(ClosingModal[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm_yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm_no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-body"):
            yield Static(Text(self.question, style="bold"))
            yield Static(Text("y: yes · n or Esc: no", style="dim"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class TagScreen(ClosingModal[str | None]):
    """Enter adds the tag typed; a tag the article has already is removed."""

    BINDINGS = [Binding("escape", "dismiss", "Close", id="tag_close")]

    def __init__(self, title: str, current: list[str], known: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.current = current
        self.known = known

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-body"):
            yield Static(Text(self.title_text, style="bold"))
            has = ", ".join(self.current) if self.current else "none"
            yield Static(Text(f"Tags now: {has}", style="dim"))
            yield Input(
                placeholder="a tag (Tab completes; one it has is removed)",
                suggester=SuggestFromList(self.known, case_sensitive=False),
                id="tag-input",
            )

    def on_mount(self) -> None:
        self.query_one("#tag-input", Input).focus()

    @on(Input.Submitted, "#tag-input")
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)


class NameScreen(ClosingModal[str | None]):
    """A name for something (a saved search)."""

    BINDINGS = [Binding("escape", "dismiss", "Close", id="name_close")]

    def __init__(self, question: str, placeholder: str) -> None:
        super().__init__()
        self.question = question
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-body"):
            yield Static(Text(self.question, style="bold"))
            yield Input(placeholder=self.placeholder, id="name-input")

    def on_mount(self) -> None:
        self.query_one("#name-input", Input).focus()

    @on(Input.Submitted, "#name-input")
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(" ".join(event.value.split()) or None)
