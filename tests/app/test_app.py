import pytest
from textual.widgets import Static

from tui.app import NewsReaderApp
from tui.screens.help import HelpScreen
from tui.widgets.reading_view import CURRENT_HIT, HIT

from .pilot import make_app, settle


def marked_text(view) -> list[str]:
    """The stretches of the article the reading view marks (a person's or a date's mentions)."""
    return [view.article.paragraphs[i][s:e] for i, spans in enumerate(view.marks) for s, e in spans]


def listed(app: NewsReaderApp) -> list[str]:
    return [hit.article.path.rsplit("/", 1)[1] for hit in app.article_list.hits]


async def search(pilot, text: str) -> None:
    await pilot.press("slash")
    await pilot.press(*text)
    await pilot.press("enter")
    await settle(pilot)


async def test_opens_on_every_article(indexed_seed_corpus, tmp_path):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(pilot.app.article_list.hits) == 5
        assert pilot.app.reading_view.article is not None  # the first article is previewed


async def test_searching_pelosi_lists_exactly_the_three_articles(indexed_seed_corpus, tmp_path):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search(pilot, "Pelosi")
        assert sorted(listed(pilot.app)) == [
            "001_a8052af941d37aa2.txt",
            "002_44731091837c877e.txt",
            "003_7f76c3b10e6f9d84.txt",
        ]
        assert "3 results" in str(pilot.app.query_one("#search-status", Static).render())


async def test_opening_an_article_highlights_hits_and_n_steps_through_them(
    indexed_seed_corpus, tmp_path
):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search(pilot, "talk")
        await pilot.press("enter")
        await settle(pilot)
        view = pilot.app.reading_view
        assert pilot.app.focused is view
        hits = view.hits
        assert len(hits) >= 2
        marked = {view.article.paragraphs[i][s:e].lower() for i, (s, e) in hits}
        assert "talks" in marked  # the stemmed form is marked
        paragraph, span = hits[0]
        text = view._paragraph_text(paragraph)
        hit_style = view.get_component_rich_style(HIT)
        assert any(s.style == hit_style and (s.start, s.end) == span for s in text.spans)
        await pilot.press("n")
        assert view.current == hits[0]
        await pilot.press("n")
        assert view.current == hits[1]
        await pilot.press("N")
        assert view.current == hits[0]
        current = view.get_component_rich_style(CURRENT_HIT)
        assert any(s.style == current for s in view._paragraph_text(paragraph).spans)


async def test_side_panel_of_002_lists_its_people_and_dates(indexed_seed_corpus, tmp_path):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await search(pilot, "title:resume")
        assert listed(pilot.app) == ["002_44731091837c877e.txt"]
        panel = pilot.app.side_panel
        names = [p.name for p in panel.people]
        assert {
            "Alvaro Smith",
            "Ye Jiang",
            "Pete Hegseth",
            "Dong Jun",
            "Donald Trump",
            "Nancy Pelosi",
            "Xi Jinping",
        } == set(names)
        labels = [d.label for d in panel.dates]
        assert "December 15 to 16, 2025" in labels and "August 2022" in labels
        days = [d.day for d in panel.dates if d.day]
        assert days == sorted(days)


async def test_choosing_a_person_marks_mentions_and_enter_searches_for_them(
    indexed_seed_corpus, tmp_path
):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await search(pilot, "title:resume")
        people = pilot.app.query_one("#people")
        people.focus()
        await pilot.press("down")
        await pilot.pause(0.2)
        entry = pilot.app.side_panel.people[people.highlighted]
        view = pilot.app.reading_view
        marked = marked_text(view)
        assert marked and all(m in entry.name for m in marked)
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.query_one("#query").value == f'person:"{entry.name}"'
        assert len(pilot.app.article_list.hits) >= 2


async def test_question_mark_opens_help_listing_every_binding(indexed_seed_corpus, tmp_path):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        shown = " ".join(b.description for _, bindings in pilot.app.screen.groups for b in bindings)
        for binding in pilot.app.BINDINGS:
            assert binding.description in shown
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, HelpScreen)


async def test_every_binding_has_an_id():
    from tui.widgets.article_list import ArticleList
    from tui.widgets.keyboard_list import KeyboardOptionList
    from tui.widgets.reading_view import ReadingView
    from tui.widgets.search_box import QueryInput

    for owner in (
        NewsReaderApp,
        ArticleList,
        ReadingView,
        QueryInput,
        KeyboardOptionList,
        HelpScreen,
    ):
        for binding in owner.BINDINGS:
            assert binding.id, f"{owner.__name__} binding {binding.key} has no id"


