"""What the help screen says of the query language, written from its own definitions, and the
person queries the reader makes for the user."""

from __future__ import annotations

import re

from .checks import MAX_BOOST, MAX_EDITS, MIN_WILDCARD_LETTERS, SEARCH_FIELDS
from .parser import OPERATORS

# Each example, and what it finds.
QUERY_HELP: tuple[tuple[str, str], ...] = (
    ("words", "all must match; stemmed: talk finds talks, talked"),
    ('"a phrase"', "the words in this order"),
    (
        "a OR b, NOT a (or -a), (a OR b) c",
        f"{', '.join(OPERATORS)} (or lower case), and parentheses",
    ),
    ("talk*", f"words that start so ({MIN_WILDCARD_LETTERS} letters at least before the *)"),
    ("tlak~  Hegseht~2", f"fuzzy: one edit away, or up to {MAX_EDITS}"),
    ("summit^3", f"weigh a word more in the ranking (up to {MAX_BOOST:g})"),
    ("title:summit  source:reuters", "a word in one field: " + ", ".join(SEARCH_FIELDS)),
    ('feed:"Harbour News"', "the articles fetched from one feed"),
    ("is:unread  is:read  is:starred", "what you have read, or not, and starred"),
    ("tag:later", "articles you tagged so"),
    ("story:12", "the articles of one story (its number is on the Story screen)"),
    ("query:hegseth", "a saved search, inside another query"),
    ('person:"Pete Hegseth"  person:hegseth', "articles naming a person"),
    ("date:2025-10  date:[2025-10-01 TO 2025-12-31]", "articles naming a day in that range"),
    ("date:>2025-06  date:<=2025", "after, or up to, a date"),
)


def person_keys(name: str) -> set[str]:
    """What `person:` matches a person by: the full name, and the surname alone."""
    lowered = name.lower()
    return {lowered, lowered.split()[-1]} if lowered.split() else set()


def field_query(field: str, value: str) -> str:
    """The query for `value` in one field, whatever quotes it holds: a value with a double quote
    in it ('Dwayne "The Rock" Johnson') is written as one single-quoted term."""
    if '"' not in value:
        return f'{field}:"{value}"'
    if "'" not in value:
        return f"{field}:'{value}'"
    return f"{field}:" + re.sub(r"[^\w-]", "", value.split()[-1])


def person_query(name: str) -> str:
    """The query for the articles naming `name`."""
    return field_query("person", name)
