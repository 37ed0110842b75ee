"""newsreader's query tree: what a query asks for, before any index engine reads it.

Leaves hold the text as the user typed it (an engine analyses it as it indexed its fields);
`field` None means the article's title and body.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


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


Leaf = Word | Phrase | Prefix | Wildcard | Fuzzy | DateRange
Query = Leaf | And | Or | Not


def leaves(node: Query, negated: bool = False) -> list[tuple[Leaf, bool]]:
    """Every leaf of the tree, with whether a NOT stands above it."""
    if isinstance(node, Not):
        return leaves(node.child, not negated)
    if isinstance(node, And | Or):
        return [leaf for child in node.children for leaf in leaves(child, negated)]
    return [(node, negated)]