async def test_malformed_query_shows_message_and_keeps_the_list(indexed_seed_corpus, tmp_path):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search(pilot, "Pelosi")
        before = listed(pilot.app)
        await pilot.press("slash", "end", "space", "quotation_mark", "x")
        await pilot.pause(0.4)
        await settle(pilot)
        status = pilot.app.query_one("#search-status", Static)
        assert "unclosed quote" in str(status.render()) and status.has_class("-error")
        assert listed(pilot.app) == before


async def test_sort_key_orders_by_date(indexed_seed_corpus, tmp_path):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search(pilot, "talks")
        pilot.app.article_list.focus()
        await pilot.press("s")
        await settle(pilot)
        hits = pilot.app.article_list.hits
        dated = [hit.article.date for hit in hits if hit.article.date_label]
        assert pilot.app.sort == "date" and dated == sorted(dated, reverse=True)
        assert [bool(hit.article.date_label) for hit in hits] == sorted(
            (bool(hit.article.date_label) for hit in hits), reverse=True
        )  # the undated last


async def test_escape_leaves_the_search_box_and_tab_cycles_panes(indexed_seed_corpus, tmp_path):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert pilot.app.focused.id == "query"
        await pilot.press("escape")
        assert pilot.app.focused.id == "articles"
        await pilot.press("tab")
        assert pilot.app.focused.id == "reader"
        await pilot.press("tab")
        assert pilot.app.focused.id == "dates"


async def test_opened_articles_are_remembered_as_read(indexed_seed_corpus, tmp_path):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        opened = pilot.app.reading_view.article.id
    from search import StateStore

    assert opened in StateStore(tmp_path / "state.sqlite").read_ids()


async def test_read_state_kept_before_identities_were_paths_still_marks_articles_read(
    indexed_seed_corpus, tmp_path
):
    import json

    from search.text.articles import content_hash

    first = sorted(indexed_seed_corpus.iterdir())[0]
    old_id = content_hash(str(first), first.read_text(encoding="utf-8"))
    (tmp_path / "read.json").write_text(json.dumps({"read": [old_id]}))
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        read = [
            hit.article.path
            for hit in pilot.app.article_list.hits
            if pilot.app.article_list.is_read(hit)
        ]
    assert read == [str(first)]


async def test_article_markup_is_shown_literally_and_never_runs(tmp_path):
    from ..conftest import write_article

    corpus = tmp_path / "c"
    write_article(
        corpus,
        "evil.txt",
        "Markup [bold red]Test[/] Headline Here\n"
        "Click [@click=app.quit]here[/] or [link=https://example.com]there[/] and \x1b]0;pwned\x07 \x1b[2J.",
    )
    async with make_app(corpus, tmp_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        view = pilot.app.reading_view
        text = view._paragraph_text(0)
        assert "[@click=app.quit]here[/]" in text.plain and "␛]0;pwned␇" in text.plain
        assert not text.spans  # nothing in the article became a style, a link or an action
        await pilot.click(view, offset=(8, 0))
        await pilot.pause()
        assert pilot.app.is_running


async def test_tiny_terminals_do_not_crash(indexed_seed_corpus, tmp_path):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(20, 2)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter", "n", "i")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert pilot.app.screen.has_class("-narrow")
        await pilot.resize_terminal(10, 3)
        await pilot.pause()
        assert pilot.app.is_running


async def test_people_screen_lists_the_corpus_people_and_searches_one(
    indexed_seed_corpus, tmp_path
):
    from tui.screens.people import PeopleScreen

    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pilot.app.article_list.focus()
        await pilot.press("p")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, PeopleScreen)
        assert dict(screen.people)["Pete Hegseth"] == 5 and dict(screen.people)["Nancy Pelosi"] == 3
        await pilot.press(*"pelosi")
        await pilot.pause()
        assert screen.shown == ["Nancy Pelosi"]
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.query_one("#query").value == 'person:"Nancy Pelosi"'
        assert len(pilot.app.article_list.hits) == 3


async def test_markup_in_titles_stays_text_in_the_list_and_the_command_palette(tmp_path):
    from textual.command import CommandPalette

    from ..conftest import write_article

    corpus = tmp_path / "c"
    write_article(
        corpus,
        "evil.txt",
        "Zebra [@click=app.quit]Quit[/] [bold]Story[/bold] Headline\nZebras ran.",
    )
    async with make_app(corpus, tmp_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        [hit] = pilot.app.article_list.hits
        assert hit.article.title == "Zebra [@click=app.quit]Quit[/] [bold]Story[/bold] Headline"
        prompt = pilot.app.article_list.get_option_at_index(0).prompt
        assert "[@click=app.quit]Quit[/]" in prompt.plain
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CommandPalette)
        await pilot.press(*"zebra")
        await pilot.pause(0.5)
        shown = " ".join(
            str(option.prompt) for option in pilot.app.screen.query_one("CommandList").options
        )
        assert "[@click=app.quit]Quit[/]" in shown
        await pilot.press("escape")
        assert pilot.app.is_running


