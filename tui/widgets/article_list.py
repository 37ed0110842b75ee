"""The list of articles: title, source and date, and the snippet with the hits marked."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from search import SearchHit, SearchResults

from .keyboard_list import GrowingOptionList

HIT_STYLE = "bold reverse"


def _compact_row(hit: SearchHit, read: bool) -> Text:
    """One line: the date, the outlet and the title."""
    article = hit.article
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(f"{article.date_label or '':<11} ", style="dim")
    if article.source:
        row.append(f"{article.source[:16]:<16} ", style="italic dim")
    row.append(article.title, style="dim" if read else "bold")
    return row


def _row(hit: SearchHit, read: bool) -> Text:
    """The title, the outlet and date, and the snippet with the search's words marked."""
    article = hit.article
    row = Text(no_wrap=False, overflow="fold")
    row.append(article.title, style="dim bold" if read else "bold")
    meta = " · ".join(part for part in (article.source, article.date_label) if part)
    if meta:
        row.append("\n" + meta, style="italic dim")
    if hit.snippet.text:
        start = len(row) + 1
        row.append("\n" + hit.snippet.text, style="dim" if read else "")
        for s, e in hit.snippet.spans:
            row.stylize(HIT_STYLE, start + s, start + e)
    return row


class ArticleList(GrowingOptionList):
    """Search results; moving through them previews an article, Enter opens it for reading."""

    class Chosen(Message):
        def __init__(self, hit: SearchHit, focus_reader: bool) -> None:
            super().__init__()
            self.hit = hit
            self.focus_reader = focus_reader

    def __init__(self, compact: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.hits: list[SearchHit] = []
        self.read_ids: set[str] = set()
        self.make_row = _compact_row if compact else _row

    def show_results(self, results: SearchResults, keep_id: str | None = None) -> None:
        self.hits = list(results.hits)
        ids = [hit.article.id for hit in self.hits]
        keep = ids.index(keep_id) if keep_id in ids else 0
        self.reset_rows(len(self.hits), keep + self.FIRST_ROWS)
        if self.hits:
            self.highlighted = keep

    def make_options(self, start: int, end: int) -> list[Option | None]:
        options: list[Option | None] = []
        for hit in self.hits[start:end]:
            if start or options:
                options.append(None)  # a rule between articles
            options.append(Option(self.make_row(hit, self.is_read(hit)), id=hit.article.id))
        return options

    def is_read(self, hit: SearchHit) -> bool:
        # Read state kept before identities were paths names the article by its content hash.
        return hit.article.id in self.read_ids or hit.article.content_hash in self.read_ids

    def mark_read(self, article_id: str) -> None:
        if article_id in self.read_ids:
            return
        self.read_ids.add(article_id)
        for index, hit in enumerate(self.hits[: self.shown]):
            if hit.article.id == article_id:
                self.replace_option_prompt_at_index(index, self.make_row(hit, True))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index < len(self.hits):
            self.post_message(self.Chosen(self.hits[event.option_index], focus_reader=False))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.hits):
            self.post_message(self.Chosen(self.hits[event.option_index], focus_reader=True))
