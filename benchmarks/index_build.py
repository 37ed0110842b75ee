#!/usr/bin/env python3
"""Time a first full index of a corpus, then catching up after a few files change.

    python benchmarks/index_build.py ../shared/corpus/reuters [--changes 10]
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from search import Library
from search.loading import discover


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--changes", type=int, default=10, help="files to touch before catching up")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nr-index-build-") as index_dir:
        library = Library(args.paths, Path(index_dir))
        started = time.perf_counter()
        report = library.update()
        seconds = time.perf_counter() - started
        print(f"first index: {report.added} articles ({len(report.skipped)} skipped) in {seconds:.1f} s, "
              f"{report.added / seconds:.0f} articles/s")
        stamps, _ = discover(args.paths)
        for stamp in stamps[: args.changes]:
            os.utime(stamp.path, None)
        started = time.perf_counter()
        report = Library(args.paths, Path(index_dir)).update()
        print(f"catch-up after touching {args.changes} files: {report.updated} re-read in "
              f"{time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
