#!/usr/bin/env python3
"""Time marking articles read: the state store alone, and the reader's list with every row redrawn.

    python benchmarks/marks.py PATH [--rounds 5]

Prints the median of `--rounds` runs of: marking 1,000 articles read in the SQLite state store
(one transaction), and marking every article listed in the reader (the list holds at most 500)
read and then unread again, rows redrawn, as `A` and `u` do.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path


async def list_marking(
    corpus: Path, index: Path | None, work: Path, rounds: int
) -> tuple[int, list[float]]:
    from search import Library, StateStore
    from tui.app import NewsReaderApp

    state = StateStore(work / "state.sqlite")
    app = NewsReaderApp(Library([corpus], index, state=state))
    times: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        while app.indexing or not app.article_list.hits:
            await pilot.pause(0.1)
        hits = list(app.article_list.hits)
        for _ in range(rounds):
            started = time.perf_counter()
            app.article_list.set_read(hits, True)
            app.article_list.set_read(hits, False)
            await pilot.pause()
            times.append((time.perf_counter() - started) / 2)
    return len(hits), times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", type=Path)
    parser.add_argument("--index-dir", type=Path, help="an index of PATH already built")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from search import StateStore

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        store = StateStore(work / "store.sqlite")
        ids = [f"/news/article-{n}.txt" for n in range(1000)]
        store_times = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            store.mark_read(ids, True)
            store_times.append(time.perf_counter() - started)
            store.mark_read(ids, False)
        print(
            "state store: 1,000 articles marked read, median "
            f"{statistics.median(store_times) * 1000:.1f} ms"
        )
        listed, list_times = asyncio.run(list_marking(args.path, args.index_dir, work, args.rounds))
        print(
            f"reader list: {listed} listed articles marked read (rows redrawn), "
            f"median {statistics.median(list_times) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
