"""What the reader keeps of each article: read, starred, tags and reading position."""

from .store import StateStore

__all__ = ["StateStore"]
