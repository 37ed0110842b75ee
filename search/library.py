"""The engine's front door: a corpus on disk, its index, and searches over it."""

from __future__ import annotations

import datetime as dt
import pickle
import struct
import threading
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from whoosh import collectors
from whoosh import query as wq
from whoosh.searching import Searcher

from .background import IndexingFailed, update_in_background
from .extractors.extraction import Extraction, ExtractionRecord, extract_or_nothing
from .highlight import Snippet, hit_spans, make_snippet
from .index import CorpusIndex, IndexProgress, UpdateReport
from .index_folder import ForeignIndexFolder
from .paths import bundled_seeds_dir, default_index_dir
from .pipeline import DATE_FROM_FILE, DATE_INFERRED
from .query import QuerySyntaxError, expand_fuzzy, make_parser, parse, person_keys
from .text.safety import printable_path

RELEVANCE, NEWEST = "relevance", "date"
SNIPPETS_PER_SEARCH = 100


@dataclass(frozen=True)
class PersonCount:
    name: str
    mentions: int
    role: str | None


@dataclass(frozen=True)
class StoredArticle:
    """An article as the index holds it: what the list and the reading view show."""

    id: str
    path: str
    title: str
    body: str
    source: str
    published: dt.date | None
    # Published, else inferred from the text, else the file's date (for sorting only).
    date: dt.date | None
    date_kind: str  # DATE_PUBLISHED, DATE_INFERRED or DATE_FROM_FILE
    people: tuple[PersonCount, ...]
    analysis: ExtractionRecord | None = field(default=None, repr=False, compare=False)

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
class SearchHit:
    article: StoredArticle
    score: float
    snippet: Snippet


@dataclass(frozen=True)
class SearchResults:
    query: str
    total: int
    hits: tuple[SearchHit, ...]
    terms: frozenset[str]  # analysed query words, to mark hits in the reading view
    sort: str
    # The query's person: terms, lower case ("pete hegseth", "hegseth").
    people: frozenset[str] = frozenset()

    @property
    def by_date(self) -> bool:
        """Listed newest first: asked for, or an empty query (nothing to rank by)."""
        return self.sort == NEWEST or not self.query.strip()

    def names_person(self, name: str) -> bool:
        """Whether the query asked for this person, by full name or by surname."""
        return bool(person_keys(name) & self.people)


def _stored(fields: dict) -> StoredArticle:
    published = fields.get("published")
    sort_date = fields.get("sort_date")
    return StoredArticle(
        id=fields["id"],
        path=fields["path"],
        title=fields.get("title", ""),
        body=fields.get("body", ""),
        source=fields.get("source", ""),
        published=published.date() if published else None,
        date=sort_date.date() if sort_date else None,
        date_kind=fields.get("date_kind", DATE_FROM_FILE),
        people=tuple(PersonCount(*p) for p in fields.get("people") or ()),
        analysis=fields.get("analysis"),
    )


def _newest(searcher: Searcher, limit: int | None) -> list[int]:
    """The newest documents first, read from the days they are filed under.

    Whoosh sorts by reading every document's date, some 100,000 reads on a large archive, which
    made the first list take most of a second; the days number only some thousands.
    """
    reader = searcher.reader()
    docnums: list[int] = []
    # Numeric terms start with their tier: the days themselves are tier 0.
    for day in reversed(list(reader.expand_prefix("sort_date", b"\x00"))):
        docnums.extend(sorted(reader.postings("sort_date", day).all_ids()))
        if limit is not None and len(docnums) >= limit:
            return docnums[:limit]
    return docnums


