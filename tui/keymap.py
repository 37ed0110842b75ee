"""Every key of the reader, grouped by where it acts, read from the bindings themselves: what the
help screen lists. (config.toml's [keymap] rebinds them by their ids.)"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from textual.binding import Binding, BindingType

from .widgets.article_list import ArticleList
from .widgets.keyboard_list import KeyboardOptionList
from .widgets.reading_view import ReadingView
from .widgets.search_box import QueryInput

_SIDE_PANEL_ENTER = "Person: search the corpus; date: show it"


def _bindings(declared: list[BindingType]) -> list[Binding]:
    return [b for b in declared if isinstance(b, Binding)]


def _as_remapped(groups: list[tuple[str, list[Binding]]], keymap: Mapping[str, str]):
    """The bindings with the keys config.toml's [keymap] gives them, as the app applies it."""
    return [
        (
            title,
            [
                replace(b, key=keymap[b.id], key_display=None) if b.id in keymap else b
                for b in bindings
            ],
        )
        for title, bindings in groups
    ]


def binding_groups(
    app_bindings: list[BindingType], keymap: Mapping[str, str] | None = None
) -> list[tuple[str, list[Binding]]]:
    everywhere = [b for b in _bindings(app_bindings) if b.id != "leave_search"]
    leave_search = [b for b in _bindings(app_bindings) if b.id == "leave_search"]
    everywhere += [
        Binding("ctrl+p", "command_palette", "Command palette", key_display="Ctrl+P"),
        Binding("tab", "focus_next", "Next pane", key_display="Tab / Shift+Tab"),
    ]
    list_keys = _bindings(KeyboardOptionList.BINDINGS)
    groups = [
        ("Everywhere", everywhere),
        ("Search box", [*leave_search, *_bindings(QueryInput.BINDINGS)]),
        (
            "Article list",
            [
                Binding("enter", "select", "Open the article", key_display="Enter"),
                *_bindings(ArticleList.BINDINGS),
                *list_keys,
            ],
        ),
        ("Reading view", _bindings(ReadingView.BINDINGS)),
        (
            "Side panel",
            [
                Binding(
                    "enter",
                    "select",
                    "Person: search the corpus; date: show it",
                    key_display="Enter",
                ),
                *list_keys,
            ],
        ),
    ]
    return _as_remapped(groups, keymap or {})
