"""Bad files, faults in the index, hostile and random input: nothing crashes and nothing is lost."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from search import Library, QuerySyntaxError, extract
from search.sources.files import MAX_FILE_BYTES

from ..conftest import write_article

GOOD = {
    "plain.txt": "Zebras Escape From The City Zoo\nThe zebras ran through town on Tuesday.",
    "with spaces.txt": "Lemurs Climb The Old Tower Again\nThe lemurs climbed it.",
    "new\nline.md": "Otters Return To The Harbour Wall\nThe otters swam back.",
}


@pytest.fixture
def bad_corpus(tmp_path):
    """Good articles beside every kind of file a real folder can hold."""
    folder = tmp_path / "corpus"
    for name, text in GOOD.items():
        write_article(folder, name, text)
    write_article(
        folder,
        "latin1.txt",
        "Café Owners Protest New Rules\nLe café était plein.".encode("latin-1"),
    )
    write_article(
        folder,
        "cp1252.txt",
        "Quotes Story For Windows Users\n“Smart quotes” from Windows.".encode("cp1252"),
    )
    write_article(
        folder, "utf16.txt", "Walruses Seen Far To The South\nWalruses appeared.".encode("utf-16")
    )
    write_article(
        folder, os.fsdecode(b"bad\xffname.txt"), "Badgers Dig Under The Railway\nBadgers dug."
    )
    write_article(
        folder,
        "long line.txt",
        "Long Line Story Is Here Now\n" + "word " * 200_000 + "\nmarmots end",
    )
    write_article(folder, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write_article(folder, "nul.txt", b"text with a \x00 NUL byte")
    write_article(folder, "empty.txt", "")
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(MAX_FILE_BYTES * 4)  # sparse: 64 MB on paper
    os.symlink(folder / "missing.txt", folder / "broken.txt")
    os.symlink(folder / "loop-a.txt", folder / "loop-b.txt")
    os.symlink(folder / "loop-b.txt", folder / "loop-a.txt")
    os.mkfifo(folder / "pipe.txt")  # reading it would block forever
    return folder


SEARCHABLE = {
    "zebras": 1,
    "lemurs": 1,
    "otters": 1,
    "café": 1,
    "windows": 1,
    "walruses": 1,
    "badgers": 1,
    "marmots": 1,
}


def test_bad_files_are_skipped_with_reasons_and_the_rest_is_searchable(bad_corpus, tmp_path):
    library = Library([bad_corpus], tmp_path / "index")
    report = library.update()
    reasons = {os.path.basename(s.path): s.reason for s in report.skipped}
    assert reasons == {
        "binary.txt": "binary file (contains NUL bytes)",
        "nul.txt": "binary file (contains NUL bytes)",
        "empty.txt": "empty file",
        "huge.txt": "too large (64 MB; the limit is 16 MB)",
        "broken.txt": "cannot stat: No such file or directory",
        "loop-a.txt": "cannot stat: Too many levels of symbolic links",
        "loop-b.txt": "cannot stat: Too many levels of symbolic links",
        "pipe.txt": "not a regular file",
    }
    for word, count in SEARCHABLE.items():
        assert library.search(word).total == count, word
    assert library.search("").total == 8
    paths = {hit.article.display_path.rsplit("/", 1)[1] for hit in library.search("").hits}
    assert "bad\\xffname.txt" in paths and "new␤line.md" in paths


def test_a_file_that_disappears_while_indexing_is_skipped(seed_corpus, tmp_path, monkeypatch):
    import search.pipeline as pipeline

    original = pipeline.prepare_document
    victim = sorted(seed_corpus.iterdir())[2]

    def vanishing(stamp, analyse=True):
        if stamp.path == str(victim):
            victim.unlink()
        return original(stamp, analyse)

    monkeypatch.setattr(pipeline, "prepare_document", vanishing)
    library = Library([seed_corpus], tmp_path / "index")
    report = library.update()
    assert [os.path.basename(s.path) for s in report.skipped] == [victim.name]
    assert library.search("").total == 4


def test_a_stale_lock_file_does_not_block_indexing(seed_corpus, tmp_path):
    index_dir = tmp_path / "index"
    Library([seed_corpus], index_dir).update()
    (index_dir / "MAIN_WRITELOCK").write_text("left by a crash")
    write_article(seed_corpus, "new.txt", "Zebras Escape From The City Zoo\nThe zebras ran.")
    library = Library([seed_corpus], index_dir)
    assert library.update().added == 1 and library.search("zebras").total == 1


def test_an_unwritable_index_location_falls_back_to_memory(seed_corpus, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    library = Library([seed_corpus], blocker / "index")
    library.update()
    assert library.in_memory and any("in memory" in notice for notice in library.notices)
    assert library.search("Pelosi").total == 3
    assert blocker.read_text() == "a file where the cache folder should be"


def test_disk_full_during_commit_keeps_the_last_good_index(seed_corpus, tmp_path, monkeypatch):
    index_dir = tmp_path / "index"
    Library([seed_corpus], index_dir).update()
    write_article(seed_corpus, "new.txt", "Zebras Escape From The City Zoo\nThe zebras ran.")
    from whoosh.writing import SegmentWriter

    def disk_full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(SegmentWriter, "commit", disk_full)
    library = Library([seed_corpus], index_dir)
    with pytest.raises(OSError, match="No space left"):
        library.update()
    monkeypatch.undo()
    library = Library([seed_corpus], index_dir)
    assert library.search("Pelosi").total == 3
    assert library.update().added == 1 and library.search("zebras").total == 1


@pytest.mark.slow
def test_killing_the_indexer_at_random_moments_loses_and_doubles_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    rng = random.Random(7)
    words = [
        "talks",
        "summit",
        "minister",
        "agreed",
        "officials",
        "market",
        "shares",
        "trade",
        "rose",
        "fell",
        "week",
        "deal",
    ]
    for n in range(400):
        body = " ".join(rng.choice(words) for _ in range(120))
        write_article(
            corpus, f"{n:04d}.txt", f"Story Number {n} About Trade Talks\nunique{n} {body}."
        )
    index_dir = tmp_path / "index"
    command = [sys.executable, "-m", "search.indexer", "--index-dir", str(index_dir), str(corpus)]
    for _ in range(4):
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.5))
        child.send_signal(signal.SIGKILL)
        child.wait()
    library = Library([corpus], index_dir)
    library.update()
    results = library.search("", limit=None)
    paths = [hit.article.path for hit in results.hits]
    assert results.total == 400 and len(set(paths)) == 400
    assert library.search("unique123").total == 1


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="reads the process table from /proc"
)
def test_killing_a_large_indexing_kills_its_worker_processes_and_the_next_run_finishes(
    tmp_path, monkeypatch
):
    from search.indexing import PARALLEL_FROM

    corpus = tmp_path / "corpus"
    for n in range(PARALLEL_FROM + 200):
        write_article(
            corpus,
            f"{n:04d}.txt",
            f"Harbour Story {n}\n\nShips unique{n} reached the harbour on Monday.",
        )
    index_dir = tmp_path / "index"
    command = [sys.executable, "-m", "search.indexer", "--index-dir", str(index_dir), str(corpus)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    child.stdout.readline()  # the first progress line: the workers are at work
    deadline = time.monotonic() + 30
    while not (workers := _children(child.pid) - {child.pid}) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert workers
    child.send_signal(signal.SIGKILL)
    child.wait()
    deadline = time.monotonic() + 120
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(_running, workers)), "worker processes outlived their indexer"
    library = Library([corpus], index_dir)
    library.update()
    assert library.count() == PARALLEL_FROM + 200
    assert library.search("unique1100").total == 1
    assert not list(index_dir.glob(".incoming-*"))


def test_extractors_survive_adversarial_text():
    for text in [
        "a" * 1_000_000,
        "1" * 1_000_000,
        "2025-" * 10_000,
        "May " * 10_000,
        "Mr. " * 10_000,
        "[bold]" * 10_000,
        "\x1b[31m" * 10_000,
        "\u202e" * 1000 + "Pete Hegseth",
        "",
    ]:
        result = extract(text, None)
        for item in [*result.dates, *(m for p in result.people for m in p.mentions)]:
            assert (
                0 <= item.start < item.end <= len(text) and text[item.start : item.end] == item.text
            )


QUERY_ALPHABET = st.sampled_from(
    list("abcPelosi \"()[]:*~^-+ANDORNOT TO date:title:person:source:2025-10 \\'\t")
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.one_of(st.text(max_size=40), st.lists(QUERY_ALPHABET, max_size=30).map("".join)))
def test_any_query_gives_results_or_a_clear_message(seed_library, query):
    try:
        results = seed_library.search(query)
    except QuerySyntaxError as error:
        assert str(error)
    else:
        assert results.total >= 0


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=400), reference=st.one_of(st.none(), st.dates()))
def test_extract_never_fails_and_offsets_fit(text, reference):
    result = extract(text, reference)
    for item in [*result.dates, *(m for p in result.people for m in p.mentions)]:
        assert 0 <= item.start < item.end <= len(text) and text[item.start : item.end] == item.text


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            [
                "May",
                "March",
                "Tuesday",
                "2025",
                "last",
                "year",
                "Mr.",
                "Smith",
                "said",
                "the",
                "of",
                "Dr.",
                "12",
                "Dec.",
                "1-0",
                "G2",
                "ago",
                "two",
                "weeks",
                ",",
                ".",
            ]
        ),
        max_size=40,
    )
)
def test_extract_on_date_and_name_like_word_salad(words):
    text = " ".join(words)
    result = extract(text, None)
    for item in [*result.dates, *(m for p in result.people for m in p.mentions)]:
        assert text[item.start : item.end] == item.text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.lists(QUERY_ALPHABET, max_size=25).map("".join))
@pytest.mark.slow
def test_the_search_command_answers_any_query_with_an_exit_status(
    seed_corpus, tmp_path, capsys, query
):
    from tui.cli import _SEARCH_OPTIONS, main

    # "--sort" first is the option, not a query
    assume(query.split("=", 1)[0] not in _SEARCH_OPTIONS)
    code = main(["search", query, str(seed_corpus), "--index-dir", str(tmp_path / "cli-index")])
    _, err = capsys.readouterr()
    assert code in (0, 1, 2)
    assert (code == 2) == ("bad query" in err)


def test_large_corpora_are_read_by_worker_processes_with_the_same_result(tmp_path, monkeypatch):
    import search.indexing as indexing

    corpus = tmp_path / "corpus"
    for n in range(40):
        write_article(
            corpus,
            f"{n:02d}.txt",
            f"Story Number {n} About The Harbour\nunique{n} boats sailed on Tuesday.",
        )
    write_article(corpus, "binary.txt", b"\x00\x01")
    monkeypatch.setattr(indexing, "PARALLEL_FROM", 10)
    library = Library([corpus], tmp_path / "index")
    report = library.update()
    assert report.added == 40 and [os.path.basename(s.path) for s in report.skipped] == [
        "binary.txt"
    ]
    assert library.search("unique7").total == 1 and library.search("").total == 40


def test_an_extractor_failure_costs_one_article_its_side_panel_not_the_index(
    seed_corpus, tmp_path, monkeypatch
):
    import search.extractors.extraction as extraction_module

    real = extraction_module.extract_people

    def broken(text):
        if "Rubio" in text:
            raise RuntimeError("a bug in the people extractor")
        return real(text)

    monkeypatch.setattr(extraction_module, "extract_people", broken)
    library = Library([seed_corpus], tmp_path / "index")
    report = library.update()
    assert report.added == 5 and library.search("Rubio").total == 1
    [hit] = library.search("Rubio").hits
    extraction, problem = library.analyse(hit.article)
    assert extraction.people == () and "RuntimeError" in problem
