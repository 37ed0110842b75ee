"""Helpers for driving the app headless."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.worker import WorkerState

from search import Library, Settings, StateStore
from tui.app import NewsReaderApp


def make_app(corpus: Path, tmp_path: Path, stories: str = "articles") -> NewsReaderApp:
    """The reader on `corpus`; by default every article on a row of its own, as the tests of the
    list's per-article behaviour need (the seeds hold one story of two articles)."""
    state = StateStore(tmp_path / "state.sqlite")
    library = Library([corpus], tmp_path / "index", catch_up_here=True, state=state)
    return NewsReaderApp(library, Settings(stories=stories))


def _busy(app: NewsReaderApp) -> bool:
    """Indexing, a worker at work, or a search typed but not yet run or shown (the search box
    waits a moment after each key before it searches)."""
    typed = app.search_box.query_input.value != app.query_text
    refused = app.search_box.query_one("#search-status").has_class("-error")
    pending_search = app.results is not None and app.results.query != app.query_text and not refused
    return (
        app.indexing
        or typed
        or pending_search
        or any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)
    )


async def settle(pilot, timeout: float = 120.0) -> None:
    """Wait until indexing, searching and article analysis have all finished (the timeout only
    ends a test that would hang; a busy machine takes what it takes)."""
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
