#!/usr/bin/env python3
"""Time from launching newsreader to its first screen, cold (no index yet) and warm.

Each run is a fresh interpreter that imports the app and runs it headless, as `newsreader` would,
with indexing in its own process as for a user. Two moments are timed from process start:
  first paint  - the three panes are on screen (the index is still opening)
  list ready   - the article list shows the corpus (cold: after indexing; warm: index reopened)
  up to date   - the background scan for new, changed and removed files has finished
Then it searches (`--query`) and reports the app's resident memory: now, and its peak.

    python benchmarks/startup.py [PATH ...] [--runs 5]
    # warm runs only, on an index built before
    python benchmarks/startup.py BIG_CORPUS --index-dir DIR [--engine NAME]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

DRIVER = r"""
import asyncio, json, os, sys, time
started = float(os.environ["NR_STARTED"])
from pathlib import Path
from tui.app import NewsReaderApp
from search import Library, StateStore

async def main():
    paths = [Path(p) for p in json.loads(os.environ["NR_PATHS"])] or None
    index = Path(os.environ["NR_INDEX"])
    engine = os.environ["NR_ENGINE"] or None
    # Beside the index, not in it: an index folder holds only what its engine wrote.
    state = StateStore(Path(os.environ["NR_STATE"]))
    app = NewsReaderApp(Library(paths, index, state=state, engine=engine))
    marks = {}
    async with app.run_test(size=(120, 40)) as pilot:
        marks["first_paint"] = time.time() - started
        expected = int(os.environ["NR_EXPECTED"])
        # Every article listed (as rows of their own or in stories' rows).
        while not (app.results and app.results.total >= expected and app.article_list.row_count):
            await asyncio.sleep(0.005)
        marks["list_ready"] = time.time() - started
        while app.indexing:
            await asyncio.sleep(0.005)
        marks["up_to_date"] = time.time() - started
        query = os.environ["NR_QUERY"]
        app.search_for(query)
        while app.results is None or app.results.query != query:
            await asyncio.sleep(0.005)
        await pilot.pause()
        lines = Path("/proc/self/status").read_text().splitlines()
        status = dict(line.split(":", 1) for line in lines)
        marks["rss_mb"] = int(status["VmRSS"].split()[0]) / 1024
        marks["peak_rss_mb"] = int(status["VmHWM"].split()[0]) / 1024
    print(json.dumps(marks))

asyncio.run(main())
"""


def run_once(
    paths: list[str], index_dir: str, expected: int, query: str, engine: str | None
) -> dict[str, float]:
    env = dict(
        os.environ,
        NR_ENGINE=engine or "",
        NR_STATE=os.path.join(tempfile.mkdtemp(prefix="nr-state-"), "state.sqlite"),
        NR_PATHS=json.dumps(paths),
        NR_INDEX=index_dir,
        NR_EXPECTED=str(expected),
        NR_QUERY=query,
        NR_STARTED=repr(time.time()),
    )
    out = subprocess.run([sys.executable, "-c", DRIVER], env=env, capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"the app failed to start:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", help="corpus folders (default: the bundled seeds)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--index-dir", help="an index built before: time warm launches only")
    parser.add_argument("--query", default="government", help="searched once the list is ready")
    parser.add_argument("--engine", help="whoosh or tantivy (default: the engine setting)")
    args = parser.parse_args()
    from pathlib import Path

    from search import bundled_seeds_dir
    from search.sources.files import discover

    paths = [os.path.abspath(p) for p in args.paths]
    expected = len(discover([Path(p) for p in paths] or [bundled_seeds_dir()]).stamps)
    cold, warm = [], []
    for _ in range(args.runs):
        if args.index_dir:
            warm.append(run_once(paths, args.index_dir, expected, args.query, args.engine))
            continue
        with tempfile.TemporaryDirectory(prefix="nr-index-") as index_dir:
            cold.append(run_once(paths, index_dir, expected, args.query, args.engine))
            warm.append(run_once(paths, index_dir, expected, args.query, args.engine))
    for label, runs in (("cold", cold), ("warm", warm)):
        if not runs:
            continue
        for key in ("first_paint", "list_ready", "up_to_date"):
            values = [r[key] for r in runs]
            print(
                f"{label:5s} {key:12s} median {statistics.median(values):.3f}s  min "
                f"{min(values):.3f}s  max {max(values):.3f}s"
            )
        print(
            f"{label:5s} memory after a search: "
            f"{statistics.median(r['rss_mb'] for r in runs):.0f} MB resident, "
            f"peak {max(r['peak_rss_mb'] for r in runs):.0f} MB"
        )


if __name__ == "__main__":
    main()
