"""HTML to plain paragraphs: what a feed's summary or content says, without its markup."""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from .safety import visible_text

# Elements that end a paragraph; others (a, b, em, span) run on inside one.
_BLOCKS = frozenset(
    {
        *("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr"),
        *("blockquote", "pre", "section", "article", "header", "footer", "tr", "table"),
        *("dd", "dt", "figure", "figcaption"),
    }
)
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head"}
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
MAX_HTML_CHARS = 5_000_000


def _walk(node, out: list[str]) -> None:
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag.lower() in _SKIPPED:
        if node.tail:
            out.append(node.tail)
        return
    block = tag.lower() in _BLOCKS
    if block:
        out.append("\n\n")
    if node.text and tag.lower() not in _SKIPPED:
        out.append(node.text)
    for child in node:
        _walk(child, out)
    if block:
        out.append("\n\n")
    if node.tail:
        out.append(node.tail)


def html_paragraphs(markup: str) -> list[str]:
    """The paragraphs of an HTML fragment as plain text; text that is not HTML, as it is."""
    # Controls become visible stand-ins first: data stays data, and lxml takes no control bytes.
    markup = visible_text(markup[:MAX_HTML_CHARS].replace("\r\n", "\n").replace("\r", "\n"))
    if not _LOOKS_LIKE_HTML.search(markup):
        return [p for p in (_SPACES.sub(" ", part).strip() for part in markup.split("\n\n")) if p]
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    out: list[str] = []
    _walk(root, out)
    paragraphs = (" ".join(_SPACES.sub(" ", p).split()) for p in "".join(out).split("\n\n"))
    return [p for p in paragraphs if p]
