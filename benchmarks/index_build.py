#!/usr/bin/env python3
"""Time a first full index of a corpus, then catching up after files change, appear and vanish.

    python benchmarks/index_build.py CORPUS ... [--index-dir DIR] [--engine NAME] [--changes 10]

The first index runs as the reader runs it: `python -m search.indexer`, in a process of its own,
which prints its progress; after a large update, `--stories` groups the stories in another.
Reported: when the first articles became searchable, when all of them were (a large archive is
indexed by its words first, then analysed), and the whole time, stories grouped.
Then `--changes` files are touched, added and removed (in thirds), and the same process, started
anew, catches up: the time is from its launch to an up-to-date index. The corpus is left as found.
Without --index-dir the index goes to a temporary folder and is deleted afterwards; with an
--index-dir that holds an index already, only the catching up is timed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from search.sources.files import discover


def run_indexer(
    paths: list[Path], index_dir: Path, engine: str | None
) -> tuple[float, float | None, float | None, dict]:
    """Seconds to the end, to the first commit that made articles searchable, and to the one that
    made all of them searchable by their words (None when not indexed words first); the report."""
    command = [sys.executable, "-m", "search.indexer", "--index-dir", str(index_dir)]
    command += ["--engine", engine] if engine else []
    started = time.perf_counter()
    first_searchable = all_by_words = None
    with subprocess.Popen(
        [*command, *map(str, paths)], stdout=subprocess.PIPE, text=True
    ) as process:
        for line in process.stdout:
            message = json.loads(line)
            if first_searchable is None and "progress" in message and message["progress"][0] > 0:
                first_searchable = time.perf_counter() - started
            if (
                all_by_words is None
                and "progress" in message
                and message["progress"][3:] == ["analysis"]
            ):
                all_by_words = time.perf_counter() - started
            if "report" in message:
                report = message["report"]
    if process.returncode:
        sys.exit(f"the indexer failed with exit code {process.returncode}")
    if report["stories_waiting"]:  # grouped by a process of its own, as the reader has it done
        subprocess.run(
            [*command, "--stories", *map(str, paths)], stdout=subprocess.DEVNULL, check=True
        )
    return time.perf_counter() - started, first_searchable, all_by_words, report


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument(
        "--index-dir", type=Path, help="keep the index here, or catch up the index found here"
    )
    parser.add_argument("--engine", help="whoosh or tantivy (default: the engine setting)")
    parser.add_argument(
        "--changes", type=int, default=10, help="files to touch, add and remove before catching up"
    )
    args = parser.parse_args()
    index_dir = args.index_dir or Path(tempfile.mkdtemp(prefix="nr-index-build-"))
    try:
        if not (args.index_dir and args.index_dir.exists()):
            seconds, first, by_words, report = run_indexer(args.paths, index_dir, args.engine)
            words = f"all searchable by their words after {by_words:.1f} s; " if by_words else ""
            print(
                f"first index: {report['added']} articles ({len(report['skipped'])} skipped): "
                f"first articles searchable after {first or 0:.1f} s; {words}"
                f"fully analysed, stories grouped, in {seconds:.1f} s "
                f"({report['added'] / seconds:.0f} articles/s)"
            )
        stamps = discover(args.paths).stamps
        touched = stamps[: args.changes - 2 * (args.changes // 3)]
        removed = stamps[len(touched) : len(touched) + args.changes // 3]
        with tempfile.TemporaryDirectory(prefix="nr-removed-") as aside:
            for stamp in touched:
                os.utime(stamp.path, None)
            for number, stamp in enumerate(removed):
                shutil.move(stamp.path, Path(aside) / str(number))
            added = [
                Path(touched[0].path).with_name(f"nr-benchmark-added-{n}.txt")
                for n in range(args.changes // 3)
            ]
            for number, path in enumerate(added):
                path.write_text(
                    f"Benchmark Article {number}\n\nA new article about oil prices, written on "
                    "Monday.\n"
                )
            try:
                seconds, _, _, report = run_indexer(args.paths, index_dir, args.engine)
            finally:
                for path in added:
                    path.unlink(missing_ok=True)
                for number, stamp in enumerate(removed):
                    shutil.move(Path(aside) / str(number), stamp.path)
        print(
            f"catch-up after {len(touched)} touched, {len(added)} added, {len(removed)} removed: "
            f"{report['updated']} re-read, {report['added']} added, {report['removed']} removed, "
            f"launch to up to date {seconds:.2f} s"
        )
    finally:
        if not args.index_dir:
            shutil.rmtree(index_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
