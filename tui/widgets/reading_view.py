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
    """The article under a header; `n`/`N` step through the hits.

    The body is one widget, not one per paragraph: a long article has hundreds of paragraphs, and
    mounting a widget for each made opening it ten times slower.
    """

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
        self._flat_body = ""

    def compose(self):
        yield Static(Text("No article open. Choose one from the list.", style="dim"), id="article-header")
        yield Static("", id="article-body")

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
        self._flat_body = "\n\n".join(article.paragraphs)
        header = Text(article.title, style="bold")
        meta = " · ".join(p for p in (article.source, article.date_label, Path(article.display_path).name) if p)
        header.append("\n" + meta, style="italic dim")
        count = len(self.hits)
        if count:
            header.append(f"\n{count} hit{'s' if count != 1 else ''} · n / N to step through", style="dim")
        with self.app.batch_update():
            self.query_one("#article-header", Static).update(header)
            self._refresh_body()
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

    def _body_text(self) -> Text:
        return Text("\n\n").join(self._paragraph_text(i) for i in range(len(self.marks)))

    def _refresh_body(self) -> None:
        self.query_one("#article-body", Static).update(self._body_text())

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
        if touched:
            self._refresh_body()
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
        self.current = hits[position]
        self._refresh_body()
        self._scroll_to_span(*self.current)
        return True

    def _scroll_to_span(self, index: int, span: Span) -> None:
        if index >= len(self._paragraph_starts):
            return
        body = self.query_one("#article-body", Static)
        width = max(body.content_region.width, 1)
        target = self._paragraph_starts[index] + span[0]
        # Wrapped lines drop the spaces they break at: count characters against the lines' ends.
        line_number, consumed = 0, 0
        for line_number, line in enumerate(self._body_text().wrap(self.app.console, width)):
            consumed += len(line.plain)
            while consumed < len(self._flat_body) and self._flat_body[consumed] in " \n":
                consumed += 1
            if consumed > target:
                break
        top = body.virtual_region.y + line_number
        self.scroll_to(y=max(top - self.scrollable_content_region.height // 3, 0), animate=False)
