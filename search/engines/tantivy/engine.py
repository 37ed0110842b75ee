"""The tantivy index engine: an index of Rust's tantivy in the `tantivy/` folder of the index
folder, for archives that outgrow Whoosh. It is an optional extra (`newsreader[tantivy]`)."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import tantivy
from tantivy import Query as TQ

from ...pipeline import document_or_skipped
from ...query import Query
from ...records import IndexDocument, StoredArticle
from ...sources.files import FileStamp, SkippedFile
from ...stories.features import StoryFeatures
from ..engine import BatchDone, EngineWriter, Found, IndexBusy, IndexDamaged
from ..folder import FolderEngine
from ..whoosh.analysis import indexed_words
from ..worker_pool import file_done, in_workers
from .schema import build_schema, document_fields, stored_article, story_features, tantivy_document
from .translate import tantivy_query

NAME = "tantivy"
FOLDER = "tantivy"  # inside the index folder, beside the manifest and the stories
WRITER_HEAP_BYTES = 96_000_000  # tantivy's indexing buffer, shared by its threads
WRITER_THREADS = 2
LOOKUP_BATCH = 1000  # articles read by identity in one query


def _documents_of(analyse: bool, stamps: list[FileStamp]) -> list[dict[str, object] | SkippedFile]:
    """In a worker process: read and analyse (or not) files into what tantivy indexes."""
    outcomes: list[dict[str, object] | SkippedFile] = []
    for done, stamp in enumerate(stamps, 1):
        outcome = document_or_skipped(stamp, analyse)
        outcomes.append(outcome if isinstance(outcome, SkippedFile) else document_fields(outcome))
        file_done(done)
    file_done(len(stamps), last=True)
    return outcomes


def _busy(error: ValueError) -> bool:
    return "lock" in str(error).lower()


class TantivyWriter:
    """tantivy's writer for one update: it stays open across commits, and the last releases it."""

    def __init__(self, index: tantivy.Index, schema: tantivy.Schema) -> None:
        self.schema = schema
        try:
            self.writer = index.writer(WRITER_HEAP_BYTES, WRITER_THREADS)
        except ValueError as error:
            if _busy(error):
                raise IndexBusy() from None
            raise
        self._committed = index.searcher().num_docs
        self._added: list[dict[str, object]] = []

    def add(self, document: IndexDocument) -> None:
        self.add_fields(document_fields(document))

    def add_fields(self, fields: dict[str, object]) -> None:
        # Held until the commit: tantivy's deletions apply to every document added before them,
        # and the old versions that the commit deletes must go, not the new ones.
        self._added.append(fields)

    def delete(self, ids: list[str]) -> None:
        for article_id in ids:
            self.writer.delete_documents_by_term("id", article_id)

    def commit(self, last: bool = False, merge: bool = True, adopt: object = None) -> None:
        # tantivy merges segments in its own threads, whatever `merge` says.
        for fields in self._added:
            self.writer.add_document(tantivy_document(fields, self.schema))
        try:
            self.writer.commit()
        except ValueError as error:  # a disk error, as tantivy says one: the index is as it was
            raise OSError(f"the index could not be written: {error}") from error
        self._committed += len(self._added)
        self._added = []
        if last:
            self.writer.wait_merging_threads()  # and the lock goes with the writer

    def cancel(self) -> None:
        try:
            self.writer.rollback()
            self.writer.wait_merging_threads()
        except Exception:  # the writer may be gone with its folder; the lock goes with the process
            pass

    def document_count(self) -> int:
        return self._committed


