"""The Whoosh index of a corpus: its schema, and keeping it in step with the files on disk.

Beside the Whoosh files, `manifest.json` records the stat (mtime, size) of every file indexed or
skipped, so that a launch re-reads only what is new or changed. The manifest is rewritten after each
commit; if the process dies between the two, the next update re-indexes those files by path, which
replaces rather than doubles them.
"""
from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import StandardAnalyzer, StemmingAnalyzer
from whoosh.filedb.filestore import RamStorage
from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh import query as wq
from whoosh.index import LockError

from .dates import TemporalExpression, period_start
from .extraction import extract_or_nothing
from .loading import FileStamp, SkippedFile, UnreadableFile, discover, read_article
from .textsafety import path_text

SCHEMA_VERSION = 4
DATE_PUBLISHED, DATE_INFERRED, DATE_FROM_FILE = "published", "inferred", "file"
MANIFEST = "manifest.json"
COMMIT_EVERY_DOCS = 2000
COMMIT_EVERY_SECONDS = 3.0
PARALLEL_FROM = 1000  # files: below this, starting worker processes costs more than it saves
CHUNK_FILES = 32  # files per task sent to a worker process
CHUNKS_AHEAD = 4  # tasks in flight per worker
DELETE_BATCH = 1000  # paths per deletion query


