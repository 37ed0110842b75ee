"""The bounds a query must keep, checked before it is parsed, so that a mistake gets a clear
message and no query takes more than a second: length, nesting, edits, weights, wildcards and
dates of the calendar."""

from __future__ import annotations

import datetime as dt
import re

SEARCH_FIELDS = ("title", "body", "person", "source", "feed", "date", "is", "tag", "query", "story")
STATES = ("unread", "read", "starred")
_FIELD = re.compile(r"(?<![\w\"'])([A-Za-z_]+):")
_DATE_LITERAL = re.compile(
    r"\d{4}(?:-(?:0?[1-9]|1[0-2])(?:-(?:0?[1-9]|[12]\d|3[01]))?)?|\*|now", re.I
)
_OPERATOR = re.compile(r"^(?:AND|OR|NOT|and|or|not)$")
# Bounds that keep every query answered within a second, whatever is typed or pasted.
MAX_QUERY_CHARS = 1000
MAX_NESTING = 20
MAX_EDITS = 2
MAX_BOOST = 100.0
MAX_EXPANDED_WORDS = 1000  # indexed words one wildcard may stand for
MIN_WILDCARD_LETTERS = 2
_WILDCARD = re.compile(r"[*?]")
_BOOST = re.compile(r"\^(\S*)")
_FUZZY = re.compile(r"~(\d*)$")


class QuerySyntaxError(ValueError):
    """A query that cannot be run as written; the message says why, for the user."""

    def __init__(self, message: str, position: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        return self.message


def _tokens_outside_quotes(text: str) -> list[tuple[int, str]]:
    """Whitespace-separated words with their offsets, quoted phrases kept whole."""
    return [(m.start(), m.group()) for m in re.finditer(r'"[^"]*"?|\[[^\]]*\]?|[^\s"\[]+', text)]


def _check_date_value(value: str, position: int) -> None:
    value = value.strip()
    hint = (
        "dates are written YYYY, YYYY-MM or YYYY-MM-DD, ranges as date:[2025-10-01 TO 2025-12-31]"
    )
    if value.startswith("["):
        if not value.endswith("]"):
            raise QuerySyntaxError(f"unclosed date range: {hint}", position)
        parts = re.split(r"\s+TO\s+", value[1:-1].strip(), flags=re.I)
        if len(parts) != 2:
            raise QuerySyntaxError(f"a date range needs TO between its ends: {hint}", position)
        for part in parts:
            if part and not _DATE_LITERAL.fullmatch(part):
                raise QuerySyntaxError(f"{part!r} is not a date: {hint}", position)
            _check_calendar(part, position)
        return
    literal = value.lstrip("<>=")
    if not _DATE_LITERAL.fullmatch(literal):
        raise QuerySyntaxError(f"{literal or value!r} is not a date: {hint}", position)
    _check_calendar(literal, position)


def _check_calendar(literal: str, position: int) -> None:
    """2025-02-30 and the year 0000 have the form of a date but are none."""
    numbers = [int(n) for n in re.findall(r"\d+", literal)]
    if not numbers:
        return
    year, month, day = [*numbers, 1, 1][:3]
    try:
        dt.date(year, month, day)
    except ValueError:
        raise QuerySyntaxError(f"{literal!r} is not a day of the calendar", position) from None


def _check_word(word: str, position: int) -> None:
    """Wildcards, fuzziness and boosts within the bounds that keep a search fast."""
    fuzzy = _FUZZY.search(word)
    if fuzzy and fuzzy.group(1) and int(fuzzy.group(1)) > MAX_EDITS:
        raise QuerySyntaxError(
            f"fuzzy search allows at most {MAX_EDITS} edits ({word[: fuzzy.start()]}~2)", position
        )
    boost = _BOOST.search(word)
    if boost:
        number = boost.group(1)
        value = float(number) if re.fullmatch(r"\d+(?:\.\d+)?", number) else -1.0
        if not 0 < value <= MAX_BOOST:
            raise QuerySyntaxError(
                f"a weight after ^ is a number from 0 to {MAX_BOOST:g} (talks^2)", position
            )
    wildcard = _WILDCARD.search(word)
    if wildcard:
        letters = re.sub(r"^\w+:", "", word[: wildcard.start()])
        if len(letters) < MIN_WILDCARD_LETTERS:
            raise QuerySyntaxError(
                "a wildcard needs at least two letters before it (talk*); "
                "an empty query lists every article",
                position,
            )


def check_syntax(text: str) -> None:
    """Raise QuerySyntaxError for what Whoosh would silently misread, or could not answer fast."""
    if len(text) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(
            f"a query is at most {MAX_QUERY_CHARS:,} characters (this one has {len(text):,})",
            MAX_QUERY_CHARS,
        )
    if text.count('"') % 2:
        raise QuerySyntaxError('unclosed quote: a phrase is written "like this"', text.rfind('"'))
    depth = 0
    for i, char in enumerate(re.sub(r'"[^"]*"', lambda m: " " * len(m.group()), text)):
        if char == "(":
            depth += 1
            if depth > MAX_NESTING:
                raise QuerySyntaxError(f"parentheses nest at most {MAX_NESTING} deep", i)
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
                f"unknown field {match.group(1)!r}: the fields are "
                + ", ".join(f + ":" for f in SEARCH_FIELDS),
                match.start(),
            )
        rest = text[match.end() :]
        if not rest or rest[0].isspace() or rest[0] == ")":
            raise QuerySyntaxError(f"{name}: needs a value right after the colon", match.start())
        if name == "is":
            value = re.match(r"[^\s()]+", rest)
            if value is None or value.group().lower() not in STATES:
                raise QuerySyntaxError(
                    "is: is followed by " + ", ".join(STATES) + " (is:unread)", match.start()
                )
        if name == "date":
            value = re.match(r"\[[^\]]*\]?|[^\s()]+", rest)
            _check_date_value(value.group() if value else "", match.start())
    tokens = _tokens_outside_quotes(re.sub(r"[()]", " ", text))
    words = [w for _, w in tokens]
    for position, word in tokens:
        if not word.startswith(('"', "[")) and not word.lower().startswith("date:"):
            _check_word(word, position)
    for i, word in enumerate(words):
        if not _OPERATOR.match(word):
            continue
        upper = word.upper()
        before = words[i - 1] if i else None
        after = words[i + 1] if i + 1 < len(words) else None
        if after is None or (_OPERATOR.match(after) and after.upper() != "NOT"):
            raise QuerySyntaxError(f"{upper} needs a search term after it", len(text))
        if upper == "NOT" and after.upper() == "NOT":
            raise QuerySyntaxError("NOT twice in a row: write the term alone instead", 0)
        if upper != "NOT" and (before is None or _OPERATOR.match(before)):
            raise QuerySyntaxError(f"{upper} needs a search term before it", 0)
