"""Keeping an index in step with the files of a corpus, whatever engine holds it.

Beside the index, the manifest (manifest.py) records the stat (mtime, size) of every file indexed
or skipped, so that a launch re-reads only what is new or changed. It is saved after each commit;
if the process dies between the two, the next update re-indexes those files, which replaces rather
than doubles them.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from .engines.engine import BatchDone, EngineWriter, IndexBusy, IndexEngine
from .index_folder import MANIFEST
from .manifest import Manifest
from .pipeline import document_or_skipped
from .records import STAGE_ANALYSIS, STAGE_INDEXING, STAGE_WORDS, IndexProgress, UpdateReport
from .sources.files import Discovery, FileStamp, SkippedFile, discover
from .text.safety import path_text

COMMIT_EVERY_DOCS = 2000
COMMIT_EVERY_SECONDS = 3.0
PARALLEL_FROM = 1000  # files: below this, starting worker processes costs more than it saves


def _changes(
    manifest: Manifest, found: Discovery
) -> tuple[list[FileStamp], list[str], list[SkippedFile], int]:
    """What a scan found that the index does not have yet: the files to read, the paths to remove,
    the files still skipped for the same reason, and how many are unchanged. A folder whose
    listing is the manifest's is unchanged as a whole (most of a large archive's, at a catch-up).
    Articles under a folder that could not be listed are kept: a folder unmounted for a while is
    not deleted."""
    todo: list[FileStamp] = []
    removed: list[str] = []
    still_skipped: list[SkippedFile] = []
    unchanged = 0
    for folder, listing in found.folders.items():
        known = manifest.listing(folder)
        if listing == known:
            unchanged += len(listing)
            continue
        for name, stamp in listing.items():
            entry = known.get(name)
            if entry == stamp:
                unchanged += 1
            elif entry and len(entry) == 3 and entry[:2] == stamp:
                still_skipped.append(SkippedFile(os.path.join(folder, name), entry[2]))
            else:
                todo.append(FileStamp(os.path.join(folder, name), *stamp))
        removed += [os.path.join(folder, name) for name in known if name not in listing]
    away = tuple(folder.rstrip(os.sep) + os.sep for folder in found.unavailable)
    for folder in manifest.folders.keys() - found.folders.keys():
        if not (away and (folder + os.sep).startswith(away)):
            removed += manifest.paths_in(folder)
    todo.sort(key=lambda stamp: stamp.path)
    return todo, removed, still_skipped, unchanged


def _ids(manifest: Manifest) -> set[str]:
    return {path_text(path) for path in manifest.paths()}


class Indexer:
    """One corpus's files, kept in step with the index an engine holds."""

    def __init__(self, engine: IndexEngine, index_dir: Path, roots: list[Path]) -> None:
        self.engine = engine
        self.roots = roots
        self.manifest_path = index_dir / MANIFEST
        self._memory_manifest = Manifest(engine.name)
        # The articles the index holds after the last update that went to its end, or None: one
        # per file of the manifest, whose identity is its path.
        self.indexed_ids: set[str] | None = None
        # The articles the last update read again, whose old versions it replaced: what grouping
        # knew of them (their story terms) is out of date.
        self.replaced_ids: set[str] = set()

    def _manifest(self) -> Manifest:
        if self.engine.in_memory:
            return self._memory_manifest
        return Manifest.load(self.manifest_path) or Manifest(self.engine.name)

    def forget(self) -> None:
        """The index was started again empty: every file is read again."""
        self._memory_manifest = Manifest(self.engine.name)

    def update(self, on_progress: Callable[[IndexProgress], None] | None = None) -> UpdateReport:
        self.indexed_ids = None
        self.replaced_ids = set()
        self.engine.open()
        found = discover(self.roots)
        report = UpdateReport(unavailable=list(found.unavailable))
        manifest = self._manifest()
        todo, removed, still_skipped, report.unchanged = _changes(manifest, found)
        if not todo and not removed and not manifest.pending:
            report.skipped = [*found.skipped, *still_skipped]
            self._remember_ids(manifest)
            return report
        try:
            writer = self.engine.writer()
        except IndexBusy:
            report.busy = True
            return report
        # Read again under the lock if another process saved meanwhile: going by an older
        # manifest would add the files it indexed twice.
        if not self.engine.in_memory and (
            Manifest.generation_of(self.manifest_path) != manifest.generation
        ):
            manifest = self._manifest()
            todo, removed, still_skipped, report.unchanged = _changes(manifest, found)
        report.skipped = [*found.skipped, *still_skipped]
        commits = _Commits(self, writer, manifest, report)
        try:
            self._apply(commits, todo, removed, on_progress)
        except BaseException:
            writer.cancel()
            raise
        self._remember_ids(manifest)
        return report

    def ids_in_manifest(self) -> set[str]:
        """The articles the index holds, as the manifest lists them (see _remember_ids)."""
        return _ids(self._manifest())

    def _remember_ids(self, manifest: Manifest) -> None:
        """Asking the engine for every identity walks the whole index (seconds at 100,000
        articles); the manifest has them at hand. A commit that landed without its manifest
        leaves articles it does not list, but the update just made read those files again."""
        self.indexed_ids = _ids(manifest)

    def _apply(
        self,
        commits: _Commits,
        todo: list[FileStamp],
        removed: list[str],
        on_progress: Callable[[IndexProgress], None] | None,
    ) -> None:
        """Remove what is gone, then read what is new or changed, committing as it goes. A changed
        article's old version is deleted in the commit that adds its new one, so that it stays
        searchable, as one or the other, at every moment, even when the process is killed.

        Many files are indexed words first: all of them searchable by their words at the engine's
        own speed, then read again and analysed (dates, people, story terms, most of the work),
        each batch replacing its words-only articles. Files still waiting for their analysis are
        kept in the manifest, so that a run stopped halfway goes on where it stopped."""
        manifest = commits.manifest
        removed_files = [path for path in removed if manifest.stamp(path)]
        commits.report.removed = len(removed_files)
        commits.writer.delete([path_text(path) for path in removed_files])
        for path in removed:
            manifest.forget(path)
        if self._in_workers(todo):
            self._run_in_workers(commits, todo, False, commits.indexed_by_words, on_progress)
            # The workers' segments are large: merging them here would cost minutes in one process.
            commits.commit(merge=False)
        else:
            self._run_here(commits, todo, commits.indexed, STAGE_INDEXING, on_progress)
        pending = [
            FileStamp(path, *stamp)
            for path in sorted(manifest.pending)
            if (stamp := manifest.stamp(path))
        ]
        if self._in_workers(pending):
            self._run_in_workers(commits, pending, True, commits.analysed, on_progress)
            commits.commit(last=True, merge=False)
        else:
            self._run_here(commits, pending, commits.analysed, STAGE_ANALYSIS, on_progress)
            commits.commit(last=True)

    def _in_workers(self, stamps: list[FileStamp]) -> bool:
        return (
            not self.engine.in_memory
            and len(stamps) >= PARALLEL_FROM
            and (os.cpu_count() or 1) >= 2
        )

    def _run_in_workers(
        self,
        commits: _Commits,
        stamps: list[FileStamp],
        analyse: bool,
        take: Callable[[FileStamp, SkippedFile | None], None],
        on_progress: Callable[[IndexProgress], None] | None,
    ) -> None:
        stage = STAGE_ANALYSIS if take == commits.analysed else STAGE_WORDS
        for done in self.engine.index_in_workers(
            stamps, commits.writer, commits.batch_done(take), analyse
        ):
            if on_progress:
                on_progress(IndexProgress(done, len(stamps), "", stage))

    @staticmethod
    def _run_here(
        commits: _Commits,
        stamps: list[FileStamp],
        take: Callable[[FileStamp, SkippedFile | None], None],
        stage: str,
        on_progress: Callable[[IndexProgress], None] | None,
    ) -> None:
        last_commit = time.monotonic()
        for done, stamp in enumerate(stamps, 1):
            outcome = document_or_skipped(stamp)
            if isinstance(outcome, SkippedFile):
                take(stamp, outcome)
            else:
                commits.writer.add(outcome)
                take(stamp, None)
            if on_progress:
                on_progress(IndexProgress(done, len(stamps), stamp.path, stage))
            if commits.pending >= COMMIT_EVERY_DOCS or (
                commits.pending and time.monotonic() - last_commit > COMMIT_EVERY_SECONDS
            ):
                commits.commit()
                last_commit = time.monotonic()

    def save(self, manifest: Manifest) -> None:
        if not self.engine.in_memory:
            manifest.save(self.manifest_path)


