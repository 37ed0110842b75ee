"""The indexing process the reader starts:
`python -m search.indexer --index-dir DIR [--engine NAME] ROOT ...`.

It updates one corpus's index and writes one JSON line per progress step, then a last line with
its report; search/background.py starts it and reads those lines. An update of many articles
leaves its stories waiting (the report says so), and search/background.py then starts
`python -m search.indexer --stories ...` once this process has ended, so that grouping never
holds its memory on top of what indexing left allocated; it writes {"stories": "grouped"}.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import sys
import time
from dataclasses import asdict, astuple
from pathlib import Path

from .background import STORIES_APART_FROM
from .library import Library
from .records import IndexProgress

PROGRESS_INTERVAL = 0.1
M_ARENA_MAX = -8  # glibc's mallopt parameter
MALLOC_ARENAS = 2


def _fewer_malloc_arenas() -> None:
    """glibc gives each thread that allocates an arena of its own, which keeps what it frees:
    tantivy indexes and merges in threads, and at 100,000 articles its indexing process reached
    700 MB with glibc's default, 540 MB with two arenas. Elsewhere (no glibc), nothing to do."""
    try:
        ctypes.CDLL(None).mallopt(M_ARENA_MAX, MALLOC_ARENAS)
    except (OSError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m search.indexer", description="Update one corpus index."
    )
    parser.add_argument("--index-dir", type=Path, required=True)
    parser.add_argument("--engine", help="whoosh or tantivy (default: the engine setting)")
    parser.add_argument(
        "--stories-apart-from",
        type=int,
        default=STORIES_APART_FROM,
        help="articles from which an update leaves its stories to --stories",
    )
    parser.add_argument("--stories", action="store_true", help="group the stories left waiting")
    parser.add_argument("roots", nargs="+", type=Path)
    args = parser.parse_args(argv)
    last = 0.0

    def on_progress(progress: IndexProgress) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_INTERVAL or progress.done == progress.total:
            last = now
            print(json.dumps({"progress": astuple(progress)}), flush=True)

    _fewer_malloc_arenas()
    library = Library(args.roots, args.index_dir, catch_up_here=True, engine=args.engine)
    if args.stories:
        library.group_waiting_stories()
        print(json.dumps({"stories": "grouped"}), flush=True)
        return 0
    report = library.update(on_progress, args.stories_apart_from)
    print(json.dumps({"report": asdict(report)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
