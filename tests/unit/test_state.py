"""The reading state: read, starred, tags and positions in SQLite; damaged, locked and shared."""

from __future__ import annotations

import json
import subprocess
import sys

from search import Library, StateStore


def test_marks_are_kept_across_opening_again(tmp_path):
    store = StateStore(tmp_path / "state.sqlite")
    store.mark_read(["a", "b"])
    store.mark_read(["b"], False)
    store.set_starred("c", True)
    assert store.add_tag("a", "  later   reading ") == "later reading"
    store.set_position("a", 42)
    store.close()
    again = StateStore(tmp_path / "state.sqlite")
    assert again.read_ids() == {"a"} and again.starred_ids() == {"c"}
    assert again.tags_of("a") == ["later reading"] and again.tags() == [("later reading", 1)]
    assert again.position("a") == 42 and again.position("b") is None


def test_a_damaged_state_file_is_moved_aside_and_reading_starts_afresh(tmp_path):
    path = tmp_path / "state.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    store = StateStore(path)
    store.mark_read(["a"])
    assert store.read_ids() == {"a"}
    assert any("moved to" in notice for notice in store.notices)
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not a database")


def test_the_old_read_json_is_taken_in_once(tmp_path):
    (tmp_path / "read.json").write_text(json.dumps({"read": ["old1", "old2"]}))
    store = StateStore(tmp_path / "state.sqlite")
    assert store.read_ids() == {"old1", "old2"}
    store.mark_read(["old1"], False)
    store.close()
    assert StateStore(tmp_path / "state.sqlite").read_ids() == {"old2"}  # not imported again
    assert (tmp_path / "read.json").exists()  # left as it was


def test_export_and_import(tmp_path):
    store = StateStore(tmp_path / "one.sqlite")
    store.mark_read(["a"])
    store.set_starred("b", True)
    store.add_tag("b", "keep")
    other = StateStore(tmp_path / "two.sqlite")
    assert other.import_(json.loads(json.dumps(store.export()))) == 2
    assert (
        other.read_ids() == {"a"}
        and other.starred_ids() == {"b"}
        and other.tagged_ids("keep") == {"b"}
    )


WRITER = """
import sys
from search import StateStore
store = StateStore(__import__("pathlib").Path(sys.argv[1]))
for n in range(200):
    store.mark_read([f"{sys.argv[2]}-{n}"])
"""


def test_two_processes_marking_at_once_lose_nothing(tmp_path):
    path = tmp_path / "state.sqlite"
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), name]) for name in ("x", "y")
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    read = StateStore(path).read_ids()
    assert len(read) == 400 and {"x-0", "y-199"} <= read


def test_is_and_tag_queries_combine_with_everything_else(seed_corpus, tmp_path):
    library = Library([seed_corpus], tmp_path / "index", state=StateStore(tmp_path / "s.sqlite"))
    library.update()
    assert library.search("is:unread").total == 5 and library.search("is:read").total == 0
    pelosi = [hit.article.id for hit in library.search("Pelosi").hits]
    library.state.mark_read(pelosi[:2])
    library.state.set_starred(pelosi[0], True)
    library.state.add_tag(pelosi[2], "later")
    assert library.search("is:unread").total == 3
    assert library.search("Pelosi is:unread").total == 1
    assert library.search("is:starred").total == 1
    assert [h.article.id for h in library.search("tag:later").hits] == [pelosi[2]]
    assert library.search('person:"Pete Hegseth" NOT is:read').total == 3
    assert library.search("tag:nothing").total == 0


def test_unread_counts_only_what_the_query_matched(seed_corpus, tmp_path):
    library = Library([seed_corpus], tmp_path / "index", state=StateStore(tmp_path / "s.sqlite"))
    library.update()
    library.state.mark_read([hit.article.id for hit in library.search("Pelosi").hits])
    assert library.search("Pelosi").unread == 0
    # Words the index never keeps ("x", "the") match nothing: none of it is read, none unread.
    for query in ("x", "the", "x OR the"):
        results = library.search(query)
        assert results.total == 0 and results.unread == 0


def test_state_export_and_import_from_the_command_line(capsys, tmp_path):
    from tui.cli import main

    StateStore().mark_read(["a", "b"])
    assert main(["state", "export"]) == 0
    exported = capsys.readouterr().out
    backup = tmp_path / "state.json"
    backup.write_text(exported)
    StateStore().mark_read(["a", "b"], False)
    assert main(["state", "import", str(backup)]) == 0
    assert "2 articles" in capsys.readouterr().out and StateStore().read_ids() == {"a", "b"}
    backup.write_text("[not json")
    assert main(["state", "import", str(backup)]) == 1


def test_unread_counts_are_right_before_anything_is_read(seed_corpus, tmp_path):
    library = Library([seed_corpus], tmp_path / "index", state=StateStore(tmp_path / "s.sqlite"))
    library.update()
    results = library.search("Pelosi")
    assert (results.total, results.unread) == (3, 3)
    assert library.search("Pelosi is:unread").total == 3


def test_unread_counts_leave_out_what_was_read_old_versions_included(seed_corpus, tmp_path):
    library = Library([seed_corpus], tmp_path / "index", state=StateStore(tmp_path / "s.sqlite"))
    library.update()
    pelosi = library.search("Pelosi").hits
    # One read by its identity, one by the content hash an older read mark named.
    library.state.mark_read([pelosi[0].article.id, pelosi[1].article.content_hash], True)
    results = library.search("Pelosi")
    assert (results.total, results.unread) == (3, 1)
    assert library.search("Pelosi is:unread").total == 1
    everything = library.search("")
    assert (everything.total, everything.unread) == (5, 3)
