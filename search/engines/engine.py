"""What an index engine does for newsreader. Whoosh's is the default (engines/whoosh/); another
engine implements these two protocols and nothing else in the engine changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from ..query import Query
from ..records import DATE_FROM_FILE, DATE_PUBLISHED, IndexDocument, PersonCount, StoredArticle
from ..sources.files import FileStamp, SkippedFile
from ..stories.features import StoryFeatures


class IndexBusy(Exception):
    """Another process is writing the index."""


class IndexDamaged(Exception):
    """The engine read something from the index that a sound index never holds."""


@dataclass(frozen=True)
class Found:
    """One search's answer, before snippets: articles with their scores, in order."""

    articles: list[tuple[StoredArticle, float]]
    total: int  # every match, however many are listed
    terms: frozenset[str]  # the indexed title and body words it matched, to mark them
    people: frozenset[str]  # the person keys it asked for


class EngineWriter(Protocol):
    """One writing session: documents added and deleted become searchable at each commit."""

    def add(self, document: IndexDocument) -> None: ...

    def delete(self, ids: list[str]) -> None: ...

    def commit(self, last: bool = False, merge: bool = True, adopt: object = None) -> None:
        """Make the changes searchable, merging small parts of the index unless told not to, and
        taking in what the engine's workers wrote (`adopt`, the engine's own). After the last
        commit the writer is closed."""

    def cancel(self) -> None: ...

    def document_count(self) -> int:
        """Documents committed so far, deleted ones included."""


# Called by an engine indexing in workers, for each batch done: the files of the batch, what became
# of each (None: indexed), and what the commit that records them must adopt.
BatchDone = Callable[[list[FileStamp], list[SkippedFile | None], object], None]


class IndexEngine(Protocol):
    name: str  # what the `engine` setting calls it
    notices: list[str]  # what happened to the index, for the user
    in_memory: bool  # no place on disk: rebuilt at each launch

    def open(self) -> None:
        """Open or create the index, rebuilding it when it is damaged or of another version;
        fall back to memory when it cannot be written."""

    def damage(self) -> str | None:
        """Why the index cannot be used (its folder gone, its files damaged), or None."""

    def rebuild(self, reason: str) -> None: ...

    def writer(self) -> EngineWriter:
        """Raises IndexBusy when another process is writing."""

    def index_in_workers(
        self, todo: list[FileStamp], writer: EngineWriter, batch_done: BatchDone, analyse: bool
    ) -> Iterator[int]:
        """Index many files in worker processes, yielding how many are done as they go; an
        engine that cannot yields nothing and leaves them to `add`. Without `analyse`, by their
        words only (pipeline.prepare_document)."""

    def refresh(self) -> None:
        """See what another process committed since the last search."""

    def close(self) -> None: ...

    def release(self) -> None:
        """Let go of the index and what it keeps in memory until it is used again (an index in
        memory is kept: it would be lost)."""

    def count(self) -> int: ...

    def search(self, query: Query | None, newest_first: bool, limit: int | None) -> Found:
        """The best `limit` articles (all with None); an empty query lists the newest."""

    def article(self, article_id: str) -> StoredArticle | None: ...

    def people(self) -> list[tuple[str, int]]:
        """Every person with the number of articles naming them."""

    def article_ids(self) -> set[str]:
        """The identity of every article in the index."""

    def story_features(self, article_ids: list[str]) -> Iterator[StoryFeatures]:
        """What grouping into stories reads of these articles (those still indexed), one at a
        time."""

    def indexed_words(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, indexed form) of each word of `text` as the title and body are indexed:
        what marks a search's words in an article."""


def stored_values(document: IndexDocument) -> dict[str, object]:
    """What every engine keeps of an article to give it back (stored_article reads it), by the
    names of IndexDocument's fields; its dates each engine keeps in its own way."""
    return {
        "id": document.id,
        "content_hash": document.content_hash,
        "path": document.path,
        "title": document.title,
        "body": document.body,
        "source": document.source,
        "url": document.url,
        "author": document.author,
        "feed": document.feed,
        "date_kind": document.date_kind,
        "people": [(p.name, p.mentions, p.role) for p in document.people],
    }


def stored_article(stored: dict, published: dt.date | None, date: dt.date | None) -> StoredArticle:
    """The article an engine kept: its stored values by the names of IndexDocument's fields, and
    its dates (which each engine stores in its own way)."""
    if "id" not in stored or "path" not in stored:
        # A damaged stored-fields file can decode to a record without them, not only fail to decode
        raise IndexDamaged("an article's stored fields lack its id or path")
    return StoredArticle(
        id=stored["id"],
        path=stored["path"],
        title=stored.get("title", ""),
        body=stored.get("body", ""),
        source=stored.get("source", ""),
        published=published,
        date=date,
        date_kind=stored.get("date_kind", DATE_FROM_FILE),
        people=tuple(PersonCount(*p) for p in stored.get("people") or ()),
        analysis=stored.get("analysis"),
        content_hash=stored.get("content_hash", ""),
        url=stored.get("url", ""),
        author=stored.get("author", ""),
        feed=stored.get("feed", ""),
    )


def story_features(article: StoredArticle, story_terms: dict[str, float] | None) -> StoryFeatures:
    return StoryFeatures(
        article.id,
        story_terms or {},
        article.date or dt.date(1970, 1, 1),
        article.date_kind == DATE_PUBLISHED,
        article.date_kind != DATE_FROM_FILE,
        article.source,
        article.title,
    )
