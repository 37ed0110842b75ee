"""The manifest beside an index: the stat (mtime, size) of every file indexed or skipped, the
format of the index and the engine that built it.

It is SQLite, not JSON: a large archive's manifest (100,000 files) was 7.8 MB of JSON, parsed at
every catch-up and rewritten whole at each of a first index's commits. Files are kept folder by
folder, one row a folder holding its listing, so that a catch-up loads 100,000 stats in a few
dozen rows and compares each folder with what a scan found in one step (indexing.py); a save
writes only the folders that changed. A `generation`, counted up at every save, tells a process
whether another one saved since it loaded.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The index format. 14: each article keeps the terms grouping into stories reads; 15: the manifest
# moved to SQLite; 16: its files are kept folder by folder (a manifest of 15 is read and moved on).
FORMAT_VERSION = 16
_READABLE_FORMATS = (str(FORMAT_VERSION), "15")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS about (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- A folder's files as JSON, {name: [mtime_ns, size]} for those indexed and
-- {name: [mtime_ns, size, why]} for those skipped: JSON keeps any integer and any file name.
CREATE TABLE IF NOT EXISTS folders (path BLOB PRIMARY KEY, files TEXT NOT NULL);
-- Files indexed by their words only, whose dates and people are still to come (indexing.py).
CREATE TABLE IF NOT EXISTS pending (path BLOB PRIMARY KEY);
"""

Stamp = tuple[int, int]
SkippedStamp = tuple[int, int, str]
# What the manifest holds of a file: [mtime_ns, size] when indexed, [mtime_ns, size, why] when
# skipped; lists, as a scan lists a folder (sources/files.py), so that the two compare as they are.
Entry = list[Any]


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=10, isolation_level=None)


# Paths are kept as bytes: a file name that is not valid UTF-8 (a str with surrogate escapes)
# cannot be bound as SQLite text, and must come back exactly as it was.
def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _text(data: bytes) -> str:
    return bytes(data).decode("utf-8", "surrogateescape")


def _about(path: Path) -> dict[str, str] | None:
    """The manifest's format, engine and generation; None when there is no manifest to read."""
    if not path.is_file():
        return None
    try:
        with closing(_connect(path)) as connection:
            return dict(connection.execute("SELECT key, value FROM about").fetchall())
    except sqlite3.Error:
        return None


