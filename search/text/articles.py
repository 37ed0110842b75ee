"""The article record, and how raw text becomes one: metadata, title, cleaned paragraphs."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from dateutil import parser as date_parser

from .cleaning import clean_paragraphs, split_paragraphs
from .safety import TITLE_LIMIT as STORED_TITLE_LIMIT
from .safety import path_text, safe_field, visible_text

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_META_KEYS = {
    "title": "title",
    "headline": "title",
    "source": "source",
    "publisher": "source",
    "outlet": "source",
    "publication": "source",
    "date": "published",
    "published": "published",
    "published_at": "published",
    "pubdate": "published",
    "publication_date": "published",
    "url": "url",
    "link": "url",
    "author": "author",
    "feed": "feed",
    "byline": "author",
    "authors": "author",
}
_COPYRIGHT_SOURCE = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<name>[^.,;|]{3,60}?)\.?\s*$", re.I
)
_TRAILING_SOURCE = re.compile(r"(?:^|\s)(?:--|—|–)\s*(?P<name>[A-Z][A-Za-z&.' ]{2,60})\s*$")
_LEADING_SOURCE = re.compile(r"^\((?P<name>[A-Z][A-Za-z&.' ]{1,40})\)\s")
# A front matter's date as feeds and static-site tools write it: read here, not by dateutil, which
# took a twentieth of indexing an article by its words.
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|\Z)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z“\"])")
TITLE_LIMIT = 90


@dataclass(frozen=True)
class Article:
    id: str  # its identity, which survives edits: for a file, its path
    content_hash: str  # changes when its text does
    path: str
    title: str
    paragraphs: tuple[str, ...]
    source: str | None = None
    published: dt.date | None = None
    url: str | None = None
    author: str | None = None
    feed: str | None = None  # the subscription it was fetched from

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def content_hash(path: str, content: str) -> str:
    digest = hashlib.sha256()
    digest.update(path.encode("utf-8", "surrogateescape"))
    digest.update(b"\0")
    digest.update(content.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def _parse_date(value: str) -> dt.date | None:
    if match := _ISO_DAY.match(value):
        try:
            return dt.date(*map(int, match.groups()))
        except ValueError:
            pass
    try:
        return date_parser.parse(value, default=dt.datetime(1900, 1, 1)).date()
    except (ValueError, OverflowError, TypeError):
        return None


def front_matter(fields: dict[str, str]) -> str:
    """`key: value` lines, each value one safe line; empty values are left out."""
    lines = [f"{key}: {safe_field(value, 2000)}" for key, value in fields.items() if value]
    return "---\n" + "\n".join(lines) + "\n---\n"


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """A leading `---` block of `key: value` lines, as written by static-site and feed tools."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group("body").splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[match.end() :]


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words) <= 25
        and len(line) <= 200
        and not re.search(r"[.,;:]$", line)
        and not line[:1].islower()
        and not line.startswith(("-", "•", "*", "("))
    )


def _short_title(paragraphs: list[str]) -> str:
    prose = next(
        (p for p in paragraphs if len(p.split()) >= 8), paragraphs[0] if paragraphs else ""
    )
    sentence = _SENTENCE_END.split(prose, maxsplit=1)[0].strip()
    if len(sentence) <= TITLE_LIMIT:
        return sentence.rstrip(".")
    cut = sentence[:TITLE_LIMIT].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut + "…"


def _infer_source(paragraphs: list[str]) -> str | None:
    for paragraph in reversed(paragraphs[-3:]):
        for pattern in (_COPYRIGHT_SOURCE, _TRAILING_SOURCE):
            match = pattern.search(paragraph)
            if match:
                name = match.group("name").strip()
                return name.title() if name.isupper() and len(name) > 6 else name
    for paragraph in paragraphs[:3]:
        match = _LEADING_SOURCE.match(paragraph)
        if match:
            return match.group("name")
    return None


def parse_article(path: str, text: str) -> Article:
    meta_raw, content = split_front_matter(text)
    # Every field from the file passes the safe-text function here, where the record is made.
    meta: dict[str, str] = {}
    for key, value in meta_raw.items():
        if key in _META_KEYS:
            meta.setdefault(_META_KEYS[key], safe_field(value))
    raw_paragraphs = [visible_text(p) for p in split_paragraphs(content)]
    title = meta.get("title")
    if not title and raw_paragraphs and _is_headline(raw_paragraphs[0]):
        title = raw_paragraphs[0]
        raw_paragraphs = raw_paragraphs[1:]
    cleaned = clean_paragraphs(raw_paragraphs)
    paragraphs = list(cleaned.paragraphs)
    if not title:
        title = _short_title(paragraphs) or "(untitled)"
    published = _parse_date(meta["published"]) if meta.get("published") else None
    return Article(
        id=path_text(path),
        content_hash=content_hash(path, text),
        path=path,
        title=safe_field(title, STORED_TITLE_LIMIT),
        paragraphs=tuple(paragraphs),
        source=meta.get("source") or safe_field(_infer_source(raw_paragraphs) or "") or None,
        published=published,
        url=meta.get("url"),
        author=meta.get("author"),
        feed=meta.get("feed"),
    )
