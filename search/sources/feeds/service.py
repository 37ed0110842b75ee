"""The feeds as the command line and the reader use them: subscribe, list, remove, import and
export, fetch, and save a single web page into the archive."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..web import feed_links, page_document, read_page
from .archive import FeedFolder, archive_dir
from .fetching import (
    FeedResult,
    FeedState,
    archive_count,
    fetch_feeds,
    fetch_lock,
    load_states,
    remove_archive,
)
from .formats import FeedEntry, NotAFeed, ParsedFeed, parse_feed, parse_when
from .http import Fetcher, FetchFailed, Limits
from .opml import read_opml, write_opml
from .subscriptions import (
    Subscription,
    SubscriptionError,
    add_subscription,
    feeds_path,
    find,
    load_subscriptions,
    move_subscription,
    remove_subscription,
)

PAGES_FOLDER = "pages"  # where `add-page` keeps single pages, beside the feeds' folders


@dataclass(frozen=True)
class FeedStatus:
    subscription: Subscription
    state: FeedState
    articles: int


class Feeds:
    """The user's subscriptions (feeds.toml) and their archive of fetched articles."""

    def __init__(
        self,
        path: Path | None = None,
        archive: Path | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.path = path or feeds_path()
        self.archive = archive or archive_dir()
        self.limits = limits or Limits()

    def subscriptions(self) -> list[Subscription]:
        return load_subscriptions(self.path)

    def get(self, name_or_url: str) -> Subscription:
        found = find(self.subscriptions(), name_or_url)
        if found is None:
            raise SubscriptionError(f"no feed is named or found at {name_or_url!r}")
        return found

    def check(self, url: str) -> tuple[str, ParsedFeed]:
        """Fetch `url` once: a feed, or a page whose <link rel="alternate"> names one. Returns the
        address to subscribe to and what the feed holds now."""
        fetcher = Fetcher(self.limits)
        try:
            response = fetcher.get(url, self.limits.feed_bytes)
            if response.status != 200:
                raise FetchFailed(f"{url}: the server answered {response.status}")
            try:
                return response.moved_to or url, parse_feed(response.body, response.url)
            except NotAFeed as not_a_feed:
                links = feed_links(response.body, response.url)
                if not links:
                    raise NotAFeed(f"{url} is {not_a_feed} and names no feed") from None
            response = fetcher.get(links[0], self.limits.feed_bytes)
            if response.status != 200:
                raise FetchFailed(f"{links[0]}: the server answered {response.status}")
            return response.moved_to or links[0], parse_feed(response.body, response.url)
        finally:
            fetcher.close()

    def add(
        self, url: str, name: str | None = None, full_text: bool = False
    ) -> tuple[Subscription, ParsedFeed]:
        address, feed = self.check(url)
        subscription = Subscription(name or feed.title or address, address, full_text)
        add_subscription(subscription, self.path)
        self.archive.mkdir(parents=True, exist_ok=True)  # the library reads it from now on
        return subscription, feed

    def remove(self, name_or_url: str, delete_articles: bool = False) -> tuple[Subscription, int]:
        """Unsubscribe; the articles stay unless asked. Returns how many were deleted."""
        subscription = self.get(name_or_url)
        remove_subscription(subscription, self.path)
        deleted = 0
        if delete_articles:
            with fetch_lock():
                deleted = remove_archive(subscription, self.archive)
        return subscription, deleted

    def import_opml(self, data: bytes) -> tuple[list[Subscription], list[Subscription]]:
        """Subscribe to every feed of an OPML file: the ones added, and the ones already there."""
        added, present = [], []
        for subscription in read_opml(data):
            existing = self.subscriptions()
            if find(existing, subscription.url) or find(existing, subscription.name):
                present.append(subscription)
            else:
                add_subscription(subscription, self.path)
                added.append(subscription)
        if added:
            self.archive.mkdir(parents=True, exist_ok=True)
        return added, present

    def export_opml(self) -> str:
        return write_opml(self.subscriptions())

    def statuses(self) -> list[FeedStatus]:
        states = load_states()
        return [
            FeedStatus(sub, states.get(sub.url, FeedState()), archive_count(sub, self.archive))
            for sub in self.subscriptions()
        ]

    def fetch(
        self,
        names: list[str] | None = None,
        on_result: Callable[[FeedResult, int, int], None] | None = None,
    ) -> list[FeedResult]:
        """Fetch every feed, or the named ones; a feed that moved for good is written at its new
        address."""
        chosen = [self.get(name) for name in names] if names else self.subscriptions()
        results = fetch_feeds(chosen, self.limits, on_result, self.archive)
        for result in results:
            if result.moved_to and result.moved_to != result.subscription.url:
                move_subscription(result.subscription, result.moved_to, self.path)
        return results

    def add_page(self, url: str) -> tuple[Path, str]:
        """Save one web page into the archive as an article; returns its file and title."""
        fetcher = Fetcher(self.limits)
        try:
            response = fetcher.get(url, self.limits.page_bytes)
        finally:
            fetcher.close()
        if response.status != 200:
            raise FetchFailed(f"the server answered {response.status}")
        page = read_page(response.body, response.url)
        address = page.url or response.url
        entry = FeedEntry(
            key=address,
            guid="",
            link=address,
            title=page.title,
            published=parse_when(page.published),
            updated=None,
            author=page.author,
            summary=(),
            content=page.paragraphs,
            categories=(),
        )
        with fetch_lock():  # the archive has one writer at a time
            folder = FeedFolder(self.archive / PAGES_FOLDER, tidy=True)
            fetched = dt.datetime.now(dt.UTC)
            folder.store(entry, page_document(page, address), "", fetched)
            folder.save()
        stored = folder.existing(entry)
        assert stored is not None
        return stored, page.title
