"""Checks of the installed newsreader, run by .ci/run from a folder outside the clone.

It uses only what the wheel installed: the `newsreader` command beside this interpreter, and the
`tui` and `search` packages from site-packages. The current folder holds a hostile `search/`
package that writes a marker file if anything imports it.
"""

from __future__ import annotations

import asyncio
import functools
import json
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from search import bundled_seeds_dir
from tui.app import NewsReaderApp

NEWSREADER = str(Path(sys.executable).with_name("newsreader"))
FEED_FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "feeds"
MARKER = Path("HOSTILE_CODE_RAN")


def check(condition: bool, what: str) -> None:
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        sys.exit(1)


def run(*argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [NEWSREADER, *argv], input=stdin, capture_output=True, text=True, timeout=300
    )


def check_extract() -> None:
    seed = sorted(bundled_seeds_dir().glob("002_*.txt"))[0]
    line = json.dumps(
        {"id": "seed", "text": seed.read_text(encoding="utf-8"), "reference": "2025-12-17"}
    )
    result = run("extract", stdin=line + "\n")
    check(
        result.returncode == 0,
        f"newsreader extract exits 0 (stderr: {result.stderr.strip()[-200:]})",
    )
    names = {person["name"] for person in json.loads(result.stdout)["people"]}
    check("Pete Hegseth" in names, f"newsreader extract lists the seed's people: {sorted(names)}")


def check_search() -> None:
    result = run("search", "person:hegseth", "--json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    check(
        result.returncode == 0 and len(rows) == 5,
        f"newsreader search 'person:hegseth' finds the 5 seeds that name him (found {len(rows)}; "
        f"{result.stderr.strip()[-200:]})",
    )


async def check_side_panel() -> None:
    app = NewsReaderApp()  # the bundled seeds, indexed by the isolated child process
    async with app.run_test(size=(140, 40)) as pilot:
        for _ in range(600):  # up to a minute, for a busy machine
            await pilot.pause(0.1)
            if not app.indexing and app.results is not None and len(app.results.hits) == 5:
                break
        check(
            app.results is not None and len(app.results.hits) == 5,
            "the headless app lists the 5 seeds",
        )
        await pilot.press("slash", *"title:resume", "enter")
        for _ in range(300):
            await pilot.pause(0.1)
            if app.side_panel.people and app.open_hit and "Resume" in app.open_hit.article.title:
                break
        names = [person.name for person in app.side_panel.people]
        check("Pete Hegseth" in names, f"the side panel lists the opened seed's people: {names}")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


async def check_feeds() -> None:
    """Subscribe to a feed served on the loopback address, fetch it, and read it in the reader."""
    handler = functools.partial(QuietHandler, directory=str(FEED_FIXTURES))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/rss2.xml"
    added = run("feed", "add", url)
    check(added.returncode == 0, f"newsreader feed add: {added.stdout.strip()}{added.stderr}")
    fetched = run("fetch")
    check(fetched.returncode == 0, f"newsreader fetch: {fetched.stdout.strip()}")
    rows = [json.loads(line) for line in run("search", "harbour", "--json").stdout.splitlines()]
    top = rows[0] if rows else {}
    check(
        top.get("source") == "Harbour Gazette" and top.get("published") == "2025-03-04",
        f"the fetched article is searchable with its outlet and date: {top.get('title')}",
    )
    app = NewsReaderApp()  # the library: now the feed's archive
    async with app.run_test(size=(140, 40)) as pilot:
        for _ in range(600):
            await pilot.pause(0.1)
            if not app.indexing and app.open_hit and app.side_panel.dates:
                break
        titles = [hit.article.title for hit in app.article_list.hits]
        check("Harbour reopens after the storms" in titles, f"the reader lists the feed: {titles}")
        labels = [hit.article.date_label for hit in app.article_list.hits]
        check("2025-03-04" in labels, f"dated by the feed: {labels}")
        days = {entry.value for entry in app.side_panel.dates}
        check(
            "2025-03-03" in days,
            f"'yesterday' resolved against the published date (2025-03-04): {sorted(days)}",
        )
    server.shutdown()


def main() -> None:
    check_extract()
    check_search()
    asyncio.run(check_side_panel())
    asyncio.run(check_feeds())
    check(not MARKER.exists(), "no code from the current folder ran")


if __name__ == "__main__":
    main()