async def test_the_palette_offers_no_screenshot_which_would_write_into_the_current_folder(
    indexed_seed_corpus, tmp_path
):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = [command.title for command in pilot.app.get_system_commands(pilot.app.screen)]
        assert "Quit" in titles and "Keys" in titles
        assert "Screenshot" not in titles


@pytest.mark.slow
async def test_a_huge_word_and_repeated_resizing_do_not_break_the_reader(tmp_path):
    from ..conftest import write_article

    corpus = tmp_path / "c"
    write_article(
        corpus,
        "long.txt",
        "A Story With One Enormous Word\nIt says " + "x" * 100_000 + " and ends.",
    )
    write_article(corpus, "short.txt", "A Short Story About Nothing Much\nIt is short.")
    async with make_app(corpus, tmp_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for size in [(20, 5), (200, 60), (10, 2), (80, 24), (33, 7), (120, 40)] * 2:
            await pilot.resize_terminal(*size)
            await pilot.press("j", "enter", "n", "k", "escape")
        await settle(pilot)
        assert pilot.app.is_running and len(pilot.app.article_list.hits) == 2


async def test_a_person_search_marks_that_person_in_the_opened_article(
    indexed_seed_corpus, tmp_path
):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await search(pilot, 'person:"Nancy Pelosi"')
        await pilot.press("enter")
        await settle(pilot)
        marked = marked_text(pilot.app.reading_view)
        assert marked and set(marked) == {"Nancy Pelosi"}


async def test_paging_lists_in_a_terminal_too_small_to_show_them(indexed_seed_corpus, tmp_path):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pilot.app.article_list.focus()
        await pilot.press("j", "j", "j", "j")
        for size in [(30, 3), (12, 2), (40, 5)]:
            await pilot.resize_terminal(*size)
            await pilot.press("pageup", "pagedown", "pageup", "home", "end", "j", "k")
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("tab", "pagedown", "pageup", "escape")
        assert pilot.app.is_running


async def test_keys_typed_in_a_burst_after_slash_go_to_the_search_box(
    indexed_seed_corpus, tmp_path
):
    from textual import events

    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        pilot.app.article_list.focus()
        await pilot.pause()
        # A terminal delivers pasted or fast keys together: none may wait for the focus to move.
        for key, character in [("slash", "/"), *[(c, c) for c in "Taiwan"], ("enter", "\r")]:
            pilot.app.post_message(events.Key(key, character))
        await settle(pilot)
        assert pilot.app.query_one("#query").value == "Taiwan"
        assert not pilot.app.screen.has_class("-panel-toggled")
        assert len(pilot.app.article_list.hits) == 5


async def test_slash_inside_a_text_box_is_text(indexed_seed_corpus, tmp_path):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "a", "slash", "b")
        assert pilot.app.query_one("#query").value == "a/b"
        await pilot.press("escape", "p")
        await settle(pilot)
        await pilot.press("x", "slash", "y")
        assert pilot.app.screen.query_one("#people-filter").value == "x/y"


async def test_keys_typed_in_a_burst_after_escape_go_to_the_list(indexed_seed_corpus, tmp_path):
    from textual import events

    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"talks")
        await settle(pilot)
        start = pilot.app.article_list.highlighted
        for key, character in [("escape", "\x1b"), ("j", "j"), ("j", "j")]:
            pilot.app.post_message(events.Key(key, character))
        await settle(pilot)
        assert pilot.app.query_one("#query").value == "talks"
        assert (
            pilot.app.focused is pilot.app.article_list
            and pilot.app.article_list.highlighted == start + 2
        )
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")  # Esc still closes other screens
        assert pilot.app.screen is pilot.app.screen_stack[0]


async def test_notices_show_file_names_as_text(indexed_seed_corpus, tmp_path):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pilot.app.notify("skipped [bold]x[/bold] and [@click=app.quit]y[/]")
        await pilot.pause()
        [notice] = list(pilot.app._notifications)
        assert notice.markup is False and pilot.app.is_running