@dataclass
class Manifest:
    engine: str = "whoosh"  # the index engine that built the index beside it
    # Every file indexed or skipped, folder by folder: name -> Entry.
    folders: dict[str, dict[str, Entry]] = field(default_factory=dict)
    # Files indexed by their words, not analysed yet (indexed files all).
    pending: set[str] = field(default_factory=set)
    generation: int = 0
    # The folders changed since the last load or save (a save writes only these); None: all.
    _changed: set[str] | None = field(default=None, repr=False, compare=False)
    _saved_pending: set[str] = field(default_factory=set, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path) -> Manifest | None:
        """The manifest at `path`; None when it is missing, damaged or of another format."""
        about = _about(path)
        if not about or about.get("format") not in _READABLE_FORMATS:
            return None
        manifest = cls(engine=about.get("engine", ""), generation=int(about.get("generation", 0)))
        try:
            with closing(_connect(path)) as connection:
                if about["format"] == str(FORMAT_VERSION):
                    for folder, files in connection.execute("SELECT path, files FROM folders"):
                        listing = json.loads(files)
                        if not isinstance(listing, dict):
                            raise ValueError(f"not a folder's files: {files[:40]!r}")
                        manifest.folders[_text(folder)] = listing
                    manifest._changed = set()
                else:
                    manifest._moved_on(connection)
                pending = _pending(connection)
        except (sqlite3.Error, ValueError):
            return None
        manifest.pending = {name for name in pending if manifest.stamp(name)}
        manifest._saved_pending = set(pending)
        return manifest

    def _moved_on(self, connection: sqlite3.Connection) -> None:
        """Read a manifest of format 15, a row a file; its next save writes it anew."""
        rows = connection.execute("SELECT path, mtime_ns, size, skipped_because FROM files")
        for name, mtime_ns, size, reason in rows:
            entry = (
                [int(mtime_ns), size] if reason is None else [int(mtime_ns), size, _text(reason)]
            )
            self._put(_text(name), entry)
        self._changed = None

    @staticmethod
    def generation_of(path: Path) -> int | None:
        about = _about(path)
        return int(about.get("generation", 0)) if about else None

    @staticmethod
    def is_current(path: Path, engine: str) -> bool:
        """Whether the manifest was written for this format of the index, by `engine`."""
        about = _about(path)
        if not about:
            return False
        return about.get("format") in _READABLE_FORMATS and about.get("engine") == engine

    @staticmethod
    def engine_of(path: Path) -> str | None:
        about = _about(path)
        return about.get("engine") if about else None

    # --- what it says of a file ------------------------------------------------------------------

    def listing(self, folder: str) -> dict[str, Entry]:
        """The files of one folder (empty when none): do not change it, record() does."""
        return self.folders.get(folder, {})

    def _entry(self, path: str) -> Entry | None:
        folder, name = os.path.split(path)
        return self.listing(folder).get(name)

    def stamp(self, path: str) -> Stamp | None:
        """The stat of an indexed file; None when it is not indexed."""
        entry = self._entry(path)
        return (entry[0], entry[1]) if entry and len(entry) == 2 else None

    def skipped_stamp(self, path: str) -> SkippedStamp | None:
        """The stat of a file skipped, and why; None when it is not skipped."""
        entry = self._entry(path)
        return (entry[0], entry[1], entry[2]) if entry and len(entry) == 3 else None

    def paths(self) -> Iterator[str]:
        """Every file indexed."""
        for folder, files in self.folders.items():
            within = os.path.join(folder, "")  # one join a folder: 100,000 joins took 0.1 s
            yield from (within + name for name, entry in files.items() if len(entry) == 2)

    def paths_in(self, folder: str) -> list[str]:
        """Every file of a folder, indexed or skipped."""
        within = os.path.join(folder, "")
        return [within + name for name in self.listing(folder)]

    def indexed_count(self) -> int:
        return sum(len(entry) == 2 for files in self.folders.values() for entry in files.values())

    # --- changing it ---------------------------------------------------------------------------

    def record(self, path: str, stamp: Stamp) -> None:
        """The file is indexed, as it was at `stamp`."""
        self._put(path, list(stamp))

    def record_skipped(self, path: str, stamp: Stamp, reason: str) -> None:
        self._put(path, [*stamp, reason])
        self.pending.discard(path)

    def forget(self, path: str) -> None:
        """The file is gone."""
        folder, name = os.path.split(path)
        files = self.folders.get(folder)
        if files is not None and files.pop(name, None) is not None:
            if not files:
                del self.folders[folder]
            self._touched(folder)
        self.pending.discard(path)

    def _put(self, path: str, entry: Entry) -> None:
        folder, name = os.path.split(path)
        self.folders.setdefault(folder, {})[name] = entry
        self._touched(folder)

    def _touched(self, folder: str) -> None:
        if self._changed is not None:
            self._changed.add(folder)

    # --- saving --------------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write what changed since the last load or save, in one transaction; a manifest that
        cannot be read is started again (it is newsreader's own, derived from the index)."""
        try:
            self._write(path)
        except sqlite3.DatabaseError:
            path.unlink(missing_ok=True)
            self._changed = None
            self._write(path)

    def _write(self, path: Path) -> None:
        with closing(_connect(path)) as connection:
            connection.executescript(_SCHEMA)
            connection.execute("BEGIN IMMEDIATE")
            try:
                pending_before = self._saved_pending
                changed = self._changed
                if changed is None:  # new, moved on from format 15, or replacing an unreadable one
                    connection.execute("DROP TABLE IF EXISTS files")
                    connection.execute("DELETE FROM folders")
                    connection.execute("DELETE FROM pending")
                    changed, pending_before = set(self.folders), set()
                connection.executemany(
                    "DELETE FROM folders WHERE path = ?",
                    [(_bytes(folder),) for folder in changed if folder not in self.folders],
                )
                connection.executemany(
                    "INSERT OR REPLACE INTO folders VALUES (?, ?)",
                    [
                        (_bytes(folder), json.dumps(self.folders[folder], separators=(",", ":")))
                        for folder in sorted(changed)
                        if folder in self.folders
                    ],
                )
                connection.executemany(
                    "DELETE FROM pending WHERE path = ?",
                    [(_bytes(name),) for name in pending_before - self.pending],
                )
                connection.executemany(
                    "INSERT OR REPLACE INTO pending VALUES (?)",
                    [(_bytes(name),) for name in self.pending - pending_before],
                )
                self.generation += 1
                connection.executemany(
                    "INSERT OR REPLACE INTO about VALUES (?, ?)",
                    [
                        ("format", str(FORMAT_VERSION)),
                        ("engine", self.engine),
                        ("generation", str(self.generation)),
                    ],
                )
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        self._changed = set()
        self._saved_pending = set(self.pending)


def _pending(connection: sqlite3.Connection) -> set[str]:
    """The files waiting for their analysis; a manifest written before there was any waiting has
    no such table, and none."""
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pending'"
    ).fetchone()
    if not has_table:
        return set()
    return {_text(row[0]) for row in connection.execute("SELECT path FROM pending")}


def built_by_another_engine(path: Path, engine: str) -> str | None:
    """The engine that built the index whose manifest is at `path`, when it is not `engine`:
    switching engines rebuilds the index."""
    made_by = Manifest.engine_of(path)
    return made_by if made_by not in (None, "", engine) else None
