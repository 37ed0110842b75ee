"""Saved searches from the reader: S saves the current query under a name, g lists them with
their unread and total counts, and Enter runs one (as query:NAME)."""

from __future__ import annotations

from textual import work

from search import QuerySyntaxError, field_query, load_settings, save_search

from .screens.prompts import NameScreen
from .screens.saved import SavedRow, SavedScreen


class Saving:
    """The app's part that saves searches (mixed into NewsReaderApp)."""

    def action_save_search(self) -> None:
        query = self.query_text.strip()
        if not query:
            self.notify("Search first: S saves the current search under a name.", timeout=3)
            return

        def named(name: str | None) -> None:
            if not name:
                return
            try:
                save_search(name, query)
            except OSError as error:
                self.notify(f"The search could not be saved ({error})", severity="warning")
                return
            self.notify(f"Saved as {name!r}: query:{name} runs it, g lists them.", timeout=4)

        self.push_screen(NameScreen(f"Save {query!r} as", "a name, such as hegseth"), named)

    def saved_rows(self) -> list[SavedRow]:
        """Each saved search with its unread and total counts (run in a worker)."""
        rows: list[SavedRow] = []
        for name, query in load_settings()[0].searches.items():
            try:
                results = self.library.search(query, limit=0)
                rows.append((name, query, results.unread, results.total))
            except QuerySyntaxError as error:
                rows.append((name, f"cannot run: {error}", None, None))
        return rows

    @work(thread=True, exclusive=True, group="saved")
    def action_saved(self) -> None:
        self.call_from_thread(self.push_screen, SavedScreen(self.saved_rows()), self.run_saved)

    def run_saved(self, name: str | None) -> None:
        if name:
            self.search_for(field_query("query", name) if " " in name else f"query:{name}")
            self.focus_now(self.article_list)
