"""Text to query tree: newsreader's query language, read by a small recursive-descent parser.

NOT binds tightest, then AND, then OR; words side by side must all match, so `a b OR c` is
`a AND (b OR c)` (as Whoosh, whose language this was, reads it). A field (`title:`) applies to the
word, phrase or parenthesised group right after it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from .checks import MAX_EDITS, SEARCH_FIELDS, QuerySyntaxError, check_syntax
from .tree import And, DateRange, Fuzzy, Not, Or, Phrase, Prefix, Query, State, Wildcard, Word

OPERATORS = ("AND", "OR", "NOT")
_TOKEN = re.compile(
    r"""(?P<space>\s+)
    | (?P<open>\()
    | (?P<close>\))(?:\^(?P<group_boost>\d*(?:\.\d+)?)(?=[\s)]|$))?
    | (?P<field>[A-Za-z_]+):(?=\S)
    | "(?P<phrase>[^"]*)"(?:~(?P<slop>[1-9]\d*))?(?:\^(?P<phrase_boost>\d*(?:\.\d+)?))?
    | (?<!\w)'(?P<quoted>[^']*)'(?=[\s)]|$)
    | (?<![^\s(])(?P<minus>-)(?=[\w"'(])
    | (?P<word>[^\s()"]+)
    """,
    re.VERBOSE,
)
_WORD = re.compile(r'[^\s()"]+')
_DATE_VALUE = re.compile(r"\[[^\]]*\]|[^\s()]+")
_WORD_BOOST = re.compile(r"\^(\d*(?:\.\d+)?)$")
_FUZZINESS = re.compile(r"(?<=\S)~(\d)?(?:/([1-9]\d*))?$")
_COMPARISON = re.compile(r"^(<=|>=|=<|=>|<|>)?")


@dataclass(frozen=True)
class _Token:
    kind: str  # one of the groups of _TOKEN, or "operator" or "date"
    text: str
    position: int
    boost: float = 1.0
    slop: int = 1


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        assert match is not None  # the last alternative takes any other character
        kind = match.lastgroup or "word"
        if kind in ("group_boost", "slop", "phrase_boost"):
            kind = "close" if match["close"] else "phrase"
        position = match.end()
        if kind == "space":
            continue
        if kind == "minus":  # -word, as in notmuch and web search: NOT word
            tokens.append(_Token("operator", "NOT", match.start()))
            continue
        if kind == "field" and match["field"].lower() in SEARCH_FIELDS:
            field = match["field"].lower()
            tokens.append(_Token("field", field, match.start()))
            if field == "date":
                date = _DATE_VALUE.match(text, position)
                assert date is not None  # check_syntax: a value follows every colon
                tokens.append(_Token("date", date.group(), position))
                position = date.end()
            continue
        value = match[kind] if kind in ("phrase", "quoted") else match.group()
        if kind == "field":  # no field of ours: the colon is part of a word
            word = _WORD.match(text, match.start())
            assert word is not None
            kind, value, position = "word", word.group(), word.end()
        boost = match["group_boost"] if kind == "close" else match["phrase_boost"]
        if kind == "word" and value in OPERATORS + tuple(o.lower() for o in OPERATORS):
            kind, value = "operator", value.upper()
        tokens.append(
            _Token(
                kind,
                value,
                match.start(),
                float(boost) if boost else 1.0,
                int(match["slop"]) if kind == "phrase" and match["slop"] else 1,
            )
        )
    return tokens


def _boosted(node: Query, boost: float) -> Query:
    if boost == 1.0:
        return node
    if isinstance(node, Not):
        return And((node,), boost)
    return replace(node, boost=node.boost * boost)


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.next = 0

    def peek(self, kind: str, text: str | None = None) -> bool:
        if self.next >= len(self.tokens):
            return False
        token = self.tokens[self.next]
        return token.kind == kind and (text is None or token.text == text)

    def take(self) -> _Token:
        token = self.tokens[self.next]
        self.next += 1
        return token

    def sequence(self, field: str | None) -> Query:
        """Clauses side by side, up to a closing parenthesis or the end: all must match."""
        clauses = []
        while self.next < len(self.tokens) and not self.peek("close"):
            clauses.append(self.either(field))
        return clauses[0] if len(clauses) == 1 else And(tuple(clauses))

    def either(self, field: str | None) -> Query:
        children = [self.both(field)]
        while self.peek("operator", "OR"):
            self.take()
            children.append(self.both(field))
        return children[0] if len(children) == 1 else Or(tuple(children))

    def both(self, field: str | None) -> Query:
        children = [self.negated(field)]
        while self.peek("operator", "AND"):
            self.take()
            children.append(self.negated(field))
        return children[0] if len(children) == 1 else And(tuple(children))

    def negated(self, field: str | None) -> Query:
        if self.peek("operator", "NOT"):
            self.take()
            return Not(self.negated(field))
        return self.clause(field)

    def clause(self, field: str | None) -> Query:
        token = self.take()
        if token.kind == "field":
            return self.clause(token.text)
        if field == "is" and token.kind == "word":
            return State(token.text.lower())
        if field in ("tag", "query", "story") and token.kind in ("word", "quoted", "phrase"):
            return State(field, token.text)
        if token.kind == "open":
            inner = self.sequence(field)
            closing = self.take()  # check_syntax: every parenthesis is closed
            return _boosted(inner, closing.boost)
        if token.kind == "date":
            return date_range(token.text, token.position)
        if token.kind == "phrase":
            return Phrase(field, token.text, token.slop, token.boost)
        if token.kind == "quoted":
            return Word(field, token.text)
        if token.kind == "operator":  # check_syntax lets none stand where a term belongs
            raise QuerySyntaxError(f"{token.text} needs a search term after it", token.position)
        return _word(field, token.text, token.position)


def _word(field: str | None, text: str, position: int) -> Query:
    """A word, with its ^weight, and as a fuzzy, prefix or wildcard word if it is written so."""
    boost = 1.0
    weight = _WORD_BOOST.search(text)
    if weight and weight.group(1) and weight.start():
        boost, text = float(weight.group(1)), text[: weight.start()]
    fuzziness = _FUZZINESS.search(text)
    if fuzziness:
        edits = int(fuzziness.group(1)) if fuzziness.group(1) else 1
        if edits > MAX_EDITS:
            raise QuerySyntaxError(
                f"fuzzy search allows at most {MAX_EDITS} edits ({text[: fuzziness.start()]}~2)",
                position,
            )
        prefix = int(fuzziness.group(2)) if fuzziness.group(2) else 0
        return Fuzzy(field, text[: fuzziness.start()], edits, prefix, boost)
    if "*" in text or "?" in text:
        if text.endswith("*") and text.count("*") == 1 and "?" not in text and len(text) > 1:
            return Prefix(field, text[:-1], boost)
        return Wildcard(field, text, boost)
    return Word(field, text, boost)


def _period(literal: str, position: int) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a date literal covers: 2025 the whole year, 2025-10 the month."""
    if literal == "*":
        return None, None
    if literal.lower() == "now":
        today = dt.date.today()
        return today, today
    numbers = [int(n) for n in re.findall(r"\d+", literal)]
    if not numbers:
        raise QuerySyntaxError(f"{literal!r} is not a date", position)
    year, month, day = [*numbers, 0, 0][:3]
    first = dt.date(year, month or 1, day or 1)
    last_month = month or 12
    return first, dt.date(year, last_month, day or calendar.monthrange(year, last_month)[1])


def date_range(value: str, position: int) -> Query:
    """The days a `date:` value asks for: a literal, a comparison, or a [FROM TO UNTIL] range."""
    try:
        if value.startswith("["):
            start, end = re.split(r"\s+TO\s+", value[1:-1].strip(), flags=re.I)
            return DateRange(_period(start, position)[0], _period(end, position)[1])
        comparison = _COMPARISON.match(value)
        relation = comparison.group(1) if comparison else None
        first, last = _period(value[len(relation or "") :], position)
        one_day = dt.timedelta(days=1)
        # After or before the whole period written: date:>2025-06 starts in July.
        if relation == ">":
            return DateRange(last + one_day if last else None, None)
        if relation in (">=", "=>"):
            return DateRange(first, None)
        if relation == "<":
            return DateRange(None, first - one_day if first else None)
        if relation in ("<=", "=<"):
            return DateRange(None, last)
        return DateRange(first, last)
    except OverflowError:  # after 9999-12-31 or before 0001-01-01: no day at all
        return Or(())


def parse(text: str) -> Query | None:
    """The query tree for `text`; None for an empty query, which lists every article.

    Raises QuerySyntaxError with a message for the user."""
    text = text.strip()
    if not text:
        return None
    check_syntax(text)
    parser = _Parser(_tokens(text))
    return parser.sequence(None)
