"""One computation over many articles, split with forked copies of this process.

Grouping a large archive scores each article's nearest neighbours, one article at a time, in
Python: on one core this was most of the time a first index took after its articles were in.
The data it reads (vectors and candidate lists, hundreds of MB) is ready in this process, and a
forked child shares it as it is, where a spawned one would have it pickled over. A child that dies
or hangs costs nothing but time: its share is computed here.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TypeVar

T = TypeVar("T")
# Below this many items, a fork costs more than it saves.
FORK_FROM = 10_000
# How long a child may take beyond what this process took for a share of the same size.
CHILD_GRACE_FACTOR = 3.0
CHILD_GRACE_SECONDS = 30.0


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def computed(compute: Callable[[int], T], count: int, processes: int) -> list[T]:
    """[compute(n) for n in range(count)], in that order, shared among `processes` processes."""
    if processes < 2 or count < FORK_FROM or not _can_fork():
        return [compute(n) for n in range(count)]
    context = multiprocessing.get_context("fork")
    bounds = [count * k // processes for k in range(processes + 1)]
    children = []
    for k in range(1, processes):
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(
            target=_compute_in_child, args=(compute, bounds[k], bounds[k + 1], sender), daemon=True
        )
        child.start()
        sender.close()
        children.append((child, receiver, bounds[k], bounds[k + 1]))
    started = time.monotonic()
    results = [compute(n) for n in range(bounds[0], bounds[1])]
    grace = CHILD_GRACE_SECONDS + CHILD_GRACE_FACTOR * (time.monotonic() - started)
    for child, receiver, start, stop in children:
        share = _received(receiver, grace)
        child.join(timeout=1)
        if child.is_alive():
            child.kill()
            child.join()
        results += share if share is not None else [compute(n) for n in range(start, stop)]
    return results


def _compute_in_child(
    compute: Callable[[int], T], start: int, stop: int, sender: Connection
) -> None:
    sender.send([compute(n) for n in range(start, stop)])
    sender.close()


def _received(receiver: Connection, grace: float) -> list | None:
    """What a child sent, or None if it ended without sending or did not within `grace` seconds."""
    try:
        if receiver.poll(grace):
            return receiver.recv()
    except (EOFError, OSError):
        pass
    finally:
        receiver.close()
    return None
