"""Index in a separate process and stream its progress back.

Whoosh is pure Python and holds the GIL: indexing in a thread of the reader would freeze its screen.
A child process (search/indexer.py) keeps the reader responsive; it writes one JSON line per
progress step and a last line with its report, and the reader sees each commit as it lands. After
a large update a second process groups the stories, once the first has ended and freed its memory.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .records import IndexProgress, UpdateReport
from .sources.files import SkippedFile

EXIT_SECONDS = 60  # for a process that has written its last line to end, freeing its memory
# Articles from which an update's stories are grouped by a process of their own: below it, starting
# one costs more than the memory it saves.
STORIES_APART_FROM = 5000


class IndexingFailed(RuntimeError):
    """The indexing process died or raised; the message says how, for the user."""


def _report_from_json(data: dict) -> UpdateReport:
    skipped = [SkippedFile(**entry) for entry in data.pop("skipped")]
    return UpdateReport(**data, skipped=skipped)


def update_in_background(
    roots: list[Path], index_dir: Path, engine: str, stories_apart_from: int = STORIES_APART_FROM
) -> Iterator[IndexProgress | UpdateReport]:
    """Yield progress while a child process updates the index; the last item is the report, once
    the stories are in step too (grouped by a second process when the first left them waiting)."""
    # Isolated mode (-I): the child imports only the installed package, never a `search/` that
    # happens to sit in the user's current folder, and ignores PYTHON* variables.
    command = [
        sys.executable,
        "-I",
        "-m",
        "search.indexer",
        "--index-dir",
        str(index_dir),
        "--engine",
        engine,
    ]
    report = None
    apart = ["--stories-apart-from", str(stories_apart_from)]
    for message in _messages([*command, *apart, *map(str, roots)], "report"):
        if "progress" in message:
            yield IndexProgress(*message["progress"])
        else:
            report = _report_from_json(message["report"])
    assert report is not None
    if report.stories_waiting:
        for _ in _messages([*command, "--stories", *map(str, roots)], "stories"):
            pass
    yield report


def _messages(command: list[str], last: str) -> Iterator[dict]:
    """The JSON lines a child process writes, up to the one holding `last`; then the process is
    left to end (its memory with it) before this returns."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
        )
        try:
            assert process.stdout is not None
            for line in process.stdout:
                message = json.loads(line)
                yield message
                if last in message:
                    try:
                        process.wait(timeout=EXIT_SECONDS)
                    except subprocess.TimeoutExpired:
                        pass  # ended below
                    return
            process.wait()
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace").strip().splitlines()[-1:] or [
                f"exit code {process.returncode}"
            ]
            raise IndexingFailed(f"the indexing process stopped: {tail[0]}")
        finally:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=10)
