"""Grouping's computation shared with forked copies of the process (search/stories/forked.py)."""

from __future__ import annotations

import os
import time

import pytest

from search.stories import forked

pytestmark = pytest.mark.skipif(not forked._can_fork(), reason="no fork on this platform")


@pytest.fixture(autouse=True)
def small_enough_to_fork(monkeypatch):
    monkeypatch.setattr(forked, "FORK_FROM", 10)


def test_the_results_are_those_of_one_process_in_order():
    assert forked.computed(lambda n: (n, n * n), 101, 3) == [(n, n * n) for n in range(101)]


def test_a_child_that_dies_leaves_its_share_to_this_process():
    parent = os.getpid()

    def square_or_die(n: int) -> int:
        if os.getpid() != parent:
            os._exit(1)
        return n * n

    assert forked.computed(square_or_die, 40, 2) == [n * n for n in range(40)]


def test_a_child_that_hangs_is_stopped_and_its_share_computed_here(monkeypatch):
    monkeypatch.setattr(forked, "CHILD_GRACE_SECONDS", 0.2)
    monkeypatch.setattr(forked, "CHILD_GRACE_FACTOR", 0.0)
    parent = os.getpid()

    def square_or_hang(n: int) -> int:
        while os.getpid() != parent:
            time.sleep(1)
        return n * n

    assert forked.computed(square_or_hang, 40, 2) == [n * n for n in range(40)]


def test_few_items_are_computed_here_alone():
    parent = os.getpid()
    assert forked.computed(lambda n: os.getpid() == parent, 9, 2) == [True] * 9
