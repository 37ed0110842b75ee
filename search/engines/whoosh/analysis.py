"""Words as the index holds them: the words of a text as the title and body fields index them,
with their places in the text, and the forms a query's words take in each field. The tantivy
engine reads words through this module too, so that both engines stem and split them the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import STOP_WORDS
from whoosh.analysis.tokenizers import default_pattern
from whoosh.lang.porter import stem

from .schema import build_schema

_stem = lru_cache(maxsize=100_000)(stem)
_MIN_WORD = 2


def indexed_words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, indexed form) of each word of `text` that the index keeps.

    The indexed form is what StemmingAnalyzer(), the analyser of the title and body fields, makes of
    a word: lower case, stop words and one-letter words dropped, Porter stem. Done here without its
    token objects it runs ten times faster, so a search can mark the snippets of many results.
    """
    for match in default_pattern.finditer(text):
        word = match.group().lower()
        if len(word) >= _MIN_WORD and word not in STOP_WORDS:
            yield match.start(), match.end(), _stem(word)


_SCHEMA = build_schema()


def query_forms(field: str, text: str, whole: bool) -> list[str]:
    """The indexed forms of a query's `text` in `field`; `whole` keeps it one word (a prefix, a
    pattern) with its stop words, as the words it stands for were indexed."""
    return list(
        _SCHEMA[field].process_text(text, mode="query", tokenize=not whole, removestops=not whole)
    )


def phrase_forms(field: str, text: str) -> list[str]:
    """The indexed forms of a phrase's words, in order (its stop words dropped, as at indexing)."""
    return [token.text for token in _SCHEMA[field].tokenize(text, mode="query")]
