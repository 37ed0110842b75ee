"""The Whoosh index engine: one index folder, opened, rebuilt when unusable, kept in memory when it
cannot be written, and searched."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.codec.base import Segment
from whoosh.filedb.filestore import RamStorage
from whoosh.index import LockError
from whoosh.reading import SegmentReader
from whoosh.searching import Searcher
from whoosh.writing import SegmentWriter

from ... import index_folder
from ...query import Query
from ...records import IndexDocument, StoredArticle
from ...sources.files import FileStamp
from ...stories.features import StoryFeatures
from ..engine import BatchDone, EngineWriter, Found, IndexBusy
from ..folder import FolderEngine
from . import analysis, searching, workers
from .schema import build_schema, document_fields, stored_article, story_features
from .translate import whoosh_query
from .words import expand_fuzzy

DELETE_BATCH = 1000  # ids per deletion query
DELETE_BY_QUERY_AT_MOST = 200  # ids: more are found by walking the segments' identities
SMALL_SEGMENT_DOCS = 500  # segments with fewer live documents are small,
SMALL_SEGMENTS_TO_MERGE = 8  # and merged together when there are this many


def _merge_small_segments(writer: SegmentWriter, segments: list[Segment]) -> list[Segment]:
    """A Whoosh merge policy: once small segments pile up, fold them into the one being written.

    Whoosh's default (MERGE_SMALL) also merges large segments once there are many of them, which
    on a large archive turned a catch-up of ten files into minutes of merging in one process. A
    merge costs per distinct word, seconds even for a few hundred articles, so small segments are
    left alone until there are enough of them to slow searching.
    """
    segments = workers.live_segments(segments)
    small = [segment for segment in segments if segment.doc_count() < SMALL_SEGMENT_DOCS]
    if len(small) < SMALL_SEGMENTS_TO_MERGE:
        return segments
    for segment in small:
        writer.add_reader(SegmentReader(writer.storage, writer.schema, segment))
    return [segment for segment in segments if segment not in small]


def _verify(index: whoosh_index.Index) -> None:
    """Touch the files of each segment, so that a damaged index fails here, at opening, and not at
    the reader's first search: the stored fields and dates of its first and last documents, and the
    postings of the first word of each field. (Damage this misses is found while searching.)"""
    with index.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            live = [n for n in (0, leaf.doc_count_all() - 1) if n >= 0 and not leaf.is_deleted(n)]
            for docnum in live:
                stored_article(leaf.stored_fields(docnum))
                if leaf.has_column("sort_date"):
                    leaf.column_reader("sort_date")[docnum]
            for name in leaf.indexed_field_names():
                for term in itertools.islice(leaf.lexicon(name), 1):
                    next(leaf.postings(name, term).all_ids(), None)


LOOKUPS_AT_MOST = 1000  # articles read one by one; more are read in one pass over the index


class WhooshWriter:
    """Whoosh's writer for one update; after each commit but the last it opens the next one."""

    def __init__(self, index: whoosh_index.Index) -> None:
        self.index = index
        self.writer = index.writer(timeout=0.5, **workers.WRITER_OPTIONS)

    def add(self, document: IndexDocument) -> None:
        self.writer.add_document(**document_fields(document))

    def delete(self, ids: list[str]) -> None:
        if len(ids) > DELETE_BY_QUERY_AT_MOST:
            self._delete_many(set(ids))
            return
        with self.writer.searcher() as searcher:
            for i in range(0, len(ids), DELETE_BATCH):
                terms = [wq.Term("id", article_id) for article_id in ids[i : i + DELETE_BATCH]]
                self.writer.delete_by_query(wq.Or(terms), searcher=searcher)

    def _delete_many(self, ids: set[str]) -> None:
        """Delete many articles (a batch that words-first indexing analysed) by walking each
        segment's identities once: looking each one up costs a seek per segment, which was a
        minute in one process for an archive of 100,000 articles."""
        with self.writer.reader() as reader:
            for leaf, offset in reader.leaf_readers():
                if "id" not in leaf.indexed_field_names():
                    continue
                for word in leaf.lexicon("id"):
                    if word.decode("utf-8") in ids:
                        for docnum in leaf.postings("id", word).all_ids():
                            if not leaf.is_deleted(docnum):
                                self.writer.delete_document(offset + docnum)

    def commit(self, last: bool = False, merge: bool = True, adopt: object = None) -> None:
        if adopt is not None:  # segments the workers wrote, merged with nothing
            self.writer.commit(mergetype=workers.adopting(adopt))  # type: ignore[arg-type]
        elif merge:
            self.writer.commit(mergetype=_merge_small_segments)
        else:
            self.writer.commit(merge=False)
        if not last:
            self.writer = self.index.writer(timeout=5, **workers.WRITER_OPTIONS)

    def cancel(self) -> None:
        try:
            self.writer.cancel()
        except Exception:  # the writer may be gone with its folder; the lock goes with the process
            pass

    def document_count(self) -> int:
        return sum(segment.doc_count() for segment in self.writer.segments)


