from __future__ import annotations

import pytest

from search import Feeds, Limits

from .server import FeedServer

# For the tests of servers that never answer: a second and a half instead of thirty.
QUICK = Limits(connect_seconds=2.0, total_seconds=1.5)


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


@pytest.fixture
def feeds() -> Feeds:
    return Feeds()


@pytest.fixture
def impatient_feeds() -> Feeds:
    return Feeds(limits=QUICK)
