"""The defects of the 'sound' issue, each with the test that failed before its fix."""

from __future__ import annotations

import errno
import multiprocessing
import os
import random
import re
from pathlib import Path

import pytest

import search.engines.whoosh.engine as whoosh_engine
import search.indexing as indexing
import search.pipeline as pipeline
from search import ForeignIndexFolder, IndexRebuilt, Library, QuerySyntaxError, StateStore
from search.index_folder import MARKER
from search.sources.files import discover
from search.text.articles import parse_article

from ..conftest import write_article

# Every test here runs against both index engines (conftest.engine).
pytestmark = pytest.mark.usefixtures("engine")

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
OSC52 = "\x1b]52;c;aGFja2Vk\x07"
HOSTILE = f"{OSC52}\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ \x1bP+q\x1b\\ \u202eevil [b]bold[/b]"


def test_every_field_of_an_article_record_is_safe_text(tmp_path):
    meta = "\n".join(
        f"{key}: {HOSTILE}" for key in ("title", "source", "author", "url", "date", "feed")
    )
    article = parse_article(
        f"/news/{OSC52}.txt", f"---\n{meta}\n---\nBody with {HOSTILE} in it, long enough to read."
    )
    shown = [article.title, article.source, article.author, article.url, article.body]
    for value in shown:
        assert value is not None and not UNSAFE.search(value), value
    assert "[b]bold[/b]" in article.title  # markup stays as written: data, not markup


def test_a_huge_title_is_cut_where_the_record_is_made():
    article = parse_article("/a.md", "---\ntitle: " + "word " * 200_000 + "\n---\nShort body here.")
    assert len(article.title) <= 300 and article.title.endswith("…")


def test_stored_articles_and_search_output_carry_no_control_characters(tmp_path):
    corpus = tmp_path / "c"
    write_article(
        corpus,
        f"x{OSC52}.md",
        f"---\ntitle: Zebras {HOSTILE}\nsource: {HOSTILE}\n---\n"
        f"The zebras ran {HOSTILE} through town.",
    )
    library = Library([corpus], tmp_path / "index")
    library.update()
    hit = library.search("zebras").hits[0]
    for value in (
        hit.article.title,
        hit.article.source,
        hit.article.display_path,
        hit.snippet.text,
    ):
        assert not UNSAFE.search(value), value


def test_an_index_folder_holding_other_files_is_refused_and_left_alone(seed_corpus, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    keep = {
        "MAIN_notes.txt": "mine",
        "_MAIN_1.toc.bak": "mine",
        "manifest.json": "{}",
        "x.txt": "x",
    }
    for name, text in keep.items():
        (folder / name).write_text(text)
    (folder / ".incoming-photos").mkdir()
    with pytest.raises(ForeignIndexFolder, match="not a newsreader index"):
        Library([seed_corpus], folder).update()
    assert {p.name for p in folder.iterdir()} == {*keep, ".incoming-photos"}
    assert all((folder / name).read_text() == text for name, text in keep.items())


def test_an_empty_index_folder_is_marked_and_reused(seed_corpus, tmp_path):
    folder = tmp_path / "ix"
    folder.mkdir()
    Library([seed_corpus], folder).update()
    assert (folder / MARKER).exists()
    assert Library([seed_corpus], folder).search("Pelosi").total == 3


def test_a_link_leading_outside_the_folder_is_skipped_but_a_link_given_by_name_is_read(tmp_path):
    outside = write_article(
        tmp_path / "elsewhere", "secret.txt", "Secret Passwords Are Kept Here\nroot:x:0:0"
    )
    corpus = tmp_path / "corpus"
    write_article(corpus, "story.txt", "Zebras Escape From The City Zoo\nThe zebras ran.")
    (corpus / "passwd.txt").symlink_to(outside)
    (corpus / "inside.txt").symlink_to(corpus / "story.txt")
    found = discover([corpus])
    assert [Path(s.path).name for s in found.stamps] == ["inside.txt", "story.txt"]
    assert [(Path(s.path).name, s.reason) for s in found.skipped] == [
        ("passwd.txt", "link leads outside the folder")
    ]
    assert [Path(s.path).name for s in discover([corpus / "passwd.txt"]).stamps] == ["passwd.txt"]


def test_a_folder_that_cannot_be_read_keeps_its_articles(seed_corpus, tmp_path, monkeypatch):
    extra = tmp_path / "extra"
    write_article(extra / "sub", "z.txt", "Zebras Escape From The City Zoo\nThe zebras ran.")
    library = Library([seed_corpus, extra], tmp_path / "index")
    library.update()
    real_scandir = os.scandir

    def refusing(path):
        if str(path).endswith("sub"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    report = library.update()
    assert report.removed == 0 and library.search("zebras").total == 1
    assert any("cannot read folder" in s.reason for s in report.skipped)
    monkeypatch.undo()
    (extra / "sub").rename(tmp_path / "moved")
    assert library.update().removed == 1  # a folder gone from a listed parent was deleted


def test_a_root_folder_that_is_gone_keeps_its_articles(seed_corpus, tmp_path):
    library = Library([seed_corpus], tmp_path / "index")
    library.update()
    seed_corpus.rename(tmp_path / "unmounted")
    report = library.update()
    assert report.removed == 0 and library.search("").total == 5
    assert report.unavailable == [str(seed_corpus)]


def test_a_file_refused_by_the_system_is_read_again_at_the_next_scan(
    seed_corpus, tmp_path, monkeypatch
):
    import search.sources.files as loading

    victim = sorted(seed_corpus.iterdir())[0]
    real_open = open

    def refusing(path, *args, **kwargs):
        if os.fspath(path) == str(victim):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(loading, "open", refusing, raising=False)
    library = Library([seed_corpus], tmp_path / "index")
    report = library.update()
    assert [s.reason for s in report.skipped] == ["Permission denied"]
    monkeypatch.undo()  # as after chmod 644: mtime and size are unchanged
    assert library.update().added == 1 and library.search("").total == 5


def _numbered_corpus(folder: Path, count: int, start: int = 0) -> None:
    rnd = random.Random(start)
    words = ["oil", "prices", "gold", "silver", "trade", "opec", "bank", "rates", "talks", "crude"]
    for number in range(start, start + count):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(5, 60)))
        write_article(
            folder, f"{number:04d}.txt", f"Market Report Code{number:04d}x Today\n{text}."
        )


