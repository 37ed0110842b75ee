"""The rooms and doors of the code: the engine never imports the UI, and the UI uses the engine
only through its package door, `search`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", sorted((REPO / "search").rglob("*.py")), ids=str)
def test_the_engine_never_imports_the_ui(path):
    forbidden = [
        name for name in imported_modules(path) if name.split(".")[0] in {"textual", "rich", "tui"}
    ]
    assert forbidden == []


@pytest.mark.parametrize("path", sorted((REPO / "tui").rglob("*.py")), ids=str)
def test_the_ui_reaches_the_engine_only_through_its_package(path):
    through_a_side_door = [name for name in imported_modules(path) if name.startswith("search.")]
    assert through_a_side_door == []
