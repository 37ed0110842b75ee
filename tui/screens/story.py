"""The Story screen: one story's articles side by side, earliest first, with what each outlet adds
that the others do not, and the timeline of the dated events they mention."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from search import OutletArticle, StoryView

from ..wording import counted
from .modal import ClosingModal


def _outlet(item: OutletArticle) -> Text:
    article = item.article
    text = Text()
    text.append(article.source or "(no outlet)", style="bold")
    text.append(f"  {article.date_label or 'undated'}", style="dim")
    text.append("\n" + article.title, style="bold")
    if item.people:
        text.append("\nOnly here, people: ", style="italic")
        text.append(", ".join(item.people))
    if item.dates:
        text.append("\nOnly here, dates: ", style="italic")
        text.append(", ".join(item.dates))
    for sentence in item.sentences:
        text.append("\n  + ", style="bold")
        text.append(sentence)
    return text


def _side_by_side(view: StoryView) -> Text:
    """One line per article, earliest first: outlet, date and title in columns."""
    width = max((len(item.article.source or "") for item in view.articles), default=0)
    width = min(max(width, len("(no outlet)")), 28)
    text = Text(no_wrap=True, overflow="ellipsis")
    for n, item in enumerate(view.articles):
        article = item.article
        if n:
            text.append("\n")
        text.append(f"{(article.source or '(no outlet)')[:width]:<{width}}  ", style="bold")
        text.append(f"{article.date_label or 'undated':<12} ", style="dim")
        text.append(article.title)
    return text


def _timeline(view: StoryView) -> Text:
    text = Text()
    for event in view.timeline:
        if text:
            text.append("\n")
        text.append(f"{event.value:<11} ", style="bold")
        text.append(f"{event.text}", style="italic")
        text.append(f"  ({event.source or 'no outlet'})\n", style="dim")
        text.append(f"    {event.sentence}")
    return text or Text("No dated events.", style="dim")


class StoryScreen(ClosingModal[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Close", id="story_close")]

    def __init__(self, view: StoryView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        view = self.view
        count = len(view.articles)
        outlets = len({item.article.source for item in view.articles})
        heading = (
            f"Story {view.id}: {count} articles from {counted(outlets, 'outlet')}"
            if count > 1
            else f"Story {view.id}: one article; no other outlet has told it yet"
        )
        with VerticalScroll(id="story-body"):
            yield Static(Text(heading, style="bold"), classes="help-title")
            yield Static(_side_by_side(view), id="story-outlets")
            if count > 1:  # what one article adds to itself is everything: nothing to show
                yield Static(Text("What each adds", style="bold"), classes="help-title")
                for item in view.articles:
                    yield Static(_outlet(item), classes="story-outlet")
            yield Static(Text("Timeline", style="bold"), classes="help-title")
            yield Static(_timeline(view), id="story-timeline")
            yield Static(Text("Esc closes", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#story-body").focus()
