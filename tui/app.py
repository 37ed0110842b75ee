"""The newsreader app: the article list, the reading view and the side panel over one library."""

from __future__ import annotations

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import Horizontal
from textual.notifications import SeverityLevel
from textual.theme import Theme, ThemeProvider
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Input
from textual.worker import get_current_worker

from search import (
    NEWEST,
    RELEVANCE,
    Library,
    QuerySyntaxError,
    SearchHit,
    SearchResults,
    Settings,
    SkippedFile,
    load_settings,
    person_query,
    save_setting,
)

from .commands import NewsreaderCommands, ReaderSystemCommands, SteadyCommandPalette
from .fetching import FeedFetching
from .indexing import Indexing
from .keymap import binding_groups
from .leaving import Leaving
from .marking import Marking
from .messages import (
    ArticleAnalysed,
    SearchFailed,
    SearchFinished,
)
from .saving import Saving
from .screens.help import HelpScreen
from .screens.people import PeopleScreen
from .screens.skipped import SkippedScreen
from .storying import Storying
from .widgets.article_list import ArticleList
from .widgets.reading_view import ReadingView
from .widgets.search_box import SearchBox
from .widgets.side_panel import SidePanel
from .widgets.status_bar import StatusBar

SEARCH_DEBOUNCE_SECONDS = 0.15
NARROW_WIDTH = 100
RESULT_LIMIT = 500


