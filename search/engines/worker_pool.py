"""Many files indexed at once in worker processes, batch by batch, whatever engine takes them in.

Reading, extraction and indexing all take CPU, and Python holds the GIL: only processes use every
core. An engine gives the work one batch takes in a worker (a top-level function, which spawned
processes can import) and what its process does with each batch's result.
"""

from __future__ import annotations

import itertools
import multiprocessing
import multiprocessing.queues
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import TypeVar

from ..sources.files import FileStamp

FIRST_BATCH_FILES = 500  # files a worker process takes at once: at first,
BATCH_FILES = 8000  # and at most
PROGRESS_EVERY_FILES = 25
PROGRESS_SECONDS = 0.1
PARENT_CHECK_SECONDS = 0.5

Result = TypeVar("Result")

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


def file_done(done: int, last: bool = False) -> None:
    """In a worker: the batch's `done`th file is done (`last`: the batch is); the writing process
    hears of it every PROGRESS_EVERY_FILES files."""
    if _progress is None:
        return
    if last:
        _progress.put(done % PROGRESS_EVERY_FILES)
    elif done % PROGRESS_EVERY_FILES == 0:
        _progress.put(PROGRESS_EVERY_FILES)


def _batches(todo: list[FileStamp], workers: int) -> list[list[FileStamp]]:
    """Small batches first, so that search soon has something to show; then large ones, so that
    the index ends with few parts (each one costs every search a little); and smaller again
    towards the end, so that no worker is left alone with a large last batch."""
    batches, size, position = [], FIRST_BATCH_FILES, 0
    while position < len(todo):
        share = max(FIRST_BATCH_FILES, (len(todo) - position) // workers)
        batch = todo[position : position + min(size, share)]
        batches.append(batch)
        position += len(batch)
        size = min(size * 2, BATCH_FILES)
    return batches


def in_workers(
    todo: list[FileStamp],
    work: Callable[[list[FileStamp]], Result],
    take: Callable[[list[FileStamp], Result], None],
) -> Iterator[int]:
    """Run `work` on batches of `todo` in worker processes and `take` each result here, as it
    comes; yield how many files are done as they go."""
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
        # One batch more than there are workers, so that none waits while a result is taken in.
        running = {
            pool.submit(work, batch): batch for batch in itertools.islice(batches, workers + 1)
        }
        done = 0
        try:
            while running:
                finished, _ = wait(running, timeout=PROGRESS_SECONDS, return_when=FIRST_COMPLETED)
                while not progress.empty():
                    done += progress.get()
                for future in finished:
                    batch = running.pop(future)
                    take(batch, future.result())
                    following = next(batches, None)
                    if following:
                        running[pool.submit(work, following)] = following
                yield min(done, len(todo)) if running else len(todo)
        except BaseException:
            # Do not wait for the batches under way: what they leave is cleared at the next update.
            pool.shutdown(wait=False, cancel_futures=True)
            raise
