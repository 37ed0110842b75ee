"""Subscribing to feeds of every format on the loopback server, fetching them into the archive,
and reading the archive back as articles."""

from __future__ import annotations

import datetime as dt

import pytest

from search import SourceError
from search.paths import archive_dir
from search.sources.files import read_article

from .server import fixture


def stored(folder_name: str) -> list:
    return [read_article(p) for p in sorted((archive_dir() / folder_name).rglob("*.md"))]


@pytest.mark.parametrize(
    "name, path, title, source, published, author",
    [
        (
            "rss2.xml",
            "/rss.xml",
            "Harbour reopens after the storms",
            "Harbour Gazette",
            dt.date(2025, 3, 4),
            "Ann Lee",
        ),
        (
            "atom.xml",
            "/atom.xml",
            "Bridge closed for repairs",
            "Valley Times",
            dt.date(2025, 3, 5),
            "Maria Ortiz",
        ),
        (
            "feed.json",
            "/feed.json",
            "Snow closes the pass",
            "Mountain Post",
            dt.date(2025, 3, 6),
            "Lars Berg",
        ),
        (
            "rss1.rdf",
            "/rss1.rdf",
            "River level falls",
            "River Weekly",
            dt.date(2025, 3, 3),
            "Eva Lind",
        ),
    ],
)
def test_each_format_is_fetched_into_articles_with_their_metadata(
    server, feeds, name, path, title, source, published, author
):
    server.serve(path, fixture(name))
    subscription, feed = feeds.add(server.url(path))
    assert subscription.name == source and feed.entries
    [result] = feeds.fetch()
    assert result.status == "fetched" and result.new == len(feed.entries)
    articles = {a.title: a for a in stored(subscription.folder_name)}
    article = articles[title]
    assert (article.source, article.published, article.author, article.feed) == (
        source,
        published,
        author,
        source,
    )
    assert article.url.startswith("http://")  # relative links resolved against the feed


def test_a_page_that_names_its_feed_subscribes_to_the_feed(server, feeds):
    server.serve("/rss.xml", fixture("rss2.xml"))
    page = server.serve("/", fixture("links-to-feed.html"), headers={"Content-Type": "text/html"})
    subscription, _ = feeds.add(page)
    assert subscription.url == server.url("/rss.xml")


def test_a_page_without_a_feed_is_refused_with_a_message(server, feeds):
    page = server.serve("/page", fixture("article.html"))
    with pytest.raises(SourceError, match="names no feed"):
        feeds.add(page)
    assert feeds.subscriptions() == []


def test_fetching_again_stores_nothing_twice_and_an_updated_entry_replaces_its_file(server, feeds):
    server.serve("/rss.xml", fixture("rss2.xml"))
    subscription, _ = feeds.add(server.url("/rss.xml"))
    feeds.fetch()
    files = sorted((archive_dir() / subscription.folder_name).rglob("*.md"))
    [again] = feeds.fetch()
    assert (again.new, again.updated) == (0, 0)
    server.serve(
        "/rss.xml", fixture("rss2.xml").replace(b"after the storms", b"after the great storms")
    )
    [changed] = feeds.fetch()
    assert (changed.new, changed.updated) == (0, 1)
    assert sorted((archive_dir() / subscription.folder_name).rglob("*.md")) == files
    assert "Harbour reopens after the great storms" in {
        a.title for a in stored(subscription.folder_name)
    }


def test_opml_is_imported_and_exported(tmp_path, feeds):
    added, present = feeds.import_opml(fixture("subscriptions.opml"))
    assert [s.name for s in added] == ["Harbour Gazette", "Valley Times", "Mountain Post"]
    assert present == []
    again, present = feeds.import_opml(fixture("subscriptions.opml"))
    assert again == [] and len(present) == 3
    exported = feeds.export_opml()
    assert exported.count("<outline") == 3 and 'xmlUrl="http://127.0.0.1:1/atom.xml"' in exported


def test_removing_a_feed_keeps_its_articles_unless_asked(server, feeds):
    server.serve("/rss.xml", fixture("rss2.xml"))
    server.serve("/atom.xml", fixture("atom.xml"))
    harbour, _ = feeds.add(server.url("/rss.xml"))
    valley, _ = feeds.add(server.url("/atom.xml"))
    feeds.fetch()
    feeds.remove("Harbour Gazette")
    assert len(stored(harbour.folder_name)) == 2
    _, deleted = feeds.remove(valley.url, delete_articles=True)
    assert deleted == 1 and not (archive_dir() / valley.folder_name).exists()
    assert feeds.subscriptions() == []


def test_an_entry_with_only_a_summary_gets_its_pages_main_text(server, feeds):
    server.serve("/2025/03/02/fish-market", fixture("article.html"))
    server.serve("/rss.xml", fixture("rss2.xml"))
    subscription, _ = feeds.add(server.url("/rss.xml"))
    [result] = feeds.fetch()
    article = next(a for a in stored(subscription.folder_name) if "Fish" in a.title)
    assert "lighthouse on the northern cape" in article.body  # the page's text
    assert "Most read" not in article.body and "Buy a boat" not in article.body
    assert result.notes == []


def test_a_page_that_fails_keeps_the_summary_and_says_why(server, feeds):
    server.serve("/rss.xml", fixture("rss2.xml"))
    subscription, _ = feeds.add(server.url("/rss.xml"))
    [result] = feeds.fetch()
    article = next(a for a in stored(subscription.folder_name) if "Fish" in a.title)
    assert article.body.startswith("The fish market will move")
    assert any("404" in note and "kept the summary" in note for note in result.notes)