def _ranked(
    searcher: Searcher, parsed: wq.Query, limit: int | None, by_date: bool
) -> tuple[list[tuple[int, float]], int]:
    """The top `limit` documents with their scores, and how many match, in one exact pass.

    Whoosh's block-quality shortcut skips blocks that cannot reach the top; it then judges whether
    it counted every match by the last segment alone, and skips wrongly in AND and NOT queries:
    counts fell short by a sixth and a fifth of the top 20 was wrong. Every match is scored here.
    """
    wanted = max(limit, 1) if limit is not None else None
    collector: collectors.Collector
    if by_date:
        collector = collectors.SortingCollector("sort_date", limit=wanted, reverse=True)
    elif wanted is None:
        collector = collectors.UnlimitedCollector()
    else:
        # No block-quality skipping, and no "replacing" the matcher with one that drops the
        # documents that cannot reach the top: both make the count and the top 20 wrong.
        collector = collectors.TopCollector(limit=wanted, usequality=False, replace=0)
    searcher.search_with_collector(parsed, collector)
    results = collector.results()
    # Sorted by date, Whoosh reports the sort key as the score: that is no relevance.
    found = [(hit.docnum, 0.0 if by_date else float(hit.score or 0.0)) for hit in results]
    return found[:limit] if limit is not None else found, len(results)


# What reading damaged index files raises (a truncated lengths file gives None where a number
# belongs); an AssertionError or the like is Whoosh failing on a query, not damage.
_DAMAGE_SIGNS = (TypeError, struct.error, zlib.error, EOFError, pickle.UnpicklingError, OSError)


class IndexRebuilt(Exception):
    """The index was found damaged or gone while in use, and was started again empty: the caller
    should update it. The message says what happened, for the user."""


