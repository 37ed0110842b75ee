"""Helpers for driving the app headless."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.worker import WorkerState

from search import ReadingState
from tui.app import NewsReaderApp


def make_app(corpus: Path, tmp_path: Path) -> NewsReaderApp:
    return NewsReaderApp(
        [corpus], tmp_path / "index", ReadingState(tmp_path / "read.json"), index_in_process=True
    )


def _busy(app: NewsReaderApp) -> bool:
    return app.indexing or any(
        w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers
    )


async def settle(pilot, timeout: float = 20.0) -> None:
    """Wait until indexing, searching and article analysis have all finished."""
    app = pilot.app
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        await pilot.pause(0.05)
        if not _busy(app) and app.results is not None:
            await pilot.pause(0.05)
            if not _busy(app):
                return
    raise TimeoutError("the app did not settle")
