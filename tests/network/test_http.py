"""How fetching answers what servers do: conditional requests, compression, redirects, errors,
and servers that never answer or send too much."""

from __future__ import annotations

import gzip
import zlib

from search.sources.feeds.fetching import load_states

from .server import fixture, slow_chunks


def subscribe(server, feeds, path="/rss.xml", body=None, **route):
    server.serve(path, fixture("rss2.xml") if body is None else body, **route)
    subscription, _ = feeds.add(server.url(path))
    return subscription


def test_a_feed_that_has_not_changed_costs_a_304(server, feeds):
    subscribe(
        server, feeds, etag='"v1"', headers={"Last-Modified": "Tue, 04 Mar 2025 10:00:00 GMT"}
    )
    [first] = feeds.fetch()
    [second] = feeds.fetch()
    assert (first.status, second.status) == ("fetched", "not modified")
    last = server.asked("/rss.xml")[-1]
    assert last.headers["if-none-match"] == '"v1"'
    assert last.headers["if-modified-since"] == "Tue, 04 Mar 2025 10:00:00 GMT"
    assert last.headers["user-agent"].startswith("newsreader")


def test_gzip_and_deflate_are_read(server, feeds):
    subscribe(server, feeds, gzip=True)
    deflated = zlib.compress(fixture("atom.xml"))
    subscribe(server, feeds, "/atom.xml", deflated, headers={"Content-Encoding": "deflate"})
    results = feeds.fetch()
    assert sorted(r.status for r in results) == ["fetched", "fetched"]
    assert sum(r.new for r in results) == 3


def test_a_temporary_redirect_is_followed_and_a_permanent_one_moves_the_feed(server, feeds):
    server.serve("/rss.xml", fixture("rss2.xml"))
    server.serve("/old", status=302, headers={"Location": "/rss.xml"})
    subscription, _ = feeds.add(server.url("/old"))
    assert subscription.url == server.url("/old")
    server.serve("/old", status=301, headers={"Location": "/rss.xml"})
    [result] = feeds.fetch()
    assert result.status == "fetched" and result.moved_to == server.url("/rss.xml")
    assert [s.url for s in feeds.subscriptions()] == [server.url("/rss.xml")]


def test_a_redirect_loop_fails_that_feed_only(server, feeds):
    subscribe(server, feeds, "/atom.xml", fixture("atom.xml"))
    loop = subscribe(server, feeds)
    server.serve("/rss.xml", status=302, headers={"Location": "/rss.xml"})
    results = {r.subscription.name: r for r in feeds.fetch()}
    assert results[loop.name].failed and "redirects" in results[loop.name].error
    assert results["Valley Times"].status == "fetched"


def test_http_errors_are_reported_per_feed(server, feeds):
    missing = subscribe(server, feeds)
    server.serve("/rss.xml", status=404)
    [result] = feeds.fetch()
    assert result.failed and "404" in result.error
    server.serve("/rss.xml", status=500)
    [result] = feeds.fetch()
    assert result.failed and "500" in result.error
    assert load_states()[missing.url].error == result.error


def test_a_gone_feed_is_asked_no_more(server, feeds):
    subscribe(server, feeds)
    server.serve("/rss.xml", status=410)
    [gone] = feeds.fetch()
    asked = len(server.asked("/rss.xml"))
    [still] = feeds.fetch()
    assert gone.status == still.status == "gone" and "remove" in still.error
    assert len(server.asked("/rss.xml")) == asked


def test_retry_after_is_honoured(server, feeds):
    subscribe(server, feeds)
    server.serve("/rss.xml", status=429, headers={"Retry-After": "120"})
    [busy] = feeds.fetch()
    asked = len(server.asked("/rss.xml"))
    [waiting] = feeds.fetch()
    assert busy.failed and "429" in busy.error
    assert waiting.status == "waiting" and len(server.asked("/rss.xml")) == asked


def test_a_server_that_never_answers_times_out(server, impatient_feeds):
    subscribe(server, impatient_feeds)
    server.serve("/rss.xml", hang=True)
    [result] = impatient_feeds.fetch()
    assert result.failed and "no answer within" in result.error


def test_a_server_that_trickles_forever_is_cut_off(server, impatient_feeds):
    subscribe(server, impatient_feeds)
    server.serve("/rss.xml", chunks=slow_chunks(0.2, 1000))
    [result] = impatient_feeds.fetch()
    assert result.failed and "within" in result.error


def test_a_50_mb_body_stops_at_the_cap(server, feeds):
    subscribe(server, feeds)

    def endless():
        for _ in range(50):
            yield b" " * (1024 * 1024)

    server.serve("/rss.xml", chunks=endless)
    [result] = feeds.fetch()
    assert result.failed and "larger than 10 MB" in result.error


def test_a_gzip_bomb_stops_at_the_cap(server, feeds):
    subscribe(server, feeds)
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)  # 64 MB in 64 KB
    server.serve("/rss.xml", bomb, headers={"Content-Encoding": "gzip"})
    [result] = feeds.fetch()
    assert result.failed and "decompressed" in result.error


def test_a_feed_that_is_not_a_feed_fails_with_what_it_is(server, feeds):
    subscribe(server, feeds)
    server.serve("/rss.xml", fixture("article.html"))
    [result] = feeds.fetch()
    assert result.failed and "web page" in result.error
