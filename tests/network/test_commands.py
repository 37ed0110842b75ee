"""`newsreader feed`, `fetch` and `add-page` as a user (or cron) runs them, and the library they
fill: what `newsreader` and `newsreader search` read when given no PATH."""

from __future__ import annotations

import json

from search import Library
from tui.cli import main

from .server import fixture


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_subscribe_fetch_list_and_search_the_library(server, capsys):
    server.serve("/rss.xml", fixture("rss2.xml"), etag='"1"')
    server.serve("/atom.xml", fixture("atom.xml"))
    code, out, _ = run(capsys, "feed", "add", server.url("/rss.xml"))
    assert code == 0 and "Subscribed to Harbour Gazette" in out and "2 entries" in out
    assert run(capsys, "feed", "add", server.url("/atom.xml"), "--name", "Valley")[0] == 0
    code, out, err = run(capsys, "fetch")
    assert code == 0, err
    assert "Harbour Gazette: fetched (2 new, 0 updated)" in out
    code, out, _ = run(capsys, "feed", "list")
    assert "Harbour Gazette" in out and "fetched · 2 articles" in out
    code, out, _ = run(capsys, "search", "harbour", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    top = rows[0]
    assert top["source"] == "Harbour Gazette" and top["published"] == "2025-03-04"
    assert top["url"].endswith("/2025/03/04/harbour-reopens") and top["author"] == "Ann Lee"


def test_fetch_exits_1_with_one_line_per_failed_feed(server, capsys):
    server.serve("/rss.xml", fixture("rss2.xml"))
    server.serve("/atom.xml", fixture("atom.xml"))
    run(capsys, "feed", "add", server.url("/rss.xml"))
    run(capsys, "feed", "add", server.url("/atom.xml"))
    server.serve("/atom.xml", status=500)
    code, out, err = run(capsys, "fetch")
    assert code == 1
    assert [line for line in err.splitlines() if "Valley Times" in line] == [
        "newsreader: Valley Times: the server answered 500"
    ]
    assert "Harbour Gazette: fetched" in out
    code, _, err = run(capsys, "fetch", "Harbour Gazette")
    assert code == 0 and "Valley" not in err


def test_removing_and_exporting_from_the_command_line(server, capsys, tmp_path):
    server.serve("/rss.xml", fixture("rss2.xml"))
    run(capsys, "feed", "add", server.url("/rss.xml"))
    code, out, _ = run(capsys, "feed", "export")
    assert code == 0 and server.url("/rss.xml") in out
    opml = tmp_path / "feeds.opml"
    opml.write_text(out)
    code, out, _ = run(capsys, "feed", "remove", "Harbour Gazette")
    assert code == 0 and "its articles kept" in out
    code, out, _ = run(capsys, "feed", "import", str(opml))
    assert code == 0 and "1 feeds added" in out
    code, _, err = run(capsys, "feed", "remove", "Nobody")
    assert code == 1 and "no feed is named" in err


def test_add_page_saves_a_web_page_as_an_article(server, capsys):
    server.serve("/lighthouse", fixture("article.html"))
    code, out, err = run(capsys, "add-page", server.url("/lighthouse"))
    assert code == 0, err
    assert "Saved Lighthouse restored after ten years" in out
    library = Library()
    library.update()
    hit = library.search("lighthouse").hits[0].article
    assert (hit.title, hit.source, hit.published.isoformat()) == (
        "Lighthouse restored after ten years",
        "Coast Herald",
        "2025-02-27",
    )
    assert hit.url == "http://coast.example/2025/02/lighthouse" and hit.author == "Nora Vik"


def test_with_no_subscriptions_the_library_is_the_seeds():
    library = Library()
    library.update()
    assert library.search("Pelosi").total == 3
