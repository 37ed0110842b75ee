"""Indexing many files at once in worker processes, each batch into a Whoosh segment of its own,
which the writing process then adopts with a commit."""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.codec.base import Segment

from ... import index_folder
from ...pipeline import document_or_skipped
from ...sources.files import FileStamp, SkippedFile
from ..engine import BatchDone
from ..worker_pool import file_done, in_workers
from .codec import WritingCodec
from .schema import build_schema, document_fields

# A compound segment (one file) is copied into memory, part by part, whenever a reader opens it;
# separate files are read in place, which keeps opening a large index fast and its memory small.
WRITER_OPTIONS = {"compound": False, "codec": WritingCodec()}
# The memory a worker's writer sorts its postings in before it spills them to disk and merges the
# runs back: with Whoosh's 128 MB, a batch of 8,000 articles spilled, and indexing each article
# cost a third more.
WORKER_POOL_MB = 256


@dataclass
class _Batch:
    """What a worker process indexed: its segment, in a folder of its own, and each outcome."""

    folder: str
    segment: Segment | None
    outcomes: list[SkippedFile | None]  # per file, in order: None when indexed


def _index_batch(index_dir: str, analyse: bool, stamps: list[FileStamp]) -> _Batch:
    """In a worker process: read, analyse (or not) and index files into a new segment of their own.

    The segment is written into a private folder beside the index (Whoosh removes files it does not
    know from the index folder at each commit, and dot-names are left alone); the writer moves it
    in.
    """
    folder = tempfile.mkdtemp(prefix=index_folder.INCOMING_PREFIX, dir=index_dir)
    index = whoosh_index.create_in(folder, build_schema())
    writer = index.writer(limitmb=WORKER_POOL_MB, **WRITER_OPTIONS)
    outcomes: list[SkippedFile | None] = []
    for done, stamp in enumerate(stamps, 1):
        outcome = document_or_skipped(stamp, analyse)
        if isinstance(outcome, SkippedFile):
            outcomes.append(outcome)
        else:
            writer.add_document(**document_fields(outcome))
            outcomes.append(None)
        file_done(done)
    writer.commit()
    file_done(len(stamps), last=True)
    with index.reader() as reader:
        segment = reader.segment() if reader.doc_count_all() else None
    return _Batch(folder, segment, outcomes)


def adopting(segments: list[Segment]):
    """A Whoosh merge policy that merges nothing and adds the workers' segments to the index
    (leaving out the segments whose every article this commit deletes)."""

    def policy(writer, existing: list[Segment]) -> list[Segment]:
        return live_segments(existing) + segments

    return policy


def live_segments(segments: list[Segment]) -> list[Segment]:
    """The segments that still hold a live article: once words-first indexing has analysed a
    segment's articles into new ones, the old segment holds none, and goes."""
    return [segment for segment in segments if segment.doc_count() > 0]


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
    index_dir: Path, todo: list[FileStamp], batch_done: BatchDone, analyse: bool
) -> Iterator[int]:
    """Index `todo` in worker processes; yield how many files are done as they go."""

    def take(batch: list[FileStamp], result: _Batch) -> None:
        batch_done(batch, result.outcomes, _adopt(index_dir, result))
        shutil.rmtree(result.folder, ignore_errors=True)

    return in_workers(todo, functools.partial(_index_batch, str(index_dir), analyse), take)
