"""The Whoosh index of a corpus: its schema, and keeping it in step with the files on disk.

Beside the Whoosh files, `manifest.json` records the stat (mtime, size) of every file indexed or
skipped, so that a launch re-reads only what is new or changed. The manifest is rewritten after each
commit; if the process dies between the two, the next update re-indexes those files by path, which
replaces rather than doubles them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import multiprocessing
import multiprocessing.queues
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import StandardAnalyzer, StemmingAnalyzer
from whoosh.codec.base import Segment
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.index import LockError
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from . import index_folder
from .index_folder import MANIFEST
from .pipeline import prepare_document
from .sources.files import Discovery, FileStamp, SkippedFile, UnreadableFile, discover
from .text.safety import path_text

SCHEMA_VERSION = 8  # 8: every stored field is safe text
COMMIT_EVERY_DOCS = 2000
COMMIT_EVERY_SECONDS = 3.0
PARALLEL_FROM = 1000  # files: below this, starting worker processes costs more than it saves
FIRST_BATCH_FILES = 500  # files a worker process indexes into one segment: at first,
BATCH_FILES = 8000  # and at most
PROGRESS_EVERY_FILES = 25
PROGRESS_SECONDS = 0.1
PARENT_CHECK_SECONDS = 0.5
DELETE_BATCH = 1000  # paths per deletion query
SMALL_SEGMENT_DOCS = 500  # segments with fewer live documents are small,
SMALL_SEGMENTS_TO_MERGE = 8  # and merged together when there are this many
# A compound segment (one file) is copied into memory, part by part, whenever a reader opens it;
# separate files are read in place, which keeps opening a large index fast and its memory small.
WRITER_OPTIONS = {"compound": False}


class DayField(DATETIME):
    """Dates to the day, indexed as day numbers.

    Whoosh's DATETIME indexes microseconds in eight tiers of terms, so that ranges stay fast over
    any spread of timestamps. Articles name days: as day numbers (some 740,000, twenty bits) the
    same tiers hold a handful of distinct terms each, and a range of decades walks a few of them.
    With one term per value instead, a range such as date:>1990 had to join some 10,000 days.
    """

    def prepare_datetime(self, x):
        if isinstance(x, dt.datetime):
            return x.toordinal()
        return super().prepare_datetime(x)

    def from_column_value(self, x):
        return dt.datetime.fromordinal(x)

    def from_bytes(self, bs):
        return dt.datetime.fromordinal(NUMERIC.from_bytes(self, bs))

    def parse_query(self, fieldname, qstring, boost=1.0):
        return self.parse_range(fieldname, qstring, qstring, False, False, boost)

    def parse_range(self, fieldname, start, end, startexcl, endexcl, boost=1.0):
        if start is None and end is None:
            return wq.Every(fieldname, boost=boost)
        try:
            first = self._parse_datestring(start).floor().toordinal() if start is not None else None
            last = self._parse_datestring(end).ceil().toordinal() if end is not None else None
        except Exception as error:  # Whoosh raises bare Exception for a date it cannot read
            return wq.error_query(error)
        return wq.NumericRange(fieldname, first, last, startexcl, endexcl, boost=boost)


def build_schema() -> Schema:
    return Schema(
        # File names need not be UTF-8; the index term is a valid-Unicode form, the stored value
        # exact.
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
        # The dates and people found at indexing, so that opening an article does not extract them
        # again.
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
    # Folders that could not be listed: their articles were kept, as they were.
    unavailable: list[str] = field(default_factory=list)

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
            return cls(
                {k: (v[0], v[1]) for k, v in data["files"].items()},
                {k: (v[0], v[1], v[2]) for k, v in data["skipped"].items()},
            )
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    @staticmethod
    def schema_of(path: Path) -> int | None:
        """The schema version a manifest was written for, read from its first bytes: opening a
        large archive's index must not wait for its manifest (megabytes) to be parsed."""
        try:
            with open(path, "rb") as handle:
                match = re.match(rb'\{"schema": (\d+),', handle.read(64))
        except OSError:
            return None
        return int(match.group(1)) if match else None

    def save(self, path: Path) -> None:
        temporary = path.with_name(path.name + f".{os.getpid()}.tmp")
        data = {"schema": SCHEMA_VERSION, "files": self.files, "skipped": self.skipped}
        temporary.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temporary, path)


