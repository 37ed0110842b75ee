"""Prefix, wildcard and fuzzy words turned into the indexed words they stand for, read from the
sorted list of a field's words, with Whoosh's Levenshtein automata. The tantivy engine expands
words here too, so that `rain~2` matches the same words whichever engine holds the index.
"""

from __future__ import annotations

import bisect
import fnmatch
import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

from whoosh.automata import lev

from ...query import MAX_EXPANDED_WORDS, QuerySyntaxError


@lru_cache(maxsize=64)
def levenshtein_dfa(text: str, maxdist: int, prefix: int):
    return lev.levenshtein_automaton(text, maxdist, prefix).to_dfa()


def accepted(dfa, words: list[str]) -> Iterator[str]:
    """The words the automaton accepts, leaping through the sorted list as Whoosh leaps through
    its term files, but with bisect in memory instead of seeks on disk."""
    position, term = 0, words[0] if words else None
    while term is not None:
        candidate = dfa.next_valid_string(term)
        if candidate is None:
            return
        position = bisect.bisect_left(words, candidate, position)
        if position == len(words):
            return
        term = words[position]
        if term == candidate:
            yield term
            term += "\0"


def with_prefix(prefix: str, words: list[str]) -> Iterator[str]:
    for position in range(bisect.bisect_left(words, prefix), len(words)):
        if not words[position].startswith(prefix):
            return
        yield words[position]


def matching_pattern(pattern: str, words: list[str]) -> Iterator[str]:
    """The words a glob (`*`, `?`) matches, as Whoosh's Wildcard matches them (fnmatch)."""
    literal = re.split(r"[*?\[]", pattern, maxsplit=1)[0]
    compiled = re.compile(fnmatch.translate(pattern))
    return (word for word in with_prefix(literal, words) if compiled.match(word))


def at_most(found: Iterator[str], text: str, fuzzy: bool) -> list[str]:
    """The words found, or a message when they are too many: a wildcard that stands for half the
    dictionary would be a minute's search, not an answer."""
    words = list(itertools.islice(found, MAX_EXPANDED_WORDS + 1))
    if len(words) > MAX_EXPANDED_WORDS:
        raise QuerySyntaxError(
            f"{text}{'~' if fuzzy else '*'} stands for more than {MAX_EXPANDED_WORDS:,} words: "
            "add letters to narrow it"
        )
    return words


def standing_for(
    kind: str, form: str, words: list[str], edits: int = 0, prefix: int = 0
) -> list[str]:
    """The words of the sorted `words` that a "prefix", "wildcard" or "fuzzy" word (`edits` away,
    its first `prefix` letters kept) in its indexed `form` stands for, as many as a search may
    take."""
    if kind == "fuzzy":
        found = accepted(levenshtein_dfa(form, edits, prefix), words)
    elif kind == "prefix":
        found = with_prefix(form, words)
    else:
        found = matching_pattern(form, words)
    return at_most(found, form, kind == "fuzzy")
