"""The subscriptions, with each feed's last fetch, status, error and article count: Enter lists a
feed's articles, `r` fetches that feed."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..widgets.keyboard_list import KeyboardOptionList
from ..wording import counted
from .modal import ClosingModal
from .saved import SavedRow, saved_prompt

if TYPE_CHECKING:
    from search import FeedStatus


def _prompt(status: FeedStatus, error_style) -> Text:
    state = status.state
    prompt = Text(status.subscription.name, style="bold")
    when = (
        dt.datetime.fromisoformat(state.fetched_at).astimezone().strftime("%Y-%m-%d %H:%M")
        if state.fetched_at
        else "never fetched"
    )
    count = counted(status.articles, "article")
    prompt.append(f"\n  {count} · {state.status or 'new'} · {when}", style="dim")
    if state.error:
        prompt.append(f"\n  {state.error}", style=error_style)
    return prompt


class FeedsScreen(ClosingModal[tuple[str, str] | None]):
    """The feeds, and after them the saved searches, virtual feeds of what the engine extracted
    (person:"Pete Hegseth", date:2025-12). Dismissed with ("show", feed), ("fetch", feed),
    ("saved", name) or None."""

    COMPONENT_CLASSES = {"feeds--error"}
    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="feeds_close"),
        Binding("r", "fetch_one", "Fetch this feed", id="feeds_fetch_one"),
    ]

    def __init__(self, statuses: list[FeedStatus], saved: list[SavedRow] | None = None) -> None:
        super().__init__()
        self.statuses = statuses
        self.saved = saved or []

    def compose(self) -> ComposeResult:
        with Vertical(id="feeds-body"):
            yield Static(Text(f"Feeds ({len(self.statuses)})", style="bold"), classes="help-title")
            yield KeyboardOptionList(id="feeds-list")
            hint = (
                "Enter lists a feed's articles · r fetches it · Esc closes"
                if self.statuses
                else "No subscriptions yet: newsreader feed add URL, or feed import FILE.opml"
            )
            yield Static(Text(hint, style="dim"))

    def on_mount(self) -> None:
        option_list = self.query_one("#feeds-list", OptionList)
        error_style = self.get_component_rich_style("feeds--error")
        option_list.add_options(Option(_prompt(s, error_style)) for s in self.statuses)
        if self.saved:
            option_list.add_option(None)  # a rule before the saved searches
            option_list.add_options(Option(saved_prompt(row)) for row in self.saved)
        if self.statuses or self.saved:
            option_list.highlighted = 0
        option_list.focus()

    def _chosen(self) -> str | None:
        index = self.query_one("#feeds-list", OptionList).highlighted
        if index is None or index >= len(self.statuses):
            return None
        return self.statuses[index].subscription.name

    @on(OptionList.OptionSelected, "#feeds-list")
    def _show(self, event: OptionList.OptionSelected) -> None:
        index = event.option_index
        if index < len(self.statuses):
            self.dismiss(("show", self.statuses[index].subscription.name))
        elif index - len(self.statuses) < len(self.saved):
            self.dismiss(("saved", self.saved[index - len(self.statuses)][0]))

    def action_fetch_one(self) -> None:
        name = self._chosen()
        if name is not None:
            self.dismiss(("fetch", name))