@pytest.fixture(scope="module")
def segmented_library(tmp_path_factory):
    """Several hundred articles in several segments, as catch-ups leave them."""
    base = tmp_path_factory.mktemp("segments")
    library = Library([base / "c"], base / "index")
    for start in (0, 300, 450, 500, 510):
        _numbered_corpus(base / "c", 150 if start < 500 else 10, start)
        library.update()
    yield library
    library.close()


@pytest.mark.parametrize(
    "query",
    [
        "oil",
        "oil NOT opec",
        "oil AND prices",
        "(gold OR silver) AND prices",
        "oil OR gold",
        '"oil prices"',
        "pri*",
        "crdue~",
        "title:market AND oil",
        "NOT oil",
        "date:>1990",
    ],
)
def test_hit_counts_and_the_top_are_exact_on_several_segments(segmented_library, query):
    everything = segmented_library.search(query, limit=None)
    top = segmented_library.search(query, limit=20)
    by_date = segmented_library.search(query, sort="date", limit=20)
    assert top.total == len(everything.hits) == everything.total == by_date.total
    assert [h.article.id for h in top.hits] == [h.article.id for h in everything.hits[:20]]


def test_a_date_range_counts_each_article_once(tmp_path):
    days = ", ".join(f"March {day}, 2024" for day in range(1, 29))
    write_article(
        tmp_path / "c", "a.md", f"---\ndate: 2024-04-01\n---\nDates Of The Long Story\nOn {days}."
    )
    library = Library([tmp_path / "c"], tmp_path / "index")
    library.update()
    assert library.search("date:>1990").total == 1 == len(library.search("date:>1990").hits)


def _race(corpus: str, index_dir: str, rounds: int) -> None:
    library = Library([Path(corpus)], Path(index_dir))
    for _ in range(rounds):
        library.update()


@pytest.mark.slow
def test_two_processes_updating_one_corpus_never_double_its_articles(tmp_path):
    corpus, index_dir = tmp_path / "c", tmp_path / "index"
    _numbered_corpus(corpus, 30)
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_race, args=(str(corpus), str(index_dir), 8)) for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    rnd = random.Random(7)
    for number in range(30, 60):  # adds and deletes while both update
        _numbered_corpus(corpus, 1, number)
        if rnd.random() < 0.3:
            os.unlink(rnd.choice(sorted(corpus.iterdir())))
    for worker in workers:
        worker.join()
    library = Library([corpus], index_dir)
    library.update()
    files = sorted(p.name for p in corpus.iterdir())
    listed = sorted(Path(h.article.path).name for h in library.search("", limit=None).hits)
    assert listed == files
    for name in files[:5]:
        assert library.search(f"title:code{name[:4]}x").total == 1


# Each engine's file of each kind, by the end of its name.
INDEX_FILES = {
    "postings": {"whoosh": ".pst", "tantivy": ".idx"},
    "words": {"whoosh": ".trm", "tantivy": ".term"},
    "stored": {"whoosh": "._stored.col", "tantivy": ".store"},
    "lengths": {"whoosh": "._body_len.col", "tantivy": ".fieldnorm"},
}


