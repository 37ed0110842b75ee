"""Searching a Whoosh index: exact counts, the newest first, the words a query matched, and the
people of the corpus."""

from __future__ import annotations

from collections import Counter

from whoosh import collectors
from whoosh import query as wq
from whoosh.searching import Searcher

# Listed by date: dated articles first ("yes" sorts after "no", and the order is reversed), then
# newest first.
BY_DATE = ["dated", "sort_date"]


def newest(searcher: Searcher, limit: int | None) -> list[int]:
    """The newest documents first, read from the days they are filed under; the undated ones (a
    file's date is no article's) after all the others.

    Whoosh sorts by reading every document's date, some 100,000 reads on a large archive, which
    made the first list take most of a second; the days number only some thousands. They are read
    segment by segment: asking the whole index for one day looks for it in every segment.
    """
    undated = set(searcher.docs_for_query(wq.Term("dated", "no")))
    by_day: dict[bytes, list[int]] = {}
    for leaf, offset in searcher.reader().leaf_readers():
        # Numeric terms start with their tier: the days themselves are tier 0.
        for day in leaf.expand_prefix("sort_date", b"\x00"):
            found = by_day.setdefault(day, [])
            found.extend(offset + docnum for docnum in leaf.postings("sort_date", day).all_ids())
    dated: list[int] = []
    later: list[int] = []
    for day in sorted(by_day, reverse=True):
        for docnum in sorted(by_day[day]):
            (later if docnum in undated else dated).append(docnum)
        if limit is not None and len(dated) >= limit:
            return dated[:limit]
    return (dated + later)[:limit] if limit is not None else dated + later


def ranked(
    searcher: Searcher, query: wq.Query, limit: int | None, by_date: bool
) -> tuple[list[tuple[int, float]], int]:
    """The top `limit` documents with their scores, and how many match, in one exact pass.

    Whoosh's block-quality shortcut skips blocks that cannot reach the top; it then judges whether
    it counted every match by the last segment alone, and skips wrongly in AND and NOT queries:
    counts fell short by a sixth and a fifth of the top 20 was wrong. Every match is scored here.
    """
    wanted = max(limit, 1) if limit is not None else None
    collector: collectors.Collector
    if by_date:
        collector = collectors.SortingCollector(BY_DATE, limit=wanted, reverse=True)
    elif wanted is None:
        collector = collectors.UnlimitedCollector()
    else:
        # No block-quality skipping, and no "replacing" the matcher with one that drops the
        # documents that cannot reach the top: both make the count and the top 20 wrong.
        collector = collectors.TopCollector(limit=wanted, usequality=False, replace=0)
    searcher.search_with_collector(query, collector)
    results = collector.results()
    # Sorted by date, Whoosh reports the sort key as the score: that is no relevance.
    found = [(hit.docnum, 0.0 if by_date else float(hit.score or 0.0)) for hit in results]
    return found[:limit] if limit is not None else found, len(results)


def matched_words(query: wq.Query | None, searcher: Searcher, fields: tuple[str, ...]) -> set[str]:
    """The indexed words a query matches in `fields` (prefixes and fuzzy words expanded), the
    parts under a NOT left out.

    Whoosh's own Query.existing_terms drops every field after the first one it meets (its loop
    variable shadows its `fieldname` argument), so walk the tree here.
    """
    words: set[str] = set()
    reader = searcher.reader()

    def walk(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.AndNot):
            walk(node.a)
            return
        if node.is_leaf():
            if node.field() in fields:
                for _, text in node.expanded_terms(reader, phrases=True):
                    words.add(text.decode("utf-8") if isinstance(text, bytes) else text)
            return
        for child in node.children():
            walk(child)

    if query is not None:
        walk(query)
    return words


def people_counts(searcher: Searcher) -> list[tuple[str, int]]:
    """Every person in the index with the number of articles naming them, most named first."""
    counts: Counter[str] = Counter()
    # Segment by segment: asking the whole index for each name's count visits every segment per
    # name, 6 s for the 14,000 names of 100,000 articles instead of 0.4 s.
    for reader, _ in searcher.reader().leaf_readers():
        if "person_name" in reader.indexed_field_names():
            for term, info in reader.iter_field("person_name"):
                name = term.decode("utf-8") if isinstance(term, bytes) else term
                counts[name] += info.doc_frequency()
    return sorted(counts.items(), key=lambda entry: (-entry[1], entry[0]))
