"""The query language: Whoosh's, checked first so that a mistake gets a clear message.

Words are stemmed and all must match; "phrases"; AND, OR, NOT (or lower case, as in notmuch);
parentheses; wildcards `talk*`; fuzzy `word~`; fields `title:`, `body:`, `person:`, `source:`,
`date:`; date ranges `date:[2025-10-01 TO 2025-12-31]`, `date:2025-10`, `date:>2025-06`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from whoosh import qparser, query
from whoosh.fields import Schema

SEARCH_FIELDS = ("title", "body", "person", "source", "date")
_FIELD = re.compile(r"(?<![\w\"'])([A-Za-z_]+):")
_DATE_LITERAL = re.compile(r"\d{4}(?:-(?:0?[1-9]|1[0-2])(?:-(?:0?[1-9]|[12]\d|3[01]))?)?|\*|now", re.I)
_OPERATOR = re.compile(r"^(?:AND|OR|NOT|and|or|not)$")


@dataclass(frozen=True)
class QuerySyntaxError(ValueError):
    message: str
    position: int = 0

    def __str__(self) -> str:
        return self.message


def _tokens_outside_quotes(text: str) -> list[tuple[int, str]]:
    """Whitespace-separated words with their offsets, quoted phrases kept whole."""
    return [(m.start(), m.group()) for m in re.finditer(r'"[^"]*"?|\[[^\]]*\]?|[^\s"\[]+', text)]


def _check_date_value(value: str, position: int) -> None:
    value = value.strip()
    hint = "dates are written YYYY, YYYY-MM or YYYY-MM-DD, ranges as date:[2025-10-01 TO 2025-12-31]"
    if value.startswith("["):
        if not value.endswith("]"):
            raise QuerySyntaxError(f"unclosed date range: {hint}", position)
        parts = re.split(r"\s+TO\s+", value[1:-1].strip(), flags=re.I)
        if len(parts) != 2:
            raise QuerySyntaxError(f"a date range needs TO between its ends: {hint}", position)
        for part in parts:
            if part and not _DATE_LITERAL.fullmatch(part):
                raise QuerySyntaxError(f"{part!r} is not a date: {hint}", position)
        return
    literal = value.lstrip("<>=")
    if not _DATE_LITERAL.fullmatch(literal):
        raise QuerySyntaxError(f"{literal or value!r} is not a date: {hint}", position)


def check_syntax(text: str) -> None:
    """Raise QuerySyntaxError for what Whoosh would silently misread."""
    if text.count('"') % 2:
        raise QuerySyntaxError('unclosed quote: a phrase is written "like this"', text.rfind('"'))
    depth = 0
    for i, char in enumerate(re.sub(r'"[^"]*"', lambda m: " " * len(m.group()), text)):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                raise QuerySyntaxError("unmatched closing parenthesis", i)
    if depth:
        raise QuerySyntaxError("unclosed parenthesis", text.rfind("("))
    unquoted = re.sub(r'"[^"]*"', lambda m: " " * len(m.group()), text)
    for match in _FIELD.finditer(unquoted):
        name = match.group(1).lower()
        if name not in SEARCH_FIELDS:
            raise QuerySyntaxError(
                f"unknown field {match.group(1)!r}: the fields are {', '.join(f + ':' for f in SEARCH_FIELDS)}",
                match.start())
        rest = text[match.end():]
        if not rest or rest[0].isspace() or rest[0] == ")":
            raise QuerySyntaxError(f"{name}: needs a value right after the colon", match.start())
        if name == "date":
            value = re.match(r"\[[^\]]*\]?|[^\s()]+", rest)
            _check_date_value(value.group() if value else "", match.start())
    words = [w for _, w in _tokens_outside_quotes(re.sub(r"[()]", " ", text))]
    for i, word in enumerate(words):
        if not _OPERATOR.match(word):
            continue
        upper = word.upper()
        before = words[i - 1] if i else None
        after = words[i + 1] if i + 1 < len(words) else None
        if after is None or _OPERATOR.match(after) and after.upper() != "NOT":
            raise QuerySyntaxError(f"{upper} needs a search term after it", len(text))
        if upper != "NOT" and (before is None or _OPERATOR.match(before)):
            raise QuerySyntaxError(f"{upper} needs a search term before it", 0)


def make_parser(schema: Schema) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(["title", "body"], schema, fieldboosts={"title": 2.0})
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.GtLtPlugin())
    parser.replace_plugin(qparser.OperatorsPlugin(
        And=r"(?<=\s)(?:AND|and)(?=\s)",
        Or=r"(?<=\s)(?:OR|or)(?=\s)",
        Not=r"(^|(?<=(\s|[()])))(?:NOT|not)(?=\s)",
        AndNot=r"(?<=\s)ANDNOT(?=\s)",
        AndMaybe=r"(?<=\s)ANDMAYBE(?=\s)",
        Require=r"(^|(?<=\s))REQUIRE(?=\s)",
    ))
    return parser


def parse(text: str, parser: qparser.QueryParser) -> query.Query | None:
    """The Whoosh query for `text`; None for an empty query (which lists everything)."""
    text = text.strip()
    if not text:
        return None
    check_syntax(text)
    # Field names are case-insensitive for the user, lower case in the schema.
    text = _FIELD.sub(lambda m: m.group(1).lower() + ":", text)
    try:
        return parser.parse(text)
    except Exception as error:  # Whoosh raises bare Exception for unparseable field values
        raise QuerySyntaxError(f"cannot read that query: {error}") from error
