"""Fetching from the reader: a key fetches every feed, the new articles join the list, and the
Feeds screen shows each subscription and lists its articles."""

from __future__ import annotations

from search import Feeds, Library
from tui.app import NewsReaderApp
from tui.screens.feeds import FeedsScreen

from ..app.pilot import settle
from .server import fixture


def reader(tmp_path) -> NewsReaderApp:
    return NewsReaderApp(Library(catch_up_here=True))


async def test_a_key_fetches_the_feeds_and_their_articles_join_the_list(server, tmp_path):
    server.serve("/rss.xml", fixture("rss2.xml"))
    Feeds().add(server.url("/rss.xml"))
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.article_list.hits == []  # subscribed, nothing fetched yet
        await pilot.press("R")
        await settle(pilot)
        while app.fetching or app.indexing:
            await settle(pilot)
        titles = [hit.article.title for hit in app.article_list.hits]
        assert "Harbour reopens after the storms" in titles
        first = app.article_list.hits[0].article
        assert first.source == "Harbour Gazette" and first.date_label == "2025-03-04"


async def test_the_feeds_screen_lists_subscriptions_and_shows_a_feeds_articles(server, tmp_path):
    server.serve("/rss.xml", fixture("rss2.xml"))
    server.serve("/atom.xml", fixture("atom.xml"))
    feeds = Feeds()
    feeds.add(server.url("/rss.xml"))
    feeds.add(server.url("/atom.xml"))
    feeds.fetch()
    server.serve("/atom.xml", status=500)
    feeds.fetch(["Valley Times"])
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(app.article_list.hits) == 3
        await pilot.press("f")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        shown = {s.subscription.name: s for s in screen.statuses}
        assert shown["Valley Times"].state.error == "the server answered 500"
        assert shown["Harbour Gazette"].articles == 2
        await pilot.press("enter")  # the first feed: Harbour Gazette
        await settle(pilot)
        assert app.query_text == 'feed:"Harbour Gazette"'
        assert {hit.article.feed for hit in app.article_list.hits} == {"Harbour Gazette"}


async def test_saved_searches_stand_with_the_feeds_as_virtual_feeds(server, tmp_path):
    from search import save_search

    server.serve("/rss.xml", fixture("rss2.xml"))
    feeds = Feeds()
    feeds.add(server.url("/rss.xml"))
    feeds.fetch()
    save_search("harbour master", 'person:"Tomas Berg"')
    app = reader(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)
        assert [row[0] for row in app.screen.saved] == ["harbour master"]
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.query_text == "query:harbour master" or "harbour master" in app.query_text
        assert app.results.total == 1
