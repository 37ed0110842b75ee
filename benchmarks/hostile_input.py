"""Time the hostile inputs of the 'sound' issue: each must be linear in its size, or refused.

    python benchmarks/hostile_input.py [CORPUS]

Prints the median of five runs for each case (the machine is shared: compare sizes, not runs).
With CORPUS (a folder of articles), the queries run against its index; else against the seeds.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

from search import Library, QuerySyntaxError, bundled_seeds_dir
from search.extractors.dates import extract_dates
from search.text.articles import parse_article
from tui.widgets.reading_view import wrap_offsets


def median_seconds(action, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    for size in (30_000, 300_000, 1_000_000):
        text = "中" * size
        print(
            f"wrap {size:>9,} Chinese characters, no space: "
            f"{median_seconds(lambda text=text: wrap_offsets(text, 80)):.3f} s"
        )
    unit = "the market rose on Monday and analysts expect more gains next week "
    for kb in (8, 16, 32, 64):
        text = unit * (kb * 1024 // len(unit))
        seconds = median_seconds(
            lambda text=text: extract_dates(text, dt.date(2025, 1, 15)), runs=3
        )
        print(
            f"dates in {kb:>3} KB of one endless sentence, with a reference date: {seconds:.3f} s"
        )
    title = "---\ntitle: " + "word " * 200_000 + "\n---\nBody."
    print(f"a 1 MB title: parsed in {median_seconds(lambda: parse_article('/a.md', title)):.3f} s")
    roots = [Path(sys.argv[1])] if len(sys.argv) > 1 else [bundled_seeds_dir()]
    library = Library(roots, Path(tempfile.mkdtemp()) / "index")
    library.update()
    print(f"queries against {library.count():,} articles:")
    for query in (
        "x" * 100_000,
        '"' + "oil prices " * 1500 + '"',
        "oil~9",
        "?*",
        "*",
        "oil^inf",
        "NOT " * 1000 + "oil",
        "oil REQUIRE trade",
        "oil~2",
        "pri*",
    ):

        def run(query: str = query) -> str:
            try:
                return f"{library.search(query).total} hits"
            except QuerySyntaxError as error:
                return f"refused: {error}"

        answer = run()
        print(f"  {query[:24]!r:28} {median_seconds(run) * 1000:8.1f} ms  {answer[:70]}")


if __name__ == "__main__":
    main()
