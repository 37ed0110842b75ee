"""The look of the main screens, guarded by pytest-textual-snapshot."""

from .pilot import make_app, settle


def test_main_screen(snap_compare, seed_corpus, tmp_path):
    assert snap_compare(
        make_app(seed_corpus, tmp_path, stories="grouped"),
        terminal_size=(120, 40),
        run_before=settle,
    )


def test_search_results_with_hits(snap_compare, seed_corpus, tmp_path):
    async def search_and_open(pilot):
        await settle(pilot)
        await pilot.press("slash", *"Pelosi", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(
        make_app(seed_corpus, tmp_path), terminal_size=(120, 40), run_before=search_and_open
    )


def test_help_screen(snap_compare, seed_corpus, tmp_path):
    async def open_help(pilot):
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(
        make_app(seed_corpus, tmp_path), terminal_size=(100, 36), run_before=open_help
    )


def test_narrow_terminal(snap_compare, seed_corpus, tmp_path):
    assert snap_compare(make_app(seed_corpus, tmp_path), terminal_size=(80, 24), run_before=settle)


def test_detailed_list(snap_compare, seed_corpus, tmp_path):
    async def detailed(pilot):
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()

    assert snap_compare(
        make_app(seed_corpus, tmp_path), terminal_size=(120, 40), run_before=detailed
    )


def test_saved_screen(snap_compare, seed_corpus, tmp_path):
    from search import save_search

    save_search("pelosi", "Pelosi")
    save_search("hegseth unread", 'person:"Pete Hegseth" is:unread')

    async def open_saved(pilot):
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)

    assert snap_compare(
        make_app(seed_corpus, tmp_path), terminal_size=(100, 30), run_before=open_saved
    )


def test_narrow_terminal_after_a_resize(snap_compare, seed_corpus, tmp_path):
    async def shrink(pilot):
        await settle(pilot)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()

    assert snap_compare(make_app(seed_corpus, tmp_path), terminal_size=(140, 40), run_before=shrink)


def test_story_row_and_story_screen(snap_compare, seed_corpus, tmp_path):
    """002 and 003 are one story told by two outlets: one row, and side by side on Enter."""

    async def open_story(pilot):
        await settle(pilot)
        article_list = pilot.app.article_list
        article_list.focus()
        (head,) = article_list.heads
        article_list.highlighted = head
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(
        make_app(seed_corpus, tmp_path, stories="grouped"),
        terminal_size=(120, 40),
        run_before=open_story,
    )