class DayField(DATETIME):
    """Dates to the day, one index term per value.

    Whoosh's DATETIME indexes eight terms per value, so that ranges stay fast over millions of
    distinct timestamps; an archive names some thousands of distinct days, which a range walks
    quickly, and one term each makes indexing the dates eight times cheaper.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shift_step = 0


def build_schema() -> Schema:
    return Schema(
        # File names need not be UTF-8; the index term is a valid-Unicode form, the stored value exact.
        path_key=ID(unique=True),
        path=STORED,
        id=ID(stored=True),
        title=TEXT(analyzer=StemmingAnalyzer(), stored=True, field_boost=2.0),
        body=TEXT(analyzer=StemmingAnalyzer(), stored=True),
        source=TEXT(analyzer=StandardAnalyzer(stoplist=None), stored=True),
        published=STORED,
        sort_date=DayField(stored=True, sortable=True),
        date_kind=STORED,
        date=DayField(),
        person=KEYWORD(commas=True, lowercase=True, scorable=True),
        # Canonical names as written: its lexicon lists the corpus's people, with article counts.
        person_name=KEYWORD(commas=True),
        people=STORED,
        # The dates and people found at indexing, so that opening an article does not extract them again.
        analysis=STORED,
    )


@dataclass(frozen=True)
class IndexProgress:
    done: int
    total: int
    path: str = ""


@dataclass
class UpdateReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    busy: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


@dataclass
class _Manifest:
    files: dict[str, tuple[int, int]] = field(default_factory=dict)
    skipped: dict[str, tuple[int, int, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> _Manifest | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("schema") != SCHEMA_VERSION:
                return None
            return cls({k: (v[0], v[1]) for k, v in data["files"].items()},
                       {k: (v[0], v[1], v[2]) for k, v in data["skipped"].items()})
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    def save(self, path: Path) -> None:
        temporary = path.with_name(path.name + f".{os.getpid()}.tmp")
        data = {"schema": SCHEMA_VERSION, "files": self.files, "skipped": self.skipped}
        temporary.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temporary, path)


def _date_values(dates: tuple[TemporalExpression, ...]) -> list[dt.datetime]:
    days = {period_start(d.value) for d in dates if d.type in ("DATE", "TIME")}
    return sorted(dt.datetime.combine(d, dt.time()) for d in days if d is not None)


def _prepare(stamp: FileStamp) -> dict[str, object] | SkippedFile:
    try:
        return prepare_document(stamp)
    except UnreadableFile as error:
        return SkippedFile(stamp.path, str(error))


def _prepared(todo: list[FileStamp]) -> Iterator[dict[str, object] | SkippedFile]:
    """Documents for the files in order. Reading and extraction take most of the time, so on a large
    corpus they run in worker processes while this one writes the index."""
    workers = os.cpu_count() or 1
    if len(todo) < PARALLEL_FROM or workers < 2:
        yield from map(_prepare, todo)
        return
    chunks = [todo[i:i + CHUNK_FILES] for i in range(0, len(todo), CHUNK_FILES)]
    # Spawned, not forked: the reader that asks for this may hold threads.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        # A few chunks ahead only: when the index writer falls behind, finished documents must not
        # pile up in memory (all 100,000 of a large archive would take gigabytes).
        pending = deque(pool.submit(_prepare_chunk, chunk) for chunk in chunks[:CHUNKS_AHEAD * workers])
        following = iter(chunks[CHUNKS_AHEAD * workers:])
        while pending:
            documents = pending.popleft().result()
            chunk = next(following, None)
            if chunk is not None:
                pending.append(pool.submit(_prepare_chunk, chunk))
            yield from documents


def _prepare_chunk(stamps: list[FileStamp]) -> list[dict[str, object] | SkippedFile]:
    return [_prepare(stamp) for stamp in stamps]


def prepare_document(stamp: FileStamp) -> dict[str, object]:
    """Read, clean and analyse one file into the fields of its index document."""
    article = read_article(stamp.path)
    extraction, problem = extract_or_nothing(article.body, article.published)
    reference = extraction.reference
    if article.published:
        sort_date, date_kind = dt.datetime.combine(article.published, dt.time()), DATE_PUBLISHED
    elif reference:
        sort_date, date_kind = dt.datetime.combine(reference.date, dt.time()), DATE_INFERRED
    else:
        # Only for ordering: a file's mtime says when it was saved, not when the story was written.
        sort_date, date_kind = dt.datetime.fromtimestamp(stamp.mtime_ns / 1e9).replace(microsecond=0), DATE_FROM_FILE
    keys = set()
    for person in extraction.people:
        keys.add(person.name.lower())
        keys.add(person.name.split()[-1].lower())
    dates = _date_values(extraction.dates)
    if article.published:
        dates.append(dt.datetime.combine(article.published, dt.time()))
    return {
        "path": stamp.path,
        "path_key": path_text(stamp.path),
        "id": article.id,
        "title": article.title,
        "body": article.body,
        "source": article.source or "",
        "published": dt.datetime.combine(article.published, dt.time()) if article.published else None,
        "sort_date": sort_date,
        "date_kind": date_kind,
        "date": dates or None,
        "person": ",".join(sorted(k.replace(",", " ") for k in keys)),
        "person_name": ",".join(sorted({p.name.replace(",", " ") for p in extraction.people})),
        "people": [(p.name, len(p.mentions), p.role)
                   for p in sorted(extraction.people, key=lambda p: -len(p.mentions))],
        # None after a failure: the reader extracts again when the article is opened, and says why.
        "analysis": None if problem else extraction.to_record(),
    }


def _delete_paths(writer, paths: list[str]) -> None:
    if not paths:
        return
    with writer.searcher() as searcher:
        for i in range(0, len(paths), DELETE_BATCH):
            terms = [wq.Term("path_key", path_text(path)) for path in paths[i:i + DELETE_BATCH]]
            writer.delete_by_query(wq.Or(terms), searcher=searcher)


class CorpusIndex:
    """One corpus's index directory: opened, rebuilt when unusable, updated incrementally."""

    def __init__(self, index_dir: Path, roots: list[Path]) -> None:
        self.index_dir = index_dir
        self.roots = roots
        self.schema = build_schema()
        self.notices: list[str] = []
        self.in_memory = False
        self._index: whoosh_index.Index | None = None
        self._memory_manifest = _Manifest()

    @property
    def manifest_path(self) -> Path:
        return self.index_dir / MANIFEST

    def open(self) -> whoosh_index.Index:
        """Open the index, creating it, or rebuilding it when its schema is old or it is damaged."""
        if self._index is not None:
            return self._index
        try:
            self.index_dir.mkdir(parents=True, exist_ok=True)
            probe = self.index_dir / f".probe-{os.getpid()}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as error:
            # No place to keep the index (read-only, full, not a folder): keep it in memory this time.
            self.notices.append(f"Cannot write the index at {self.index_dir} ({error.strerror or error}); "
                                "using a temporary index in memory, rebuilt at each launch.")
            self.in_memory = True
            self._index = RamStorage().create_index(self.schema)
            return self._index
        if any(self.index_dir.glob("_MAIN_*.toc")):
            manifest = _Manifest.load(self.manifest_path)
            if manifest is None:
                self.notices.append("The index was made by another version of newsreader; rebuilding it.")
            else:
                try:
                    index = whoosh_index.open_dir(str(self.index_dir))
                    with index.searcher() as searcher:
                        searcher.doc_count()
                    self._index = index
                    return index
                except Exception as error:  # Whoosh raises many kinds of error for damaged files
                    self.notices.append(f"The index was damaged ({type(error).__name__}); rebuilding it.")
            self._clear()
        self._index = whoosh_index.create_in(str(self.index_dir), self.schema)
        _Manifest().save(self.manifest_path)
        return self._index

    def _clear(self) -> None:
        # Only our own files: the index directory is ours, but be exact about what we delete.
        for entry in self.index_dir.iterdir():
            if entry.is_file() and (entry.name == MANIFEST or entry.name.startswith(("MAIN_", "_MAIN_"))):
                entry.unlink(missing_ok=True)


    def update(self, on_progress: Callable[[IndexProgress], None] | None = None) -> UpdateReport:
        index = self.open()
        manifest = self._memory_manifest if self.in_memory else (_Manifest.load(self.manifest_path) or _Manifest())
        stamps, discovery_skips = discover(self.roots)
        report = UpdateReport(skipped=list(discovery_skips))
        current = {s.path: s for s in stamps}
        removed = [p for p in list(manifest.files) + list(manifest.skipped) if p not in current]
        todo: list[FileStamp] = []
        for stamp in stamps:
            known = manifest.files.get(stamp.path)
            skipped = manifest.skipped.get(stamp.path)
            if known == (stamp.mtime_ns, stamp.size):
                report.unchanged += 1
            elif skipped and skipped[:2] == (stamp.mtime_ns, stamp.size):
                report.skipped.append(SkippedFile(stamp.path, skipped[2]))
            else:
                todo.append(stamp)
        if not todo and not removed:
            return report
        try:
            writer = index.writer(timeout=0.5)
        except LockError:
            report.busy = True
            return report
        try:
            removed_files = [path for path in removed if path in manifest.files]
            report.removed = len(removed_files)
            # Whoosh's update_document opens a searcher for every document, which makes a large first
            # index several times slower: delete what is replaced in one pass, then only add. A commit
            # that landed without its manifest (the process was killed between the two) left documents
            # the manifest does not know; then every file read now replaces its old copy.
            if index.doc_count() > len(manifest.files):
                stale = [stamp.path for stamp in todo]
            else:
                stale = [stamp.path for stamp in todo if stamp.path in manifest.files]
            _delete_paths(writer, removed_files + stale)
            for path in removed:
                manifest.files.pop(path, None)
                manifest.skipped.pop(path, None)
            last_commit = time.monotonic()
            pending = 0
            for done, (stamp, document) in enumerate(zip(todo, _prepared(todo)), 1):
                if isinstance(document, SkippedFile):
                    manifest.skipped[stamp.path] = (stamp.mtime_ns, stamp.size, document.reason)
                    manifest.files.pop(stamp.path, None)
                    report.skipped.append(document)
                else:
                    writer.add_document(**{k: v for k, v in document.items() if v is not None})
                    if stamp.path in manifest.files:
                        report.updated += 1
                    else:
                        report.added += 1
                    manifest.files[stamp.path] = (stamp.mtime_ns, stamp.size)
                    manifest.skipped.pop(stamp.path, None)
                    pending += 1
                if on_progress:
                    on_progress(IndexProgress(done, len(todo), stamp.path))
                if pending >= COMMIT_EVERY_DOCS or (pending and time.monotonic() - last_commit > COMMIT_EVERY_SECONDS):
                    # Commit as we go, so that search sees what is indexed so far.
                    writer.commit()
                    self._save(manifest)
                    writer = index.writer(timeout=5)
                    pending, last_commit = 0, time.monotonic()
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        self._save(manifest)
        return report

    def _save(self, manifest: _Manifest) -> None:
        if not self.in_memory:
            manifest.save(self.manifest_path)
