"""Fetching the feeds from the reader: a worker that reports each feed as it is done, and the
Feeds screen. New articles join the list without moving the selection or the reading position."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from search import SourceError, field_query

from .messages import FeedsFetched, FeedsProgressed
from .screens.feeds import FeedsScreen

if TYPE_CHECKING:
    from search import FeedResult


class FeedFetching:
    """The app's part that fetches feeds (mixed into NewsReaderApp)."""

    fetching = False

    def action_fetch_feeds(self, names: list[str] | None = None) -> None:
        if self.fetching:
            self.notify("Already fetching the feeds.")
            return
        self.fetching = True
        self.status_bar.say("Fetching the feeds…")
        self._fetch(names)

    @work(thread=True, exclusive=True, group="fetch")
    def _fetch(self, names: list[str] | None) -> None:
        from search import Feeds, FetchBusy  # the HTTP and XML libraries load here

        def progressed(result: FeedResult, done: int, total: int) -> None:
            self.post_message(FeedsProgressed(result, done, total))

        try:
            results = Feeds().fetch(names, progressed)
        except (FetchBusy, SourceError, OSError) as error:
            self.post_message(FeedsFetched([], str(error)))
            return
        self.post_message(FeedsFetched(results))

    def on_feeds_progressed(self, message: FeedsProgressed) -> None:
        self.status_bar.say(f"Fetching {message.done}/{message.total} feeds…")

    def on_feeds_fetched(self, message: FeedsFetched) -> None:
        self.fetching = False
        if message.error:
            self.notify(f"Fetching failed: {message.error}", severity="error")
            self.status_bar.say(f"Fetching failed: {message.error}")
            return
        new = sum(r.new for r in message.results)
        failed = [r for r in message.results if r.failed]
        summary = f"{len(message.results)} feeds fetched: {new} new articles"
        if failed:
            names = ", ".join(r.subscription.name for r in failed[:3])
            more = f" and {len(failed) - 3} more" if len(failed) > 3 else ""
            summary += f"; {len(failed)} failed ({names}{more}): the Feeds screen says why"
        self.notify(summary, severity="warning" if failed else "information")
        self.status_bar.say(summary)
        if new or any(r.updated for r in message.results):
            self.action_reindex()

    @work(thread=True, exclusive=True, group="feeds")
    def action_feeds(self) -> None:
        from search import Feeds

        try:
            statuses = Feeds().statuses()
        except (SourceError, OSError) as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            return
        screen = FeedsScreen(statuses, self.saved_rows())
        self.call_from_thread(self.push_screen, screen, self._feed_chosen)

    def _feed_chosen(self, choice: tuple[str, str] | None) -> None:
        if choice is None:
            return
        verb, name = choice
        if verb == "fetch":
            self.action_fetch_feeds([name])
        elif verb == "saved":
            self.run_saved(name)
        else:
            self.search_for(field_query("feed", name))
            self.focus_now(self.article_list)
