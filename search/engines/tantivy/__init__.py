"""The tantivy index engine, for large archives: `pip install 'newsreader[tantivy]'`."""

from .engine import TantivyEngine

__all__ = ["TantivyEngine"]
