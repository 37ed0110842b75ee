"""The engine's records: what an index holds and gives back, in no index engine's types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .extractors.extraction import ExtractionRecord
from .query import person_keys
from .sources.files import SkippedFile
from .text.safety import printable_path

DATE_PUBLISHED, DATE_INFERRED, DATE_FROM_FILE = "published", "inferred", "file"
RELEVANCE, NEWEST = "relevance", "date"


@dataclass(frozen=True)
class PersonCount:
    name: str
    mentions: int
    role: str | None


@dataclass(frozen=True)
class IndexDocument:
    """One article as an index engine receives it: what it searches, and what it keeps to show."""

    id: str  # the article's identity: for a file, its path, whatever its content becomes
    content_hash: str  # changes when the article's text does
    path: str
    title: str
    body: str
    source: str
    url: str  # where the article lives on the web ("" when it does not say)
    author: str
    feed: str  # the subscription it came from, or ""
    published: dt.date | None
    # Published, else inferred from the text, else the file's date (for sorting only).
    sort_date: dt.date
    date_kind: str  # DATE_PUBLISHED, DATE_INFERRED or DATE_FROM_FILE
    days: tuple[dt.date, ...]  # every day the article names, and the day it was published
    # What `person:` finds it by, full names and surnames, each as often as the person is named.
    person_keys: tuple[str, ...]
    person_names: tuple[str, ...]  # the canonical names, as written
    people: tuple[PersonCount, ...]  # most mentioned first
    # The dates and people found at indexing (None when extraction failed: the reader extracts
    # again when the article is opened, and says why).
    analysis: ExtractionRecord | None
    # What grouping into stories reads (stories/features.py): term -> count.
    story_terms: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredArticle:
    """An article as the index holds it: what the list and the reading view show."""

    id: str
    path: str
    title: str
    body: str
    source: str
    published: dt.date | None
    date: dt.date | None  # see IndexDocument.sort_date
    date_kind: str
    people: tuple[PersonCount, ...]
    analysis: ExtractionRecord | None = field(default=None, repr=False, compare=False)
    content_hash: str = ""
    url: str = ""
    author: str = ""
    feed: str = ""

    @property
    def date_label(self) -> str:
        """The date as the reader should see it: "~" marks a date inferred from the text."""
        if self.date is None or self.date_kind == DATE_FROM_FILE:
            return ""
        return ("~" if self.date_kind == DATE_INFERRED else "") + self.date.isoformat()

    @property
    def display_path(self) -> str:
        return printable_path(self.path)

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []


@dataclass(frozen=True)
class Snippet:
    text: str
    spans: tuple[tuple[int, int], ...]  # hit offsets into `text`


@dataclass(frozen=True)
class SearchHit:
    article: StoredArticle
    score: float
    snippet: Snippet


@dataclass(frozen=True)
class StorySummary:
    """A story of more than one article, as a list row shows it."""

    id: str
    members: tuple[str, ...]  # article ids, earliest first
    title: str  # the earliest article's
    sources: tuple[str, ...]  # its outlets, each once, earliest first
    latest: dt.date | None  # the day of its latest article (None: no article says when)


@dataclass(frozen=True)
class SearchResults:
    query: str
    total: int
    hits: tuple[SearchHit, ...]
    terms: frozenset[str]  # analysed query words, to mark hits in the reading view
    sort: str
    # The query's person: terms, lower case ("pete hegseth", "hegseth").
    people: frozenset[str] = frozenset()
    unread: int | None = None  # of `total`, the ones not read yet
    # The listed articles that belong to a story of more than one article.
    stories: dict[str, StorySummary] = field(default_factory=dict)

    @property
    def by_date(self) -> bool:
        """Listed newest first: asked for, or an empty query (nothing to rank by)."""
        return self.sort == NEWEST or not self.query.strip()

    def names_person(self, name: str) -> bool:
        """Whether the query asked for this person, by full name or by surname."""
        return bool(person_keys(name) & self.people)


# What an update is doing: reading and analysing files in one go; or, for many files, indexing
# them by their words first, and then analysing them (indexing.py).
STAGE_INDEXING, STAGE_WORDS, STAGE_ANALYSIS = "indexing", "words", "analysis"


@dataclass(frozen=True)
class IndexProgress:
    done: int
    total: int
    path: str = ""
    stage: str = STAGE_INDEXING


@dataclass
class UpdateReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    analysed: int = 0  # articles indexed by their words before, analysed now
    skipped: list[SkippedFile] = field(default_factory=list)
    busy: bool = False
    # Folders that could not be listed: their articles were kept, as they were.
    unavailable: list[str] = field(default_factory=list)
    # A large update leaves its stories to a process of its own (Library.update).
    stories_waiting: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.analysed)