class NewsReaderApp(
    Indexing, FeedFetching, Marking, Leaving, Saving, Storying, ReaderSystemCommands, App[int]
):
    """Three panes over a Whoosh index of the user's articles."""

    TITLE = "newsreader"
    CSS_PATH = "newsreader.tcss"
    COMMANDS = App.COMMANDS | {NewsreaderCommands}
    BINDINGS = [
        # Priority bindings act as the key arrives, so that keys typed right after "/" or Esc
        # already reach the pane the focus moved to.
        Binding("slash", "focus_search", "Search", id="search", priority=True),
        Binding(
            "escape",
            "leave_search",
            "Leave search",
            key_display="Esc",
            id="leave_search",
            priority=True,
        ),
        # Help right after Search: on a narrow terminal the footer keeps the keys it lists first.
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("n", "next_hit", "Next hit", id="next_hit"),
        Binding("N", "previous_hit", "Prev hit", key_display="N", id="previous_hit"),
        Binding("s", "toggle_sort", "Sort", id="sort"),
        Binding("i", "toggle_side_panel", "Panel", id="toggle_panel"),
        Binding("p", "people", "People", id="people"),
        Binding("v", "story", "Story", id="story"),
        Binding("X", "split_story", "Split story", key_display="X", show=False, id="split_story"),
        Binding("J", "join_story", "Join stories", key_display="J", show=False, id="join_story"),
        Binding("r", "reindex", "Rescan", show=False, id="reindex"),
        Binding("R", "fetch_feeds", "Fetch feeds", key_display="R", show=False, id="fetch_feeds"),
        Binding("f", "feeds", "Feeds", id="feeds"),
        Binding("A", "mark_all_read", "All read", key_display="A", show=False, id="mark_all_read"),
        Binding("t", "tag", "Tag", id="tag"),
        Binding("d", "toggle_density", "Rows", show=False, id="density"),
        Binding("o", "open_article", "Open", show=False, id="open_article"),
        Binding("S", "save_search", "Save search", key_display="S", show=False, id="save_search"),
        Binding("g", "saved", "Saved", id="saved"),
        Binding("c", "copy_link", "Copy link", show=False, id="copy_link"),
        Binding("L", "links", "Links", key_display="L", show=False, id="links"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(
        self,
        library: Library | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        if settings is None:
            settings, self._settings_problems = load_settings()
        else:
            self._settings_problems = []
        self.settings = settings
        self.library = library or Library()
        self.sort = NEWEST if settings.sort == "date" else RELEVANCE
        self.query_text = ""
        self.results: SearchResults | None = None
        self.open_hit: SearchHit | None = None
        self.skipped: list[SkippedFile] = []
        self._debounce: Timer | None = None
        # Held here, not looked up: results arrive while other screens (help) are on top.
        self.search_box = SearchBox(id="search-box")
        self.article_list = ArticleList(
            compact=settings.density == "compact",
            stories=settings.stories == "grouped",
            id="articles",
        )
        self.reading_view = ReadingView(
            id="reader", text_width=settings.text_width, centred=settings.text_align == "center"
        )
        self.side_panel = SidePanel(id="side-panel")
        self.status_bar = StatusBar(id="status-bar")

    # --- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield self.search_box
        with Horizontal(id="panes"):
            yield self.article_list
            yield self.reading_view
            yield self.side_panel
        yield self.status_bar
        yield Footer()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notices carry file names, errors and article text: plain text unless a caller says
        otherwise.
        """
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def focus_now(self, widget: Widget) -> None:
        """Move the focus before the next key is handled. Widget.focus() waits for the message
        queue,
        so keys typed in a burst after "/" would reach the list and run its bindings instead."""
        if widget.is_attached:
            self.screen.set_focus(widget)

    @property
    def panes_alive(self) -> bool:
        """False while the app shuts down: a worker's late result then has nowhere to go."""
        return self.article_list.is_attached and self.reading_view.is_attached

    def on_mount(self) -> None:
        self._apply_settings()
        self.article_list.border_title = "Articles"
        self.reading_view.border_title = "Reading"
        self.side_panel.border_title = "In this article"
        self.article_list.state = self.library.state
        self.article_list.load_state()
        for notice in self.library.state.notices:
            self.notify(notice, severity="warning")
        self.status_bar.say("Opening the index…")
        self.focus_now(self.article_list)
        self.open_library()

    def _apply_settings(self) -> None:
        """The theme and the keymap of config.toml; what is wrong there is said, not fatal."""
        problems = list(self._settings_problems)
        theme = self.settings.theme
        if theme and theme in self.available_themes:
            self.theme = theme
        elif theme:
            problems.append(f"theme {theme!r} is not one of: {', '.join(self.available_themes)}")
        self.set_keymap(self.settings.keymap)
        for problem in problems:
            self.notify(f"Settings: {problem}", severity="warning", timeout=15)
        # Subscribed after the theme above is set: only a theme the reader chooses is saved.
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: Theme) -> None:
        try:
            save_setting("theme", theme.name)
        except OSError as error:
            self.notify(f"The theme could not be saved ({error})", severity="warning")

    def on_resize(self, event: events.Resize) -> None:
        # The event's size, not self.size: that still holds the size before this resize.
        self.screen.set_class(event.size.width < NARROW_WIDTH, "-narrow")

    # --- searching ------------------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def on_query_changed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        # When the delay ends, search what the box holds then: the text of this event may be
        # older than what was typed since, and writing it back would lose those keys.
        self._debounce = self.set_timer(
            SEARCH_DEBOUNCE_SECONDS, lambda: self.search_for(self.search_box.query_input.value)
        )

    @on(Input.Submitted, "#query")
    def on_query_submitted(self, event: Input.Submitted) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self.search_for(event.value)
        self.focus_now(self.article_list)

    def search_for(self, text: str) -> None:
        if not self.search_box.is_attached:  # a search typed just before Quit arrives after it
            return
        query_input = self.search_box.query_input
        if query_input.value != text:
            with query_input.prevent(Input.Changed):
                query_input.value = text
        self.query_text = text
        self.run_search(text)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, text: str) -> None:
        worker = get_current_worker()
        try:
            results = self._unless_rebuilt(
                lambda: self.library.search(text, sort=self.sort, limit=RESULT_LIMIT)
            )
        except QuerySyntaxError as error:
            if not worker.is_cancelled:
                self.post_message(SearchFailed(text, str(error)))
            return
        if results is not None and not worker.is_cancelled:
            self.post_message(SearchFinished(results))

    def on_search_finished(self, message: SearchFinished) -> None:
        results = message.results
        if results.query != self.query_text or not self.panes_alive:
            return  # a newer query is on its way
        self.results = results
        keep = self.open_hit.article.id if self.open_hit else None
        self.article_list.show_results(results, keep_id=keep)
        self.unread = results.unread
        self.show_count()
        if not results.hits:
            self.open_hit = None

    def on_search_failed(self, message: SearchFailed) -> None:
        if message.query == self.query_text and self.panes_alive:
            self.search_box.show_error(message.message)  # the previous results stay listed

    def action_focus_search(self) -> None:
        query_input = self.search_box.query_input
        if isinstance(self.focused, Input) and (
            self.focused is query_input or self.screen is not query_input.screen
        ):
            self.focused.insert_text_at_cursor("/")  # in a text box, "/" is just text
        elif self.screen is query_input.screen:
            self.focus_now(query_input)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Esc leaves the search box only from the box; elsewhere it closes screens as usual.
        if action == "leave_search":
            return self.focused is self.search_box.query_input
        return True

    def action_leave_search(self) -> None:
        self.focus_now(self.article_list)

    def action_toggle_sort(self) -> None:
        self.sort = NEWEST if self.sort == RELEVANCE else RELEVANCE
        self.notify(
            "Sorted by date, newest first" if self.sort == NEWEST else "Sorted by relevance",
            timeout=2,
        )
        self.run_search(self.query_text)

    def search_person(self, name: str) -> None:
        self.search_for(person_query(name))
        self.focus_now(self.article_list)

    def on_side_panel_person_search(self, message: SidePanel.PersonSearch) -> None:
        self.search_person(message.name)

    # --- reading --------------------------------------------------------------------------------

    def on_article_list_chosen(self, message: ArticleList.Chosen) -> None:
        self.analyse_article(
            message.hit, self.results.terms if self.results else frozenset(), message.focus_reader
        )

    def open_by_id(self, article_id: str) -> None:
        for index, hit in enumerate(self.article_list.hits):
            if hit.article.id == article_id:
                self.article_list.select(index)
                self.analyse_article(hit, self.results.terms if self.results else frozenset(), True)

    @work(thread=True, exclusive=True, group="article")
    def analyse_article(self, hit: SearchHit, terms: frozenset[str], focus: bool) -> None:
        worker = get_current_worker()
        extraction, problem = self.library.analyse(hit.article)
        if problem:
            self.call_from_thread(self.notify, problem, severity="warning")
        spans = self.library.marks(hit.article, terms)
        if not worker.is_cancelled:
            self.post_message(ArticleAnalysed(hit, extraction, spans, focus))

    def on_article_analysed(self, message: ArticleAnalysed) -> None:
        if not self.panes_alive:
            return
        self.open_hit = message.hit
        self.remember_position()
        searched = bool(self.results and self.results.query.strip())
        self.reading_view.show(
            message.hit.article, message.hit_spans, message.hit.snippet if searched else None
        )
        if not any(message.hit_spans):  # a search's hits come first; else where reading stopped
            self.restore_position()
        self.side_panel.show(message.extraction)
        if self.results and self.results.people:
            # A search for a person marks where the article names them.
            wanted = [
                m
                for p in message.extraction.people
                if self.results.names_person(p.name)
                for m in p.mentions
            ]
            self.reading_view.mark_body_spans([(m.start, m.end) for m in wanted])
        if message.focus:
            self.focus_now(self.reading_view)
            self.article_list.mark_read(message.hit.article.id)

    def on_side_panel_mentions_chosen(self, message: SidePanel.MentionsChosen) -> None:
        self.reading_view.mark_body_spans(message.spans)

    def action_next_hit(self) -> None:
        if not self.reading_view.step_hit(+1):
            self.notify("No search hits in this article.", timeout=2)

    def action_previous_hit(self) -> None:
        if not self.reading_view.step_hit(-1):
            self.notify("No search hits in this article.", timeout=2)

    def action_toggle_side_panel(self) -> None:
        self.screen.toggle_class("-panel-toggled")

    # --- screens --------------------------------------------------------------------------------

    def _on_key(self, event: events.Key) -> None:
        # Keys still queued when Quit empties the screen stack have nowhere to go: Textual's own
        # handler (App._on_key, called after this one) is skipped for them.
        if not self.screen_stack:
            event.prevent_default()

    def action_command_palette(self) -> None:
        # Not a second palette under another screen (a key storm can stack them): one at a time.
        if not any(isinstance(screen, CommandPalette) for screen in self.screen_stack):
            self.push_screen(SteadyCommandPalette())

    def search_themes(self) -> None:
        """The theme picker ("Change theme" in the palette), as steady as the palette itself."""
        self.push_screen(
            SteadyCommandPalette(providers=[ThemeProvider], placeholder="Search for themes…")
        )

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(binding_groups(self.BINDINGS, self._keymap)))

    def action_show_skipped(self) -> None:
        self.push_screen(SkippedScreen(self.skipped))

    @work(thread=True, exclusive=True, group="people")
    def action_people(self) -> None:
        people = self._unless_rebuilt(self.library.people)
        if people is None:
            return
        self.call_from_thread(self.push_screen, PeopleScreen(people), self._search_chosen_person)

    def _search_chosen_person(self, name: str | None) -> None:
        if name:
            self.search_person(name)
