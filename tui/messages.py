"""The messages the app's workers post to it: results arrive on the UI thread as messages.

Dataclasses, as Textual's own messages are (Message.__post_init__ sets a message up).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from search import Extraction, IndexProgress, SearchHit, SearchResults, UpdateReport

if TYPE_CHECKING:  # the feeds' modules load only when a fetch starts
    from search import FeedResult


class IndexingCancelled(Exception):
    """Raised from a progress callback to stop indexing that nobody waits for any more."""


@dataclass
class LibraryUnavailable(Message):
    text: str


@dataclass
class IndexRebuiltNotice(Message):
    text: str


@dataclass
class LibraryOpened(Message):
    notices: list[str]
    count: int


@dataclass
class SearchFinished(Message):
    results: SearchResults


@dataclass
class SearchFailed(Message):
    query: str
    message: str


@dataclass
class ArticleAnalysed(Message):
    hit: SearchHit
    extraction: Extraction
    hit_spans: list[list[tuple[int, int]]]
    focus: bool


@dataclass
class IndexingProgressed(Message):
    progress: IndexProgress


@dataclass
class IndexingFinished(Message):
    report: UpdateReport | None
    error: str | None = None


@dataclass
class FeedsProgressed(Message):
    result: FeedResult
    done: int
    total: int


@dataclass
class FeedsFetched(Message):
    results: list[FeedResult]
    error: str | None = None
