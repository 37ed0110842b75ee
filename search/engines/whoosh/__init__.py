"""The Whoosh index engine: the only place newsreader imports Whoosh."""

from .engine import WhooshEngine

__all__ = ["WhooshEngine"]
