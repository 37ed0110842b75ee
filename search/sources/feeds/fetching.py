"""Fetching every subscribed feed into the archive: concurrently, conditionally, and so that one
feed's failure is reported for it and stops no other.

A lock (`fetch.lock` in the data folder) keeps two fetches from running at once, so a fetch from
cron and one from the reader never write the same files. What each feed answered last (ETag,
Last-Modified, status, error, when to retry) is kept in `feed_state.json` beside it.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ...paths import data_dir
from ..errors import SourceError
from ..web import UnreadablePage, read_page
from .archive import FeedFolder, archive_dir, entry_document, write_atomically
from .formats import FeedEntry, NotAFeed, parse_feed
from .http import Fetcher, FetchFailed, Limits, Response
from .subscriptions import Subscription

FULL_TEXT_BELOW_WORDS = 100  # an entry with less text than this gets its page's text
DEFAULT_RETRY_SECONDS = 3600.0  # a 429 or 503 without Retry-After


class FetchBusy(SourceError):
    """Another fetch is running."""


@dataclass
class FeedState:
    etag: str = ""
    last_modified: str = ""
    fetched_at: str = ""  # ISO 8601, the last answer of any kind
    status: str = ""  # as FeedResult.status
    error: str = ""
    retry_at: float = 0.0  # epoch seconds: not asked again before (429, 503)
    title: str = ""


@dataclass
class FeedResult:
    subscription: Subscription
    status: str  # "fetched", "not modified", "failed", "gone", "waiting"
    new: int = 0
    updated: int = 0
    error: str = ""
    notes: list[str] = field(default_factory=list)  # pages that kept their summary, and why
    moved_to: str | None = None

    @property
    def failed(self) -> bool:
        return self.status in ("failed", "gone", "waiting")


def state_path() -> Path:
    return data_dir() / "feed_state.json"


def load_states(path: Path | None = None) -> dict[str, FeedState]:
    try:
        data = json.loads((path or state_path()).read_text(encoding="utf-8"))
        return {url: FeedState(**values) for url, values in data.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}  # derived data: a damaged file costs one full fetch


def save_states(states: dict[str, FeedState], path: Path | None = None) -> None:
    data = {url: asdict(state) for url, state in states.items()}
    write_atomically(path or state_path(), json.dumps(data, ensure_ascii=False, indent=1))


@contextmanager
def fetch_lock(folder: Path | None = None) -> Iterator[None]:
    folder = folder or data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "fetch.lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise FetchBusy("another newsreader fetch is running") from None
        yield


def _digest(entry: FeedEntry) -> str:
    return hashlib.sha256(repr(entry).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _words(paragraphs: tuple[str, ...]) -> int:
    return sum(len(p.split()) for p in paragraphs)


class _FeedFetch:
    """One feed's fetch: the request, the answer, and the entries stored."""

    def __init__(self, fetcher: Fetcher, subscription: Subscription, state: FeedState, root: Path):
        self.fetcher, self.subscription, self.state, self.root = fetcher, subscription, state, root
        self.result = FeedResult(subscription, "failed")

    def run(self) -> FeedResult:
        state, result = self.state, self.result
        if state.status == "gone":
            result.status, result.error = "gone", "the feed is gone (410): remove it"
            return result
        if state.retry_at > time.time():
            when = dt.datetime.fromtimestamp(state.retry_at).strftime("%H:%M")
            result.status, result.error = "waiting", f"the server asked to wait until {when}"
            return result
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        try:
            response = self.fetcher.get(
                self.subscription.url, self.fetcher.limits.feed_bytes, headers
            )
            self._answer(response)
        except (FetchFailed, NotAFeed) as error:
            result.status, result.error = "failed", str(error)
        except OSError as error:  # the archive could not be written (a full disk)
            result.status, result.error = "failed", f"cannot store entries ({error})"
        except Exception as error:  # one feed's surprise must not stop the others
            result.status, result.error = "failed", f"{type(error).__name__}: {error}"
        state.fetched_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        state.status, state.error = result.status, result.error
        return result

    def _answer(self, response: Response) -> None:
        state, result = self.state, self.result
        result.moved_to = response.moved_to
        if response.status == 304:
            result.status = "not modified"
        elif response.status == 410:
            result.status, result.error = "gone", "the feed is gone (410): remove it"
        elif response.status in (429, 503):
            wait = response.retry_after or DEFAULT_RETRY_SECONDS
            state.retry_at = time.time() + wait
            result.error = f"the server is busy ({response.status}); asked again in {wait:.0f} s"
        elif response.status != 200:
            result.error = f"the server answered {response.status}"
        else:
            feed = parse_feed(response.body, response.url)
            state.etag = response.headers.get("etag", "")
            state.last_modified = response.headers.get("last-modified", "")
            state.title = feed.title
            self._store(feed.entries, feed.title or self.subscription.name)
            result.status = "fetched"

    def _store(self, entries: tuple[FeedEntry, ...], source: str) -> None:
        folder = FeedFolder(self.root / self.subscription.folder_name, tidy=True)
        fetched = dt.datetime.now(dt.UTC)
        seen: set[str] = set()
        try:
            for entry in entries:
                if entry.key in seen:  # a feed that lists one entry twice
                    continue
                seen.add(entry.key)
                digest = _digest(entry)
                if folder.existing(entry) is not None and folder.digests.get(entry.key) == digest:
                    continue
                text = entry_document(
                    entry, self._paragraphs(entry), self.subscription.name, source
                )
                if folder.store(entry, text, digest, fetched) == "new":
                    self.result.new += 1
                else:
                    self.result.updated += 1
        finally:
            folder.save()

    def _paragraphs(self, entry: FeedEntry) -> tuple[str, ...]:
        """The entry's text; its page's, when the feed gives only a summary or is set to."""
        own = entry.paragraphs
        wanted = self.subscription.full_text or _words(own) < FULL_TEXT_BELOW_WORDS
        if not (wanted and entry.link):
            return own
        try:
            response = self.fetcher.get(entry.link, self.fetcher.limits.page_bytes)
            if response.status != 200:
                raise FetchFailed(f"the server answered {response.status}")
            page = read_page(response.body, response.url)
        except (FetchFailed, UnreadablePage) as error:
            self.result.notes.append(f"{entry.link}: kept the summary ({error})")
            return own
        return page.paragraphs if _words(page.paragraphs) > _words(own) else own


