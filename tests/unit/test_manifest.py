"""The manifest beside an index: what it records survives a save and a load exactly, a save writes
only what changed, and a damaged or old manifest costs a re-read, never an error."""

from __future__ import annotations

import sqlite3

from search import Library
from search.index_folder import LEGACY_MANIFEST, MANIFEST
from search.manifest import Manifest


def test_a_manifest_comes_back_as_it_was_saved_odd_names_and_huge_dates_included(tmp_path):
    path = tmp_path / MANIFEST
    odd = "caf\udce9.txt"  # a file name that is not UTF-8, as os.fsdecode gives it
    manifest = Manifest(
        "tantivy",
        files={odd: (10**21, 5), "plain.txt": (1, 2)},
        skipped={"empty.md": (3, 0, "empty file")},
        pending={odd},
    )
    manifest.save(path)
    loaded = Manifest.load(path)
    assert loaded == manifest and loaded.generation == 1
    assert Manifest.is_current(path, "tantivy") and not Manifest.is_current(path, "whoosh")
    assert Manifest.engine_of(path) == "tantivy"


def test_files_waiting_for_their_analysis_are_kept_and_a_manifest_from_before_has_none(tmp_path):
    path = tmp_path / MANIFEST
    Manifest("whoosh", files={"a.txt": (1, 1), "b.txt": (2, 2)}, pending={"a.txt", "b.txt"}).save(
        path
    )
    manifest = Manifest.load(path)
    manifest.pending.discard("a.txt")
    manifest.save(path)
    assert Manifest.load(path).pending == {"b.txt"}
    with sqlite3.connect(path) as connection:  # as a manifest written before words-first indexing
        connection.execute("DROP TABLE pending")
    old = Manifest.load(path)
    assert old is not None and old.files == {"a.txt": (1, 1), "b.txt": (2, 2)} and not old.pending


def test_a_save_writes_only_the_rows_that_changed(tmp_path):
    path = tmp_path / MANIFEST
    Manifest("whoosh", files={f"{n}.txt": (n, n) for n in range(1000)}).save(path)
    manifest = Manifest.load(path)
    manifest.files["7.txt"] = (70, 70)
    del manifest.files["8.txt"]
    manifest.skipped["8.txt"] = (8, 8, "binary file")
    statements: list[str] = []
    connect = sqlite3.connect

    def tracing(*args, **kwargs):
        connection = connect(*args, **kwargs)
        connection.set_trace_callback(statements.append)
        return connection

    sqlite3.connect = tracing
    try:
        manifest.save(path)
    finally:
        sqlite3.connect = connect
    assert sum(s.startswith("INSERT OR REPLACE INTO files") for s in statements) == 2
    again = Manifest.load(path)
    assert again.files["7.txt"] == (70, 70) and "8.txt" not in again.files
    assert again.skipped["8.txt"] == (8, 8, "binary file") and again.generation == 2


def test_a_damaged_manifest_is_read_as_none_and_saved_afresh(tmp_path):
    path = tmp_path / MANIFEST
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 3000)
    assert Manifest.load(path) is None and Manifest.engine_of(path) is None
    Manifest("whoosh", files={"a.txt": (1, 1)}).save(path)
    assert Manifest.load(path).files == {"a.txt": (1, 1)}


def test_an_index_with_the_old_json_manifest_is_rebuilt_with_a_notice(seed_corpus, tmp_path):
    index = tmp_path / "index"
    Library([seed_corpus], index).update()
    (index / MANIFEST).unlink()
    (index / LEGACY_MANIFEST).write_text('{"schema": 14, "files": {}, "skipped": {}}')
    library = Library([seed_corpus], index)
    library.open()
    assert any("another version" in notice for notice in library.notices)
    assert library.update().added == 5 and library.search("Pelosi").total == 3
    assert not (index / LEGACY_MANIFEST).exists()
