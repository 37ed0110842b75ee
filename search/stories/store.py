"""Which story each indexed article belongs to, with the features grouping reads and the corpus
statistics newcomers are weighed by, beside the index (`stories.sqlite` in its folder). Derived
data: when the file cannot be used it is started again and the stories are grouped afresh; nothing
the reader decided lives here (that is the state store's)."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import StorySummary
from .features import StoryFeatures
from .grouping import CorpusStatistics
from .statistics import Listed

FILE_NAME = "stories.sqlite"
FORMAT_VERSION = "3"
IN_CHUNK = 500  # values in one IN (...)
BUSY_SECONDS = 10.0  # how long to wait while the indexing process writes
SCHEMA = """
CREATE TABLE IF NOT EXISTS article (
    id TEXT PRIMARY KEY,
    story TEXT,
    day INTEGER NOT NULL,
    published INTEGER NOT NULL,
    dated INTEGER NOT NULL,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    terms TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS article_story ON article (story);
CREATE INDEX IF NOT EXISTS article_day ON article (day);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS term (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL,
    total REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS listing (term TEXT PRIMARY KEY, ids TEXT NOT NULL) WITHOUT ROWID;
"""


class StoryStore:
    def __init__(self, folder: Path | None) -> None:
        """`folder` None keeps the stories in memory (an index that has no place on disk)."""
        self.path = folder / FILE_NAME if folder else None
        self._connection: sqlite3.Connection | None = None
        self._opened_identity: tuple[int, int] | None = None
        self._lock = threading.Lock()

    def _db(self) -> sqlite3.Connection:
        # The indexing process starts the file again when it rebuilds the index: a connection to
        # the file this one had open would go on reading the old, deleted one. The old connection
        # is dropped, not closed: another thread (a search listing stories while grouping runs)
        # may be reading through it, and it closes when the last one lets it go.
        with self._lock:
            if self._connection is not None and self._identity() != self._opened_identity:
                self._connection = None
            if self._connection is None:
                self._connection = self._open()
                self._opened_identity = self._identity()
            return self._connection

    def _identity(self) -> tuple[int, int] | None:
        if self.path is None:
            return None
        try:
            stat = os.stat(self.path)
        except OSError:
            return None
        return stat.st_dev, stat.st_ino

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._prepared(sqlite3.connect(":memory:", check_same_thread=False))
        try:
            connection = self._prepared(
                sqlite3.connect(self.path, timeout=BUSY_SECONDS, check_same_thread=False)
            )
            version = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
            # No version yet: another process (the indexer) is creating it at this moment.
            if version is None or version[0] == FORMAT_VERSION:
                return connection
            connection.close()
        except sqlite3.DatabaseError:
            pass
        # Another version, or damaged: derived data, so start again (grouping refills it).
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)
        return self._prepared(
            sqlite3.connect(self.path, timeout=BUSY_SECONDS, check_same_thread=False)
        )

    @staticmethod
    def _prepared(connection: sqlite3.Connection) -> sqlite3.Connection:
        connection.executescript(SCHEMA)
        connection.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (FORMAT_VERSION,))
        connection.commit()
        return connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def new_names(self, count: int) -> list[str]:
        """Names for new stories: numbers, in the order the stories began, never used twice (a
        story keeps its number while its first article stays in it)."""
        with self._db() as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'next_story'").fetchone()
            first = int(row[0]) if row else 1
            db.execute(
                "INSERT OR REPLACE INTO meta VALUES ('next_story', ?)", (str(first + count),)
            )
        return [str(number) for number in range(first, first + count)]

    def is_empty(self) -> bool:
        return self._db().execute("SELECT 1 FROM article LIMIT 1").fetchone() is None

    def known_ids(self) -> set[str]:
        return {row[0] for row in self._db().execute("SELECT id FROM article")}

    def add(self, features: Iterable[StoryFeatures]) -> None:
        rows = (
            (
                item.article_id,
                item.day.toordinal(),
                int(item.published),
                int(item.dated),
                item.source,
                item.title,
                json.dumps(item.terms, separators=(",", ":")),
            )
            for item in features
        )
        with self._db() as db:
            db.executemany(
                "INSERT OR REPLACE INTO article"
                " (id, story, day, published, dated, source, title, terms)"
                " VALUES (?, NULL, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    def remove(self, ids: Iterable[str]) -> None:
        with self._db() as db:
            db.executemany("DELETE FROM article WHERE id = ?", [(i,) for i in ids])

    def features(self) -> Iterator[StoryFeatures]:
        """Every article's features, one at a time: an archive's features at once take a
        gigabyte."""
        rows = self._db().execute(
            "SELECT id, terms, day, published, dated, source, title FROM article ORDER BY id"
        )
        return (_features(row) for row in rows)

    def features_of(self, ids: list[str]) -> list[StoryFeatures]:
        sql = "SELECT id, terms, day, published, dated, source, title FROM article WHERE id IN ({})"
        return sorted(map(_features, self._rows_where_in(sql, ids)), key=lambda f: f.article_id)

    # --- the statistics newcomers are weighed by (statistics.py) ---------------------------------

    def statistics_count(self) -> int | None:
        """How many articles the statistics count; None when no grouping wrote them."""
        row = self._db().execute("SELECT value FROM meta WHERE key = 'weighed'").fetchone()
        return int(row[0]) if row else None

    def save_statistics(self, statistics: CorpusStatistics) -> None:
        """The statistics of a grouping, in place of any before. Articles are listed by term, one
        row a term: a row per article and term took twice the time and room."""
        listing: dict[str, list[str]] = {}
        for term, article_id in statistics.leading:
            listing.setdefault(term, []).append(article_id)
        with self._db() as db:
            db.execute("DELETE FROM term")
            db.execute("DELETE FROM listing")
            db.executemany("INSERT INTO term VALUES (?, ?, ?)", sorted(statistics.terms))
            db.executemany(
                "INSERT INTO listing VALUES (?, ?)",
                ((term, _ids_text(ids)) for term, ids in sorted(listing.items())),
            )
            count = str(statistics.count)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('weighed', ?)", (count,))

    def term_statistics(self, terms: Iterable[str]) -> dict[str, tuple[int, float]]:
        sql = "SELECT term, df, total FROM term WHERE term IN ({})"
        rows = self._rows_where_in(sql, list(terms))
        return {term: (df, total) for term, df, total in rows}

    def _listings(self, terms: Iterable[str]) -> dict[str, list[str]]:
        rows = self._rows_where_in("SELECT term, ids FROM listing WHERE term IN ({})", list(terms))
        return {term: json.loads(ids) for term, ids in rows}

    def listed_under(self, terms: list[str]) -> dict[str, list[Listed]]:
        """The articles listed under each of these terms, with their days."""
        listings = self._listings(terms)
        when = {
            article_id: (day, bool(published))
            for article_id, day, published in self._rows_where_in(
                "SELECT id, day, published FROM article WHERE id IN ({})",
                sorted({a for ids in listings.values() for a in ids}),
            )
        }
        return {
            term: [Listed(a, *when[a]) for a in ids if a in when] for term, ids in listings.items()
        }

    def change_statistics(
        self,
        count: int,
        terms: dict[str, tuple[int, float]],
        listed: list[tuple[str, str]],
        unlisted: list[tuple[str, str]],
    ) -> None:
        """Set the count and these terms' statistics (a term no article has any more goes), and
        list articles under terms or take them off (term, article id)."""
        with self._db() as db:
            db.executemany(
                "INSERT OR REPLACE INTO term VALUES (?, ?, ?)",
                [(t, df, total) for t, (df, total) in terms.items() if df > 0],
            )
            gone = [(t,) for t, (df, _) in terms.items() if df <= 0]
            db.executemany("DELETE FROM term WHERE term = ?", gone)
            # Taken off and appended as text, in SQLite: a common term lists thousands of articles,
            # and reading its list to change one article and writing it back was most of the time
            # of placing a newcomer or taking one out. An id is written as JSON, quotes included,
            # so ',"id"' is that id and no other's.
            taken_off = [(json.dumps(article_id), term) for term, article_id in unlisted]
            db.executemany(
                "DELETE FROM listing WHERE ids = '[' || ? || ']' AND term = ?", taken_off
            )
            db.executemany(
                "UPDATE listing SET ids = CASE"
                " WHEN substr(ids, 1, length(?1) + 2) = '[' || ?1 || ','"
                " THEN '[' || substr(ids, length(?1) + 3)"
                " ELSE replace(ids, ',' || ?1, '') END"
                " WHERE term = ?2",
                taken_off,
            )
            for term, article_id in listed:
                item = json.dumps(article_id)
                db.execute(
                    "UPDATE listing SET ids = substr(ids, 1, length(ids) - 1) || ',' || ? || ']'"
                    " WHERE term = ?",
                    (item, term),
                )
                db.execute("INSERT OR IGNORE INTO listing VALUES (?, ?)", (term, f"[{item}]"))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('weighed', ?)", (str(count),))

    def days(self) -> dict[str, int]:
        """Each article's day, as a day number."""
        return dict(self._db().execute("SELECT id, day FROM article").fetchall())

    def _rows_where_in(self, sql: str, values: list[str]) -> list[tuple]:
        """`sql` run with its `IN ({})` filled by `values`, a chunk at a time (SQLite bounds the
        number of parameters of one statement)."""
        db = self._db()
        rows: list[tuple] = []
        for start in range(0, len(values), IN_CHUNK):
            chunk = values[start : start + IN_CHUNK]
            rows += db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
        return rows

    def story_of(self) -> dict[str, str]:
        rows = self._db().execute("SELECT id, story FROM article WHERE story IS NOT NULL")
        return dict(rows.fetchall())

    def without_story(self) -> list[str]:
        """The articles no grouping has placed yet."""
        rows = self._db().execute("SELECT id FROM article WHERE story IS NULL ORDER BY id")
        return [row[0] for row in rows]

    def set_stories(self, story_of: dict[str, str]) -> None:
        with self._db() as db:
            db.executemany(
                "UPDATE article SET story = ? WHERE id = ?",
                [(story, article_id) for article_id, story in story_of.items()],
            )

    def story(self, article_id: str) -> str | None:
        row = self._db().execute("SELECT story FROM article WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def story_of_some(self, ids: list[str]) -> dict[str, str]:
        rows = self._rows_where_in(
            "SELECT id, story FROM article WHERE story IS NOT NULL AND id IN ({})", ids
        )
        return dict(rows)

    def members(self, story: str) -> list[str]:
        rows = self._db().execute(
            "SELECT id FROM article WHERE story = ? ORDER BY day, id", (story,)
        )
        return [row[0] for row in rows]

    def summaries(self, article_ids: list[str]) -> dict[str, StorySummary]:
        """The story of each of these articles that has more than one article."""
        story_of: dict[str, str] = dict(
            self._rows_where_in(
                "SELECT id, story FROM article WHERE story IS NOT NULL AND id IN ({})", article_ids
            )
        )
        members: dict[str, list[tuple[str, int, str, str, int]]] = {}
        found = self._rows_where_in(
            "SELECT story, id, day, source, title, dated FROM article WHERE story IN ({})",
            sorted(set(story_of.values())),
        )
        found.sort(key=lambda row: (row[2], row[1]))  # earliest first
        for story, article_id, day, source, title, dated in found:
            members.setdefault(story, []).append((article_id, day, source, title, dated))
        summaries = {
            story: StorySummary(
                story,
                tuple(m[0] for m in rows),
                rows[0][3],
                tuple(dict.fromkeys(m[2] for m in rows if m[2])),
                max((dt.date.fromordinal(m[1]) for m in rows if m[4]), default=None),
            )
            for story, rows in members.items()
            if len(rows) > 1
        }
        return {a: summaries[s] for a, s in story_of.items() if s in summaries}

    def stories(self) -> list[list[str]]:
        """Every story, singletons included, each as its articles' ids, earliest first."""
        grouped: dict[str, list[str]] = {}
        for article_id, story in self._db().execute(
            "SELECT id, story FROM article ORDER BY day, id"
        ):
            grouped.setdefault(story or article_id, []).append(article_id)
        return list(grouped.values())


def _ids_text(ids: list[str]) -> str:
    return json.dumps(ids, separators=(",", ":"))


def _features(row: tuple) -> StoryFeatures:
    article_id, terms, day, published, dated, source, title = row
    return StoryFeatures(
        article_id,
        json.loads(terms),
        dt.date.fromordinal(day),
        bool(published),
        bool(dated),
        source,
        title,
    )
