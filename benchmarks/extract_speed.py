#!/usr/bin/env python3
"""Extraction speed on real news, one core: the date tagger and the people extractor, each alone.

python benchmarks/extract_speed.py ../shared/corpus/reuters ../shared/corpus/bbc --limit 3000
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from search.extractors.dates import extract_dates
from search.extractors.people import extract_people
from search.sources.files import UnreadableFile, discover, read_article


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=3000, help="articles to read (default 3000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each extractor (default 3)")
    args = parser.parse_args()
    stamps = discover(args.paths).stamps
    texts = []
    for stamp in stamps[: args.limit]:
        try:
            texts.append(read_article(stamp.path).body)
        except UnreadableFile:
            continue
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"{len(texts)} articles, {size / 1e6:.2f} MB of cleaned text")
    reference = dt.date(2000, 1, 1)
    for label, run in (
        ("dates", lambda t: extract_dates(t, reference)),
        ("people", extract_people),
    ):
        run(texts[0])  # warm the compiled patterns and load the model
        walls, cpus = [], []
        for _ in range(args.repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            for text in texts:
                run(text)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        # The best of several runs: a shared machine only ever makes a run slower.
        wall, cpu = min(walls), min(cpus)
        print(
            f"{label:7s} {size / 1e6 / wall:5.2f} MB/s wall  {size / 1e6 / cpu:5.2f} MB/s cpu  "
            f"{wall / len(texts) * 1000:5.2f} ms/article  (best of {args.repeat})"
        )


if __name__ == "__main__":
    main()