class _Commits:
    """The commits of one update: what each one adds, deletes and records in the manifest."""

    def __init__(
        self, indexer: Indexer, writer: EngineWriter, manifest: Manifest, report: UpdateReport
    ) -> None:
        self.indexer, self.writer, self.manifest, self.report = indexer, writer, manifest, report
        self.pending = 0  # documents added since the last commit
        self._stale: list[str] = []  # paths whose old versions go in the next commit
        # A commit that landed without its manifest (the process was killed between the two) left
        # documents the manifest does not know: then every file read now replaces its old copy.
        self._unknown = writer.document_count() > manifest.indexed_count()

    def _replace(self, stamp: FileStamp) -> None:
        """The file is read again: its old version goes when the new one is committed."""
        if self._unknown or self.manifest.stamp(stamp.path):
            self._stale.append(stamp.path)
            self.indexer.replaced_ids.add(path_text(stamp.path))

    def _record(self, stamp: FileStamp, outcome: SkippedFile | None, analysed: bool) -> None:
        manifest, report = self.manifest, self.report
        if outcome is not None:
            report.skipped.append(outcome)
            if outcome.retry:
                # Refused by the system for now (permission, I/O): an article indexed before keeps
                # its old version, and the file is read again at the next scan.
                if manifest.stamp(stamp.path) and stamp.path in self._stale:
                    self._stale.remove(stamp.path)
                return
            manifest.record_skipped(stamp.path, (stamp.mtime_ns, stamp.size), outcome.reason)
            return
        self.pending += 1
        if manifest.stamp(stamp.path):
            report.updated += 1
        else:
            report.added += 1
        manifest.record(stamp.path, (stamp.mtime_ns, stamp.size))
        if analysed:
            manifest.pending.discard(stamp.path)
        else:
            manifest.pending.add(stamp.path)

    def indexed(self, stamp: FileStamp, outcome: SkippedFile | None) -> None:
        """A new or changed file, read and analysed (`outcome`: why it could not be, or None)."""
        self._replace(stamp)
        self._record(stamp, outcome, analysed=True)

    def indexed_by_words(self, stamp: FileStamp, outcome: SkippedFile | None) -> None:
        """A new or changed file, indexed by its words: its analysis is to come."""
        self._replace(stamp)
        self._record(stamp, outcome, analysed=False)

    def analysed(self, stamp: FileStamp, outcome: SkippedFile | None) -> None:
        """A file indexed by its words, read again and analysed: its analysed article replaces the
        words-only one (an article, not a change of the corpus)."""
        self._replace(stamp)
        if outcome is not None:
            self._record(stamp, outcome, analysed=True)
            return
        self.pending += 1
        self.report.analysed += 1
        self.manifest.pending.discard(stamp.path)

    def batch_done(self, take: Callable[[FileStamp, SkippedFile | None], None]) -> BatchDone:
        """What takes in a batch a worker indexed: each file recorded by `take` first, so that the
        manifest saved with the commit that adopts the batch lists its files, and their old
        versions go in that same commit."""

        def done(stamps: list[FileStamp], outcomes: list[SkippedFile | None], adopt: object):
            for stamp, outcome in zip(stamps, outcomes):
                take(stamp, outcome)
            self.commit(adopt=adopt)

        return done

    def commit(self, last: bool = False, merge: bool = True, adopt: object = None) -> None:
        """Commit (search sees what is indexed so far), then save the manifest."""
        self.writer.delete([path_text(path) for path in self._stale])
        self._stale = []
        self.writer.commit(last, merge, adopt)
        self.indexer.save(self.manifest)
        self.pending = 0
