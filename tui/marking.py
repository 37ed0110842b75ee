"""Read, starred and tagged marks from the reader: marking everything listed as read, tagging,
the list's density, and the unread count beside the search box."""

from __future__ import annotations

from search import save_setting

from .screens.prompts import ConfirmScreen, TagScreen
from .widgets.article_list import ArticleList


class Marking:
    """The app's part that marks articles (mixed into NewsReaderApp)."""

    unread: int | None = None

    def show_count(self) -> None:
        results = self.results
        # Marks changed by a key typed just before Quit arrive after the panes are gone.
        if results is None or not self.panes_alive:
            return
        order = "by date" if results.by_date else "by relevance"
        self.search_box.show_count(len(results.hits), results.total, self.unread, order)

    def on_article_list_marks_changed(self, message: ArticleList.MarksChanged) -> None:
        if self.unread is not None:
            self.unread = max(0, self.unread - message.newly_read)
        self.show_count()

    def action_mark_all_read(self) -> None:
        listed = self.article_list.listed_hits()
        hits = [hit for hit in listed if not self.article_list.is_read(hit)]
        if not hits:
            self.notify("Every listed article is read already.", timeout=2)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.article_list.set_read(hits, True)

        self.push_screen(
            ConfirmScreen(f"Mark the {len(hits)} unread listed articles as read?"), answered
        )

    def action_tag(self) -> None:
        hit = self.article_list.highlighted_hit()
        if hit is None:
            return
        state = self.library.state
        known = [name for name, _ in state.tags()]
        current = state.tags_of(hit.article.id)

        def chosen(name: str | None) -> None:
            if not name:
                return
            if name in current:
                state.remove_tag(hit.article.id, name)
                self.notify(f"Tag {name!r} removed.", timeout=2)
            else:
                kept = state.add_tag(hit.article.id, name)
                self.notify(f"Tagged {kept!r}.", timeout=2)
            self.article_list.set_tagged(hit.article.id, bool(state.tags_of(hit.article.id)))

        self.push_screen(TagScreen(hit.article.title, current, known), chosen)

    def remember_position(self) -> None:
        """Where reading stopped in the article the reading view is leaving."""
        article = self.reading_view.article
        if article is not None:
            self.library.state.set_position(article.id, round(self.reading_view.scroll_y))

    def restore_position(self) -> None:
        article = self.reading_view.article
        position = self.library.state.position(article.id) if article is not None else None
        if position:
            self.reading_view.scroll_to(y=position, animate=False, immediate=True)

    def on_unmount(self) -> None:
        self.remember_position()

    def action_toggle_density(self) -> None:
        compact = not self.article_list.compact
        self.article_list.set_density(compact)
        try:
            save_setting("density", "compact" if compact else "detailed")
        except OSError as error:
            self.notify(f"The list density could not be saved ({error})", severity="warning")
