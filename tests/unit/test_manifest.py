"""The manifest beside an index: what it records survives a save and a load exactly, a save writes
only what changed, and a damaged or old manifest costs a re-read, never an error."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from search import Library
from search.index_folder import LEGACY_MANIFEST, MANIFEST
from search.manifest import Manifest


def _manifest(engine="whoosh", files=(), skipped=(), pending=()) -> Manifest:
    manifest = Manifest(engine)
    for path, stamp in dict(files).items():
        manifest.record(path, stamp)
    for path, (mtime, size, reason) in dict(skipped).items():
        manifest.record_skipped(path, (mtime, size), reason)
    manifest.pending.update(pending)
    return manifest


def test_a_manifest_comes_back_as_it_was_saved_odd_names_and_huge_dates_included(tmp_path):
    path = tmp_path / MANIFEST
    odd = "/news/caf\udce9.txt"  # a file name that is not UTF-8, as os.fsdecode gives it
    manifest = _manifest(
        "tantivy",
        files={odd: (10**21, 5), "/news/plain.txt": (1, 2), "/elsewhere/a.txt": (3, 4)},
        skipped={"/news/empty.md": (3, 0, "empty file")},
        pending={odd},
    )
    manifest.save(path)
    loaded = Manifest.load(path)
    assert loaded == manifest and loaded.generation == 1
    assert loaded.stamp(odd) == (10**21, 5) and loaded.stamp("/news/empty.md") is None
    assert loaded.skipped_stamp("/news/empty.md") == (3, 0, "empty file")
    assert sorted(loaded.paths()) == ["/elsewhere/a.txt", "/news/caf\udce9.txt", "/news/plain.txt"]
    assert loaded.indexed_count() == 3
    assert Manifest.is_current(path, "tantivy") and not Manifest.is_current(path, "whoosh")
    assert Manifest.engine_of(path) == "tantivy"


def test_files_waiting_for_their_analysis_are_kept_and_a_manifest_from_before_has_none(tmp_path):
    path = tmp_path / MANIFEST
    _manifest(files={"a.txt": (1, 1), "b.txt": (2, 2)}, pending={"a.txt", "b.txt"}).save(path)
    manifest = Manifest.load(path)
    manifest.pending.discard("a.txt")
    manifest.save(path)
    assert Manifest.load(path).pending == {"b.txt"}
    with sqlite3.connect(path) as connection:  # as a manifest written before words-first indexing
        connection.execute("DROP TABLE pending")
    old = Manifest.load(path)
    assert old is not None and sorted(old.paths()) == ["a.txt", "b.txt"] and not old.pending


def test_a_save_writes_only_the_folders_that_changed(tmp_path):
    path = tmp_path / MANIFEST
    files = {f"/news/{n % 10}/{n}.txt": (n, n) for n in range(1000)}
    _manifest(files=files).save(path)
    manifest = Manifest.load(path)
    manifest.record("/news/7/7.txt", (70, 70))
    manifest.forget("/news/8/8.txt")
    manifest.record_skipped("/news/8/18.txt", (8, 8), "binary file")
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
    assert sum(s.startswith("INSERT OR REPLACE INTO folders") for s in statements) == 2
    again = Manifest.load(path)
    assert again.stamp("/news/7/7.txt") == (70, 70) and again.stamp("/news/8/8.txt") is None
    assert again.skipped_stamp("/news/8/18.txt") == (8, 8, "binary file")
    assert again.generation == 2 and again.indexed_count() == 998


def test_a_folder_whose_files_are_all_gone_leaves_the_manifest(tmp_path):
    path = tmp_path / MANIFEST
    _manifest(files={"/a/1.txt": (1, 1), "/b/2.txt": (2, 2)}).save(path)
    manifest = Manifest.load(path)
    manifest.forget("/a/1.txt")
    manifest.save(path)
    assert Manifest.load(path).folders == {"/b": {"2.txt": [2, 2]}}


def test_a_manifest_of_the_format_before_is_read_and_written_anew(tmp_path):
    """Format 15 kept a row a file: an index from before is kept, not rebuilt."""
    path = tmp_path / MANIFEST
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.executescript(
            "CREATE TABLE about (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "CREATE TABLE files (path BLOB PRIMARY KEY, mtime_ns TEXT NOT NULL,"
            " size INTEGER NOT NULL, skipped_because BLOB);"
            "CREATE TABLE pending (path BLOB PRIMARY KEY);"
            "INSERT INTO about VALUES ('format', '15'), ('engine', 'whoosh'), ('generation', '4');"
            "INSERT INTO files VALUES (CAST('/n/a.txt' AS BLOB), '12', 3, NULL),"
            " (CAST('/n/b.md' AS BLOB), '5', 0, CAST('empty file' AS BLOB));"
            "INSERT INTO pending VALUES (CAST('/n/a.txt' AS BLOB));"
        )
    assert Manifest.is_current(path, "whoosh")
    old = Manifest.load(path)
    assert old.stamp("/n/a.txt") == (12, 3) and old.skipped_stamp("/n/b.md") == (5, 0, "empty file")
    assert old.pending == {"/n/a.txt"} and old.generation == 4
    old.save(path)
    with closing(sqlite3.connect(path)) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "files" not in tables
    assert Manifest.load(path) == old


def test_a_damaged_manifest_is_read_as_none_and_saved_afresh(tmp_path):
    path = tmp_path / MANIFEST
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 3000)
    assert Manifest.load(path) is None and Manifest.engine_of(path) is None
    _manifest(files={"a.txt": (1, 1)}).save(path)
    assert Manifest.load(path).stamp("a.txt") == (1, 1)


def test_a_folder_row_that_is_not_a_listing_is_a_damaged_manifest(tmp_path):
    path = tmp_path / MANIFEST
    _manifest(files={"/a/1.txt": (1, 1)}).save(path)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE folders SET files = '[1, 2'")
    assert Manifest.load(path) is None
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE folders SET files = '[1, 2]'")
    assert Manifest.load(path) is None


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
