"""RSS 0.9x, 1.0 and 2.0, Atom 1.0 and JSON Feed 1.1, read into one kind of record.

Parsed on lxml with entities never expanded and nothing loaded from a DTD or the network (no XXE,
no billion laughs), and leniently (`recover`), as feeds in the wild need. Nothing here runs a
regular expression over a whole feed, so a hostile field costs what its length costs: the author
ReDoS of feedparser (kurtmckee/feedparser#562) has no counterpart. Every string passes the
safe-text functions where the record is made.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from dateutil import parser as date_parser
from lxml import etree

from ...text.html import html_paragraphs
from ...text.safety import safe_field, visible_text
from ..errors import SourceError

ATOM = "http://www.w3.org/2005/Atom"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
MAX_FIELD_CHARS = 2_000_000  # of one entry's content, before it is cleaned


class NotAFeed(SourceError):
    """The document is no feed newsreader can read; the message says what it is, for the user."""


@dataclass(frozen=True)
class FeedEntry:
    key: str  # what identifies the entry across fetches: its guid, else its link
    guid: str
    link: str
    title: str
    published: dt.datetime | None
    updated: dt.datetime | None
    author: str
    summary: tuple[str, ...]  # paragraphs of plain text
    content: tuple[str, ...]
    categories: tuple[str, ...]

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return self.content or self.summary


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    link: str  # the site the feed belongs to
    entries: tuple[FeedEntry, ...]


def parse_when(text: str | None) -> dt.datetime | None:
    """A feed's date: RFC 822 (RSS), ISO 8601 (Atom, JSON Feed), or what dateutil can read."""
    if not text or not text.strip():
        return None
    text = text.strip()[:100]
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return date_parser.isoparse(text)
    except (ValueError, OverflowError):
        pass
    try:
        return date_parser.parse(text)
    except (ValueError, OverflowError, TypeError):
        return None


def _paragraphs(markup: str | None) -> tuple[str, ...]:
    if not markup:
        return ()
    return tuple(visible_text(p) for p in html_paragraphs(markup[:MAX_FIELD_CHARS]))


def _entry(
    base: str,
    guid: str,
    link: str,
    title: str,
    published: str | None,
    updated: str | None,
    author: str,
    summary: str | None,
    content: str | None,
    categories: list[str],
) -> FeedEntry:
    link = urljoin(base, link.strip()) if link.strip() else ""
    guid = guid.strip()
    title_text = " ".join(html_paragraphs(title)) if title else ""
    when, changed = parse_when(published), parse_when(updated)
    key = guid or link or hashlib.sha256(f"{title_text}\0{published}".encode()).hexdigest()[:16]
    return FeedEntry(
        key=safe_field(key),
        guid=safe_field(guid),
        link=safe_field(link),
        title=safe_field(title_text),
        published=when or changed,
        updated=changed,
        author=safe_field(author),
        summary=_paragraphs(summary),
        content=_paragraphs(content),
        categories=tuple(safe_field(c, 100) for c in categories if c and c.strip()),
    )


