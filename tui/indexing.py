"""Opening the library and keeping its index up to date, in workers that post messages."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from textual import work
from textual.worker import get_current_worker

from search import ForeignIndexFolder, IndexingFailed, IndexProgress, IndexRebuilt

from .messages import (
    IndexingCancelled,
    IndexingFinished,
    IndexingProgressed,
    IndexRebuiltNotice,
    LibraryOpened,
    LibraryUnavailable,
)
from .reports import BUSY, indexed_status, skipped_notice

T = TypeVar("T")
REFRESH_WHILE_INDEXING_SECONDS = 1.0


class Indexing:
    """The app's part that opens the library and indexes in the background (mixed into
    NewsReaderApp)."""

    indexing = False  # a catch-up is running
    _last_refresh = 0.0  # when the list last showed what the running catch-up has indexed

    @work(thread=True, exclusive=True, group="open")
    def open_library(self) -> None:
        try:
            self.library.open()
            count = self.library.count()
        except (OSError, ForeignIndexFolder, IndexRebuilt) as error:
            self.post_message(LibraryUnavailable(f"Cannot open the index: {error}"))
            return
        self.post_message(LibraryOpened(list(self.library.notices), count))

    def on_library_unavailable(self, message: LibraryUnavailable) -> None:
        self.notify(message.text, severity="error", timeout=30)
        self.status_bar.say(message.text)

    def _unless_rebuilt(self, ask: Callable[[], T]) -> T | None:
        """What `ask` gets from the library; None, and the reader told, when the index was found
        damaged and started again."""
        try:
            return ask()
        except IndexRebuilt as error:
            self.post_message(IndexRebuiltNotice(str(error)))
            return None

    def _refreshed_count(self) -> int:
        self.library.refresh()
        return self.library.count()

    def on_index_rebuilt_notice(self, message: IndexRebuiltNotice) -> None:
        """The index was damaged or removed while in use: it starts again, and is filled anew."""
        self.notify(message.text, severity="warning", timeout=15)
        if not self.indexing:
            self.action_reindex()

    def on_library_opened(self, message: LibraryOpened) -> None:
        if not self.panes_alive:
            return
        for notice in message.notices:
            self.notify(notice, severity="warning")
        self.status_bar.say(f"{message.count} articles indexed")
        self.run_search(self.query_text)
        self.action_reindex()

    def action_reindex(self) -> None:
        if self.indexing:
            self.notify("Already scanning for changes.")
            return
        self.indexing = True
        self.status_bar.say("Scanning for new and changed articles…")
        self.index_corpus()

    @work(thread=True, exclusive=True, group="index")
    def index_corpus(self) -> None:
        worker = get_current_worker()

        def progressed(progress: IndexProgress) -> None:
            if worker.is_cancelled:
                raise IndexingCancelled
            self.post_message(IndexingProgressed(progress))

        try:
            report = self.library.catch_up(progressed)
        except IndexingCancelled:
            return
        except (IndexingFailed, OSError) as error:
            self.post_message(IndexingFinished(None, str(error)))
            return
        self.post_message(IndexingFinished(report))

    def on_indexing_progressed(self, message: IndexingProgressed) -> None:
        if not self.panes_alive:
            return
        self.status_bar.indexing(message.progress)
        now = time.monotonic()
        if now - self._last_refresh > REFRESH_WHILE_INDEXING_SECONDS:
            # Show what is searchable so far; the indexer commits as it goes.
            self._last_refresh = now
            self._unless_rebuilt(self.library.refresh)
            self.run_search(self.query_text)

    def on_indexing_finished(self, message: IndexingFinished) -> None:
        self.indexing = False
        if not self.panes_alive:
            return
        if message.error:
            self.notify(
                f"Indexing failed: {message.error}. Showing what was indexed before.",
                severity="error",
                timeout=15,
            )
            self.status_bar.indexed("Indexing failed; the list shows the last complete index")
            return
        report = message.report
        assert report is not None
        self.skipped = report.skipped
        if report.busy:
            self.notify(BUSY, severity="warning", timeout=10)
        if notice := skipped_notice(report):
            self.notify(notice, severity="warning", timeout=12)
        count = self._unless_rebuilt(self._refreshed_count)
        if count is None:
            self.status_bar.indexed("The index is being rebuilt…")
            return
        self.status_bar.indexed(indexed_status(count, report))
        if report.changed:
            self.run_search(self.query_text)
