"""Grouping articles into stories, on small hand-made sets, and on the seeds."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from search import Library, StateStore
from search.stories import keep_in_step
from search.stories.features import StoryFeatures, story_terms
from search.stories.grouping import Decisions, group
from search.stories.store import StoryStore

DAY = dt.date(2026, 3, 2)
QUAKE_A = (
    "A magnitude 6.1 earthquake struck the Chilean port of Valparaiso on Monday, killing four "
    "people and damaging the old harbour, said Governor Marta Rojas."
)
QUAKE_B = (
    "A magnitude 5.4 earthquake shook the Japanese city of Sendai on Monday, injuring two people "
    "and stopping trains, said Mayor Kenji Ota."
)
FILLER = [
    "The central bank held its rates and said inflation would ease by spring in Lisbon.",
    "A new museum of modern art opened in Oslo, with works by painter Ingrid Dahl.",
    "The football club Porto signed the striker Rui Costa for a record fee in Madrid.",
    "Rain flooded the valley towns of Bavaria, and farmers counted their losses.",
    "The software company Nimbus released a new phone, praised by reviewers in Seoul.",
    "A long drought hit the wheat farms of Kansas, and prices rose on the markets.",
]


def features(article_id: str, title: str, body: str, day=DAY, published=True, people=()):
    return StoryFeatures(article_id, story_terms(title, body, people, ()), day, published)


def corpus(*articles: StoryFeatures) -> list[StoryFeatures]:
    background = [
        features(f"filler{n}", text.split(",")[0], text, DAY - dt.timedelta(days=n))
        for n, text in enumerate(FILLER)
    ]
    return [*articles, *background]


def story_with(stories: list[list[str]], article_id: str) -> set[str]:
    return next(set(story) for story in stories if article_id in story)


def test_wire_copies_are_one_story():
    a = features("a", "Quake hits Valparaiso", QUAKE_A)
    b = features("b", "Quake hits Valparaiso, four dead", QUAKE_A + " Rescuers searched the port.")
    assert story_with(group(corpus(a, b)), "a") == {"a", "b"}


def test_the_same_event_from_two_outlets_is_one_story():
    a = features("a", "Earthquake kills four in Valparaiso", QUAKE_A)
    b = features(
        "b",
        "Four dead as Valparaiso quake damages harbour",
        "Governor Marta Rojas said four people died when a magnitude 6.1 earthquake hit "
        "Valparaiso's harbour on Monday; the old port was damaged.",
    )
    assert story_with(group(corpus(a, b)), "a") == {"a", "b"}


def test_two_similar_events_stay_apart():
    a = features("a", "Earthquake kills four in Valparaiso", QUAKE_A)
    a2 = features("a2", "Valparaiso quake: four dead", QUAKE_A)
    b = features("b", "Earthquake injures two in Sendai", QUAKE_B)
    b2 = features("b2", "Sendai quake: two hurt", QUAKE_B)
    stories = group(corpus(a, a2, b, b2))
    assert story_with(stories, "a") == {"a", "a2"}
    assert story_with(stories, "b") == {"b", "b2"}


def test_an_update_a_day_later_joins_its_story_and_a_week_later_does_not():
    a = features("a", "Earthquake kills four in Valparaiso", QUAKE_A)
    later = features("later", "Valparaiso quake toll", QUAKE_A, DAY + dt.timedelta(days=1))
    weeks = features("weeks", "Valparaiso quake toll", QUAKE_A, DAY + dt.timedelta(days=30))
    stories = group(corpus(a, later, weeks))
    assert story_with(stories, "a") == {"a", "later"}


def test_an_article_with_no_date_is_compared_with_every_other():
    a = features("a", "Earthquake kills four in Valparaiso", QUAKE_A)
    undated = features("undated", "Valparaiso quake", QUAKE_A, dt.date(1970, 1, 1), False)
    assert story_with(group(corpus(a, undated)), "a") == {"a", "undated"}


def test_the_readers_decisions_win_over_the_grouping():
    a = features("a", "Quake hits Valparaiso", QUAKE_A)
    b = features("b", "Quake hits Valparaiso again", QUAKE_A)
    c = features("c", "Sendai quake", QUAKE_B)
    decisions = Decisions(apart={frozenset(("a", "b"))}, together={frozenset(("a", "c"))})
    stories = group(corpus(a, b, c), decisions)
    assert story_with(stories, "a") == {"a", "c"}
    assert "b" not in story_with(stories, "a")


def grouped_store(*articles: StoryFeatures) -> tuple[StoryStore, dict[str, StoryFeatures]]:
    """A store whose stories were grouped from these articles and the fillers."""
    store = StoryStore(None)
    known = {item.article_id: item for item in corpus(*articles)}
    keep_in_step(store, set(known), lambda ids: [known[i] for i in ids], Decisions())
    return store, known


def catch_up(store: StoryStore, known: dict[str, StoryFeatures], *new: StoryFeatures) -> None:
    known.update((item.article_id, item) for item in new)
    keep_in_step(store, set(known), lambda ids: [known[i] for i in ids], Decisions())


def test_a_new_article_joins_its_story_or_starts_its_own():
    a = features("a", "Earthquake kills four in Valparaiso", QUAKE_A)
    b = features("b", "Valparaiso quake: four dead", QUAKE_A)
    store, known = grouped_store(a, b)
    assert store.statistics_count() == len(known)
    new = features("new", "Valparaiso quake toll rises", QUAKE_A, DAY + dt.timedelta(days=1))
    other = features("other", "Sendai quake", QUAKE_B, DAY + dt.timedelta(days=1))
    catch_up(store, known, new, other)
    assert store.story("new") == store.story("a")
    assert store.story("other") not in {store.story(a) for a in known if a != "other"}
    # Each newcomer is counted, and listed under its leading terms for the next one to find.
    assert store.statistics_count() == len(known)
    assert "new" in {
        listed.article_id
        for found in store.listed_under(["valparaiso"]).values()
        for listed in found
    }


def test_a_newcomer_finds_one_placed_just_before_it():
    a = features("a", "Earthquake kills four in Valparaiso", QUAKE_A)
    b = features("b", "Valparaiso quake: four dead", QUAKE_A)
    store, known = grouped_store(a, b)
    first = features("sendai1", "Sendai quake", QUAKE_B, DAY + dt.timedelta(days=1))
    second = features("sendai2", "Sendai quake injures two", QUAKE_B, DAY + dt.timedelta(days=1))
    catch_up(store, known, first, second)
    assert store.story("sendai1") == store.story("sendai2") != store.story("a")


def test_a_dated_newcomer_joins_no_story_a_month_older_but_an_undated_one_may():
    later = DAY + dt.timedelta(days=30)
    for article_id, published, joins in (("late", True, False), ("undated", False, True)):
        a = features("a", "Earthquake kills four in Valparaiso", QUAKE_A)
        b = features("b", "Valparaiso quake: four dead", QUAKE_A)
        store, known = grouped_store(a, b)
        newcomer = features(article_id, "Valparaiso quake toll", QUAKE_A, later, published)
        catch_up(store, known, newcomer)
        assert (store.story(article_id) == store.story("a")) is joins


def test_articles_gone_leave_the_statistics():
    a = features("a", "Earthquake kills four in Valparaiso", QUAKE_A)
    b = features("b", "Valparaiso quake: four dead", QUAKE_A)
    store, known = grouped_store(a, b)
    before = store.term_statistics(["valparaiso"])["valparaiso"][0]
    del known["b"]
    keep_in_step(store, set(known), lambda ids: [known[i] for i in ids], Decisions())
    assert store.statistics_count() == len(known)
    assert store.term_statistics(["valparaiso"])["valparaiso"][0] == before - 1
    assert "b" not in {
        x.article_id for found in store.listed_under(["valparaiso"]).values() for x in found
    }


def test_newcomers_are_listed_under_old_and_new_terms_whatever_their_names():
    store = StoryStore(None)
    # Identities as path_text makes them: quotes, backslashes, accents, \xNN for bytes not UTF-8.
    odd = ['/news/a "quoted", \\ name.txt', "/news/caf\u00e9 \\xe9.txt", "/news/plain.txt"]
    store.change_statistics(1, {}, [("quake", "/news/first.txt")], [])
    for number, article_id in enumerate(odd):
        store.change_statistics(2, {}, [("quake", article_id), (f"new{number}", article_id)], [])
    assert store._listings(["quake", "new0", "new1", "new2"]) == {
        "quake": ["/news/first.txt", *odd],
        **{f"new{number}": [article_id] for number, article_id in enumerate(odd)},
    }
    store.change_statistics(3, {}, [], [("quake", odd[0])])
    assert store._listings(["quake"]) == {"quake": ["/news/first.txt", *odd[1:]]}


def test_the_seeds_washington_talks_are_one_story_and_the_others_stand_alone(seed_corpus, tmp_path):
    library = Library(
        [seed_corpus],
        tmp_path / "index",
        catch_up_here=True,
        state=StateStore(tmp_path / "s.sqlite"),
    )
    library.update()
    names = sorted(sorted(p.rsplit("/", 1)[-1][:3] for p in story) for story in library.stories())
    assert names == [["000"], ["001"], ["002", "003"], ["004"]]
    two = next(story for story in library.stories() if len(story) == 2)
    view = library.story(two[0])
    assert len(view.articles) == 2 and all(item.sentences for item in view.articles)
    assert [e.day for e in view.timeline] == sorted(e.day for e in view.timeline)
    assert library.search(f"story:{library.story_of(two[0])}").total == 2
    library.split_from_story(two[1])
    library.group_stories(regroup=True)
    assert all(len(story) == 1 for story in library.stories())


def test_stories_json_prints_one_story_per_line(seed_corpus, tmp_path):
    env_dirs = {f"XDG_{k}_HOME": str(tmp_path / k) for k in ("CACHE", "DATA", "CONFIG")}
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "stories", str(seed_corpus), "--json"],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, **env_dirs},
        check=True,
    )
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == 4
    assert {"id", "title", "articles"} <= set(rows[0])
    assert sorted(len(row["articles"]) for row in rows) == [1, 1, 1, 2]
    assert {"path", "title", "source", "published"} <= set(rows[0]["articles"][0])


def test_a_catch_up_takes_the_articles_indexed_from_the_manifest_not_a_walk_of_the_index(
    seed_corpus, tmp_path, monkeypatch
):
    library = Library(
        [seed_corpus],
        tmp_path / "index",
        catch_up_here=True,
        state=StateStore(tmp_path / "s.sqlite"),
    )
    library.update()
    washington = next(story for story in library.stories() if len(story) == 2)
    copy = seed_corpus / "005_copy.txt"
    copy.write_bytes(Path(washington[0]).read_bytes())

    def walk_of_the_index(self):
        raise AssertionError("every identity asked of the engine")

    monkeypatch.setattr(type(library._engine), "article_ids", walk_of_the_index)
    library.update()
    assert library.story_of(str(copy)) == library.story_of(washington[0])


def test_a_large_update_leaves_its_stories_to_a_process_of_their_own(seed_corpus, tmp_path):
    """Grouping an archive peaks at hundreds of MB: after a large update it runs in a fresh
    process, once the indexing one has ended, instead of on top of what indexing left allocated."""
    from search.background import update_in_background

    index = tmp_path / "index"
    items = list(update_in_background([seed_corpus], index, "whoosh", stories_apart_from=5))
    report = items[-1]
    assert report.added == 5 and report.stories_waiting
    library = Library([seed_corpus], index, state=StateStore(tmp_path / "s.sqlite"))
    assert sorted(len(story) for story in library.stories()) == [1, 1, 1, 2]
    # Below the bound, the indexing process groups them itself.
    (seed_corpus / "005_new.txt").write_text("Zebras Escape From The Zoo\n\nThe zebras ran.\n")
    again = list(update_in_background([seed_corpus], index, "whoosh", stories_apart_from=5))[-1]
    assert again.added == 1 and not again.stories_waiting
    assert sorted(len(story) for story in library.stories()) == [1, 1, 1, 1, 2]


def test_stories_left_waiting_are_grouped_when_asked(seed_corpus, tmp_path):
    library = Library(
        [seed_corpus], tmp_path / "index", catch_up_here=True, state=StateStore(tmp_path / "s")
    )
    report = library.update(stories_apart_from=5)
    assert report.stories_waiting and library.stories() == []
    library.group_waiting_stories()
    assert sorted(len(story) for story in library.stories()) == [1, 1, 1, 2]


def test_grouping_them_all_lets_the_index_go_and_searching_opens_it_again(
    seed_corpus, tmp_path, engine, monkeypatch
):
    """tantivy keeps the files it has read mapped while its index is open: a large archive's
    features read from it stayed in memory all through grouping."""
    library = Library(
        [seed_corpus], tmp_path / "index", catch_up_here=True, state=StateStore(tmp_path / "s")
    )
    library.update(stories_apart_from=5)
    engine_type = type(library._engine)
    let_go = engine_type.release
    released = []

    def release(self):
        released.append(sorted(len(story) for story in library.stories()))
        let_go(self)

    monkeypatch.setattr(engine_type, "release", release)
    library.group_waiting_stories()
    assert released == [[1, 1, 1, 1, 1]]  # before grouping
    assert sorted(len(story) for story in library.stories()) == [1, 1, 1, 2]
    assert library.search("Pelosi").total == 3


def test_grouping_on_two_processes_gives_the_stories_of_one(monkeypatch):
    from search.stories import forked

    monkeypatch.setattr(forked, "FORK_FROM", 2)
    a = features("a", "Earthquake kills four in Valparaiso", QUAKE_A)
    b = features("b", "Valparaiso quake toll rises", QUAKE_A + " Rescuers searched the port.")
    c = features("c", "Quake shakes Sendai", QUAKE_B)
    articles = corpus(a, b, c)
    assert group(articles, processes=2) == group(articles) != []


def test_an_article_read_again_joins_the_story_of_what_it_says_now(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    museum = (
        "A new museum of modern art opened in Oslo on Monday, with works by painter Ingrid Dahl "
        "and sculptor Lars Berg."
    )
    texts = {
        "a.txt": "Earthquake hits Valparaiso\n\n" + QUAKE_A,
        "b.txt": "Valparaiso quake kills four\n\n" + QUAKE_A.replace("6.1", "strong"),
        "c.txt": "Museum opens in Oslo\n\n" + museum,
        "d.txt": "Oslo gallery shows Dahl\n\n" + museum.replace("A new", "The"),
    }
    for name, text in texts.items():
        (folder / name).write_text(text + "\n")
    library = Library(
        [folder], tmp_path / "index", catch_up_here=True, state=StateStore(tmp_path / "s")
    )
    library.update()

    def stories() -> list[list[str]]:
        return sorted(sorted(Path(a).name for a in story) for story in library.stories())

    assert stories() == [["a.txt", "b.txt"], ["c.txt", "d.txt"]]
    (folder / "a.txt").write_text(texts["c.txt"].replace("opens", "opened") + "\n")
    assert library.update().updated == 1
    assert stories() == [["a.txt", "c.txt", "d.txt"], ["b.txt"]]


def test_an_article_taken_off_a_listing_leaves_every_other_whatever_its_place(tmp_path):
    from search.stories.grouping import CorpusStatistics

    store = StoryStore(tmp_path)
    ids = ['first "one"', "b", "bb", "last"]
    store.save_statistics(
        CorpusStatistics(4, [("t", 4, 1.0), ("u", 1, 1.0)], [*(("t", i) for i in ids), ("u", "b")])
    )
    for gone in ("b", ids[0], "last"):
        store.change_statistics(4, {}, [], [("t", gone), ("u", gone)])
    assert store._listings(["t", "u"]) == {"t": ["bb"]}


def test_an_article_touched_but_unchanged_keeps_its_place(seed_corpus, tmp_path, monkeypatch):
    import os

    import search.stories

    library = Library(
        [seed_corpus], tmp_path / "index", catch_up_here=True, state=StateStore(tmp_path / "s")
    )
    library.update()
    before = library.stories()
    taken_out: list[list[str]] = []
    monkeypatch.setattr(search.stories, "take_out", lambda store, ids: taken_out.append(ids))
    touched = sorted(seed_corpus.glob("*.txt"))[0]
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    assert library.update().updated == 1
    assert taken_out and not any(taken_out) and library.stories() == before
