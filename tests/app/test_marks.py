"""Read, starred and tagged marks from the keyboard, the unread count, and the list's density."""

from __future__ import annotations

from search import StateStore

from .pilot import make_app, settle


def unread_label(app) -> str:
    return str(app.search_box.query_one("#search-status").render())


async def test_u_toggles_read_and_the_unread_count_follows(indexed_seed_corpus, tmp_path):
    app = make_app(indexed_seed_corpus, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.unread == 5 and "5 unread" in unread_label(app)
        first = app.article_list.hits[0]
        await pilot.press("u")
        await pilot.pause()
        assert app.article_list.is_read(first) and app.unread == 4
        assert "4 unread" in unread_label(app)
        await pilot.press("u")
        await pilot.pause()
        assert not app.article_list.is_read(first) and app.unread == 5
    assert StateStore(tmp_path / "state.sqlite").read_ids() == set()


async def test_space_goes_to_the_next_unread_and_is_unread_counts_go_down(
    indexed_seed_corpus, tmp_path
):
    app = make_app(indexed_seed_corpus, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        hits = app.article_list.hits
        app.article_list.set_read([hits[1], hits[2]], True)
        await pilot.press("space")
        assert app.article_list.highlighted == 3
        await pilot.press("slash", *"is:unread", "enter")
        await settle(pilot)
        assert app.results.total == 3 and app.unread == 3
        await pilot.press("enter")  # opening marks it read
        await settle(pilot)
        assert app.unread == 2


async def test_star_tag_and_mark_all_read(indexed_seed_corpus, tmp_path):
    app = make_app(indexed_seed_corpus, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = app.article_list.hits[0].article.id
        await pilot.press("asterisk")
        await pilot.pause()
        assert first in app.article_list.starred_ids
        await pilot.press("t", *"later", "enter")
        await settle(pilot)
        assert app.library.state.tags_of(first) == ["later"]
        await pilot.press("slash", *"tag:later OR is:starred", "enter")
        await settle(pilot)
        assert [h.article.id for h in app.article_list.hits] == [first]
        await pilot.press("slash", "ctrl+u", "enter")
        await settle(pilot)
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.unread == 0
        assert len(app.library.state.read_ids()) == 5


async def test_d_switches_between_one_line_and_detailed_rows(indexed_seed_corpus, tmp_path):
    from search import load_settings

    app = make_app(indexed_seed_corpus, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.article_list.compact  # one line per article by default
        await pilot.press("d")
        await pilot.pause()
        assert not app.article_list.compact
        assert "\n" in str(app.article_list.get_option_at_index(0).prompt)
    assert load_settings()[0].density == "detailed"


async def test_c_copies_the_articles_address_or_path(indexed_seed_corpus, tmp_path):
    app = make_app(indexed_seed_corpus, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == app.article_list.highlighted_hit().article.display_path


def browser(monkeypatch, app) -> list[str]:
    """The addresses the app opens in the browser, with the terminal handed over as it would be."""
    import contextlib
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
    return opened


async def test_o_opens_the_articles_address_in_the_browser(tmp_path, monkeypatch):
    from ..conftest import write_article

    corpus = tmp_path / "c"
    write_article(
        corpus, "a.md", "---\ntitle: Harbour News\nurl: https://example.com/a\n---\nText."
    )
    app = make_app(corpus, tmp_path)
    opened = browser(monkeypatch, app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
    assert opened == ["https://example.com/a"]


async def test_the_reading_position_is_remembered_per_article(indexed_seed_corpus, tmp_path):
    app = make_app(indexed_seed_corpus, tmp_path)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # read the first article
        await settle(pilot)
        first = app.reading_view.article.id
        await pilot.press("space", "space")  # two pages down
        await pilot.pause()
        stopped = round(app.reading_view.scroll_y)
        assert stopped > 0
        app.article_list.focus()
        await pilot.press("down", "enter")  # another article
        await settle(pilot)
        app.article_list.focus()
        await pilot.press("up", "enter")  # back to the first
        await settle(pilot)
        assert app.reading_view.article.id == first
        assert round(app.reading_view.scroll_y) == stopped


async def test_the_side_panel_follows_each_resize(indexed_seed_corpus, tmp_path):
    app = make_app(indexed_seed_corpus, tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert not app.screen.has_class("-narrow")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.has_class("-narrow")
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert not app.screen.has_class("-narrow")


async def test_a_delayed_search_never_writes_older_text_into_the_box(indexed_seed_corpus, tmp_path):
    from textual.widgets import Input

    app = make_app(indexed_seed_corpus, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        box = app.search_box.query_input
        box.value = "person:heg"  # its search waits a moment
        with box.prevent(Input.Changed):
            box.value = "person:hegseth"  # typed meanwhile
        await settle(pilot)
        assert box.value == "person:hegseth" and app.results.query == "person:hegseth"


async def test_unresolved_dates_are_listed_as_written_after_the_others(
    indexed_seed_corpus, tmp_path
):
    app = make_app(indexed_seed_corpus, tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        for index, hit in enumerate(app.article_list.hits):
            if not hit.article.date_label:
                app.article_list.highlighted = index
                break
        await settle(pilot)
        panel = app.side_panel
        prompts = [str(p()) for p in panel.query_one("#dates").prompts]
        unresolved = [e for e in panel.dates if e.day is None]
        assert unresolved and all(not p.startswith("?") for p in prompts)
        assert [e.day is None for e in panel.dates] == sorted(e.day is None for e in panel.dates)


async def test_a_saved_search_is_saved_listed_with_counts_and_run(indexed_seed_corpus, tmp_path):
    from search import load_settings
    from tui.screens.saved import SavedScreen

    app = make_app(indexed_seed_corpus, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Pelosi", "enter")
        await settle(pilot)
        await pilot.press("S", *"pelosi", "enter")
        await settle(pilot)
        assert load_settings()[0].searches == {"pelosi": "Pelosi"}
        app.article_list.set_read([app.article_list.hits[0]], True)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, SavedScreen)
        assert app.screen.rows == [("pelosi", "Pelosi", 2, 3)]
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_text == "query:pelosi" and app.results.total == 3
        await pilot.press("slash", "ctrl+u", *"query:pelosi is:unread", "enter")
        await settle(pilot)
        assert app.results.total == 2


async def test_a_person_search_marks_snippets_and_n_steps_through_the_mentions(
    indexed_seed_corpus, tmp_path
):
    app = make_app(indexed_seed_corpus, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"person:hegseth", "enter")
        await settle(pilot)
        hit = app.article_list.hits[0]
        assert {hit.snippet.text[s:e] for s, e in hit.snippet.spans} & {"Hegseth", "Pete Hegseth"}
        # An article that names him more than once, to step from one mention to the next.
        row = next(
            i for i, h in enumerate(app.article_list.hits) if h.article.body.count("Hegseth") > 1
        )
        await pilot.press("home", *["down"] * row, "enter")
        await settle(pilot)
        assert app.open_hit.article.body.count("Hegseth") > 1
        await settle(pilot)
        view = app.reading_view
        await pilot.press("n")
        first = view.current
        await pilot.press("n")
        assert first is not None and view.current not in (None, first)


async def test_a_title_search_marks_no_body_words(indexed_seed_corpus, tmp_path):
    app = make_app(indexed_seed_corpus, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"title:talks", "enter")
        await settle(pilot)
        assert app.results.total and app.results.terms == frozenset()


async def test_the_help_screen_lists_bindings_as_remapped(indexed_seed_corpus, tmp_path):
    from search import Library, Settings
    from tui.app import NewsReaderApp
    from tui.screens.help import HelpScreen

    library = Library([indexed_seed_corpus], tmp_path / "index", catch_up_here=True)
    app = NewsReaderApp(library, Settings(keymap={"sort": "o", "toggle_read": "m"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = {b.id: b.key for _, bindings in app.screen.groups for b in bindings if b.id}
        assert keys["sort"] == "o" and keys["toggle_read"] == "m"


async def test_l_lists_the_articles_links_and_enter_opens_one(tmp_path, monkeypatch):
    from tui.screens.links import LinksScreen

    from ..conftest import write_article

    corpus = tmp_path / "c"
    body = "Read the report (https://example.org/report.pdf), and see https://example.net/x."
    write_article(corpus, "a.md", f"---\ntitle: Links\nurl: https://example.com/a\n---\n{body}")
    app = make_app(corpus, tmp_path)
    opened = browser(monkeypatch, app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LinksScreen)
        assert app.screen.links == [
            "https://example.com/a",
            "https://example.org/report.pdf",
            "https://example.net/x",
        ]
        await pilot.press("down", "enter")
        await pilot.pause()
    assert opened == ["https://example.org/report.pdf"]


async def test_centred_text_sits_in_the_middle_of_a_wide_reading_pane(
    indexed_seed_corpus, tmp_path
):
    from search import Library, Settings
    from tui.app import NewsReaderApp

    library = Library([indexed_seed_corpus], tmp_path / "index", catch_up_here=True)
    app = NewsReaderApp(library, Settings(text_width=30, text_align="center"))
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        view = app.reading_view
        first_text = next(n for n, row in enumerate(view._rows) if row.paragraph >= 0)
        line = view.render_line(first_text)
        text = "".join(segment.text for segment in line)
        margin = (view.scrollable_content_region.width - 30) // 2
        assert text[:margin].strip() == "" and text[margin:].strip()
