"""The reading view: the cleaned article, with query hits and chosen mentions marked."""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from search import StoredArticle


HIT_STYLE = "bold black on yellow"
CURRENT_HIT_STYLE = "bold black on dark_orange"
MARK_STYLE = "bold underline black on cyan"

Span = tuple[int, int]


class ReadingView(VerticalScroll):
    """Paragraph widgets under a header; `n`/`N` step through the hits."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="read_down"),
        Binding("k", "scroll_up", "Up", show=False, id="read_up"),
        Binding("space", "page_down", "Page down", show=False, id="read_page_down"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article: StoredArticle | None = None
        self.hit_spans: list[list[Span]] = []
        self.marks: list[list[Span]] = []
        self.current: tuple[int, Span] | None = None
        self._paragraph_starts: list[int] = []

    def compose(self):
        yield Static(Text("No article open. Choose one from the list.", style="dim"), id="article-header")

    @property
    def hits(self) -> list[tuple[int, Span]]:
        return [(i, span) for i, spans in enumerate(self.hit_spans) for span in spans]

    def show(self, article: StoredArticle, hit_spans: list[list[Span]]) -> None:
        same = self.article is not None and self.article.id == article.id
        self.article = article
        self.hit_spans = hit_spans
        self.marks = [[] for _ in article.paragraphs]
        self.current = None
        starts, offset = [], 0
        for paragraph in article.paragraphs:
            starts.append(offset)
            offset += len(paragraph) + 2
        self._paragraph_starts = starts
        header = Text(article.title, style="bold")
        meta = " · ".join(p for p in (article.source, article.date_label, Path(article.display_path).name) if p)
        header.append("\n" + meta, style="italic dim")
        count = len(self.hits)
        if count:
            header.append(f"\n{count} hit{'s' if count != 1 else ''} · n / N to step through", style="dim")
        with self.app.batch_update():
            self.query_one("#article-header", Static).update(header)
            self.query(".paragraph").remove()
            self.mount_all(Static(self._paragraph_text(i), classes="paragraph") for i in range(len(article.paragraphs)))
        if not same:
            self.scroll_home(animate=False)

    def _paragraph_text(self, index: int) -> Text:
        text = Text(self.article.paragraphs[index] if self.article else "")
        for s, e in self.hit_spans[index]:
            text.stylize(HIT_STYLE, s, e)
        for s, e in self.marks[index]:
            text.stylize(MARK_STYLE, s, e)
        if self.current and self.current[0] == index:
            text.stylize(CURRENT_HIT_STYLE, *self.current[1])
        return text

    def _refresh_paragraph(self, index: int) -> None:
        paragraphs = list(self.query(".paragraph").results(Static))
        if index < len(paragraphs):
            paragraphs[index].update(self._paragraph_text(index))

    def mark_body_spans(self, spans: list[Span]) -> None:
        """Mark spans given as offsets into the article body (mentions of a person or a date)."""
        if self.article is None:
            return
        touched = {i for i, marks in enumerate(self.marks) if marks}
        self.marks = [[] for _ in self.article.paragraphs]
        first: tuple[int, Span] | None = None
        for start, end in spans:
            index = max(i for i, s in enumerate(self._paragraph_starts) if s <= start)
            local = (start - self._paragraph_starts[index], end - self._paragraph_starts[index])
            self.marks[index].append(local)
            touched.add(index)
            first = first or (index, local)
        for index in touched:
            self._refresh_paragraph(index)
        if first:
            self.call_after_refresh(self._scroll_to_span, *first)

    def step_hit(self, direction: int) -> bool:
        hits = self.hits
        if not hits:
            return False
        if self.current in hits:
            position = (hits.index(self.current) + direction) % len(hits)
        else:
            position = 0 if direction > 0 else len(hits) - 1
        previous = self.current
        self.current = hits[position]
        if previous:
            self._refresh_paragraph(previous[0])
        self._refresh_paragraph(self.current[0])
        self._scroll_to_span(*self.current)
        return True

    def _scroll_to_span(self, index: int, span: Span) -> None:
        paragraphs = list(self.query(".paragraph").results(Static))
        if index >= len(paragraphs):
            return
        widget = paragraphs[index]
        width = max(widget.content_region.width, 1)
        lines = self._paragraph_text(index).wrap(self.app.console, width)
        consumed, line_number = 0, 0
        for line_number, line in enumerate(lines):
            consumed += len(line.plain)
            if consumed > span[0]:
                break
        top = widget.virtual_region.y + line_number
        self.scroll_to(y=max(top - self.scrollable_content_region.height // 3, 0), animate=False)