def fetch_feeds(
    subscriptions: list[Subscription],
    limits: Limits | None = None,
    on_result: Callable[[FeedResult, int, int], None] | None = None,
    root: Path | None = None,
) -> list[FeedResult]:
    """Fetch `subscriptions` into the archive; raise FetchBusy when another fetch runs."""
    root = root or archive_dir()
    results: list[FeedResult] = []
    with fetch_lock():
        states = load_states()
        fetcher = Fetcher(limits or Limits())
        try:
            with ThreadPoolExecutor(max_workers=fetcher.limits.workers) as pool:
                futures = [
                    pool.submit(
                        _FeedFetch(fetcher, sub, states.setdefault(sub.url, FeedState()), root).run
                    )
                    for sub in subscriptions
                ]
                for future in as_completed(futures):
                    results.append(future.result())
                    if on_result:
                        on_result(results[-1], len(results), len(subscriptions))
        finally:
            fetcher.close()
            for result in results:  # a feed that moved for good keeps what it answered last
                if result.moved_to and result.moved_to not in states:
                    states[result.moved_to] = states.pop(result.subscription.url)
            save_states(states)
    return results


def archive_count(subscription: Subscription, root: Path | None = None) -> int:
    folder = (root or archive_dir()) / subscription.folder_name
    return FeedFolder(folder).count() if folder.is_dir() else 0


def remove_archive(subscription: Subscription, root: Path | None = None) -> int:
    """Delete a feed's stored entries (only the files the archive wrote); how many went."""
    folder = FeedFolder((root or archive_dir()) / subscription.folder_name)
    removed = 0
    for relative in set(folder.by_key.values()):
        path = folder.folder / relative
        if path.is_file():
            path.unlink()
            removed += 1
    (folder.folder / ".entries.json").unlink(missing_ok=True)
    for directory, _, _ in sorted(os.walk(folder.folder), reverse=True):
        try:
            os.rmdir(directory)  # only folders left empty
        except OSError:
            pass
    return removed
