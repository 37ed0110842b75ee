"""The `?` screen: every key binding, read from the bindings themselves, and the query syntax."""

from __future__ import annotations

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from search import QUERY_HELP

from .modal import ClosingModal


def bindings_table(groups: list[tuple[str, list[Binding]]], key_style: Style) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style=key_style, no_wrap=True)
    table.add_column()
    for title, bindings in groups:
        table.add_row(Text(title, style="bold underline"), "")
        seen: set[str] = set()
        for binding in bindings:
            if binding.action in seen:
                continue
            seen.add(binding.action)
            keys = binding.key_display or binding.key.replace("question_mark", "?").replace(
                "slash", "/"
            )
            table.add_row(Text(keys), Text(binding.description or binding.action))
        table.add_row("", "")
    return table


class HelpScreen(ClosingModal[None]):
    COMPONENT_CLASSES = {"help--key", "help--query"}
    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="help_close"),
        Binding("q", "dismiss", "Close", show=False, id="help_close_q"),
        Binding("question_mark", "dismiss", "Close", show=False, id="help_close_question"),
    ]

    def __init__(self, groups: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        syntax = Table.grid(padding=(0, 2))
        syntax.add_column(style=self.get_component_rich_style("help--query"), no_wrap=True)
        syntax.add_column()
        for example, meaning in QUERY_HELP:
            syntax.add_row(Text(example), Text(meaning))
        with VerticalScroll(id="help-body"):
            yield Static(Text("newsreader — keys", style="bold"), classes="help-title")
            key_style = self.get_component_rich_style("help--key")
            yield Static(bindings_table(self.groups, key_style), id="help-bindings")
            yield Static(Text("Query syntax", style="bold"), classes="help-title")
            yield Static(syntax, id="help-syntax")
            yield Static(Text("Esc closes this screen.", style="dim"))
