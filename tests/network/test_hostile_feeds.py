"""Hostile and odd feeds: entity attacks, ReDoS bait, wrong charsets, markup and escape sequences,
duplicate and dateless entries, two fetches at once, and a fetch killed half way."""

from __future__ import annotations

import re

import pytest

from search import FetchBusy
from search.paths import archive_dir
from search.sources.feeds.fetching import fetch_lock
from search.sources.files import read_article

from .server import fixture

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def rss(items: str, encoding: str = "UTF-8", doctype: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>{doctype}<rss version="2.0"><channel>'
        f"<title>Odd News</title><link>http://odd.example/</link>{items}</channel></rss>"
    ).encode()


def item(guid: str, title: str = "A story", extra: str = "", text: str = "The text.") -> str:
    return f"<item><guid>{guid}</guid><title>{title}</title>{extra}<description>{text}</description></item>"


def fetched(server, feeds, body: bytes):
    server.serve("/feed", body)
    subscription, _ = feeds.add(server.url("/feed"))
    [result] = feeds.fetch()
    files = sorted((archive_dir() / subscription.folder_name).rglob("*.md"))
    return result, files


def test_billion_laughs_expands_nothing(server, feeds):
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
    )
    body = rss(item("1", "Laugh &i;"), doctype=f"<!DOCTYPE rss [{entities}]>")
    result, files = fetched(server, feeds, body)
    assert result.status == "fetched" and len(files) == 1
    assert files[0].stat().st_size < 10_000


def test_an_external_entity_is_never_read(server, feeds, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    doctype = f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    result, files = fetched(server, feeds, rss(item("1", "Leak &xxe; here"), doctype=doctype))
    assert result.status == "fetched"
    assert all("TOP-SECRET-VALUE" not in f.read_text() for f in files)


def test_feedparsers_redos_payload_in_an_author_costs_nothing(server, feeds):
    payload = "<author>" + "a" * 5000 + "@" + "." * 5000 + "!</author>"
    result, files = fetched(server, feeds, rss(item("1", extra=payload)))
    assert result.status == "fetched" and len(files) == 1


def test_a_wrong_charset_declaration_still_reads_the_text(server, feeds):
    body = rss(item("1", "Café in Malmö"), encoding="ISO-8859-1")  # the bytes are UTF-8
    _, files = fetched(server, feeds, body)
    assert read_article(files[0]).title == "Café in Malmö"
    latin1 = rss(item("2", "Smörgåsbord"), encoding="UTF-8").decode().encode("latin-1")
    server.serve("/feed", latin1)
    feeds.fetch()
    titles = {read_article(f).title for f in (archive_dir() / "Odd-News").rglob("*.md")}
    assert any(t.startswith("Sm") and t.endswith("sbord") for t in titles)


def test_markup_and_escape_sequences_are_data(server, feeds):
    hostile = "\x1b]52;c;aGFja2Vk\x07 \x1b[2J [bold red]loud[/] \u202eevil"
    body = rss(item("1", f"Title {hostile}".replace("&", "&amp;"), text=f"Body {hostile}"))
    result, files = fetched(
        server, feeds, body.replace(b"\x1b", b"&#27;").replace(b"\x07", b"&#7;")
    )
    text = files[0].read_text()
    article = read_article(files[0])
    assert result.status == "fetched"
    for value in (text, article.title, article.body):
        assert not UNSAFE.search(value)
    assert "[bold red]loud[/]" in article.title  # kept as written: data, not markup


def test_duplicate_guids_dateless_entries_and_relative_links(server, feeds):
    items = (
        item("same", "First telling", "<link>/a</link>")
        + item("same", "Second telling", "<link>/b</link>")
        + item("undated", "No date at all", "<link>../c?x=1</link>")
    )
    result, files = fetched(server, feeds, rss(items))
    articles = sorted((read_article(f) for f in files), key=lambda a: a.title)
    assert result.new == 2 and len(files) == 2
    assert [a.title for a in articles] == ["First telling", "No date at all"]
    assert articles[1].published is None and articles[1].url == server.url("/c?x=1")


def test_two_fetches_never_run_at_once(server, feeds):
    server.serve("/rss.xml", fixture("rss2.xml"))
    feeds.add(server.url("/rss.xml"))
    with fetch_lock(), pytest.raises(FetchBusy):
        feeds.fetch()
    assert feeds.fetch()[0].status == "fetched"


def test_a_fetch_killed_half_way_leaves_no_half_file_and_no_duplicate(server, feeds, monkeypatch):
    from search.sources.feeds import archive

    server.serve("/rss.xml", fixture("rss2.xml"))
    subscription, _ = feeds.add(server.url("/rss.xml"))
    folder = archive_dir() / subscription.folder_name
    (folder / "2025").mkdir(parents=True)
    (folder / "2025" / ".half-written.md.999.tmp").write_text("---\ntitle: half")

    def killed(self):
        raise KeyboardInterrupt  # killed after the files, before the list of entries

    monkeypatch.setattr(archive.FeedFolder, "save", killed)
    with pytest.raises(KeyboardInterrupt):
        feeds.fetch()
    monkeypatch.undo()
    [result] = feeds.fetch()
    files = sorted(folder.rglob("*.md"))
    assert result.new == 0 and len(files) == 2
    assert not list(folder.rglob("*.tmp"))


def test_hostile_opml_expands_no_entity_and_reads_no_file(feeds, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    opml = (
        f'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">'
        f'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        f'<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<opml version="2.0"><body><outline text="Laugh &c; &xxe;" xmlUrl="http://127.0.0.1:1/x"/>'
        "</body></opml>"
    ).encode()
    added, _ = feeds.import_opml(opml)
    assert len(added) == 1
    assert "TOP-SECRET-VALUE" not in added[0].name and len(added[0].name) <= 100
