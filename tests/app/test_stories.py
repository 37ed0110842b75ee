"""Stories in the reader, from the keyboard: one row, unfolded, read as a whole, the Story screen,
and the reader's word on what is one story."""

from __future__ import annotations

from tui.screens.story import StoryScreen

from .pilot import make_app, settle


def story_rows(app) -> list[int]:
    return sorted(app.article_list.heads)


async def test_a_story_is_one_row_that_unfolds_and_is_read_as_a_whole(seed_corpus, tmp_path):
    app = make_app(seed_corpus, tmp_path, stories="grouped")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.article_list
        assert len(article_list.hits) == 4 and len(story_rows(app)) == 1
        (head,) = story_rows(app)
        story = article_list.heads[head]
        assert len(story.members) == 2 and "South China Morning Post" in story.sources
        article_list.focus()
        article_list.highlighted = head
        await pilot.press("z")
        assert len(article_list.hits) == 6  # the story's row, then its two articles
        await pilot.press("z")
        assert len(article_list.hits) == 4
        await pilot.press("u")
        await pilot.pause()
        assert set(story.members) <= article_list.read_ids and app.unread == 3
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        view = app.screen.view
        assert [item.article.id for item in view.articles] == list(story.members)
        assert view.timeline
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StoryScreen)


async def test_split_and_join_are_the_readers_word(seed_corpus, tmp_path):
    app = make_app(seed_corpus, tmp_path, stories="grouped")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.article_list
        article_list.focus()
        article_list.highlighted = story_rows(app)[0]
        await pilot.press("X")
        await settle(pilot)
        assert len(article_list.hits) == 5 and not story_rows(app)
        ids = [hit.article.id for hit in article_list.hits]
        first = next(i for i, a in enumerate(ids) if a.endswith("002_44731091837c877e.txt"))
        second = next(i for i, a in enumerate(ids) if a.endswith("000_c822bf9b4a3e4314.txt"))
        article_list.highlighted = first
        await pilot.press("J")
        article_list.highlighted = second
        await pilot.press("J")
        await settle(pilot)
        (head,) = story_rows(app)
        joined = {a.rsplit("/", 1)[-1][:3] for a in article_list.heads[head].members}
        assert joined == {"000", "002"}
    # Kept in the reading state: grouping again from scratch keeps both decisions.
    library = app.library
    library.group_stories(regroup=True)
    together = [s for s in library.stories() if len(s) > 1]
    assert [sorted(a.rsplit("/", 1)[-1][:3] for a in s) for s in together] == [["000", "002"]]


async def test_space_and_mark_all_read_count_a_storys_folded_articles(seed_corpus, tmp_path):
    app = make_app(seed_corpus, tmp_path, stories="grouped")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.article_list
        (head,) = story_rows(app)
        story = article_list.heads[head]
        # The row's own article read, the other still unread: the story is unread.
        first = article_list.hits[head]
        article_list.set_read([first], True)
        article_list.highlighted = (head - 1) % len(article_list.hits)
        article_list.focus()
        await pilot.press("space")
        assert article_list.highlighted == head
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert set(story.members) <= article_list.read_ids and app.unread == 0


async def test_the_story_screen_of_a_single_article(seed_corpus, tmp_path):
    app = make_app(seed_corpus, tmp_path, stories="grouped")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.article_list
        single = next(i for i in range(len(article_list.hits)) if i not in article_list.heads)
        article_list.focus()
        article_list.highlighted = single
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        assert len(app.screen.view.articles) == 1
        assert not app.screen.query(".story-outlet")
