"""Index in a separate process and stream its progress back.

Whoosh is pure Python and holds the GIL: indexing in a thread of the reader would freeze its screen.
A child process (`python -m search.background`) keeps the reader responsive; it writes one JSON line
per progress step and a last line with its report, and the reader sees each commit as it lands.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from .index import CorpusIndex, IndexProgress, UpdateReport
from .loading import SkippedFile

PROGRESS_INTERVAL = 0.1


class IndexingFailed(RuntimeError):
    """The indexing process died or raised; the message says how, for the user."""


def _report_from_json(data: dict) -> UpdateReport:
    skipped = [SkippedFile(**entry) for entry in data.pop("skipped")]
    return UpdateReport(**data, skipped=skipped)


def update_in_background(roots: list[Path], index_dir: Path) -> Iterator[IndexProgress | UpdateReport]:
    """Yield progress while a child process updates the index; the last item is the report."""
    command = [sys.executable, "-m", "search.background", "--index-dir", str(index_dir), *map(str, roots)]
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors,
                                   text=True, encoding="utf-8", errors="surrogateescape")
        try:
            assert process.stdout is not None
            for line in process.stdout:
                message = json.loads(line)
                if "progress" in message:
                    yield IndexProgress(*message["progress"])
                elif "report" in message:
                    yield _report_from_json(message["report"])
                    return
            process.wait()
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit code {process.returncode}"]
            raise IndexingFailed(f"the indexing process stopped: {tail[0]}")
        finally:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m search.background", description="Update one corpus index.")
    parser.add_argument("--index-dir", type=Path, required=True)
    parser.add_argument("roots", nargs="+", type=Path)
    args = parser.parse_args(argv)
    last = 0.0

    def on_progress(progress: IndexProgress) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_INTERVAL or progress.done == progress.total:
            last = now
            print(json.dumps({"progress": [progress.done, progress.total, progress.path]}), flush=True)

    report = CorpusIndex(args.index_dir, args.roots).update(on_progress)
    print(json.dumps({"report": asdict(report)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