class WhooshEngine(FolderEngine[whoosh_index.Index]):
    """One index folder of Whoosh's (see search/engines/engine.py for what each method does)."""

    name = "whoosh"

    def __init__(self, index_dir: Path) -> None:
        super().__init__(index_dir)
        self.schema = build_schema()
        self._searcher: Searcher | None = None

    def _index_exists(self) -> bool:
        return any(self.index_dir.glob("_MAIN_*.toc"))

    def _open_existing(self) -> whoosh_index.Index:
        index = whoosh_index.open_dir(str(self.index_dir))
        _verify(index)
        return index

    def _create(self) -> whoosh_index.Index:
        return whoosh_index.create_in(str(self.index_dir), self.schema)

    def _in_memory_index(self) -> whoosh_index.Index:
        return RamStorage().create_index(self.schema)

    def writer(self) -> WhooshWriter:
        try:
            writer = WhooshWriter(self._opened())
        except LockError:
            raise IndexBusy() from None
        if not self.in_memory:
            # Folders that worker processes of a killed run left behind (the lock is ours now).
            for entry in self.index_dir.glob(index_folder.INCOMING_PREFIX + "*"):
                shutil.rmtree(entry, ignore_errors=True)
        return writer

    def index_in_workers(
        self, todo: list[FileStamp], writer: EngineWriter, batch_done: BatchDone, analyse: bool
    ) -> Iterator[int]:
        return workers.index_in_workers(self.index_dir, todo, batch_done, analyse)

    def _searching(self) -> Searcher:
        if self._searcher is None:
            self._searcher = self._opened().searcher()
        return self._searcher

    def refresh(self) -> None:
        if self._searcher is not None and not self._searcher.up_to_date():
            # Searcher.refresh() fails when the old reader was empty (Whoosh bug): reopen instead.
            self.close()

    def close(self) -> None:
        if self._searcher is not None:
            try:
                self._searcher.close()
            except Exception:  # closing the files of a damaged or deleted index may fail too
                pass
            self._searcher = None

    def count(self) -> int:
        return self._searching().doc_count()

    def search(self, query: Query | None, newest_first: bool, limit: int | None) -> Found:
        searcher = self._searching()
        if query is None:
            docnums = searching.newest(searcher, limit)
            found, total = [(docnum, 0.0) for docnum in docnums], searcher.doc_count()
            terms: set[str] = set()
            people: set[str] = set()
        else:
            compiled = expand_fuzzy(whoosh_query(query), searcher.reader())
            found, total = searching.ranked(searcher, compiled, limit, newest_first)
            # The words to mark in the text: title: asks nothing of the body.
            terms = searching.matched_words(compiled, searcher, ("body",))
            people = searching.matched_words(compiled, searcher, ("person",))
        articles = [(stored_article(searcher.stored_fields(n)), score) for n, score in found]
        return Found(articles, total, frozenset(terms), frozenset(people))

    def article(self, article_id: str) -> StoredArticle | None:
        fields = self._searching().document(id=article_id)
        return stored_article(fields) if fields else None

    def people(self) -> list[tuple[str, int]]:
        return searching.people_counts(self._searching())

    def article_ids(self) -> set[str]:
        # Segment by segment: asking the whole index whether each id is live seeks in every
        # segment's term file per id, seconds on a large archive at every catch-up. In a segment
        # without deletions every id of its lexicon is live.
        ids: set[str] = set()
        for leaf, _ in self._searching().reader().leaf_readers():
            if "id" not in leaf.indexed_field_names():
                continue
            for word in leaf.lexicon("id"):
                if leaf.has_deletions() and all(
                    leaf.is_deleted(docnum) for docnum in leaf.postings("id", word).all_ids()
                ):
                    continue  # a deleted article's id stays in its segment's lexicon
                ids.add(word.decode("utf-8") if isinstance(word, bytes) else word)
        return ids

    def story_features(self, article_ids: list[str]) -> Iterator[StoryFeatures]:
        searcher = self._searching()
        if len(article_ids) > LOOKUPS_AT_MOST:  # after a first index: one pass over all
            wanted = set(article_ids)
            found = (f for f in searcher.all_stored_fields() if f.get("id") in wanted)
        else:
            found = (searcher.document(id=article_id) for article_id in article_ids)
        return (story_features(fields) for fields in found if fields)

    def indexed_words(self, text: str) -> Iterator[tuple[int, int, str]]:
        return analysis.indexed_words(text)
