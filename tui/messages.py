"""The messages the app's workers post to it: results arrive on the UI thread as messages."""

from __future__ import annotations

from textual.message import Message

from search import Extraction, IndexProgress, SearchHit, SearchResults, UpdateReport


class IndexingCancelled(Exception):
    """Raised from a progress callback to stop indexing that nobody waits for any more."""


class LibraryUnavailable(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class IndexRebuiltNotice(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class LibraryOpened(Message):
    def __init__(self, notices: list[str], count: int) -> None:
        super().__init__()
        self.notices = notices
        self.count = count


class SearchFinished(Message):
    def __init__(self, results: SearchResults) -> None:
        super().__init__()
        self.results = results


class SearchFailed(Message):
    def __init__(self, query: str, message: str) -> None:
        super().__init__()
        self.query = query
        self.message = message


class ArticleAnalysed(Message):
    def __init__(
        self,
        hit: SearchHit,
        extraction: Extraction,
        hit_spans: list[list[tuple[int, int]]],
        focus: bool,
    ) -> None:
        super().__init__()
        self.hit = hit
        self.extraction = extraction
        self.hit_spans = hit_spans
        self.focus = focus


class IndexingProgressed(Message):
    def __init__(self, progress: IndexProgress) -> None:
        super().__init__()
        self.progress = progress


class IndexingFinished(Message):
    def __init__(self, report: UpdateReport | None, error: str | None = None) -> None:
        super().__init__()
        self.report = report
        self.error = error
