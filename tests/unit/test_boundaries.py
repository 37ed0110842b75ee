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


@pytest.mark.parametrize(
    "path", sorted([*(REPO / "search").rglob("*.py"), *(REPO / "tui").rglob("*.py")]), ids=str
)
@pytest.mark.parametrize("engine", ["whoosh", "tantivy"])
def test_an_engine_library_is_imported_only_in_its_engine_room(path, engine):
    room = REPO / "search" / "engines" / engine
    if room in path.parents:
        return
    assert [name for name in imported_modules(path) if name.split(".")[0] == engine] == []


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_imports(path: Path, modules: set[str]) -> set[str]:
    """The modules of `modules` that `path` imports when it is loaded (imports inside functions
    run later and make no cycle at loading)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found & modules


def test_the_engine_has_no_import_cycles():
    paths = sorted((REPO / "search").rglob("*.py"))
    modules = {_module_name(p) for p in paths}
    graph = {_module_name(p): _module_imports(p, modules) for p in paths}
    # A package's __init__ importing its own modules is how a package exports; a cycle is a module
    # that needs, through others, itself.
    for name in graph:
        graph[name] = {m for m in graph[name] if not name.startswith(m + ".")}
    visiting: list[str] = []
    done: set[str] = set()

    def visit(name: str) -> None:
        if name in done:
            return
        assert name not in visiting, " -> ".join([*visiting[visiting.index(name) :], name])
        visiting.append(name)
        for imported in sorted(graph[name]):
            visit(imported)
        visiting.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)
