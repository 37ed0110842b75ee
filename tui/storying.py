"""Stories from the reader: the Story screen, and the reader's word on what is one story."""

from __future__ import annotations

from textual import work

from .screens.story import StoryScreen
from .widgets.article_list import ArticleList


class Storying:
    """The app's part that shows and corrects stories (mixed into NewsReaderApp)."""

    joining: str | None = None  # the article whose story J was pressed on first

    def on_article_list_story_chosen(self, message: ArticleList.StoryChosen) -> None:
        self.show_story(message.hit.article.id)

    def action_story(self) -> None:
        hit = self.article_list.highlighted_hit()
        if hit is not None:
            self.show_story(hit.article.id)

    @work(thread=True, exclusive=True, group="story")
    def show_story(self, article_id: str) -> None:
        view = self._unless_rebuilt(lambda: self.library.story(article_id))
        if view is not None:
            self.call_from_thread(self.push_screen, StoryScreen(view))

    def action_split_story(self) -> None:
        hit = self.article_list.highlighted_hit()
        if hit is None:
            return
        if hit.article.id not in (self.results.stories if self.results else {}):
            self.notify("This article is a story of its own already.", timeout=2)
            return
        self.library.split_from_story(hit.article.id)
        self.notify("Split out: this article is a story of its own now, and will stay so.")
        self.run_search(self.query_text)

    def action_join_story(self) -> None:
        hit = self.article_list.highlighted_hit()
        if hit is None:
            return
        first, self.joining = self.joining, None
        if first is None:
            self.joining = hit.article.id
            self.notify("Go to the other story and press J again to join the two.", timeout=4)
        elif first == hit.article.id:
            self.notify("Joining cancelled.", timeout=2)
        else:
            self.library.join_stories(first, hit.article.id)
            self.notify("Joined: the two are one story now, and will stay so.")
            self.run_search(self.query_text)
