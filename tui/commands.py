"""Command palette (Ctrl+P): the reader's actions, the listed articles, and the open article's
people.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from rich.style import Style
from textual import work
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.css.query import NoMatches
from textual.fuzzy import Matcher
from textual.markup import escape
from textual.screen import Screen

from search import RELEVANCE

if TYPE_CHECKING:
    from .app import NewsReaderApp


class NewsreaderCommands(Provider):
    def _commands(self) -> list[tuple[str, object, str]]:
        app: NewsReaderApp = self.app  # type: ignore[assignment]
        commands: list[tuple[str, object, str]] = [
            ("Search", app.action_focus_search, "Focus the search box"),
            (
                "Sort by date" if app.sort == RELEVANCE else "Sort by relevance",
                app.action_toggle_sort,
                "Change the order of the article list",
            ),
            ("Show all articles", partial(app.search_for, ""), "Clear the query"),
            ("Rescan the corpus", app.action_reindex, "Index new, changed and removed files"),
            ("Fetch the feeds", app.action_fetch_feeds, "Fetch every subscribed feed now"),
            ("Feeds", app.action_feeds, "Subscriptions, their status and article counts"),
            ("Saved searches", app.action_saved, "With their unread and total counts (g)"),
            ("Save this search", app.action_save_search, "Under a name (S)"),
            ("Open in the browser", app.action_open_article, "The article's web page (o)"),
            ("Copy the link", app.action_copy_link, "The article's address, or its path (c)"),
            ("Links", app.action_links, "The article's links; Enter opens one (L)"),
            ("Mark all listed as read", app.action_mark_all_read, "After a confirmation (A)"),
            (
                "Toggle the side panel",
                app.action_toggle_side_panel,
                "Dates and people of the open article",
            ),
            (
                "People in the corpus",
                app.action_people,
                "Everyone the articles name, with article counts",
            ),
            ("Skipped files", app.action_show_skipped, "Files that could not be read, and why"),
            ("Help", app.action_help, "Keys and query syntax"),
        ]
        for hit in app.article_list.hits[:200]:
            commands.append(
                (
                    f"Open: {hit.article.title}",
                    partial(app.open_by_id, hit.article.id),
                    hit.article.source,
                )
            )
        for person in app.side_panel.people:
            commands.append(
                (
                    f"Articles naming {person.name}",
                    partial(app.search_person, person.name),
                    person.role or "Search the corpus for this person",
                )
            )
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands()[:8]:
            yield DiscoveryHit(Content(name), callback, text=name, help=escape(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    _highlight(matcher, query, name, self.match_style),
                    callback,  # type: ignore[arg-type]
                    text=name,
                    help=escape(help_text) if help_text else None,
                )


def _highlight(matcher: Matcher, query: str, candidate: str, style: Style | None) -> Content:
    """The candidate with the matched letters marked. Titles are article text: never read as markup,
    which Matcher.highlight would do."""
    content = Content(candidate)
    _, offsets = matcher.fuzzy_search.match(query, candidate)
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(style or Style(reverse=True), offset, offset + 1)
    return content


class SteadyCommandPalette(CommandPalette):
    """Textual's command palette, proof against keys that arrive before its list exists.

    Keys typed in one burst with Ctrl+P (PageDown, Down) reach the palette while its list is still
    empty or already gone: Textual's OptionList then raised KeyError and NoMatches, and an error
    in a handler ends the whole app. Such a key does nothing here instead.
    """

    def _action_command_list(self, action: str) -> None:
        try:
            super()._action_command_list(action)
        except (KeyError, IndexError, NoMatches):
            pass

    def _action_cursor_down(self) -> None:
        try:
            super()._action_cursor_down()
        except (KeyError, IndexError, NoMatches):
            pass

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        # The palette may close while its providers are still being asked: then the list is gone.
        try:
            await CommandPalette._gather_commands.__wrapped__(self, search_value)  # type: ignore[attr-defined]
        except NoMatches:
            pass

    def dismiss(self, result: object = None) -> AwaitComplete:
        # Enter and a click in one burst dismiss twice; Textual pops whatever screen is on top.
        if self.app.screen is not self:
            return AwaitComplete()
        return super().dismiss(result)

    def _watch__list_visible(self) -> None:
        try:
            super()._watch__list_visible()
        except NoMatches:
            pass

    async def _watch__show_busy(self) -> None:
        try:
            await super()._watch__show_busy()
        except NoMatches:
            pass


class ReaderSystemCommands(App):
    """Textual's own commands in the palette, but its screenshot: that writes an SVG file into
    whatever folder the reader was started from, and newsreader writes nothing there."""

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title != "Screenshot":
                yield command