def _index_file(writer: SegmentWriter, stamp: FileStamp) -> SkippedFile | None:
    """Read, analyse and add one file to `writer`; what was wrong with it if it cannot be read."""
    try:
        document = prepare_document(stamp)
    except UnreadableFile as error:
        return SkippedFile(stamp.path, str(error), error.retry)
    writer.add_document(**{k: v for k, v in document.items() if v is not None})
    return None


@dataclass
class _Batch:
    """What a worker process indexed: its segment, in a folder of its own, and each outcome."""

    folder: str
    segment: Segment | None
    outcomes: list[SkippedFile | None]  # per file, in order: None when indexed


_progress: multiprocessing.queues.Queue | None = None


def _init_worker(progress: multiprocessing.queues.Queue, parent: int) -> None:
    global _progress
    _progress = progress
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A worker whose indexing process died (killed, or the reader quit) stops at once instead of
    finishing its batch for no one and then waiting forever for the next."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _index_batch(index_dir: str, stamps: list[FileStamp]) -> _Batch:
    """In a worker process: read, analyse and index files into a new segment of their own.

    The segment is written into a private folder beside the index (Whoosh removes files it does not
    know from the index folder at each commit, and dot-names are left alone); the writer moves it
    in.
    """
    folder = tempfile.mkdtemp(prefix=index_folder.INCOMING_PREFIX, dir=index_dir)
    index = whoosh_index.create_in(folder, build_schema())
    writer = index.writer(**WRITER_OPTIONS)
    outcomes: list[SkippedFile | None] = []
    for done, stamp in enumerate(stamps, 1):
        outcomes.append(_index_file(writer, stamp))
        if _progress is not None and done % PROGRESS_EVERY_FILES == 0:
            _progress.put(PROGRESS_EVERY_FILES)
    writer.commit()
    if _progress is not None:
        _progress.put(len(stamps) % PROGRESS_EVERY_FILES)
    with index.reader() as reader:
        segment = reader.segment() if reader.doc_count_all() else None
    return _Batch(folder, segment, outcomes)


