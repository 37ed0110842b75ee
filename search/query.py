"""The query language: Whoosh's, checked first so that a mistake gets a clear message.

Words are stemmed and all must match; "phrases"; AND, OR, NOT (or lower case, as in notmuch);
parentheses; wildcards `talk*`; fuzzy `word~`; fields `title:`, `body:`, `person:`, `source:`,
`date:`; date ranges `date:[2025-10-01 TO 2025-12-31]`, `date:2025-10`, `date:>2025-06`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

from whoosh import qparser, query
from whoosh.automata import lev
from whoosh.fields import Schema

SEARCH_FIELDS = ("title", "body", "person", "source", "date")
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
        if len(letters) < 2:
            raise QuerySyntaxError(
                "a wildcard needs at least two letters before it (talk*); "
                "an empty query lists every article",
                position,
            )


# The query language as the help screen shows it: each example, and what it finds.
QUERY_HELP: tuple[tuple[str, str], ...] = (
    ("words", "all must match; stemmed: talk finds talks, talked"),
    ('"a phrase"', "the words in this order"),
    ("a OR b, NOT a, (a OR b) c", "boolean operators, upper or lower case"),
    ("talk*", "words that start so (two letters at least before the *)"),
    ("tlak~  Hegseht~2", f"fuzzy: one edit away, or up to {MAX_EDITS}"),
    ("title:summit  source:reuters", "a word in one field"),
    ('person:"Pete Hegseth"  person:hegseth', "articles naming a person"),
    ("date:2025-10  date:[2025-10-01 TO 2025-12-31]", "articles naming a day in that range"),
    ("date:>2025-06", "after a date"),
)


def person_keys(name: str) -> set[str]:
    """What `person:` matches a person by: the full name, and the surname alone."""
    lowered = name.lower()
    return {lowered, lowered.split()[-1]} if lowered.split() else set()


def person_query(name: str) -> str:
    """The query for the articles naming `name`, whatever quotes the name holds: a name with a
    double quote in it ('Dwayne "The Rock" Johnson') is written as one single-quoted term."""
    if '"' not in name:
        return f'person:"{name}"'
    if "'" not in name:
        return f"person:'{name}'"
    return "person:" + re.sub(r"[^\w-]", "", name.split()[-1])


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


@lru_cache(maxsize=64)
def _levenshtein_dfa(text: str, maxdist: int, prefix: int):
    return lev.levenshtein_automaton(text, maxdist, prefix).to_dfa()


_SEGMENT_WORDS: dict[tuple[str, str], list[str]] = {}
_MERGED_WORDS: dict[tuple[tuple[str, ...], str], list[str]] = {}


def _remember(cache: dict, key, limit: int, make):
    """`cache[key]`, made on first use; the oldest entry goes when there are `limit`."""
    if key not in cache:
        if len(cache) >= limit:
            del cache[next(iter(cache))]
        cache[key] = make()
    return cache[key]


def _field_words(readers: list, fieldname: str) -> list[str]:
    """The words of all the segments in one field, sorted and unique: one automaton walk for all.

    Segments never change, so their ids name the lists: a new searcher after each commit finds
    them again (a cache keyed by reader objects missed every time and kept old readers alive).
    """
    ids = tuple(reader.segment().segment_id() for reader in readers)

    def segment_words(reader, segment_id: str) -> list[str]:
        return _remember(
            _SEGMENT_WORDS,
            (segment_id, fieldname),
            256,
            lambda: [
                word.decode("utf-8") if isinstance(word, bytes) else word
                for word in reader.lexicon(fieldname)
            ],
        )

    def merged() -> list[str]:
        lists = [segment_words(reader, segment_id) for reader, segment_id in zip(readers, ids)]
        return sorted(set().union(*lists)) if len(lists) > 1 else (lists[0] if lists else [])

    return _remember(_MERGED_WORDS, (ids, fieldname), 8, merged)


def _accepted(dfa, words: list[str]) -> Iterator[str]:
    """The words the automaton accepts, leaping through the sorted list as Whoosh leaps through
    its term files, but with bisect in memory instead of seeks on disk."""
    position, term = 0, words[0] if words else None
    while term is not None:
        candidate = dfa.next_valid_string(term)
        if candidate is None:
            return
        position = bisect.bisect_left(words, candidate, position)
        if position == len(words):
            return
        term = words[position]
        if term == candidate:
            yield term
            term += "\0"


class FuzzyWord(query.FuzzyTerm):
    """Whoosh's FuzzyTerm, made fast enough for a large index.

    Whoosh builds the Levenshtein automaton again for every index segment, every field and every
    time the query asks for its words, and leaps through each segment's words with seeks in its
    term file, in Python. Here the automaton is built once, the words of all segments are read once
    into one sorted list in memory (some MB for 100,000 articles), where bisect does the leaping,
    and `expand_fuzzy` turns the word into the words it matches before the segments are searched.
    """

    def _btexts(self, ixreader):
        readers = [
            r for r, _ in ixreader.leaf_readers() if self.fieldname in r.indexed_field_names()
        ]
        dfa = _levenshtein_dfa(self.text, self.maxdist, self.prefixlength)
        return list(_accepted(dfa, _field_words(readers, self.fieldname)))


def expand_fuzzy(parsed: query.Query, reader) -> query.Query:
    """The query with each fuzzy or wildcard word replaced by the indexed words it matches in
    `reader`; a wildcard that stands for too many words is a message, not a minute's search."""

    def expand(node: query.Query) -> query.Query:
        if isinstance(node, FuzzyWord | query.Prefix | query.Wildcard):
            words = list(itertools.islice(node._btexts(reader), MAX_EXPANDED_WORDS + 1))
            if len(words) > MAX_EXPANDED_WORDS:
                raise QuerySyntaxError(
                    f"{node.text}{'~' if isinstance(node, FuzzyWord) else '*'} stands for more "
                    f"than {MAX_EXPANDED_WORDS:,} words: add letters to narrow it"
                )
            if not words:
                return query.NullQuery
            return query.Or([query.Term(node.fieldname, word) for word in words], boost=node.boost)
        return node

    return parsed.accept(expand)


class _FuzzyPlugin(qparser.FuzzyTermPlugin):
    class FuzzyTermNode(qparser.FuzzyTermPlugin.FuzzyTermNode):
        qclass = FuzzyWord


def make_parser(schema: Schema) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(["title", "body"], schema, fieldboosts={"title": 2.0})
    parser.add_plugin(_FuzzyPlugin())
    parser.add_plugin(qparser.GtLtPlugin())
    parser.replace_plugin(
        qparser.OperatorsPlugin(
            And=r"(?<=\s)(?:AND|and)(?=\s)",
            Or=r"(?<=\s)(?:OR|or)(?=\s)",
            Not=r"(^|(?<=(\s|[()])))(?:NOT|not)(?=\s)",
            # Whoosh's ANDNOT, ANDMAYBE and REQUIRE are not newsreader's (REQUIRE failed inside
            # Whoosh with an AssertionError): those words are searched as words.
            AndNot=None,
            AndMaybe=None,
            Require=None,
        )
    )
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
