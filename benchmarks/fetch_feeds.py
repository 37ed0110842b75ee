#!/usr/bin/env python3
"""Time `newsreader fetch` of many feeds served on the loopback address.

    python benchmarks/fetch_feeds.py [--feeds 200] [--entries 20] [--rounds 3]

Each round starts from an empty archive in a temporary data folder. A third of the feeds are
fetched once first, so that they answer 304 Not Modified; then every feed is fetched, and that
fetch is timed: the rest answer 200 with `--entries` new entries each, stored as articles. Prints
each round, the median, and the articles stored per second.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TEXT = (
    "the harbour council met on tuesday to discuss the plan for a new breakwater and the ferries "
    "that cross the bay every morning while the fishermen waited for the storm to pass"
)
WORDS = TEXT.split()


def feed_xml(number: int, entries: int) -> bytes:
    start = datetime(2025, 3, 1, tzinfo=UTC)
    items = []
    for index in range(entries):
        text = " ".join(WORDS[(index + k) % len(WORDS)] for k in range(150))
        when = format_datetime(start + timedelta(hours=number + index))
        items.append(
            f"<item><title>Story {index} of feed {number}</title><link>/feed{number}/{index}</link>"
            f"<guid>feed{number}-{index}</guid><pubDate>{when}</pubDate>"
            f"<description>{text}.</description></item>"
        )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {number}</title>'
        f"<link>http://127.0.0.1/</link>{''.join(items)}</channel></rss>"
    ).encode()


def serve(feeds: int, entries: int) -> ThreadingHTTPServer:
    bodies = {f"/feed{n}.xml": feed_xml(n, entries) for n in range(feeds)}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = bodies.get(self.path)
            etag = f'"{self.path}"'
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("ETag", etag)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def one_round(port: int, feeds: int) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as home:
        for variable, folder in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config")):
            os.environ[variable] = os.path.join(home, folder)
        from search import Feeds, Subscription
        from search.sources.feeds.subscriptions import add_subscription

        service = Feeds()
        subscriptions = [
            Subscription(f"Feed {n}", f"http://127.0.0.1:{port}/feed{n}.xml") for n in range(feeds)
        ]
        for subscription in subscriptions:
            add_subscription(subscription, service.path)
        service.fetch([s.name for s in subscriptions[: feeds // 3]])  # these will answer 304
        started = time.perf_counter()
        results = service.fetch()
        elapsed = time.perf_counter() - started
        unchanged = sum(r.status == "not modified" for r in results)
        stored = sum(r.new for r in results)
        assert not any(r.failed for r in results), [r.error for r in results if r.failed]
        return elapsed, unchanged, stored


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    server = serve(args.feeds, args.entries)
    times = []
    for number in range(1, args.rounds + 1):
        elapsed, unchanged, stored = one_round(server.server_port, args.feeds)
        times.append(elapsed)
        print(
            f"round {number}: {elapsed:6.2f} s  {args.feeds} feeds, {unchanged} answered 304, "
            f"{stored} articles stored"
        )
    median = statistics.median(times)
    print(f"median {median:.2f} s over {args.rounds} rounds ({stored / median:.0f} articles/s)")
    server.shutdown()


if __name__ == "__main__":
    main()
