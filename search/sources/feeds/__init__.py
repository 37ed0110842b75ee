"""Feeds: subscriptions, fetching them into the user's archive of files, and OPML."""

from .archive import archive_dir
from .fetching import FeedResult, FetchBusy
from .http import Limits
from .service import Feeds, FeedStatus
from .subscriptions import Subscription

__all__ = [
    "FeedResult",
    "FeedStatus",
    "Feeds",
    "FetchBusy",
    "Limits",
    "Subscription",
    "archive_dir",
]
