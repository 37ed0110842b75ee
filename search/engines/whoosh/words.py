"""Fuzzy, prefix and wildcard words turned into the indexed words they stand for, fast on a large
index, and within a bound that keeps every search under a second."""

from __future__ import annotations

from whoosh import query

from .word_expansion import standing_for

_SEGMENT_WORDS: dict[tuple[str, str], list[str]] = {}
_MERGED_WORDS: dict[tuple[tuple[str, ...], str], list[str]] = {}


def _remember(cache: dict, key, limit: int, make):
    """`cache[key]`, made on first use; the oldest entry goes when there are `limit`."""
    if key not in cache:
        if len(cache) >= limit:
            del cache[next(iter(cache))]
        cache[key] = make()
    return cache[key]


def _field_words(readers: list, fieldname: str) -> list[str]:
    """The words of all the segments in one field, sorted and unique: one automaton walk for all.

    Segments never change, so their ids name the lists: a new searcher after each commit finds
    them again (a cache keyed by reader objects missed every time and kept old readers alive).
    """
    ids = tuple(reader.segment().segment_id() for reader in readers)

    def segment_words(reader, segment_id: str) -> list[str]:
        return _remember(
            _SEGMENT_WORDS,
            (segment_id, fieldname),
            256,
            lambda: [
                word.decode("utf-8") if isinstance(word, bytes) else word
                for word in reader.lexicon(fieldname)
            ],
        )

    def merged() -> list[str]:
        lists = [segment_words(reader, segment_id) for reader, segment_id in zip(readers, ids)]
        return sorted(set().union(*lists)) if len(lists) > 1 else (lists[0] if lists else [])

    return _remember(_MERGED_WORDS, (ids, fieldname), 8, merged)


def _expansion(node: query.Query, reader) -> list[str]:
    """The indexed words a fuzzy, prefix or wildcard word stands for, read from the sorted words
    of all segments by the code the tantivy engine uses too: both match the same words."""
    readers = [r for r, _ in reader.leaf_readers() if node.fieldname in r.indexed_field_names()]
    words = _field_words(readers, node.fieldname)
    if isinstance(node, FuzzyWord):
        return standing_for("fuzzy", node.text, words, node.maxdist, node.prefixlength)
    return standing_for(
        "prefix" if isinstance(node, query.Prefix) else "wildcard", node.text, words
    )


class FuzzyWord(query.FuzzyTerm):
    """Whoosh's FuzzyTerm, made fast enough for a large index.

    Whoosh builds the Levenshtein automaton again for every index segment, every field and every
    time the query asks for its words, and leaps through each segment's words with seeks in its
    term file, in Python. Here the automaton is built once, the words of all segments are read once
    into one sorted list in memory (some MB for 100,000 articles), where bisect does the leaping,
    and `expand_fuzzy` turns the word into the words it matches before the segments are searched.
    """

    def _btexts(self, ixreader):
        return _expansion(self, ixreader)


def expand_fuzzy(parsed: query.Query, reader) -> query.Query:
    """The query with each fuzzy or wildcard word replaced by the indexed words it matches in
    `reader`; a wildcard that stands for too many words is a message, not a minute's search."""

    def expand(node: query.Query) -> query.Query:
        if isinstance(node, FuzzyWord | query.Prefix | query.Wildcard):
            words = _expansion(node, reader)
            if not words:
                return query.NullQuery
            return query.Or([query.Term(node.fieldname, word) for word in words], boost=node.boost)
        return node

    return parsed.accept(expand)
