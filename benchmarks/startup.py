#!/usr/bin/env python3
"""Time from launching newsreader to its first screen, cold (no index yet) and warm.

Each run is a fresh interpreter that imports the app and runs it headless, as `newsreader` would,
with indexing in its own process as for a user. Two moments are timed from process start:
  first paint  - the three panes are on screen (the index is still opening)
  list ready   - the article list shows the corpus (cold: after indexing; warm: index reopened)
  up to date   - the background scan for new, changed and removed files has finished

    python benchmarks/startup.py [PATH ...] [--runs 5]
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
from search import ReadingState

async def main():
    paths = [Path(p) for p in json.loads(os.environ["NR_PATHS"])] or None
    app = NewsReaderApp(paths, Path(os.environ["NR_INDEX"]), ReadingState(Path(os.environ["NR_INDEX"]) / "read.json"))
    marks = {}
    async with app.run_test(size=(120, 40)) as pilot:
        marks["first_paint"] = time.time() - started
        expected = int(os.environ["NR_EXPECTED"])
        while len(app.article_list.hits) < expected:
            await asyncio.sleep(0.005)
        marks["list_ready"] = time.time() - started
        while app.indexing:
            await asyncio.sleep(0.005)
        marks["up_to_date"] = time.time() - started
    print(json.dumps(marks))

asyncio.run(main())
"""


def run_once(paths: list[str], index_dir: str, expected: int) -> dict[str, float]:
    env = dict(os.environ, NR_PATHS=json.dumps(paths), NR_INDEX=index_dir, NR_EXPECTED=str(expected),
               NR_STARTED=repr(time.time()))
    out = subprocess.run([sys.executable, "-c", DRIVER], env=env, capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"the app failed to start:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="corpus folders (default: the bundled seeds)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from pathlib import Path

    from search import bundled_seeds_dir
    from search.loading import discover

    paths = [os.path.abspath(p) for p in args.paths]
    expected = min(len(discover([Path(p) for p in paths] or [bundled_seeds_dir()])[0]), 500)
    cold, warm = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="nr-index-") as index_dir:
            cold.append(run_once(paths, index_dir, expected))
            warm.append(run_once(paths, index_dir, expected))
    for label, runs in (("cold", cold), ("warm", warm)):
        for key in ("first_paint", "list_ready", "up_to_date"):
            values = [r[key] for r in runs]
            print(f"{label:5s} {key:12s} median {statistics.median(values):.3f}s  min {min(values):.3f}s  max {max(values):.3f}s")


if __name__ == "__main__":
    main()