def _xml_root(data: bytes) -> etree._Element:
    """Valid UTF-8 is read as UTF-8 whatever the declaration says (a feed declaring ISO-8859-1 and
    sending UTF-8 is common); other bytes as the declared encoding, else Windows-1252."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        declared = re.search(rb'encoding=["\']([A-Za-z0-9._-]+)', data[:200])
        try:
            text = data.decode(declared.group(1).decode() if declared else "cp1252")
        except (LookupError, UnicodeDecodeError):
            text = data.decode("cp1252", errors="replace")
    text = _XML_DECLARATION.sub("", text, count=1)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        xml = visible_text(text.replace("\r\n", "\n").replace("\r", "\n"))
        root = etree.fromstring(xml.encode("utf-8"), parser)
    except etree.XMLSyntaxError as error:
        raise NotAFeed(f"not XML ({error})") from None
    if root is None:
        raise NotAFeed("not XML")
    return root


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _text(element: etree._Element | None) -> str:
    """The text of an element, its markup kept as markup (an Atom xhtml div serialised)."""
    if element is None:
        return ""
    if element.get("type") == "xhtml":
        return "".join(etree.tostring(child, encoding="unicode") for child in element)
    return "".join(element.itertext())


def _child(element: etree._Element, name: str, namespace: str | None = None):
    for child in element:
        if _local(child) == name and (
            namespace is None or etree.QName(child).namespace == namespace
        ):
            return child
    return None


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child) == name]


def _atom(root: etree._Element, url: str) -> ParsedFeed:
    base = root.base or url
    entries = []
    for item in _children(root, "entry"):
        links = _children(item, "link")
        link = next(
            (lk.get("href", "") for lk in links if lk.get("rel", "alternate") == "alternate"),
            links[0].get("href", "") if links else "",
        )
        author = _child(item, "author")
        entries.append(
            _entry(
                item.base or base,
                _text(_child(item, "id")),
                link,
                _text(_child(item, "title")),
                _text(_child(item, "published")) or None,
                _text(_child(item, "updated")) or None,
                _text(_child(author, "name")) if author is not None else "",
                _text(_child(item, "summary")) or None,
                _text(_child(item, "content")) or None,
                [c.get("term", "") for c in _children(item, "category")],
            )
        )
    site = next(
        (
            lk.get("href", "")
            for lk in _children(root, "link")
            if lk.get("rel", "alternate") == "alternate"
        ),
        "",
    )
    return ParsedFeed(
        safe_field(_text(_child(root, "title"))), safe_field(urljoin(base, site)), tuple(entries)
    )


def _rss(root: etree._Element, url: str) -> ParsedFeed:
    channel = _child(root, "channel")
    container = channel if channel is not None else root
    # RSS 0.9x and 2.0 nest items in the channel; RSS 1.0 (RDF) puts them beside it.
    items = _children(container, "item") or _children(root, "item")
    base = url
    entries = []
    for item in items:
        guid = _text(_child(item, "guid")) or (item.get(f"{{{RDF}}}about") or "")
        author = _text(_child(item, "author")) or _text(_child(item, "creator", DC))
        entries.append(
            _entry(
                base,
                guid,
                _text(_child(item, "link")),
                _text(_child(item, "title")),
                _text(_child(item, "pubDate")) or _text(_child(item, "date", DC)) or None,
                _text(_child(item, "updated")) or None,
                author,
                _text(_child(item, "description")) or None,
                _text(_child(item, "encoded", CONTENT)) or None,
                [_text(c) for c in _children(item, "category")]
                + [_text(c) for c in _children(item, "subject")],
            )
        )
    title = _text(_child(channel, "title")) if channel is not None else ""
    site = _text(_child(channel, "link")) if channel is not None else ""
    return ParsedFeed(safe_field(title), safe_field(urljoin(url, site.strip())), tuple(entries))


def _json_feed(data: bytes, url: str) -> ParsedFeed:
    try:
        feed = json.loads(data.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError) as error:
        raise NotAFeed(f"not JSON ({error})") from None
    if not isinstance(feed, dict) or not str(feed.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise NotAFeed("JSON, but not a JSON Feed")
    base = url or str(feed.get("home_page_url") or "")
    entries = []
    for item in feed.get("items") or []:
        if not isinstance(item, dict):
            continue
        authors = item.get("authors") or (
            [item["author"]] if isinstance(item.get("author"), dict) else []
        )
        author = ", ".join(
            str(a.get("name", "")) for a in authors if isinstance(a, dict) and a.get("name")
        )
        entries.append(
            _entry(
                base,
                str(item.get("id") or ""),
                str(item.get("url") or item.get("external_url") or ""),
                str(item.get("title") or ""),
                str(item.get("date_published") or "") or None,
                str(item.get("date_modified") or "") or None,
                author,
                str(item.get("summary") or "") or None,
                str(item.get("content_html") or item.get("content_text") or "") or None,
                [str(tag) for tag in item.get("tags") or [] if isinstance(tag, str)],
            )
        )
    return ParsedFeed(safe_field(str(feed.get("title") or "")), safe_field(base), tuple(entries))


def parse_feed(data: bytes, url: str = "") -> ParsedFeed:
    """Read a feed in any of the formats; raise NotAFeed for anything else (an HTML page too)."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return _json_feed(data, url)
    root = _xml_root(data)
    kind = _local(root).lower()
    if kind == "feed" and etree.QName(root).namespace == ATOM:
        return _atom(root, url)
    if kind in ("rss", "rdf"):
        return _rss(root, url)
    if kind == "html":
        raise NotAFeed("a web page, not a feed")
    raise NotAFeed(f"an XML document of another kind (<{_local(root)}>)")
