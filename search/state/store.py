"""What the reader keeps of each article: read or not, starred, its tags and where reading stopped.

SQLite in WAL mode at `$XDG_DATA_HOME/newsreader/state.sqlite`, keyed by the article's stable
identity (for a file, its path), so editing a file keeps its state. Every change is a row of its
own in a transaction of its own: two readers running at once never lose each other's marks, as
two rewrites of one JSON file did. A damaged file is moved aside with a notice and the reader starts
afresh; nothing the user had is overwritten.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ..paths import data_dir

SCHEMA = """
CREATE TABLE IF NOT EXISTS article (
    id TEXT PRIMARY KEY,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    position INTEGER,
    changed REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS tag (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (id, name)
);
CREATE INDEX IF NOT EXISTS tag_name ON tag (name);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS story_pair (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    together INTEGER NOT NULL,
    PRIMARY KEY (a, b)
);
"""
BUSY_SECONDS = 10.0  # how long a write waits for another process's transaction
MAX_TAG_CHARS = 60


class StateStore:
    """Read, starred, tags and reading positions; a store that cannot be used never stops the
    reader: its problem is in `notices`, and the state is kept in memory for the session."""

    def __init__(self, path: Path | None = None, busy_seconds: float = BUSY_SECONDS) -> None:
        self.path = path or data_dir() / "state.sqlite"
        self.busy_seconds = busy_seconds
        self.notices: list[str] = []
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None

    # --- opening ---------------------------------------------------------------------------

    def _connect(self, path: str) -> sqlite3.Connection:
        connection = sqlite3.connect(
            path, timeout=self.busy_seconds, check_same_thread=False, isolation_level=None
        )
        # Turning a new file to WAL takes a lock SQLite does not wait for: another process
        # creating the file at the same moment makes it fail at once, so wait here.
        deadline = time.monotonic() + self.busy_seconds
        while True:
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                break
            except sqlite3.OperationalError:
                if time.monotonic() > deadline:
                    connection.close()
                    raise
                time.sleep(0.02)
        connection.execute("PRAGMA synchronous=NORMAL")
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            connection.close()
            raise sqlite3.DatabaseError("the file failed SQLite's check")
        connection.executescript(SCHEMA)
        return connection

    def _open(self) -> sqlite3.Connection:
        if self._connection is not None:
            return self._connection
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = self._connect(str(self.path))
        except sqlite3.OperationalError as error:  # locked, read-only, unreachable: not damage
            self.notices.append(
                f"The reading state cannot be used at {self.path} ({error}); "
                "marks last until you quit."
            )
            self._connection = self._connect(":memory:")
        except sqlite3.DatabaseError as error:
            self._set_aside(error)
        except (OSError, sqlite3.Error) as error:
            self.notices.append(
                f"The reading state cannot be kept at {self.path} ({error}); "
                "marks last until you quit."
            )
            self._connection = self._connect(":memory:")
        self._import_read_json()
        assert self._connection is not None
        return self._connection

    def _set_aside(self, error: Exception) -> None:
        """A damaged state file is kept, renamed, for whoever wants it; the reader starts anew."""
        aside = self.path.with_name(f"{self.path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self.notices.append(
                f"The reading state was damaged ({error}); it was moved to {aside.name} "
                "and reading starts afresh."
            )
            self._connection = self._connect(str(self.path))
        except (OSError, sqlite3.Error) as again:
            self.notices.append(
                f"The reading state is damaged and cannot be replaced ({again}); "
                "marks last until you quit."
            )
            self._connection = self._connect(":memory:")

    def _import_read_json(self) -> None:
        """The read marks of older newsreaders (read.json), taken in once."""
        legacy = self.path.with_name("read.json")
        if self._meta("read_json_imported") or not legacy.exists():
            return
        try:
            ids = [str(i) for i in json.loads(legacy.read_text(encoding="utf-8")).get("read", [])]
        except (OSError, ValueError, AttributeError, TypeError, RecursionError) as error:
            self.notices.append(f"read.json could not be read ({error}); it was left as it is")
            ids = []
        self.mark_read(ids, True)
        self._set_meta("read_json_imported", "1")

    def _write(self, work: Callable[[sqlite3.Connection], object]) -> None:
        """Run `work` in a transaction of its own; a store another process keeps locked past the
        wait loses this one change, with a notice, and the reader goes on."""
        connection = self._open()
        with self._lock:
            try:
                connection.execute("BEGIN IMMEDIATE")
                work(connection)
                connection.execute("COMMIT")
            except sqlite3.OperationalError as error:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                self.notices.append(f"A reading mark could not be saved ({error})")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise

    def _query(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        connection = self._open()
        with self._lock:
            try:
                return connection.execute(sql, parameters).fetchall()
            except sqlite3.OperationalError as error:
                self.notices.append(f"The reading state could not be read ({error})")
                return []

    def _meta(self, key: str) -> str | None:
        rows = self._query("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def _set_meta(self, key: str, value: str) -> None:
        self._write(lambda c: c.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value)))

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    # --- read and starred ------------------------------------------------------------------

    def _set(self, column: str, ids: Iterable[str], value: int) -> None:
        rows = [(article_id, value, time.time()) for article_id in ids]
        sql = (
            f"INSERT INTO article (id, {column}, changed) VALUES (?, ?, ?) "
            f"ON CONFLICT (id) DO UPDATE SET {column} = excluded.{column}, "
            "changed = excluded.changed"
        )
        self._write(lambda c: c.executemany(sql, rows))

    def mark_read(self, ids: Iterable[str], read: bool = True) -> None:
        self._set("read", ids, int(read))

    def set_starred(self, article_id: str, starred: bool) -> None:
        self._set("starred", [article_id], int(starred))

    def read_ids(self) -> set[str]:
        return {row[0] for row in self._query("SELECT id FROM article WHERE read = 1")}

    def starred_ids(self) -> set[str]:
        return {row[0] for row in self._query("SELECT id FROM article WHERE starred = 1")}

    # --- tags ------------------------------------------------------------------------------

    def tags_of(self, article_id: str) -> list[str]:
        rows = self._query("SELECT name FROM tag WHERE id = ? ORDER BY name", (article_id,))
        return [row[0] for row in rows]

    def add_tag(self, article_id: str, name: str) -> str:
        """Tag an article; returns the tag as kept (trimmed, one line, at most 60 characters)."""
        name = " ".join(name.split())[:MAX_TAG_CHARS]
        if name:
            self._write(
                lambda c: c.execute("INSERT OR IGNORE INTO tag VALUES (?, ?)", (article_id, name))
            )
        return name

    def remove_tag(self, article_id: str, name: str) -> None:
        self._write(
            lambda c: c.execute("DELETE FROM tag WHERE id = ? AND name = ?", (article_id, name))
        )

    def tags(self) -> list[tuple[str, int]]:
        """Every tag with the number of articles it marks, most used first."""
        rows = self._query("SELECT name, COUNT(*) FROM tag GROUP BY name ORDER BY 2 DESC, 1")
        return [(row[0], row[1]) for row in rows]

    def tagged_article_ids(self) -> set[str]:
        """Every article that has at least one tag."""
        return {row[0] for row in self._query("SELECT DISTINCT id FROM tag")}

    def tagged_ids(self, name: str) -> set[str]:
        return {row[0] for row in self._query("SELECT id FROM tag WHERE name = ?", (name,))}

    # --- reading position ------------------------------------------------------------------

    def position(self, article_id: str) -> int | None:
        rows = self._query("SELECT position FROM article WHERE id = ?", (article_id,))
        return rows[0][0] if rows and rows[0][0] is not None else None

    def set_position(self, article_id: str, line: int) -> None:
        self._set("position", [article_id], max(0, line))

    # --- the reader's word on stories ------------------------------------------------------

    def decide_stories(self, pairs: Iterable[tuple[str, str]], together: bool) -> None:
        """Pairs of articles that are one story (`together`) or not: the last word counts."""
        rows = [(*sorted(pair), int(together)) for pair in pairs if pair[0] != pair[1]]
        self._write(
            lambda c: c.executemany("INSERT OR REPLACE INTO story_pair VALUES (?, ?, ?)", rows)
        )

    def story_pairs(self) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
        """The pairs said to be apart, and the pairs said to be together."""
        apart: set[frozenset[str]] = set()
        together: set[frozenset[str]] = set()
        for a, b, joined in self._query("SELECT a, b, together FROM story_pair"):
            (together if joined else apart).add(frozenset((a, b)))
        return apart, together

    # --- backup ----------------------------------------------------------------------------

    def export(self) -> dict[str, object]:
        articles = self._query("SELECT id, read, starred, position FROM article ORDER BY id")
        tags = self._query("SELECT id, name FROM tag ORDER BY id, name")
        return {
            "version": 1,
            "articles": [
                {"id": i, "read": bool(r), "starred": bool(s), "position": p}
                for i, r, s, p in articles
            ],
            "tags": [{"id": i, "tag": name} for i, name in tags],
        }

    def import_(self, data: dict) -> int:
        """Take in an export: marks are added to what is here, never removed. Returns how many
        articles it named."""
        articles = [a for a in data.get("articles", []) if isinstance(a, dict) and "id" in a]
        self.mark_read((str(a["id"]) for a in articles if a.get("read")), True)
        for article in articles:
            if article.get("starred"):
                self.set_starred(str(article["id"]), True)
            if isinstance(article.get("position"), int):
                self.set_position(str(article["id"]), article["position"])
        for tag in data.get("tags", []):
            if isinstance(tag, dict) and "id" in tag and isinstance(tag.get("tag"), str):
                self.add_tag(str(tag["id"]), tag["tag"])
        return len(articles)
