"""OPML, the file feed readers exchange subscriptions in: read with entities never expanded and
nothing loaded from a DTD or the network, written with every value escaped."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from lxml import etree

from ...text.safety import safe_field
from ..errors import SourceError
from .subscriptions import Subscription


class NotOPML(SourceError):
    """The file is no OPML newsreader can read; the message says why, for the user."""


def read_opml(data: bytes) -> list[Subscription]:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise NotOPML(f"not XML ({error})") from None
    if root is None or etree.QName(root).localname.lower() != "opml":
        raise NotOPML("not an OPML file")
    subscriptions: list[Subscription] = []
    seen: set[str] = set()
    # Outlines nest in folders (categories); the feeds are the ones with an xmlUrl.
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url or url in seen:
            continue
        seen.add(url)
        name = outline.get("title") or outline.get("text") or url
        subscriptions.append(Subscription(safe_field(name, 100), safe_field(url, 2000)))
    return subscriptions


def write_opml(subscriptions: list[Subscription]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head><title>newsreader subscriptions</title></head>",
        "  <body>",
    ]
    for sub in subscriptions:
        lines.append(
            f'    <outline type="rss" text={quoteattr(sub.name)} title={quoteattr(sub.name)} '
            f"xmlUrl={quoteattr(sub.url)}/>"
        )
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


__all__ = ["NotOPML", "read_opml", "write_opml"]
