"""The manifest beside an index: the stat (mtime, size) of every file indexed or skipped, the
format of the index and the engine that built it.

It is SQLite, not JSON: a large archive's manifest (100,000 files) was 7.8 MB of JSON, parsed at
every catch-up and rewritten whole at each of a first index's commits. Here it loads in one query,
and each commit writes only the rows that changed. A `generation`, counted up at every save, tells
a process whether another one saved since it loaded.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

# The index format. 14: each article keeps the terms grouping into stories reads; 15: the manifest
# moved to SQLite.
FORMAT_VERSION = 15

_SCHEMA = """
CREATE TABLE IF NOT EXISTS about (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path BLOB PRIMARY KEY,
    mtime_ns TEXT NOT NULL,  -- a file dated in the year 33658 has more than 64 bits of them
    size INTEGER NOT NULL,
    skipped_because BLOB  -- NULL: indexed
);
-- Files indexed by their words only, whose dates and people are still to come (indexing.py).
CREATE TABLE IF NOT EXISTS pending (path BLOB PRIMARY KEY);
"""

Stamp = tuple[int, int]
SkippedStamp = tuple[int, int, str]


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=10, isolation_level=None)


# Paths and reasons are kept as bytes: a file name that is not valid UTF-8 (a str with surrogate
# escapes) cannot be bound as SQLite text, and must come back exactly as it was.
def _bytes(text: str | None) -> bytes | None:
    return None if text is None else text.encode("utf-8", "surrogateescape")


def _text(data: bytes | None) -> str | None:
    return None if data is None else bytes(data).decode("utf-8", "surrogateescape")


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
    files: dict[str, Stamp] = field(default_factory=dict)
    skipped: dict[str, SkippedStamp] = field(default_factory=dict)
    # Files indexed by their words, not analysed yet (a subset of `files`).
    pending: set[str] = field(default_factory=set)
    generation: int = 0
    # What the file holds since the last load or save: a save writes only the difference.
    _saved: dict[str, tuple[int, int, str | None]] | None = field(
        default=None, repr=False, compare=False
    )
    _saved_pending: set[str] = field(default_factory=set, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path) -> Manifest | None:
        """The manifest at `path`; None when it is missing, damaged or of another format."""
        about = _about(path)
        if not about or about.get("format") != str(FORMAT_VERSION):
            return None
        try:
            with closing(_connect(path)) as connection:
                rows = connection.execute(
                    "SELECT path, mtime_ns, size, skipped_because FROM files"
                ).fetchall()
                pending = _pending(connection)
        except sqlite3.Error:
            return None
        manifest = cls(engine=about.get("engine", ""), generation=int(about.get("generation", 0)))
        saved: dict[str, tuple[int, int, str | None]] = {}
        for raw_name, mtime_ns, size, raw_reason in rows:
            name, reason = str(_text(raw_name)), _text(raw_reason)
            stamp = (int(mtime_ns), size)
            saved[name] = (*stamp, reason)
            if reason is None:
                manifest.files[name] = stamp
            else:
                manifest.skipped[name] = (*stamp, reason)
        manifest._saved = saved
        manifest.pending = pending & manifest.files.keys()
        manifest._saved_pending = set(pending)
        return manifest

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
        return (about.get("format"), about.get("engine")) == (str(FORMAT_VERSION), engine)

    @staticmethod
    def engine_of(path: Path) -> str | None:
        about = _about(path)
        return about.get("engine") if about else None

    def _rows(self) -> dict[str, tuple[int, int, str | None]]:
        rows: dict[str, tuple[int, int, str | None]] = {
            name: (m, s, None) for name, (m, s) in self.files.items()
        }
        rows.update(self.skipped)
        return rows

    def save(self, path: Path) -> None:
        """Write what changed since the last load or save, in one transaction; a manifest that
        cannot be read is started again (it is newsreader's own, derived from the index)."""
        try:
            self._write(path)
        except sqlite3.DatabaseError:
            path.unlink(missing_ok=True)
            self._saved = None
            self._write(path)

    def _write(self, path: Path) -> None:
        rows = self._rows()
        saved = self._saved
        with closing(_connect(path)) as connection:
            connection.executescript(_SCHEMA)
            connection.execute("BEGIN IMMEDIATE")
            try:
                pending_before = self._saved_pending
                if saved is None:  # a new manifest, or one that replaces an unreadable one
                    connection.execute("DELETE FROM files")
                    connection.execute("DELETE FROM pending")
                    changed, gone, pending_before = rows, [], set()
                else:
                    changed = {k: v for k, v in rows.items() if saved.get(k) != v}
                    gone = [k for k in saved if k not in rows]
                connection.executemany(
                    "DELETE FROM files WHERE path = ?", [(_bytes(name),) for name in gone]
                )
                connection.executemany(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                    [(_bytes(name), str(m), s, _bytes(r)) for name, (m, s, r) in changed.items()],
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
        self._saved = rows
        self._saved_pending = set(self.pending)


def _pending(connection: sqlite3.Connection) -> set[str]:
    """The files waiting for their analysis; a manifest written before there was any waiting has
    no such table, and none."""
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pending'"
    ).fetchone()
    if not has_table:
        return set()
    return {str(_text(row[0])) for row in connection.execute("SELECT path FROM pending")}


def built_by_another_engine(path: Path, engine: str) -> str | None:
    """The engine that built the index whose manifest is at `path`, when it is not `engine`:
    switching engines rebuilds the index."""
    made_by = Manifest.engine_of(path)
    return made_by if made_by not in (None, "", engine) else None
