"""Index engines behind one protocol (engine.py): Whoosh, the default, and tantivy, an optional
extra for archives that outgrow it. Each lives in a room of its own, imported only when chosen."""

from __future__ import annotations

from pathlib import Path

from .engine import IndexEngine

ENGINES = ("whoosh", "tantivy")
DEFAULT_ENGINE = "whoosh"


class EngineUnavailable(Exception):
    """The engine asked for is unknown, or not installed; the message says what to do."""


def make_engine(name: str, index_dir: Path) -> IndexEngine:
    if name == "whoosh":
        from .whoosh import WhooshEngine

        return WhooshEngine(index_dir)
    if name == "tantivy":
        try:
            from .tantivy import TantivyEngine
        except ImportError as error:
            raise EngineUnavailable(
                f"the tantivy engine is not installed ({error}): pip install 'newsreader[tantivy]'"
            ) from None
        return TantivyEngine(index_dir)
    raise EngineUnavailable(f"unknown engine {name!r}: the engines are {', '.join(ENGINES)}")
