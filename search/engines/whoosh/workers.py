"""Indexing many files at once in worker processes, each batch into a Whoosh segment of its own,
which the writing process then adopts with a commit.

Reading, extraction and Whoosh's indexing all take CPU, and Whoosh holds the GIL: only processes
use every core.
"""

from __future__ import annotations

import itertools
import multiprocessing
import multiprocessing.queues
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.codec.base import Segment

from ... import index_folder
from ...pipeline import document_or_skipped
from ...sources.files import FileStamp, SkippedFile
from ..engine import BatchDone
from .schema import build_schema, document_fields

FIRST_BATCH_FILES = 500  # files a worker process indexes into one segment: at first,
BATCH_FILES = 8000  # and at most
PROGRESS_EVERY_FILES = 25
PROGRESS_SECONDS = 0.1
PARENT_CHECK_SECONDS = 0.5
# A compound segment (one file) is copied into memory, part by part, whenever a reader opens it;
# separate files are read in place, which keeps opening a large index fast and its memory small.
WRITER_OPTIONS = {"compound": False}


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
        outcome = document_or_skipped(stamp)
        if isinstance(outcome, SkippedFile):
            outcomes.append(outcome)
        else:
            writer.add_document(**document_fields(outcome))
            outcomes.append(None)
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


def adopting(segments: list[Segment]):
    """A Whoosh merge policy that merges nothing and adds the workers' segments to the index."""

    def policy(writer, existing: list[Segment]) -> list[Segment]:
        return list(existing) + segments

    return policy


def _adopt(index_dir: Path, batch: _Batch) -> list[Segment]:
    """Move a worker's segment into the index folder, to be adopted by the next commit."""
    if batch.segment is None:
        return []
    name = batch.segment.segment_id()
    for entry in os.listdir(batch.folder):
        if entry.startswith(name):
            os.replace(os.path.join(batch.folder, entry), index_dir / entry)
    return [batch.segment]


def index_in_workers(
    index_dir: Path, todo: list[FileStamp], batch_done: BatchDone
) -> Iterator[int]:
    """Index `todo` in worker processes; yield how many files are done as they go."""
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
            pool.submit(_index_batch, str(index_dir), batch): batch
            for batch in itertools.islice(batches, workers + 1)
        }
        done = 0
        try:
            while running:
                finished, _ = wait(running, timeout=PROGRESS_SECONDS, return_when=FIRST_COMPLETED)
                while not progress.empty():
                    done += progress.get()
                for future in finished:
                    batch = running.pop(future)
                    result = future.result()
                    segments = _adopt(index_dir, result)
                    batch_done(batch, result.outcomes, segments)
                    shutil.rmtree(result.folder, ignore_errors=True)
                    following = next(batches, None)
                    if following:
                        running[pool.submit(_index_batch, str(index_dir), following)] = following
                yield min(done, len(todo)) if running else len(todo)
        except BaseException:
            # Do not wait for the batches under way: their folders are removed at the next update.
            pool.shutdown(wait=False, cancel_futures=True)
            raise
