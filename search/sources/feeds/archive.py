"""The user's own archive of fetched news: one Markdown file per entry, with its metadata as front
matter, under `$XDG_DATA_HOME/newsreader/feeds/<feed>/<yyyy>/<yyyy-mm-dd>-<slug>.md`.

The index, stories and state all derive from these files, as notmuch indexes a Maildir: deleting
the index loses nothing. Files are written whole or not at all (a temporary file, then a rename).
Each feed folder keeps `.entries.json`, which entry (by guid, else by link) lives in which file; a
file it does not list (written just before a crash) is found by its front matter, so an entry is
never stored twice.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from ...paths import archive_dir
from ...text.articles import front_matter, split_front_matter
from .formats import FeedEntry

__all__ = ["FeedFolder", "archive_dir", "entry_document", "write_atomically"]

ENTRIES_FILE = ".entries.json"
_TEMPORARY = re.compile(r"^\..*\.tmp$")


def slug(title: str, limit: int = 60) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    text = "-".join(words)[:limit].rstrip("-")
    return text or "entry"


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def entry_document(
    entry: FeedEntry, paragraphs: tuple[str, ...], feed_name: str, source: str
) -> str:
    """The entry's file: its metadata as front matter, then the text kept (the page's, the
    content, else the summary)."""
    fields = {
        "title": entry.title or "(untitled)",
        "source": source,
        "url": entry.link,
        "author": entry.author,
        "published": entry.published.isoformat() if entry.published else "",
        "updated": entry.updated.isoformat() if entry.updated else "",
        "feed": feed_name,
        "guid": entry.key,
        "categories": ", ".join(entry.categories),
    }
    body = "\n\n".join(paragraphs)
    return front_matter(fields) + "\n" + body + "\n"


class FeedFolder:
    """One feed's part of the archive (the caller holds the fetch lock: one writer at a time)."""

    def __init__(self, folder: Path, tidy: bool = False) -> None:
        """`tidy`: remove what a killed fetch left half-written (only under the fetch lock)."""
        self.folder = folder
        self.tidy = tidy
        self._entries_path = folder / ENTRIES_FILE
        self.by_key: dict[str, str] = {}  # entry key -> path relative to the folder
        self.by_link: dict[str, str] = {}
        self.digests: dict[str, str] = {}  # entry key -> digest of what the feed said of it
        self._load()

    def _files(self) -> Iterator[Path]:
        if not self.folder.is_dir():
            return
        for directory, _, names in os.walk(self.folder):
            for name in names:
                path = Path(directory) / name
                if _TEMPORARY.match(name):
                    if self.tidy:
                        path.unlink(missing_ok=True)  # left by a fetch that was killed
                elif name.endswith(".md"):
                    yield path

    def _load(self) -> None:
        try:
            data = json.loads(self._entries_path.read_text(encoding="utf-8"))
            self.by_key = {str(k): str(v) for k, v in data.get("keys", {}).items()}
            self.by_link = {str(k): str(v) for k, v in data.get("links", {}).items()}
            self.digests = {str(k): str(v) for k, v in data.get("digests", {}).items()}
        except (OSError, ValueError, AttributeError):
            self.by_key, self.by_link, self.digests = {}, {}, {}
        listed = set(self.by_key.values())
        for path in self._files():
            relative = path.relative_to(self.folder).as_posix()
            if relative not in listed:
                self._learn(path, relative)

    def _learn(self, path: Path, relative: str) -> None:
        """Remember an entry file the list does not know, by the guid and url it was written
        with."""
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                head = handle.read(8192)
        except OSError:
            return
        meta, _ = split_front_matter(head)
        if meta.get("guid"):
            self.by_key[meta["guid"]] = relative
        if meta.get("url"):
            self.by_link[meta["url"]] = relative

    def save(self) -> None:
        if self.by_key or self._entries_path.exists():
            data = {"keys": self.by_key, "links": self.by_link, "digests": self.digests}
            write_atomically(self._entries_path, json.dumps(data, ensure_ascii=False))

    def existing(self, entry: FeedEntry) -> Path | None:
        relative = self.by_key.get(entry.key) or (
            self.by_link.get(entry.link) if entry.link else None
        )
        return self.folder / relative if relative else None

    def _new_path(self, entry: FeedEntry, fetched: dt.datetime) -> Path:
        when = (entry.published or entry.updated or fetched).date()
        base = self.folder / f"{when.year:04d}" / f"{when.isoformat()}-{slug(entry.title)}"
        path, number = base.with_suffix(".md"), 1
        while path.exists():
            number += 1
            path = base.with_name(f"{base.name}-{number}.md")
        return path

    def store(self, entry: FeedEntry, text: str, digest: str, fetched: dt.datetime) -> str:
        """Write the entry's file: "new", or "updated" when it was stored before."""
        path = self.existing(entry)
        outcome = "updated" if path is not None and path.exists() else "new"
        if outcome == "new":
            path = self._new_path(entry, fetched)
        assert path is not None
        write_atomically(path, text)
        relative = path.relative_to(self.folder).as_posix()
        self.by_key[entry.key] = relative
        self.digests[entry.key] = digest
        if entry.link:
            self.by_link[entry.link] = relative
        return outcome

    def count(self) -> int:
        return len(set(self.by_key.values()))