def _batches(todo: list[FileStamp], workers: int) -> list[list[FileStamp]]:
    """Small batches first, so that search soon has something to show; then large ones, so that
    the index ends with few segments (each one costs every search a little); and smaller again
    towards the end, so that no worker is left alone with a large last batch."""
    batches, size, position = [], FIRST_BATCH_FILES, 0
    while position < len(todo):
        share = max(FIRST_BATCH_FILES, (len(todo) - position) // (2 * workers))
        batch = todo[position : position + min(size, share)]
        batches.append(batch)
        position += len(batch)
        size = min(size * 2, BATCH_FILES)
    return batches


def _merge_small_segments(writer: SegmentWriter, segments: list[Segment]) -> list[Segment]:
    """A Whoosh merge policy: once small segments pile up, fold them into the one being written.

    Whoosh's default (MERGE_SMALL) also merges large segments once there are many of them, which
    on a large archive turned a catch-up of ten files into minutes of merging in one process. A
    merge costs per distinct word, seconds even for a few hundred articles, so small segments are
    left alone until there are enough of them to slow searching.
    """
    small = [segment for segment in segments if segment.doc_count() < SMALL_SEGMENT_DOCS]
    if len(small) < SMALL_SEGMENTS_TO_MERGE:
        return list(segments)
    for segment in small:
        writer.add_reader(SegmentReader(writer.storage, writer.schema, segment))
    return [segment for segment in segments if segment not in small]


def _adopting(segments: list[Segment]):
    """A Whoosh merge policy that merges nothing and adds the workers' segments to the index."""

    def policy(writer, existing: list[Segment]) -> list[Segment]:
        return list(existing) + segments

    return policy


def _delete_paths(writer, paths: list[str]) -> None:
    if not paths:
        return
    with writer.searcher() as searcher:
        for i in range(0, len(paths), DELETE_BATCH):
            terms = [wq.Term("path_key", path_text(path)) for path in paths[i : i + DELETE_BATCH]]
            writer.delete_by_query(wq.Or(terms), searcher=searcher)


def _verify(index: whoosh_index.Index) -> None:
    """Touch the files of each segment, so that a damaged index fails here, at opening, and not at
    the reader's first search: the stored fields and dates of its first and last documents, and the
    postings of the first word of each field. (Damage this misses is found while searching.)"""
    with index.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            live = [n for n in (0, leaf.doc_count_all() - 1) if n >= 0 and not leaf.is_deleted(n)]
            for docnum in live:
                leaf.stored_fields(docnum)
                if leaf.has_column("sort_date"):
                    leaf.column_reader("sort_date")[docnum]
            for name in leaf.indexed_field_names():
                for term in itertools.islice(leaf.lexicon(name), 1):
                    next(leaf.postings(name, term).all_ids(), None)


def _changes(
    manifest: _Manifest, found: Discovery
) -> tuple[list[FileStamp], list[str], list[SkippedFile], int]:
    """What a scan found that the index does not have yet: the files to read, the paths to remove,
    the files still skipped for the same reason, and how many are unchanged. Articles under a
    folder that could not be listed are kept: a folder unmounted for a while is not deleted."""
    current = {stamp.path: stamp for stamp in found.stamps}
    away = tuple(folder.rstrip(os.sep) + os.sep for folder in found.unavailable)
    removed = [
        path
        for path in [*manifest.files, *manifest.skipped]
        if path not in current and not (away and (path + os.sep).startswith(away))
    ]
    todo: list[FileStamp] = []
    still_skipped: list[SkippedFile] = []
    unchanged = 0
    for stamp in found.stamps:
        skipped = manifest.skipped.get(stamp.path)
        if manifest.files.get(stamp.path) == (stamp.mtime_ns, stamp.size):
            unchanged += 1
        elif skipped and skipped[:2] == (stamp.mtime_ns, stamp.size):
            still_skipped.append(SkippedFile(stamp.path, skipped[2]))
        else:
            todo.append(stamp)
    return todo, removed, still_skipped, unchanged


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
        """Open the index, creating it, or rebuilding it when its schema is old or it is damaged.

        Raises ForeignIndexFolder when the folder holds files that are not newsreader's."""
        if self._index is not None:
            return self._index
        try:
            index_folder.claim(self.index_dir)
            probe = self.index_dir / f".probe-{os.getpid()}"
            probe.write_bytes(b"\0" * 4096)
            probe.unlink()
            self._index = self._open_or_create()
        except OSError as error:
            # No place to keep the index (read-only, full, not a folder): keep it in memory.
            self._in_memory(error)
        assert self._index is not None
        return self._index

    def _in_memory(self, error: OSError) -> None:
        self.notices.append(
            f"Cannot write the index at {self.index_dir} ({error.strerror or error}); "
            "using a temporary index in memory, rebuilt at each launch."
        )
        self.in_memory = True
        self._start_in_memory()

    def _start_in_memory(self) -> None:
        self._memory_manifest = _Manifest()
        self._index = RamStorage().create_index(self.schema)

    def _open_or_create(self) -> whoosh_index.Index:
        if any(self.index_dir.glob("_MAIN_*.toc")):
            if _Manifest.schema_of(self.manifest_path) != SCHEMA_VERSION:
                self.notices.append(
                    "The index was made by another version of newsreader; rebuilding it."
                )
            else:
                try:
                    index = whoosh_index.open_dir(str(self.index_dir))
                    _verify(index)
                    return index
                except Exception as error:  # Whoosh raises many kinds of error for damaged files
                    self.notices.append(
                        f"The index was damaged ({type(error).__name__}: {error}); rebuilding it."
                    )
            index_folder.clear(self.index_dir)
        index = whoosh_index.create_in(str(self.index_dir), self.schema)
        _Manifest().save(self.manifest_path)
        return index

    def damage(self) -> str | None:
        """Why the index on disk cannot be used (its folder gone, its files damaged), or None."""
        if self.in_memory:
            return None
        if not (self.index_dir / index_folder.MARKER).exists():
            return "The index folder was removed while newsreader was running"
        try:
            _verify(whoosh_index.open_dir(str(self.index_dir)))
        except Exception as error:  # Whoosh raises many kinds of error for damaged files
            return f"The index was damaged ({type(error).__name__})"
        return None

    def rebuild(self, reason: str) -> None:
        """Start again from an empty index (after damage found while searching, or the folder
        vanishing); the next update reads every file."""
        self.notices.append(f"{reason}; rebuilding the index.")
        self._index = None
        if self.in_memory:
            self._start_in_memory()
            return
        try:
            if self.index_dir.is_dir():
                index_folder.clear(self.index_dir)
        except OSError:
            pass
        self.open()

    def _manifest(self) -> _Manifest:
        if self.in_memory:
            return self._memory_manifest
        return _Manifest.load(self.manifest_path) or _Manifest()

    def update(self, on_progress: Callable[[IndexProgress], None] | None = None) -> UpdateReport:
        index = self.open()
        found = discover(self.roots)
        report = UpdateReport(unavailable=list(found.unavailable))
        todo, removed, still_skipped, report.unchanged = _changes(self._manifest(), found)
        if not todo and not removed:
            report.skipped = [*found.skipped, *still_skipped]
            return report
        try:
            writer = index.writer(timeout=0.5, **WRITER_OPTIONS)
        except LockError:
            report.busy = True
            return report
        # Read again under the lock: another process may have indexed these files meanwhile, and
        # going by an older manifest would add them twice.
        manifest = self._manifest()
        todo, removed, still_skipped, report.unchanged = _changes(manifest, found)
        report.skipped = [*found.skipped, *still_skipped]
        commits = _Commits(self, index, writer, manifest, report)
        try:
            if not self.in_memory:
                self._remove_incoming()
            self._apply(commits, todo, removed, on_progress)
        except BaseException:
            self._cancel(commits.writer)
            raise
        return report

    @staticmethod
    def _cancel(writer: SegmentWriter) -> None:
        try:
            writer.cancel()
        except Exception:  # the writer may be gone with its folder; the lock goes with the process
            pass

    def _apply(
        self,
        batch: _Commits,
        todo: list[FileStamp],
        removed: list[str],
        on_progress: Callable[[IndexProgress], None] | None,
    ) -> None:
        """Remove what is gone, then read what is new or changed, committing as it goes. A changed
        article's old version is deleted in the commit that adds its new one, so that it stays
        searchable, as one or the other, at every moment, even when the process is killed."""
        manifest = batch.manifest
        removed_files = [path for path in removed if path in manifest.files]
        batch.report.removed = len(removed_files)
        _delete_paths(batch.writer, removed_files)
        for path in removed:
            manifest.files.pop(path, None)
            manifest.skipped.pop(path, None)
        if not self.in_memory and len(todo) >= PARALLEL_FROM and (os.cpu_count() or 1) >= 2:
            self._index_in_workers(todo, batch, on_progress)
            # The workers' segments are large: merging them here would cost minutes in one process.
            batch.commit(last=True, merge=False)
            return
        last_commit = time.monotonic()
        for done, stamp in enumerate(todo, 1):
            batch.replace(stamp)
            batch.record(stamp, _index_file(batch.writer, stamp))
            if on_progress:
                on_progress(IndexProgress(done, len(todo), stamp.path))
            if batch.pending >= COMMIT_EVERY_DOCS or (
                batch.pending and time.monotonic() - last_commit > COMMIT_EVERY_SECONDS
            ):
                batch.commit(mergetype=_merge_small_segments)
                last_commit = time.monotonic()
        batch.commit(mergetype=_merge_small_segments, last=True)

    def _index_in_workers(
        self,
        todo: list[FileStamp],
        commits: _Commits,
        on_progress: Callable[[IndexProgress], None] | None,
    ) -> None:
        """Index a large set of files in worker processes, each batch into a segment of its own.

        Reading, extraction and Whoosh's indexing all take CPU, and Whoosh holds the GIL: only
        processes use every core. This process adopts each finished segment with a commit.
        """
        workers = os.cpu_count() or 1
        # Spawned, not forked: the process asking may hold threads.
        context = multiprocessing.get_context("spawn")
        progress = context.Queue()
        batches = iter(_batches(todo, workers))
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(progress, os.getpid()),
        ) as pool:
            # One batch more than there are workers, so that none waits while a segment is adopted.
            running = {
                pool.submit(_index_batch, str(self.index_dir), batch): batch
                for batch in itertools.islice(batches, workers + 1)
            }
            done = 0
            try:
                while running:
                    finished, _ = wait(
                        running, timeout=PROGRESS_SECONDS, return_when=FIRST_COMPLETED
                    )
                    while not progress.empty():
                        done += progress.get()
                    for future in finished:
                        batch = running.pop(future)
                        result = future.result()
                        # Recorded first, so that the manifest saved with the adopting commit lists
                        # them, and their old versions go in that same commit.
                        for stamp, outcome in zip(batch, result.outcomes):
                            commits.replace(stamp)
                            commits.record(stamp, outcome)
                        self._adopt(result, commits)
                        following = next(batches, None)
                        if following:
                            running[pool.submit(_index_batch, str(self.index_dir), following)] = (
                                following
                            )
                    if on_progress:
                        on_progress(
                            IndexProgress(
                                min(done, len(todo)) if running else len(todo), len(todo), ""
                            )
                        )
            except BaseException:
                # Do not wait for the batches under way: their folders are removed at the next
                # update.
                pool.shutdown(wait=False, cancel_futures=True)
                raise

    def _adopt(self, batch: _Batch, commits: _Commits) -> None:
        segments = []
        if batch.segment is not None:
            name = batch.segment.segment_id()
            for entry in os.listdir(batch.folder):
                if entry.startswith(name):
                    os.replace(os.path.join(batch.folder, entry), self.index_dir / entry)
            segments.append(batch.segment)
        commits.commit(mergetype=_adopting(segments))
        shutil.rmtree(batch.folder, ignore_errors=True)

    def _remove_incoming(self) -> None:
        """Folders that worker processes of a killed run left behind (called holding the lock)."""
        for entry in self.index_dir.glob(index_folder.INCOMING_PREFIX + "*"):
            shutil.rmtree(entry, ignore_errors=True)

    def _save(self, manifest: _Manifest) -> None:
        if not self.in_memory:
            manifest.save(self.manifest_path)