@pytest.mark.parametrize("kind", INDEX_FILES)
@pytest.mark.parametrize("damage", ["truncate", "garble"])
def test_damaged_segment_files_are_found_and_the_index_rebuilt(
    seed_corpus, tmp_path, engine, kind, damage
):
    index_dir = tmp_path / "index"
    Library([seed_corpus], index_dir).update()
    suffix = INDEX_FILES[kind][engine]
    target = next(p for p in index_dir.rglob("*") if p.name.endswith(suffix))
    data = bytearray(target.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    else:
        rnd = random.Random(1)
        for i in range(len(data) // 4, len(data)):
            data[i] = rnd.randrange(256)
    target.write_bytes(bytes(data))
    library = Library([seed_corpus], index_dir)
    library.update()  # damage found at opening is rebuilt at once,
    try:
        library.search("Pelosi")
    except IndexRebuilt:  # and damage found while searching says so, for an update to refill
        library.update()
    # Garbled lengths only change scores; every other damage is found and said.
    assert any("damaged" in notice for notice in library.notices) or kind == "lengths"
    assert library.search("Pelosi").total == 3
    assert library.search("person:hegseth").total == 5


def test_the_index_folder_removed_while_in_use_is_recreated(seed_corpus, tmp_path):
    import shutil

    index_dir = tmp_path / "index"
    library = Library([seed_corpus], index_dir)
    library.update()
    assert library.search("Pelosi").total == 3
    shutil.rmtree(index_dir)
    with pytest.raises(IndexRebuilt, match="removed"):
        library.refresh()
        library.search("Pelosi")
    library.update()
    assert library.search("Pelosi").total == 3


def _disk_full_at_creation(engine: str, monkeypatch) -> None:
    """Creating an index on disk fails as each engine fails on a full disk (tantivy says so with
    a ValueError); in memory it works."""
    if engine == "whoosh":

        def full(*args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(whoosh_engine.whoosh_index, "create_in", full)
        return
    import tantivy

    real = tantivy.Index

    def full_on_disk(schema, path=None, reuse=True):
        if path is not None:
            raise ValueError("Failed to open the index: IoError: No space left on device (os 28)")
        return real(schema)

    monkeypatch.setattr(tantivy, "Index", full_on_disk)


def test_a_disk_full_when_the_index_is_created_falls_back_to_memory(
    seed_corpus, tmp_path, monkeypatch, engine
):
    _disk_full_at_creation(engine, monkeypatch)
    library = Library([seed_corpus], tmp_path / "index")
    library.update()
    assert library.in_memory and any("No space left" in n for n in library.notices)
    assert library.search("Pelosi").total == 3


def test_a_catch_up_killed_midway_leaves_every_article_searchable(tmp_path, monkeypatch):
    corpus = tmp_path / "c"
    _numbered_corpus(corpus, 40)
    Library([corpus], tmp_path / "index").update()
    for path in corpus.iterdir():  # every article changes
        write_article(corpus, path.name, path.read_text() + " zebra", mtime=1_760_000_000)
    original, calls = pipeline.prepare_document, []

    def dying(stamp, analyse=True):
        calls.append(stamp)
        if len(calls) == 25:
            raise KeyboardInterrupt  # as a kill would stop it
        return original(stamp, analyse)

    monkeypatch.setattr(pipeline, "prepare_document", dying)
    monkeypatch.setattr(indexing, "COMMIT_EVERY_DOCS", 10)
    with pytest.raises(KeyboardInterrupt):
        Library([corpus], tmp_path / "index").update()
    library = Library([corpus], tmp_path / "index")
    assert library.search("", limit=None).total == 40
    for number in range(40):
        assert library.search(f"title:code{number:04d}x").total == 1, number


def test_a_file_dated_in_the_year_33658_is_indexed(tmp_path):
    path = write_article(tmp_path / "c", "future.txt", "A Story From The Far Future Here\nZebras.")
    os.utime(path, (1_000_000_000_000, 1_000_000_000_000))
    library = Library([tmp_path / "c"], tmp_path / "index")
    assert library.update().added == 1 and library.search("zebras").total == 1


def test_folders_nested_1100_deep_are_walked(tmp_path):
    folder = tmp_path / "c"
    deep = folder
    folder.mkdir()
    for _ in range(1100):
        deep = deep / "d"
        deep.mkdir()
    write_article(deep, "deep.txt", "A Story Deep In The Folders\nZebras.")
    try:
        assert len(discover([folder]).stamps) == 1
    finally:  # shutil.rmtree, which cleans up after tests, recurses: take the tree down here
        (deep / "deep.txt").unlink()
        while deep != folder:
            deep.rmdir()
            deep = deep.parent


@pytest.mark.parametrize(
    "content",
    ['{"read": null}', '{"read": 5}', "[1, 2]", "{", "[" * 100_000],
    ids=["null", "number", "list", "cut", "deep"],
)
def test_a_damaged_old_read_json_is_left_as_it_is(tmp_path, content):
    path = tmp_path / "read.json"
    path.write_text(content)
    state = StateStore(tmp_path / "state.sqlite")
    assert state.read_ids() == set() and path.read_text() == content


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("date:2025-02-30", "not a day of the calendar"),
        ("date:0000", "not a day of the calendar"),
        ("date:[2025-01-01 TO 2025-13-01]", "not a date"),
        ("NOT " * 1000 + "oil", "at most 1,000 characters"),
        ("NOT NOT oil", "NOT twice"),
        ("oil^inf", "a weight after ^"),
        ("oil~9", "at most 2 edits"),
        ("?*", "two letters"),
        ("*", "two letters"),
        ("x" * 100_000, "at most 1,000 characters"),
        ('"' + "oil prices " * 1500 + '"', "at most 1,000 characters"),
        ("(" * 30 + "oil" + ")" * 30, "nest at most"),
    ],
)
def test_malformed_or_unbounded_queries_get_a_message(seed_library, query, message):
    with pytest.raises(QuerySyntaxError, match=re.escape(message)):
        seed_library.search(query)


def test_a_wildcard_standing_for_too_many_words_gets_a_message(tmp_path, monkeypatch):
    import search.engines.whoosh.word_expansion as word_expansion

    monkeypatch.setattr(word_expansion, "MAX_EXPANDED_WORDS", 3)
    for word in ("tablet", "tango", "taxi", "tank", "target"):
        write_article(tmp_path / "c", f"{word}.txt", f"A Story About The Word {word}\nThe {word}.")
    library = Library([tmp_path / "c"], tmp_path / "index")
    library.update()
    with pytest.raises(QuerySyntaxError, match="stands for more than 3 words"):
        library.search("ta*")
    assert library.search("tan*").total == 2


def test_whooshs_require_is_a_word_not_an_operator_that_fails(tmp_path):
    _numbered_corpus(tmp_path / "c", 300)
    library = Library([tmp_path / "c"], tmp_path / "index")
    library.update()
    assert library.search("oil REQUIRE trade").total == 0
    assert library.search("oil AND trade").total > 0


@pytest.mark.parametrize("limit", [0, None])
def test_any_limit_counts_every_hit(seed_library, limit):
    results = seed_library.search("talks", limit=limit)
    assert results.total == 5 and len(results.hits) == (0 if limit == 0 else 5)


def test_a_locked_state_store_keeps_marks_for_the_session_and_says_so(tmp_path):
    import sqlite3

    path = tmp_path / "state.sqlite"
    StateStore(path).mark_read(["a"])
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process writing, and not letting go
    try:
        state = StateStore(path, busy_seconds=0.2)
        state.mark_read(["b"])
        assert any("could not be saved" in n or "cannot be used" in n for n in state.notices)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert path.exists()


def test_tagging_a_text_without_full_stops_reads_a_bounded_stretch_per_date(monkeypatch):
    """'the market rose on Monday ... next week' repeated, with no sentence end, took cubic time:
    each date read the whole text for its tense. Count the characters read, not the seconds."""
    import datetime as dt

    import search.extractors.dates.tense as tense

    read = []
    real_cues = tense._cues

    def counting(text, lo, hi, start, end):
        read.append(hi - lo)
        return real_cues(text, lo, hi, start, end)

    monkeypatch.setattr(tense, "_cues", counting)
    unit = "the market rose on Monday and analysts expect more gains next week "
    text = unit * 500  # 34 KB, one sentence
    from search.extractors.dates import extract_dates

    dates, _ = extract_dates(text, dt.date(2025, 1, 15))
    assert len(dates) == 1000
    assert sum(read) < 2 * 1000 * 1000  # at most about a thousand characters per date


@pytest.mark.parametrize("engine", ["whoosh"], indirect=True)  # Whoosh's stored fields
def test_a_stored_record_without_its_id_counts_as_damage_and_the_index_is_rebuilt(
    seed_corpus, tmp_path, monkeypatch
):
    """A damaged stored-fields file can decode cleanly to a record that lacks its id."""
    from whoosh.reading import SegmentReader

    index_dir = tmp_path / "index"
    Library([seed_corpus], index_dir).update()
    library = Library([seed_corpus], index_dir)
    library.update()
    real = SegmentReader.stored_fields
    # A record in the middle: opening checks the first and the last.
    monkeypatch.setattr(
        SegmentReader, "stored_fields", lambda self, n: {"title": "x"} if n == 2 else real(self, n)
    )
    library.close()
    with pytest.raises(IndexRebuilt):
        library.search("Pelosi")
    monkeypatch.setattr(SegmentReader, "stored_fields", real)
    library.update()
    assert library.search("Pelosi").total == 3