class TantivyEngine(FolderEngine[tantivy.Index]):
    """One index folder of tantivy's (see search/engines/engine.py for what each method does)."""

    name = NAME
    damage_signs = (ValueError, IndexDamaged)  # tantivy's errors are ValueErrors

    def __init__(self, index_dir: Path) -> None:
        super().__init__(index_dir)
        self.folder = index_dir / FOLDER
        self.schema = build_schema()
        self._searcher: tantivy.Searcher | None = None
        self._seen: tuple[int, int] | None = None  # meta.json's stat when last read
        self._words: dict[str, list[str]] = {}  # field -> its indexed words, for this searcher

    def _index_exists(self) -> bool:
        return self.folder.is_dir()

    def _open_existing(self) -> tantivy.Index:
        """The index, with its first and last articles read, so that damage shows at opening."""
        index = tantivy.Index(self.schema, str(self.folder), reuse=True)
        index.reload()
        searcher = index.searcher()
        if searcher.num_docs:
            for order in (tantivy.Order.Asc, tantivy.Order.Desc):
                hits = searcher.search(
                    TQ.all_query(), 1, count=False, order_by_field="sort_key", order=order
                ).hits
                for _, address in hits:
                    stored_article(searcher.doc(address))
        return index

    def _create(self) -> tantivy.Index:
        self.folder.mkdir()
        return tantivy.Index(self.schema, str(self.folder), reuse=False)

    def _in_memory_index(self) -> tantivy.Index:
        return tantivy.Index(self.schema)

    def writer(self) -> TantivyWriter:
        return TantivyWriter(self._opened(), self.schema)

    def index_in_workers(
        self, todo: list[FileStamp], writer: EngineWriter, batch_done: BatchDone, analyse: bool
    ) -> Iterator[int]:
        assert isinstance(writer, TantivyWriter)

        def take(batch: list[FileStamp], outcomes: list[dict[str, object] | SkippedFile]) -> None:
            for outcome in outcomes:
                if not isinstance(outcome, SkippedFile):
                    writer.add_fields(outcome)
            batch_done(batch, [o if isinstance(o, SkippedFile) else None for o in outcomes], None)

        return in_workers(todo, functools.partial(_documents_of, analyse), take)

    def _meta_stamp(self) -> tuple[int, int] | None:
        try:
            stat = (self.folder / "meta.json").stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def _searching(self) -> tantivy.Searcher:
        if self._searcher is None:
            index = self._opened()
            self._seen = self._meta_stamp()
            index.reload()
            self._searcher = index.searcher()
            self._words = {}
        return self._searcher

    def refresh(self) -> None:
        # A new searcher only when a commit landed: it would lose the words read for expansion.
        if self._searcher is not None and (self.in_memory or self._meta_stamp() != self._seen):
            self.close()

    def close(self) -> None:
        self._searcher = None
        self._words = {}

    def count(self) -> int:
        return self._searching().num_docs

    def _field_words(self, field_name: str) -> list[str]:
        if field_name not in self._words:
            listed = self._searching().terms_with_prefix(field_name, "")
            self._words[field_name] = sorted(word for word, _ in listed)
        return self._words[field_name]

    def search(self, query: Query | None, newest_first: bool, limit: int | None) -> Found:
        searcher = self._searching()
        wanted = max(limit if limit is not None else searcher.num_docs, 1)
        if query is None:
            compiled, marked = TQ.all_query(), dict[str, set[str]]()
            newest_first = True
        else:
            compiled, marked = tantivy_query(self.schema, query, self._field_words)
        result = searcher.search(
            compiled,
            wanted,
            count=True,
            order_by_field="sort_key" if newest_first else None,
        )
        hits = result.hits[:limit] if limit is not None else result.hits
        articles = [
            (stored_article(searcher.doc(address)), 0.0 if newest_first else float(score))
            for score, address in hits
        ]
        # tantivy's type stubs leave out the count its results carry.
        count = getattr(result, "count", None)
        total = count if count is not None else len(result.hits)
        return Found(
            articles,
            total,
            frozenset(marked.get("body", ())),
            frozenset(marked.get("person", ())),
        )

    def _documents(self, query: tantivy.Query, at_most: int) -> Iterator[tantivy.Document]:
        """The documents an id query finds: `at_most` bounds the collector tantivy sets up."""
        searcher = self._searching()
        result = searcher.search(query, max(at_most, 1), count=False)
        return (searcher.doc(address) for _, address in result.hits)

    def article(self, article_id: str) -> StoredArticle | None:
        found = list(self._documents(TQ.term_query(self.schema, "id", article_id), 1))
        return stored_article(found[0]) if found else None

    def _live_terms(self, field_name: str) -> list[tuple[str, int]]:
        """A field's words with the number of live articles holding them (deleted ones stay in
        the dictionary until their segment is merged)."""
        listed = self._searching().terms_with_prefix(field_name, "", filter_query=TQ.all_query())
        return [(word, count) for word, count in listed if count]

    def people(self) -> list[tuple[str, int]]:
        return sorted(self._live_terms("person_name"), key=lambda entry: (-entry[1], entry[0]))

    def article_ids(self) -> set[str]:
        return {word for word, _ in self._live_terms("id")}

    def story_features(self, article_ids: list[str]) -> Iterator[StoryFeatures]:
        for start in range(0, len(article_ids), LOOKUP_BATCH):
            ids = article_ids[start : start + LOOKUP_BATCH]
            query = TQ.term_set_query(self.schema, "id", ids)
            found = self._documents(query, len(ids))
            yield from (story_features(document) for document in found)

    def indexed_words(self, text: str) -> Iterator[tuple[int, int, str]]:
        return indexed_words(text)
