"""The reading view: the cleaned article, with query hits and chosen mentions marked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from search import Snippet, StoredArticle

from ..wording import counted

# Component classes, coloured by the theme in newsreader.tcss.
HIT, CURRENT_HIT, MARK = "reading-view--hit", "reading-view--current-hit", "reading-view--mark"
EMPTY_TEXT = "No article open. Choose one from the list."

Span = tuple[int, int]


@dataclass(frozen=True)
class _Row:
    """One screen line: a stretch of a paragraph, or a line of the header (paragraph -1)."""

    paragraph: int
    start: int
    end: int


_BLANK = _Row(-2, 0, 0)


def wrap_offsets(text: str, width: int) -> list[Span]:
    """Where `text` breaks into lines of at most `width` cells, as (start, end) offsets.

    Greedy, at spaces; a word wider than a line is cut; a newline always breaks. A line ends
    before the space it breaks at, and the next one starts after it.
    """
    lines: list[Span] = []
    offset = 0
    for part in text.split("\n"):
        lines.extend((offset + s, offset + e) for s, e in _wrap_line(part, width))
        offset += len(part) + 1
    return lines


# Characters one cell wide that news is full of beyond ASCII: accented letters, Greek and
# Cyrillic, typographic quotes and dashes, currency signs.
_ONE_CELL = frozenset(
    chr(code)
    for low, high in (
        (0x20, 0x7E),
        (0xA0, 0x2FF),
        (0x370, 0x482),
        (0x2010, 0x2027),
        (0x20A0, 0x20C0),
    )
    for code in range(low, high + 1)
)


@lru_cache(maxsize=16)
def _greedy_lines(width: int) -> re.Pattern[str]:
    """The longest stretch that fits `width` and ends before a space or at the end; failing
    that, `width` characters of a word too long for a line."""
    return re.compile(rf"[^ ].{{0,{width - 1}}}(?= |$)|[^ ]{{{width}}}")


def _wrap_line(text: str, width: int) -> list[Span]:
    if not text:
        return [(0, 0)]
    if _ONE_CELL.issuperset(text) and "  " not in text and text[0] != " " and text[-1] != " ":
        # Text of one-cell characters and single spaces, which is nearly all news: re finds the
        # same lines as the loop below, word by word, some ten times faster.
        return [match.span() for match in _greedy_lines(width).finditer(text)]
    ascii_only = text.isascii()
    lines: list[Span] = []
    start = position = used = 0
    length = len(text)
    while position < length:
        space = text.find(" ", position)
        word_end = length if space == -1 else space
        gap = 1 if position > start else 0
        room = width - used - gap
        # Measured only as far as the line has room: a 30,000-character run of Chinese without a
        # space was measured whole for every line it filled, which froze the reader for seconds.
        size = word_end - position if ascii_only else _cells_within(text, position, word_end, room)
        if size is not None and size <= room:
            used += gap + size
            position = word_end + 1
        elif position > start:  # the word goes to the next line
            lines.append((start, position - 1))
            start, used = position, 0
        else:  # a word wider than a line: cut it
            cut = position + width if ascii_only else _cut(text, position, width)
            lines.append((start, cut))
            start = position = cut
    end = length
    while end > start and text[end - 1] == " ":  # spaces the last word did not need
        end -= 1
    lines.append((start, end))
    return lines


_MEASURED_WHOLE = 64


def _cells_within(text: str, start: int, end: int, room: int) -> int | None:
    """The cells text[start:end] takes, or None as soon as they pass `room`."""
    if end - start <= _MEASURED_WHOLE:  # a word: Rich measures it at once, and remembers it
        used = cell_len(text[start:end])
        return used if used <= room else None
    used = 0
    for index in range(start, end):
        used += cell_len(text[index])
        if used > room:
            return None
    return used


def _cut(text: str, position: int, width: int) -> int:
    used = 0
    for offset in range(position, len(text)):
        used += cell_len(text[offset])
        if used > width:
            return max(offset, position + 1)
    return len(text)


class ReadingView(ScrollView, can_focus=True):
    """The article under a header; `n`/`N` step through the hits.

    Lines are drawn as they scroll into view, from a wrap computed once per width: a long article
    laid out as widgets was wrapped and drawn whole, some 350 ms for 50 KB.
    """

    COMPONENT_CLASSES = {HIT, CURRENT_HIT, MARK}
    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="read_down"),
        Binding("k", "scroll_up", "Up", show=False, id="read_up"),
        Binding("space", "page_down", "Page down", show=False, id="read_page_down"),
    ]

    def __init__(self, text_width: int = 0, centred: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article: StoredArticle | None = None
        self.hit_spans: list[list[Span]] = []
        self.snippet: Snippet | None = None
        self.marks: list[list[Span]] = []
        self.current: tuple[int, Span] | None = None
        self._paragraph_starts: list[int] = []
        self._rows: list[_Row] = []
        self._header: list[Text] = []
        self._styled: dict[int, Text] = {}
        self._wrapped_width = 0
        self.text_width = text_width  # the longest line, in columns; 0: the pane's width
        self.centred = centred  # the capped text in the middle of a wide pane, not at its left

    @property
    def hits(self) -> list[tuple[int, Span]]:
        return [(i, span) for i, spans in enumerate(self.hit_spans) for span in spans]

    def show(
        self, article: StoredArticle, hit_spans: list[list[Span]], snippet: Snippet | None = None
    ) -> None:
        """Show `article` with the search's hits marked; `snippet`, the search's best passage,
        goes in the header, where the eye is."""
        self.snippet = snippet
        same = (
            self.article is not None
            and self.article.id == article.id
            and self.article.content_hash == article.content_hash
        )
        self.article = article
        self.hit_spans = hit_spans
        self.marks = [[] for _ in article.paragraphs]
        self.current = None
        starts, offset = [], 0
        for paragraph in article.paragraphs:
            starts.append(offset)
            offset += len(paragraph) + 2
        self._paragraph_starts = starts
        self._lay_out()
        if not same:
            self.scroll_home(animate=False)

    def _header_text(self) -> list[Text]:
        if self.article is None:
            return [Text(EMPTY_TEXT, style="dim")]
        article = self.article
        lines = [Text(article.title, style="bold")]
        if meta := " · ".join(p for p in (article.source, article.date_label) if p):
            lines.append(Text(meta, style="italic dim"))
        # Where the article lives, on a line of its own (a web address is long and wraps
        # anywhere): its web address, else its file.
        lines.append(Text(article.url or Path(article.display_path).name, style="italic dim"))
        count = len(self.hits)
        if self.snippet is not None and self.snippet.spans:
            line = Text(self.snippet.text, style="italic")
            for start, end in self.snippet.spans:
                line.stylize(self.get_component_rich_style(HIT), start, end)
            lines.append(line)
        if count:
            lines.append(Text(f"{counted(count, 'hit')} · n / N to step through", style="dim"))
        return lines

    def _lay_out(self) -> None:
        """Wrap the header and every paragraph to the current width (offsets only, no drawing)."""
        width = max(self.scrollable_content_region.width, 1)
        self._wrapped_width = width
        if self.text_width:  # long lines are hard to read on a wide terminal
            width = min(width, self.text_width)
        self._styled.clear()
        self._header = [
            line for text in self._header_text() for line in text.wrap(self.app.console, width)
        ]
        rows = [_Row(-1, i, i) for i in range(len(self._header))]
        if self.article is not None:
            rows.append(_Row(-3, 0, 0))  # the rule under the header
            for index, paragraph in enumerate(self.article.paragraphs):
                rows.append(_BLANK)
                rows.extend(_Row(index, s, e) for s, e in wrap_offsets(paragraph, width))
            rows.append(_BLANK)
        self._rows = rows
        self.virtual_size = Size(width, len(rows))
        self.refresh()

    def on_mount(self) -> None:
        self._lay_out()

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._wrapped_width:
            self._lay_out()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row_number = self.scroll_offset.y + y
        base = self.rich_style
        if row_number >= len(self._rows):
            return Strip.blank(width, base)
        row = self._rows[row_number]
        if row.paragraph == -1:
            text = self._header[row.start]
        elif row.paragraph == -3:
            return Strip([Segment("─" * width, base + self.app.console.get_style("dim"))], width)
        elif row.paragraph < 0:
            return Strip.blank(width, base)
        else:
            text = self._paragraph_text(row.paragraph, cached=True)[row.start : row.end]
        console = self.app.console
        # Text.render leaves out the text's own style (a header line's bold): add it here.
        line_style = base + console.get_style(text.style) if text.style else base
        segments = [
            Segment(s.text, line_style + s.style if s.style else line_style)
            for s in text.render(console)
        ]
        if self.centred and self.text_width and width > self.text_width:
            segments.insert(0, Segment(" " * ((width - self.text_width) // 2), base))
        return Strip(segments).extend_cell_length(width, base).crop(0, width)

    def _paragraph_text(self, index: int, cached: bool = False) -> Text:
        if cached and index in self._styled:
            return self._styled[index]
        text = Text(self.article.paragraphs[index] if self.article else "")
        style = self.get_component_rich_style
        for s, e in self.hit_spans[index]:
            text.stylize(style(HIT), s, e)
        for s, e in self.marks[index]:
            text.stylize(style(MARK), s, e)
        if self.current and self.current[0] == index:
            text.stylize(style(CURRENT_HIT), *self.current[1])
        self._styled[index] = text
        return text

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styled.clear()  # a new theme colours the hits anew

    def _restyle(self, paragraphs: set[int]) -> None:
        for index in paragraphs:
            self._styled.pop(index, None)
        self.refresh()

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
        self._restyle(touched)
        if first:
            self._scroll_to_span(*first)

    def step_hit(self, direction: int) -> bool:
        """Move to the next (or previous) hit of the search; with none, to the next marked
        mention (a person: search marks where the article names them)."""
        hits = self.hits or [(i, span) for i, spans in enumerate(self.marks) for span in spans]
        if not hits:
            return False
        if self.current in hits:
            position = (hits.index(self.current) + direction) % len(hits)
        else:
            position = 0 if direction > 0 else len(hits) - 1
        previous = self.current
        self.current = hits[position]
        self._restyle({self.current[0]} | ({previous[0]} if previous else set()))
        self._scroll_to_span(*self.current)
        return True

    def _scroll_to_span(self, index: int, span: Span) -> None:
        row_number = next(
            (
                n
                for n, row in enumerate(self._rows)
                if row.paragraph == index and row.start <= span[0] <= row.end
            ),
            None,
        )
        if row_number is not None:
            self.scroll_to(
                y=max(row_number - self.scrollable_content_region.height // 3, 0), animate=False
            )
