"""newsreader's query tree: what a query asks for, before any index engine reads it.

Leaves hold the text as the user typed it (an engine analyses it as it indexed its fields);
`field` None means the article's title and body.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# The fields a word is searched in when the query names none, with their weight in the ranking.
DEFAULT_FIELDS = (("title", 2.0), ("body", 1.0))


@dataclass(frozen=True)
class Word:
    """A word (or a 'single-quoted' term, spaces and all) that must occur."""

    field: str | None
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase:
    """Words in this order, at most `slop` positions apart."""

    field: str | None
    text: str
    slop: int = 1
    boost: float = 1.0


@dataclass(frozen=True)
class Prefix:
    """Words that start with `text` (talk*)."""

    field: str | None
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Wildcard:
    """Words that match a pattern of `*` (any letters) and `?` (one letter)."""

    field: str | None
    pattern: str
    boost: float = 1.0


@dataclass(frozen=True)
class Fuzzy:
    """Words at most `edits` edits away from `text`, the first `prefix` letters unchanged."""

    field: str | None
    text: str
    edits: int = 1
    prefix: int = 0
    boost: float = 1.0


@dataclass(frozen=True)
class DateRange:
    """Articles naming a day from `first` to `last`, both included; None is open-ended."""

    first: dt.date | None
    last: dt.date | None
    boost: float = 1.0


@dataclass(frozen=True)
class State:
    """What the reader did or kept: is:read, is:unread, is:starred, tag:NAME, and query:NAME (a
    saved search)."""

    kind: str  # "read", "unread", "starred", "tag", "query" or "story"
    value: str = ""  # the tag, or the saved search's name
    boost: float = 1.0


@dataclass(frozen=True)
class Ids:
    """These articles (by identity, or by the content hash older read marks used): what a State
    becomes once the reading state is consulted."""

    ids: frozenset[str]
    boost: float = 1.0


@dataclass(frozen=True)
class And:
    children: tuple[Query, ...]
    boost: float = 1.0


@dataclass(frozen=True)
class Or:
    children: tuple[Query, ...]
    boost: float = 1.0


@dataclass(frozen=True)
class Not:
    child: Query


Leaf = Word | Phrase | Prefix | Wildcard | Fuzzy | DateRange | State | Ids
Query = Leaf | And | Or | Not
