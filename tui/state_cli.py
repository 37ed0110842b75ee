"""`newsreader state export` and `newsreader state import FILE`: a backup of the reading state."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from search import StateStore


def run_state(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newsreader state",
        description="Back up or restore what you have read, starred and tagged.",
    )
    verbs = parser.add_subparsers(dest="verb", required=True)
    verbs.add_parser("export", help="print the reading state as JSON")
    restore = verbs.add_parser("import", help="add the marks of an export to the reading state")
    restore.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    store = StateStore()
    if args.verb == "export":
        json.dump(store.export(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        try:
            data = json.loads(args.file.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a newsreader state export")
        except (OSError, ValueError, RecursionError) as error:
            print(f"newsreader: {args.file}: {error}", file=sys.stderr)
            return 1
        print(f"{store.import_(data)} articles' marks imported.")
    for notice in store.notices:
        print(f"newsreader: {notice}", file=sys.stderr)
    return 0
