"""The list of articles: title, source and date, and the snippet with the hits marked."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from search import SearchHit, SearchResults, StateStore, StorySummary

from .keyboard_list import GrowingOptionList

HIT_STYLE = "bold reverse"
SOURCE_WIDTH = 12  # the outlet column of the one-line rows, at most


@dataclass(frozen=True)
class Flags:
    read: bool = False
    starred: bool = False
    tagged: bool = False

    def mark(self) -> str:
        """Three columns: unread (●), starred (★), tagged (+)."""
        return (
            ("·" if self.read else "●")
            + ("★" if self.starred else " ")
            + ("+" if self.tagged else " ")
        )


def _compact_row(hit: SearchHit, flags: Flags, source_width: int) -> Text:
    """One line: flags, the date, the outlet and the title; unread articles stand out."""
    article = hit.article
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(flags.mark() + " ", style="bold" if not flags.read else "dim")
    row.append(f"{article.date_label or '':<11} ", style="dim")
    if source_width:
        source = article.source or ""
        if len(source) > source_width:  # cut where the reader sees it is cut
            source = source[: source_width - 1] + "…"
        row.append(f"{source:<{source_width}} ", style="italic dim")
    row.append(article.title, style="dim" if flags.read else "bold")
    return row


def _story_row(story: StorySummary, flags: Flags, expanded: bool) -> Text:
    """A story on one line: its first title, how many other outlets tell it, and when it was last
    updated."""
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(flags.mark() + " ", style="bold" if not flags.read else "dim")
    row.append(f"{story.latest.isoformat() if story.latest else '':<11} ", style="dim")
    row.append("▾ " if expanded else "▸ ", style="bold")
    # The count before the title: a narrow list cuts the end of a row.
    row.append(f"+{len(story.members) - 1} ", style="bold")
    row.append(story.title, style="dim" if flags.read else "bold")
    if story.sources:
        row.append("  " + " · ".join(story.sources), style="italic dim")
    return row


def _row(hit: SearchHit, flags: Flags) -> Text:
    """The title, the outlet and date, and the snippet with the search's words marked."""
    article = hit.article
    row = Text(no_wrap=False, overflow="fold")
    read = flags.read
    row.append(flags.mark().strip() + " " if not read or flags.starred or flags.tagged else "")
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

    @dataclass
    class MarksChanged(Message):
        """Read, starred or tagged marks changed: the counts shown elsewhere follow."""

        newly_read: int = 0  # listed articles that became read (negative: unread again)

    @dataclass
    class StoryChosen(Message):
        """Enter on a story's row: read the story side by side."""

        hit: SearchHit

    class Chosen(Message):
        def __init__(self, hit: SearchHit, focus_reader: bool) -> None:
            super().__init__()
            self.hit = hit
            self.focus_reader = focus_reader

    BINDINGS = [
        Binding("u", "toggle_read", "Read/unread", id="toggle_read"),
        Binding(
            "space", "next_unread", "Next unread", key_display="Space", show=False, id="next_unread"
        ),
        Binding("asterisk", "toggle_star", "Star", key_display="*", show=False, id="toggle_star"),
        Binding("z", "fold_story", "Fold story", show=False, id="fold_story"),
    ]

    def __init__(self, compact: bool = False, stories: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        self.hits: list[SearchHit] = []  # one per row
        self.heads: dict[int, StorySummary] = {}  # rows that stand for a whole story
        self.expanded: set[str] = set()  # stories shown with their articles under them
        self.stories = stories  # False: every article on a row of its own
        self.results: SearchResults | None = None
        self.state: StateStore | None = None  # set by the app: the library's
        self.read_ids: set[str] = set()
        self.starred_ids: set[str] = set()
        self.tagged_ids: set[str] = set()
        self.compact = compact
        self.set_class(compact, "-compact")
        self.source_width = SOURCE_WIDTH

    def set_density(self, compact: bool) -> None:
        self.compact = compact
        self.set_class(compact, "-compact")
        self.reset_rows(len(self.hits), (self.highlighted or 0) + self.FIRST_ROWS)
        if self.hits:
            self.highlighted = self.highlighted or 0

    def load_state(self) -> None:
        """The marks as the state store has them now (another reader may have changed them)."""
        if self.state is not None:
            self.read_ids = self.state.read_ids()
            self.starred_ids = self.state.starred_ids()
            self.tagged_ids = self.state.tagged_article_ids()

    def show_results(self, results: SearchResults, keep_id: str | None = None) -> None:
        self.results = results
        self.hits, self.heads = [], {}
        listed: dict[str, list[SearchHit]] = {}
        grouped = results.stories if self.stories else {}
        for hit in results.hits:
            story = grouped.get(hit.article.id)
            if story is not None:
                listed.setdefault(story.id, []).append(hit)
        for hit in results.hits:
            story = grouped.get(hit.article.id)
            if story is None:
                self.hits.append(hit)
            elif listed[story.id][0] is hit:  # the story's row stands where its best article ranks
                self.heads[len(self.hits)] = story
                self.hits.append(hit)
                if story.id in self.expanded:
                    self.hits += listed[story.id]
        # The outlet column is as wide as the widest listed outlet needs (none: no column).
        widest = max((len(h.article.source or "") for h in self.hits), default=0)
        self.source_width = min(widest, SOURCE_WIDTH)
        ids = [hit.article.id for hit in self.hits]
        keep = ids.index(keep_id) if keep_id in ids else 0
        self.reset_rows(len(self.hits), keep + self.FIRST_ROWS)
        if self.hits:
            self.highlighted = keep

    def _row_at(self, index: int) -> Text:
        hit = self.hits[index]
        story = self.heads.get(index)
        if story is not None:
            return _story_row(story, self._story_flags(story), story.id in self.expanded)
        row = self._row(hit)
        if self._under_story(index):
            row = Text("    ", no_wrap=True).append_text(row) if self.compact else row
        return row

    def _under_story(self, index: int) -> bool:
        """Whether the row is an article unfolded under its story's row."""
        results = self.results
        return (
            self.stories
            and results is not None
            and index not in self.heads
            and self.hits[index].article.id in results.stories
        )

    def _story_flags(self, story: StorySummary) -> Flags:
        return Flags(
            all(a in self.read_ids for a in story.members),
            any(a in self.starred_ids for a in story.members),
            any(a in self.tagged_ids for a in story.members),
        )

    def row_is_read(self, index: int) -> bool:
        """A story's row is read when all its articles are."""
        story = self.heads.get(index)
        return self._story_flags(story).read if story else self.is_read(self.hits[index])

    def listed_hits(self) -> list[SearchHit]:
        """Every listed article, those folded into a story's row too."""
        return list(self.results.hits) if self.results else list(self.hits)

    def highlighted_story(self) -> StorySummary | None:
        return self.heads.get(self.highlighted) if self.highlighted is not None else None

    def action_fold_story(self) -> None:
        index = self.highlighted
        if index is None or self.results is None:
            return
        story = self.heads.get(index) or self.results.stories.get(self.hits[index].article.id)
        if story is None:
            self.notify("This article is a story of its own.", timeout=2)
            return
        self.expanded ^= {story.id}
        keep = self.hits[index].article.id
        self.show_results(self.results, keep_id=keep)

    def _row(self, hit: SearchHit) -> Text:
        if not self.compact:
            return _row(hit, self.flags(hit))
        return _compact_row(hit, self.flags(hit), self.source_width)

    def make_options(self, start: int, end: int) -> list[Option | None]:
        options: list[Option | None] = []
        for index in range(start, min(end, len(self.hits))):
            if not self.compact and (start or options):
                options.append(None)  # a rule between articles
            options.append(Option(self._row_at(index)))
        return options

    def is_read(self, hit: SearchHit) -> bool:
        # Read state kept before identities were paths names the article by its content hash.
        return hit.article.id in self.read_ids or hit.article.content_hash in self.read_ids

    def flags(self, hit: SearchHit) -> Flags:
        article_id = hit.article.id
        return Flags(
            self.is_read(hit), article_id in self.starred_ids, article_id in self.tagged_ids
        )

    def unread_count(self) -> int:
        return sum(not self.is_read(hit) for hit in self.hits)

    def set_tagged(self, article_id: str, tagged: bool) -> None:
        if tagged:
            self.tagged_ids.add(article_id)
        else:
            self.tagged_ids.discard(article_id)
        self._redraw({article_id})

    def _redraw(self, ids: set[str], newly_read: int = 0) -> None:
        for index, hit in enumerate(self.hits[: self.shown]):
            story = self.heads.get(index)
            if hit.article.id in ids or (story is not None and ids & set(story.members)):
                self.replace_option_prompt_at_index(index, self._row_at(index))
        self.post_message(self.MarksChanged(newly_read))

    def set_read(self, hits: list[SearchHit], read: bool) -> None:
        changing = [hit for hit in hits if self.is_read(hit) != read]
        self._set_read_ids(
            {hit.article.id for hit in changing},
            read,
            {hit.article.content_hash for hit in changing},
        )

    def _set_read_ids(self, ids: set[str], read: bool, hashes: set[str] | None = None) -> None:
        """Mark these articles (all changing) read or not; unread forgets the marks older
        versions kept by content hash (`hashes`) too."""
        if self.state is not None:
            self.state.mark_read(ids, read)
        if read:
            self.read_ids |= ids
        else:
            self.read_ids -= ids | (hashes or set())
        self._redraw(ids, len(ids) if read else -len(ids))

    def mark_read(self, article_id: str) -> None:
        hit = next((h for h in self.hits if h.article.id == article_id), None)
        if hit is not None and not self.is_read(hit):
            self.set_read([hit], True)

    def highlighted_hit(self) -> SearchHit | None:
        index = self.highlighted
        return self.hits[index] if index is not None and index < len(self.hits) else None

    def action_toggle_read(self) -> None:
        story = self.highlighted_story()
        if story is not None:  # a story is read when all its articles are
            read = not self._story_flags(story).read
            self._set_read_ids({a for a in story.members if (a in self.read_ids) != read}, read)
            return
        hit = self.highlighted_hit()
        if hit is not None:
            self.set_read([hit], not self.is_read(hit))

    def action_toggle_star(self) -> None:
        hit = self.highlighted_hit()
        if hit is None:
            return
        starred = hit.article.id not in self.starred_ids
        if self.state is not None:
            self.state.set_starred(hit.article.id, starred)
        if starred:
            self.starred_ids.add(hit.article.id)
        else:
            self.starred_ids.discard(hit.article.id)
        self._redraw({hit.article.id})

    def action_next_unread(self) -> None:
        start = (self.highlighted or 0) + 1
        order = list(range(start, len(self.hits))) + list(range(0, start))
        following = next((i for i in order if not self.row_is_read(i)), None)
        if following is None:
            self.notify("No unread articles in this list.", timeout=2)
            return
        if following >= self.shown:
            self.show_more(following - self.shown + self.FIRST_ROWS)
        self.highlighted = following

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index < len(self.hits):
            self.post_message(self.Chosen(self.hits[event.option_index], focus_reader=False))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index in self.heads:
            self.post_message(self.StoryChosen(self.hits[event.option_index]))
        elif event.option_index < len(self.hits):
            self.post_message(self.Chosen(self.hits[event.option_index], focus_reader=True))