class Library:
    """A corpus (folders and files), the index that serves it, and the searches a reader runs."""

    def __init__(
        self,
        roots: list[Path] | None = None,
        index_dir: Path | None = None,
        catch_up_here: bool = False,
    ) -> None:
        self.roots = [Path(r).expanduser() for r in roots] if roots else [bundled_seeds_dir()]
        self.index_dir = index_dir or default_index_dir(self.roots)
        self._corpus = CorpusIndex(self.index_dir, self.roots)
        self._parser = make_parser(self._corpus.schema)
        self._searcher: Searcher | None = None
        self._lock = threading.Lock()
        self._extract = lru_cache(maxsize=32)(extract_or_nothing)
        # Catch up in this process instead of the isolated indexer: for tests and benchmarks that
        # must not wait for an interpreter to start.
        self._catch_up_here = catch_up_here

    @property
    def notices(self) -> list[str]:
        return self._corpus.notices

    @property
    def in_memory(self) -> bool:
        """True when the index could not be kept on disk: another process cannot update it."""
        return self._corpus.in_memory

    def open(self) -> None:
        self._corpus.open()

    def update(self, on_progress: Callable[[IndexProgress], None] | None = None) -> UpdateReport:
        """Bring the index up to date in this process."""
        report = self._corpus.update(on_progress)
        self.refresh()
        return report

    def catch_up(self, on_progress: Callable[[IndexProgress], None] | None = None) -> UpdateReport:
        """Bring the index up to date in a separate, isolated process (search/indexer.py), so that
        this one stays responsive; `on_progress` may raise to stop it. An index kept in memory
        can only be updated here."""
        if self.in_memory or self._catch_up_here:
            return self.update(on_progress)
        for item in update_in_background(self.roots, self.index_dir):
            if isinstance(item, IndexProgress):
                if on_progress:
                    on_progress(item)
            else:
                self.refresh()
                return item
        raise IndexingFailed("the indexing process ended without a report")

    def refresh(self) -> None:
        """See what another process (the indexer) has committed since the last search."""
        with self._lock, self._engine_faults():
            if self._searcher is not None and not self._searcher.up_to_date():
                # Searcher.refresh() fails when the old reader was empty (Whoosh bug): reopen
                # instead.
                self._drop_searcher()

    @contextmanager
    def _engine_faults(self) -> Iterator[None]:
        """Turn a failure inside the index engine into something the reader can act on: a damaged
        or vanished index is rebuilt (IndexRebuilt), and a query that the engine cannot run on a
        sound index is a message (QuerySyntaxError). Neither stops the program."""
        try:
            yield
        except (QuerySyntaxError, ForeignIndexFolder, IndexRebuilt):
            raise
        except Exception as error:
            self._drop_searcher()
            damage = self._corpus.damage()
            if damage is None and not isinstance(error, _DAMAGE_SIGNS):
                raise QuerySyntaxError(
                    f"this search could not be run ({type(error).__name__}: {error})"
                ) from error
            self._corpus.rebuild(damage or f"The index was damaged ({type(error).__name__})")
            raise IndexRebuilt(self._corpus.notices[-1]) from error

    def _drop_searcher(self) -> None:
        if self._searcher is not None:
            try:
                self._searcher.close()
            except Exception:  # closing the files of a damaged or deleted index may fail too
                pass
            self._searcher = None

    def _get_searcher(self) -> Searcher:
        if self._searcher is None:
            self._searcher = self._corpus.open().searcher()
        return self._searcher

    def close(self) -> None:
        with self._lock:
            self._drop_searcher()

    def count(self) -> int:
        with self._lock, self._engine_faults():
            return self._get_searcher().doc_count()

    def search(self, text: str, sort: str = RELEVANCE, limit: int | None = 500) -> SearchResults:
        """Run a query (raises QuerySyntaxError with a message for the user)."""
        parsed = parse(text, self._parser)
        wanted = None if limit is None else max(limit, 0)
        with self._lock, self._engine_faults():
            searcher = self._get_searcher()
            if parsed is not None:
                parsed = expand_fuzzy(parsed, searcher.reader())
            by_date = parsed is None or sort == NEWEST
            if parsed is None:
                found = [(docnum, 0.0) for docnum in _newest(searcher, wanted)]
                total = searcher.doc_count()
            else:
                found, total = _ranked(searcher, parsed, wanted, by_date)
            terms = self._terms(parsed, searcher)
            people = self._terms(parsed, searcher, fields=("person",))
            hits = []
            for rank, (docnum, score) in enumerate(found):
                article = _stored(searcher.stored_fields(docnum))
                snippet = (
                    make_snippet(article.body, hit_spans(article.body, terms))
                    if rank < SNIPPETS_PER_SEARCH
                    else make_snippet(article.body, [])
                )
                hits.append(SearchHit(article, score, snippet))
        return SearchResults(text, total, tuple(hits), terms, sort, people)

    def _terms(
        self,
        parsed: wq.Query | None,
        searcher: Searcher,
        fields: tuple[str, ...] = ("title", "body"),
    ) -> frozenset[str]:
        """The indexed words a query matches (prefixes and fuzzy terms expanded), NOT parts left
        out.

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

        if parsed is not None:
            walk(parsed)
        return frozenset(words)

    def article(self, doc_id: str) -> StoredArticle | None:
        with self._lock, self._engine_faults():
            fields = self._get_searcher().document(id=doc_id)
        return _stored(fields) if fields else None

    def analyse(self, article: StoredArticle) -> tuple[Extraction, str | None]:
        """Dates and people of an article's cleaned text, with offsets into `article.body`,
        and what went wrong if they could not be extracted."""
        if article.analysis is not None:
            return Extraction.from_record(article.analysis, article.body), None
        # Searching as one types re-opens the same article after every keystroke: extract it once.
        return self._extract(article.body, article.published)

    def people(self) -> list[tuple[str, int]]:
        """Every person in the corpus with the number of articles naming them, most named first."""
        counts: Counter[str] = Counter()
        with self._lock, self._engine_faults():
            # Segment by segment: asking the whole index for each name's count visits every
            # segment per name, 6 s for the 14,000 names of 100,000 articles instead of 0.4 s.
            for reader, _ in self._get_searcher().reader().leaf_readers():
                if "person_name" in reader.indexed_field_names():
                    for term, info in reader.iter_field("person_name"):
                        counts[term.decode("utf-8") if isinstance(term, bytes) else term] += (
                            info.doc_frequency()
                        )
        return sorted(counts.items(), key=lambda entry: (-entry[1], entry[0]))