class _Commits:
    """The commits of one update: what each one adds, deletes and records in the manifest."""

    def __init__(
        self,
        corpus: CorpusIndex,
        index: whoosh_index.Index,
        writer: SegmentWriter,
        manifest: _Manifest,
        report: UpdateReport,
    ) -> None:
        self.corpus, self.index, self.writer = corpus, index, writer
        self.manifest, self.report = manifest, report
        self.pending = 0  # documents added since the last commit
        self._stale: list[str] = []  # paths whose old versions go in the next commit
        # A commit that landed without its manifest (the process was killed between the two) left
        # documents the manifest does not know: then every file read now replaces its old copy.
        self._unknown = sum(segment.doc_count() for segment in writer.segments) > len(
            manifest.files
        )

    def replace(self, stamp: FileStamp) -> None:
        """The file is read again: its old version goes when the new one is committed."""
        if self._unknown or stamp.path in self.manifest.files:
            self._stale.append(stamp.path)

    def record(self, stamp: FileStamp, outcome: SkippedFile | None) -> None:
        manifest, report = self.manifest, self.report
        if outcome is not None:
            report.skipped.append(outcome)
            if outcome.retry:
                # Refused by the system for now (permission, I/O): an article indexed before keeps
                # its old version, and the file is read again at the next scan.
                if stamp.path in manifest.files and stamp.path in self._stale:
                    self._stale.remove(stamp.path)
                return
            manifest.skipped[stamp.path] = (stamp.mtime_ns, stamp.size, outcome.reason)
            manifest.files.pop(stamp.path, None)
            return
        self.pending += 1
        if stamp.path in manifest.files:
            report.updated += 1
        else:
            report.added += 1
        manifest.files[stamp.path] = (stamp.mtime_ns, stamp.size)
        manifest.skipped.pop(stamp.path, None)

    def commit(self, last: bool = False, **how: object) -> None:
        """Commit (search sees what is indexed so far), then save the manifest."""
        _delete_paths(self.writer, self._stale)
        self._stale = []
        self.writer.commit(**how)
        self.corpus._save(self.manifest)
        self.pending = 0
        if not last:
            self.writer = self.index.writer(timeout=5, **WRITER_OPTIONS)