async def test_typing_goes_on_while_a_slow_search_runs_and_its_stale_results_never_show(
    indexed_seed_corpus, tmp_path
):
    import threading

    app = make_app(indexed_seed_corpus, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        real_search, shown, release = app.library.search, [], threading.Event()

        def slow_search(text, **kwargs):
            if text == "Taiwan":
                release.wait(5)  # a search that outlasts the typing
            return real_search(text, **kwargs)

        app.library.search = slow_search
        original_show = app.article_list.show_results
        app.article_list.show_results = lambda results, **kw: (
            shown.append(results.query),
            original_show(results, **kw),
        )
        await pilot.press("slash", *"Taiwan", "enter")
        await pilot.press("slash", "end", "ctrl+u", *"Pelosi")
        # The keys were handled while the search for "Taiwan" is still held back.
        assert app.query_one("#query").value == "Pelosi" and not release.is_set()
        await pilot.press("enter")
        release.set()
        await settle(pilot)
        assert shown[-1] == "Pelosi" and "Taiwan" not in shown
        assert len(app.article_list.hits) == 3


@pytest.mark.slow
async def test_a_long_result_list_lays_out_rows_as_the_reader_reaches_them(tmp_path):
    from tests.conftest import write_article
    from tui.widgets.article_list import ArticleList

    FIRST_ROWS = ArticleList.FIRST_ROWS

    corpus = tmp_path / "many"
    for number in range(150):
        write_article(
            corpus,
            f"{number:03d}.txt",
            f"Harbour Report Number {number}\n\nShips reached the harbour on day {number}.",
            mtime=1_750_000_000 + number,
        )
    async with make_app(corpus, tmp_path).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        articles = pilot.app.article_list
        assert len(articles.hits) == 150 and articles.shown == FIRST_ROWS
        articles.focus()
        for _ in range(FIRST_ROWS):
            await pilot.press("j")
        assert articles.highlighted == FIRST_ROWS and articles.shown > FIRST_ROWS
        last = articles.hits[-1].article.id
        pilot.app.open_by_id(last)
        await settle(pilot)
        assert articles.shown == 150 and articles.highlighted == 149
        assert pilot.app.reading_view.article.id == last


def test_wrapping_breaks_at_spaces_within_the_width_and_keeps_every_word():
    from hypothesis import given
    from hypothesis import strategies as st

    from tui.widgets.reading_view import wrap_offsets

    @given(
        st.text(alphabet=st.sampled_from(list("ab cd\n漢字é")), max_size=120), st.integers(1, 30)
    )
    def check(text, width):
        from rich.cells import cell_len

        lines = wrap_offsets(text, width)
        for start, end in lines:
            assert cell_len(text[start:end]) <= max(width, 2) and "\n" not in text[start:end]
        kept = "".join(text[s:e] for s, e in lines).replace(" ", "")
        assert kept == text.replace(" ", "").replace("\n", "")

    check()


async def test_the_side_panel_of_a_long_article_lays_out_its_rows_as_they_are_reached(tmp_path):
    from tests.conftest import write_article
    from tui.widgets.side_panel import PanelList

    years = range(1901, 2001)
    body = " ".join(f"Something happened in {year}." for year in years)
    write_article(tmp_path / "c", "long.txt", f"A Century Of Events\n\n{body}")
    async with make_app(tmp_path / "c", tmp_path).run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        dates = pilot.app.side_panel.query_one("#dates", PanelList)
        assert dates.row_count == 100 and dates.shown == PanelList.FIRST_ROWS
        dates.focus()
        dates.select(99)
        await pilot.pause()
        assert dates.shown == 100 and "2000" in str(dates.get_option_at_index(99).prompt)


async def test_settings_give_the_keymap_the_sort_and_the_theme_and_a_chosen_theme_is_saved(
    indexed_seed_corpus, tmp_path
):
    from search import Library, Settings, load_settings
    from tui.app import NewsReaderApp

    settings = Settings(theme="nord", sort="date", text_width=40, keymap={"sort": "o"})
    library = Library([indexed_seed_corpus], tmp_path / "index", catch_up_here=True)
    app = NewsReaderApp(library, settings)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "nord" and app.results.by_date
        await pilot.press("o")  # the sort binding, remapped
        await settle(pilot)
        assert app.sort == "relevance"
        await pilot.press("enter")
        await settle(pilot)
        rows = [row for row in app.reading_view._rows if row.paragraph >= 0]
        assert rows and max(row.end - row.start for row in rows) <= 40
        app.theme = "gruvbox"
        await pilot.pause()
    assert load_settings()[0].theme == "gruvbox"


async def test_the_compact_density_lists_one_line_per_article(indexed_seed_corpus, tmp_path):
    from search import Library, Settings
    from tui.app import NewsReaderApp

    library = Library([indexed_seed_corpus], tmp_path / "index", catch_up_here=True)
    app = NewsReaderApp(library, Settings(density="compact", stories="articles"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        prompts = [
            option.prompt for option in app.article_list._options if option.prompt is not None
        ]
        assert len(prompts) == 5
        assert all("\n" not in str(prompt) for prompt in prompts)


async def test_when_the_open_article_leaves_the_list_the_highlighted_one_is_shown(
    indexed_seed_corpus, tmp_path
):
    async with make_app(indexed_seed_corpus, tmp_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search(pilot, "Pelosi")
        opened = pilot.app.reading_view.article.id
        await search(pilot, "talks NOT Pelosi")
        hits = pilot.app.article_list.hits
        assert hits and opened not in {hit.article.id for hit in hits}
        assert (
            pilot.app.reading_view.article.id == hits[pilot.app.article_list.highlighted].article.id
        )
