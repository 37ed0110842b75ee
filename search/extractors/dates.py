"""A rule-based temporal tagger for English news: finds TimeML TIMEX3 expressions and resolves them.

Each rule is a regular expression built from the resource tables plus a function that turns a match
into a `Candidate`: its type and how to compute its value. A rule is only run around its trigger
word, which keeps the tagger fast. Overlapping candidates are settled longest-first. Values are then
resolved against the reference date: first the expressions that name a year, then the rest in
reading order, so that bare months take the year named in their sentence (or else the one their
tense implies), and "the same day" looks back at the last day named.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from .resources import table, word_set
from .sentences import Sentences
from .tense import clause_has_tense, clause_span, governed_in_past, tense_at

SENTENCE_REACH = 400  # characters; news sentences are shorter, so this cuts only endless ones

PRESENT_REF, PAST_REF, FUTURE_REF = "PRESENT_REF", "PAST_REF", "FUTURE_REF"


@dataclass(frozen=True)
class TemporalExpression:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION or SET
    value: str  # a TimeML value: 2025-12-16, 2025-W51, P3Y, PRESENT_REF, XXXX-10-31 ...
    end_value: str | None = None  # the last day of a range ("December 15 to 16, 2025")

    @property
    def names_a_time(self) -> bool:
        """A date or a time, not a duration, a set or a vague PAST_REF: what the reader lists
        and what `date:` finds."""
        return self.type in ("DATE", "TIME") and not self.value.endswith("_REF")

    def as_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }


@dataclass(frozen=True)
class Reference:
    date: dt.date
    inferred: bool


# --- vocabulary, read from the resource tables -------------------------------------------------

_MONTHS = {k: int(v) for k, v in table("months.tsv").items()}
_WEEKDAYS = {k: int(v) for k, v in table("weekdays.tsv").items()}
_NUMBERS = table("number_words.tsv")
_UNITS = {k: tuple(v.split("\t")) for k, v in table("time_units.tsv").items()}
_PARTS_OF_DAY = table("parts_of_day.tsv")
_SEASONS = table("seasons.tsv")
_ORDINALS = {k: int(v) for k, v in table("ordinals.tsv").items()}
_ORDINAL_WORDS = {k: int(v) for k, v in table("ordinal_words.tsv").items()}
_HOLIDAYS = table("holidays.tsv")


def _trie_regex(words: list[str]) -> str:
    """One regular expression for many literal words, shaped as a trie.

    Python's re tries the branches of an alternation one by one; a trie lets it branch on each
    character, which makes the tagger several times faster on long word lists.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _alternation(words: Iterable[str]) -> str:
    return "(?:" + _trie_regex(list(words)) + ")"


# Abbreviated months and weekdays need their period when they stand alone ("Sun" is a company).
_MONTH_WORD = _alternation(
    [m.capitalize() for m in _MONTHS]
    + [m.capitalize() + "." for m in _MONTHS if len(m) <= 4 and m not in ("may", "june", "july")]
)
_WEEKDAY_WORD = _alternation(d.capitalize() + ("" if d.endswith("day") else ".") for d in _WEEKDAYS)
_ORDINAL_WORD = _alternation(_ORDINAL_WORDS).replace("\\-", "[\\s-]")
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_NUM_WORD = _alternation(_NUMBERS)
_TENS_WORD = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_ONE_TO_TWELVE = rf"(?:{_UNIT_WORD}|ten|eleven|twelve)"
_NUMBER = rf"(?:(?:\d+(?:\.\d+)?|(?:{_UNIT_WORD}|a)\s+(?:hundred|thousand)|{_TENS_WORD}[\s-]{_UNIT_WORD}|{_NUM_WORD})(?:\s+and\s+a\s+half|\s+1/2|½)?)"
_APPROXIMATELY = r"(?:(?:nearly|almost|about|around|roughly|some|more\s+than|less\s+than|over|just\s+over|just\s+under|at\s+least|only)\s+)?"
_UNIT = rf"(?:centuries|{_alternation(_UNITS)}s?)"
_PART_OF_DAY = _alternation(_PARTS_OF_DAY)
_SEASON = _alternation(_SEASONS)
_RELATIVE_WORD = r"(?:this|last|next|past|coming|previous|following|current|same)"
_LEFT = r"(?<![\w$€£¥#/.-])"
_RIGHT = r"(?![\w/]|[.,]\d|-\d)"
SOON_DAYS = 62  # a date this close ahead is the coming one unless a past verb governs it
SOON_MONTH_DAYS = (
    183  # the same for a month named as a deadline ("loans through January", "by February")
)
JUST_PAST_DAYS = 7  # a date this close behind is this year's even when the sentence looks ahead
_DEADLINE_BEFORE = re.compile(
    r"\b(?:by|until|till|through|before|effective|starting|beginning)\s+(?:early\s+|mid-?|late\s+)?$",
    re.I,
)
# A capitalised word before a month makes it part of a name ("Theresa May", "Dong Jun"), unless
# it is a function word that merely starts the sentence ("In May", "By June").
_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]+$")
_FUNCTION_WORDS = word_set("function_words.txt")
_MONTH_CUE_BEFORE = re.compile(
    r"\b(?:in|on|since|until|till|by|from|to|through|during|before|after|of|between|and|or|early|late|mid|"
    r"last|next|this|each|every|a|an|the|throughout|end|beginning|start|middle)[\s-]*$",
    re.I,
)


# --- candidates --------------------------------------------------------------------------------

Resolver = Callable[["_Context"], "tuple[str, str | None]"]


@dataclass
class Candidate:
    start: int
    end: int
    type: str
    resolve: Resolver
    anchors_year: bool = False  # names a year that bare months in its sentence belong to


@dataclass(frozen=True)
class YearAnchor:
    """An expression that names a year, which bare months near it may belong to."""

    start: int
    year: int | None  # None where the year is unknown ("last year" with no reference)
    names_a_month: (
        bool  # it follows a month and belongs to it: the "last year" of "February last year"
    )
    bounds_a_span: (
        bool  # "until 1990", "since 1953": an end of a stretch, not the time of the events told
    )


@dataclass
class _Context:
    text: str
    reference: dt.date | None
    sentences: Sentences
    start: int
    end: int
    year_anchors: list[YearAnchor]
    last_day: dt.date | None  # the last resolved day-precise date before this expression
    last_month: dt.date | None = (
        None  # the first day of the last month named (alone or with its day)
    )
    last_year: int | None = (
        None  # the year of the last expression that names one ("May 22, 1995", "1995")
    )
    last_day_end: int = -1  # where the expression naming last_day ends

    def day_in_view(self) -> dt.date | None:
        """The day the text speaks of here: one named in this sentence or the one before, else the reference."""
        sentence_start = self.sentence()[0]
        previous_start = self.sentences.span(sentence_start - 1)[0] if sentence_start else 0
        return (
            self.last_day
            if self.last_day and self.last_day_end >= previous_start
            else self.reference
        )

    def range_start(self) -> dt.date | None:
        """The day this expression ends a range from: "April 14 to July 14", "between Dec. 20, 1986 and Jan. 5"."""
        if (
            self.last_day
            and 0 <= self.last_day_end <= self.start
            and _RANGE_TO.fullmatch(self.text, self.last_day_end, self.start)
        ):
            return self.last_day
        return None

    def sentence(self) -> tuple[int, int]:
        """The expression's sentence, or as much of it as lies within SENTENCE_REACH characters on
        either side: what governs an expression is near it, and a text with no full stops (one
        endless sentence) would otherwise be read whole for each of its dates."""
        start, end = self.sentences.span(self.start)
        return max(start, self.start - SENTENCE_REACH), min(end, self.end + SENTENCE_REACH)

    def tense(self) -> int:
        """+1 when the words governing the expression speak of the future, -1 of the past, 0 when they do not say."""
        return tense_at(self.text, self.sentence(), self.start, self.end)

    def governed_in_past(self) -> bool:
        """Whether a past verb right before the expression governs it ("met on", "ended Aug. 31")."""
        return governed_in_past(self.text, self.sentence()[0], self.start)

    def deadline(self) -> bool:
        """Whether the expression ends or starts a stretch of time: "through January", "effective June 1"."""
        return bool(_DEADLINE_BEFORE.search(self.text[max(0, self.start - 20) : self.start]))

    def direction(self) -> int:
        """+1 for the future, -1 otherwise: news mostly reports the past."""
        return 1 if self.tense() > 0 else -1

    def sentence_year(self) -> int | None:
        """The year a list of months ends with ("in April, August and December last year"); else the year named
        nearest in the expression's clause; else in its sentence, if the clause has no tense of its own.

        A year that follows another month belongs to that month alone: "in February, against 0.1 pct in
        February last year"."""
        listed = self._list_year()
        if listed is not None:
            return listed
        sentence = self.sentence()
        clause = clause_span(self.text, sentence, self.start, self.end)
        year = self._nearest_year(*clause)
        if year is None and not clause_has_tense(self.text, clause, self.start, self.end):
            # A clause with its own verb keeps its own time: "..., approved in 1987 that set no limit,
            # had bought shares through Sept. 29".
            year = self._nearest_year(*sentence)
        return year

    def _nearest_year(self, lo: int, hi: int) -> int | None:
        years = [
            (abs(a.start - self.start), a.start, a.year)
            for a in self.year_anchors
            if lo <= a.start < hi
            and a.start != self.start
            and not a.bounds_a_span
            and (not a.names_a_month or self._owns(a))
        ]
        return min(years)[2] if years else None

    def _owns(self, anchor: YearAnchor) -> bool:
        """Whether the year follows this very expression: the "last year" of "February last year"."""
        return re.fullmatch(r",?\s+", self.text[self.end : anchor.start]) is not None

    def _list_year(self) -> int | None:
        """The year that ends a list of months this one starts or continues, if it belongs to the last of them."""
        position = self.end
        while step := _MONTH_LIST_STEP.match(self.text, position):
            position = step.end()
        if position == self.end:
            return None
        gap = re.match(r",?\s+", self.text[position : position + 4])
        after = position + (gap.end() if gap else 0)
        return next(
            (a.year for a in self.year_anchors if a.start == after and a.names_a_month), None
        )


def _number(word: str) -> str:
    word = re.sub(r"\s+", " ", word.lower())
    half = re.fullmatch(r"(.+?)(?: and a half| 1/2|½)", word)
    if half:  # "two and a half", "5 1/2"
        whole = _number(half.group(1))
        return "X" if whole == "X" else str(float(whole) + 0.5)
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return word.rstrip("0").rstrip(".") if "." in word else word
    parts = re.split(r"[\s-]", word)
    if len(parts) == 2 and parts[0] in _NUMBERS and parts[1] in _NUMBERS and word not in _NUMBERS:
        first, second = int(_NUMBERS[parts[0]]), int(_NUMBERS[parts[1]])
        # "two hundred", "twenty-one"
        return str(first * second if second in (100, 1000) else first + second)
    value = _NUMBERS.get(word, "X")
    return value if value == "X" else (value if "." in value else str(int(value)))


def _month(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


def _weekday(word: str) -> int:
    return _WEEKDAYS[word.lower().rstrip(".")]


def _ordinal(word: str) -> int:
    return _ORDINAL_WORDS[re.sub(r"[\s-]+", "-", word.lower())]


def _day(word: str) -> int:
    return _ordinal(word) if word[0].isalpha() else int(re.sub(r"\D", "", word))


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _quarter(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _period_value(day: dt.date, granularity: str) -> str:
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        return _iso_week(day)
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "quarter":
        return _quarter(day)
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def _shift(day: dt.date, unit: str, amount: int) -> dt.date:
    letter = _UNITS[unit][0]
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=amount)
    if unit in ("day", "night"):
        return day + dt.timedelta(days=amount)
    if unit == "fortnight":
        return day + dt.timedelta(weeks=2 * amount)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[letter]
    return day + relativedelta(months=months * amount)


def _unit(word: str) -> str:
    word = word.lower()
    return word if word in _UNITS else "century" if word == "centuries" else word[:-1]


# A fraction of a unit is written in the next finer one: 2.5 years is P2Y6M, 1.5 minutes PT1M30S.
_FINER_UNIT = {
    "year": (12, "month"),
    "week": (7, "day"),
    "day": (24, "hour"),
    "hour": (60, "minute"),
    "minute": (60, "second"),
    "decade": (10, "year"),
    "century": (100, "year"),
}


def _duration(amount: str, unit: str) -> str:
    if "." in amount and unit in _FINER_UNIT:
        whole, fraction = divmod(float(amount), 1)
        factor, finer = _FINER_UNIT[unit]
        if (fraction * factor).is_integer():
            parts = [(int(whole), unit), (int(fraction * factor), finer)]
            return _composed_duration([(n, u) for n, u in parts if n])
    letter, kind, _ = _UNITS[unit]
    if unit == "weekend":
        letter = "WE"
    if letter in ("2W",):
        return f"P{2 * int(amount) if amount.isdigit() else 'X'}W"
    if letter == "DE":
        return f"P{int(amount) * 10 if amount.isdigit() else 'X'}Y" if amount != "X" else "PXDE"
    if letter == "CE":
        return f"P{int(amount) * 100 if amount.isdigit() else 'X'}Y" if amount != "X" else "PXCE"
    return f"P{'T' if kind == 'time' else ''}{amount}{letter}"


def _composed_duration(parts: list[tuple[int, str]]) -> str:
    """P2Y6M, P1DT12H, PT5H30M: date units first, then T and the time units."""
    years = sum(
        n * {"decade": 10, "century": 100}.get(u, 1)
        for n, u in parts
        if u in ("year", "decade", "century")
    )
    date = (f"{years}Y" if years else "") + "".join(
        f"{n}{_UNITS[u][0]}" for n, u in parts if u in ("month", "week", "day")
    )
    time = "".join(f"{n}{_UNITS[u][0]}" for n, u in parts if _UNITS[u][1] == "time")
    return "P" + date + (f"T{time}" if time else "")


def _fixed(value: str, end_value: str | None = None) -> Resolver:
    return lambda ctx: (value, end_value)


# --- the rules ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    trigger: re.Pattern[str]
    reach: tuple[int, int]
    pattern: re.Pattern[str]
    handler: Callable[[re.Match[str]], Candidate | None]


_RULES: list[_Rule] = []


def rule(
    pattern: str,
    flags: int = 0,
    *,
    trigger: str,
    reach: tuple[int, int] = (100, 100),
) -> Callable[[Callable[[re.Match[str]], Candidate | None]], None]:
    """Register a rule.

    `trigger` is a short lower-case pattern found in every match of the rule (in the lower-cased
    text); `reach` says how far a match may extend before and after it.
    """

    def register(handler: Callable[[re.Match[str]], Candidate | None]) -> None:
        _RULES.append(_Rule(re.compile(trigger), reach, re.compile(pattern, flags), handler))

    return register


def _relative_to_reference(granularity: str, shift: Callable[[dt.date], dt.date]) -> Resolver:
    def resolve(ctx: _Context) -> tuple[str, str | None]:
        if ctx.reference is None:
            return "XXXX", None
        return _period_value(shift(ctx.reference), granularity), None

    return resolve


@rule(
    rf"{_LEFT}(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?:T(?P<t>\d\d:\d\d(?::\d\d)?))?{_RIGHT}",
    trigger=r"\d{4}-\d\d-\d\d",
    reach=(5, 20),
)
def _iso_date(m: re.Match[str]) -> Candidate | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not _valid(y, mo, d):
        return None
    value = f"{y:04d}-{mo:02d}-{d:02d}" + (f"T{m['t']}" if m["t"] else "")
    return Candidate(m.start(), m.end(), "TIME" if m["t"] else "DATE", _fixed(value))


@rule(
    rf"{_LEFT}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>{_YEAR}|\d\d){_RIGHT}",
    trigger=r"\d/\d",
    reach=(10, 10),
)
def _slashed_date(m: re.Match[str]) -> Candidate | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    month, day = (b, a) if a > 12 else (a, b)  # day first only where it must be: US usage otherwise
    if not _valid(y, month, day):
        return None
    return Candidate(m.start(), m.end(), "DATE", _fixed(f"{y:04d}-{month:02d}-{day:02d}"))


def _month_day(
    month: int, day: int, year: int | None, end_day: int | None = None, direction: int = 0
) -> Resolver:
    def resolve(ctx: _Context) -> tuple[str, str | None]:
        y = year if year is not None else _year_for(ctx, month, day, direction)
        if y is None:
            return f"XXXX-{month:02d}-{day:02d}", None
        if not _valid(y, month, day):
            return f"XXXX-{month:02d}-{day:02d}", None
        end = (
            f"{y:04d}-{month:02d}-{end_day:02d}" if end_day and _valid(y, month, end_day) else None
        )
        return f"{y:04d}-{month:02d}-{day:02d}", end

    return resolve


def _named_day(m: re.Match[str]) -> Resolver:
    """The day a match names in its `mon`, `d` and optional `y` groups ("Tuesday, Dec. 16", "5 p.m., Nov. 6")."""
    return _month_day(_month(m["mon"]), _day(m["d"]), int(m["y"]) if m["y"] else None)


def _days_until(ref: dt.date, month: int, day: int | None) -> int:
    """Days from the reference date to the next time this month (and day) comes round."""
    year = ref.year if (month, day or 1) >= (ref.month, ref.day) else ref.year + 1
    try:
        return (dt.date(year, month, day or 1) - ref).days
    except ValueError:  # February 29 in a common year
        return 366


def _year_for(ctx: _Context, month: int, day: int | None, direction: int = 0) -> int | None:
    """The year of a month (and day) named without one; `direction` is -1 or +1 where the words say."""
    start = ctx.range_start() if day is not None else None
    if start is not None:  # the end of a range comes after its start
        return start.year + (1 if (month, day) < (start.month, start.day) else 0)
    anchored = None if direction else ctx.sentence_year()
    if anchored is not None:
        return anchored
    if ctx.reference is None:
        return None
    ref = ctx.reference
    here = (month, day or 1)
    now = (ref.month, ref.day if day else 1)
    coming = ref.year if here >= now else ref.year + 1  # the year it next comes round
    latest = ref.year if here <= now else ref.year - 1  # the year it last came round
    if direction:
        return latest if direction < 0 else coming
    tense = ctx.tense()
    if tense > 0:
        if (
            day is not None
            and 0 < (ref - dt.date(ref.year, month, min(day, 28))).days <= JUST_PAST_DAYS
        ):
            # "said it would return the child by Jan. 14", reported a day later: still this year's.
            return ref.year
        return coming
    if tense < 0:
        if not ctx.governed_in_past() and _days_until(ref, month, day) <= (
            SOON_DAYS if day or not ctx.deadline() else SOON_MONTH_DAYS
        ):
            # "said ... must be returned by Jan. 14": the sentence's past is its reporting verb's;
            # a date within weeks ahead that no past verb governs is the coming one.
            return coming
        return latest
    # The sentence does not say. News reports more than it announces: a month up to a quarter ahead
    # is the coming one, anything further ahead the last one.
    months_ahead = (month - ref.month) % 12
    if months_ahead == 0:
        return ref.year
    return (
        ref.year + (1 if month < ref.month else 0)
        if months_ahead <= 3
        else ref.year - (1 if month > ref.month else 0)
    )


_RANGE_JOIN = r"\s*(?:-|–|—|to|through|until)\s*"
_MONTH_LIST_STEP = re.compile(
    rf"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:in\s+)?{_MONTH_WORD}(?![\w'’])"
)
_SPAN_BOUND_BEFORE = re.compile(r"\b(?:until|till|through|since|before|after)\s+$", re.I)
_FOLLOWS_A_MONTH = re.compile(rf"{_MONTH_WORD}(?:\s+{_DAY})?,?\s+$")
_RANGE_TO = re.compile(r",?\s*(?:-|–|—|to|through|until|till|and)\s*", re.I)


@rule(
    rf"{_LEFT}(?i:the\s+week\s+of)\s+(?P<mon>{_MONTH_WORD})\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?{_RIGHT}",
    trigger=r"week\s+of",
    reach=(5, 40),
)
def _week_of(m: re.Match[str]) -> Candidate | None:
    on_day = _named_day(m)

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        value = on_day(ctx)[0]
        return (
            _iso_week(dt.date.fromisoformat(value)) if not value.startswith("X") else "XXXX-WXX"
        ), None

    return Candidate(m.start(), m.end(), "DATE", resolve)


_HALVES = {"first": 1, "front": 1, "early": 1, "second": 2, "last": 2, "latter": 2, "back": 2}


@rule(
    rf"{_LEFT}(?:the\s+)?(?P<which>{_alternation(_HALVES)})(?:[\s-]+half|\s+two\s+quarters)\s+of\s+(?:(?:fiscal\s+)?(?P<y>{_YEAR})|(?P<rel>the|this|last|next)\s+year)(?![\w'’])",
    re.I,
    trigger=r"(?:half|quarters)\s+of",
    reach=(30, 25),
)
def _half_year(m: re.Match[str]) -> Candidate | None:
    half = _HALVES[m["which"].lower()]
    if m["y"]:
        return Candidate(m.start(), m.end(), "DATE", _fixed(f"{m['y']}-H{half}"))
    shift = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        year = (ctx.sentence_year() if shift == 0 else None) or (
            ctx.reference.year + shift if ctx.reference else None
        )
        return (f"{year}-H{half}" if year else f"XXXX-H{half}"), None

    return Candidate(m.start(), m.end(), "DATE", resolve)


def _noun_follows(m: re.Match[str]) -> bool:
    """Whether a lower-case content word follows the match: "annual report", "June 6 and 12 people"."""
    following = re.match(r"\s+([a-z]+)", m.string[m.end() : m.end() + 30])
    return following is not None and following.group(1) not in _FUNCTION_WORDS


@rule(
    rf"{_LEFT}(?P<mon>{_MONTH_WORD})\s+(?P<d1>{_DAY})\s+(?:and|&)\s+(?P<second>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?{_RIGHT}(?!\s*%)"
    rf"|{_LEFT}(?P<first>{_DAY})\s+(?:and|&)\s+(?P<d2>{_DAY})\s+(?:of\s+)?(?P<mon2>{_MONTH_WORD})(?:,?\s+(?P<y2>{_YEAR}))?{_RIGHT}",
    trigger=r"(?:and|&)\s+\d",
    reach=(30, 40),
)
def _other_day_of_a_pair(m: re.Match[str]) -> Candidate | None:
    """ "April 24 and 25", "24 and 25 April": two days, each its own expression. This rule finds the
    day written without its month; the month-day rules find the other."""
    month = _month(m["mon"] or m["mon2"])
    year_text = m["y"] or m["y2"]
    year = int(year_text) if year_text else None
    first, second = (
        (_day(m["d1"]), _day(m["second"])) if m["second"] else (_day(m["first"]), _day(m["d2"]))
    )
    if second <= first or _noun_follows(m):
        return None  # "on June 6 and 3 more days", "June 6 and 12 people": not a pair of days
    start, end, day = (
        (m.start("second"), m.end(), second)
        if m["second"]
        else (m.start("first"), m.end("first"), first)
    )
    return Candidate(
        start, end, "DATE", _month_day(month, day, year), anchors_year=year is not None
    )


@rule(
    rf"{_LEFT}(?P<mon>{_MONTH_WORD})\s+(?P<d1>{_DAY}|(?i:{_ORDINAL_WORD}))(?:{_RANGE_JOIN}(?P<d2>{_DAY}))?(?:,?\s+(?P<y>{_YEAR}))?{_RIGHT}",
    trigger=_alternation(_MONTHS),
    reach=(5, 40),
)
def _month_day_year(m: re.Match[str]) -> Candidate | None:
    month, day = _month(m["mon"]), _day(m["d1"])
    end_day = _day(m["d2"]) if m["d2"] else None
    if end_day is not None and end_day <= day:
        return None
    year = int(m["y"]) if m["y"] else None
    return Candidate(m.start(), m.end(), "DATE", _month_day(month, day, year, end_day))


@rule(
    rf"{_LEFT}(?P<d1>{_DAY})(?:{_RANGE_JOIN}(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<mon>{_MONTH_WORD})(?:,?\s+(?P<y>{_YEAR}))?{_RIGHT}",
    trigger=_alternation(_MONTHS),
    reach=(30, 15),
)
def _day_month_year(m: re.Match[str]) -> Candidate | None:
    if m["mon"].lower().rstrip(".") in ("may", "mar") and not m["y"]:
        return None  # "4 may ..." is too often a count followed by a verb
    month, day = _month(m["mon"]), _day(m["d1"])
    end_day = _day(m["d2"]) if m["d2"] else None
    year = int(m["y"]) if m["y"] else None
    return Candidate(m.start(), m.end(), "DATE", _month_day(month, day, year, end_day))


@rule(
    rf"{_LEFT}(?:(?P<mod>early|mid|late)[\s-]+)?(?P<mon>{_MONTH_WORD})(?:\s+of)?,?\s+(?P<y>{_YEAR}){_RIGHT}",
    re.I,
    trigger=_alternation(_MONTHS),
    reach=(10, 20),
)
def _month_year(m: re.Match[str]) -> Candidate | None:
    if not m["mon"][0].isupper():
        return None
    return Candidate(
        m.start(),
        m.end(),
        "DATE",
        _fixed(f"{int(m['y']):04d}-{_month(m['mon']):02d}"),
        anchors_year=True,
    )


@rule(
    rf"{_LEFT}(?P<rel>[Tt]his|[Ll]ast|[Nn]ext|[Tt]his\s+past|[Tt]his\s+coming)\s+(?P<mon>{_MONTH_WORD})(?:\s+(?P<d>{_DAY}))?{_RIGHT}",
    trigger=_alternation(_MONTHS),
    reach=(20, 15),
)
def _relative_month(m: re.Match[str]) -> Candidate | None:
    month = _month(m["mon"])
    day = _day(m["d"]) if m["d"] else None
    rel = m["rel"].lower().split()[-1]
    # "last Oct. 23": the latest such day before the reference, or the first after
    if day is not None:
        return Candidate(
            m.start(),
            m.end(),
            "DATE",
            _month_day(month, day, None, direction={"past": -1, "last": -1}.get(rel, 1)),
        )

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        if ctx.reference is None:
            return f"XXXX-{month:02d}", None
        ref = ctx.reference
        if rel in ("past", "last"):  # the latest such month before this one
            year = ref.year if month < ref.month else ref.year - 1
        elif rel in ("coming", "next"):  # the first such month after this one
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year
        return f"{year:04d}-{month:02d}", None

    return Candidate(m.start(), m.end(), "DATE", resolve)


@rule(
    rf"{_LEFT}(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?(?P<mon>{_MONTH_WORD}){_RIGHT}",
    trigger=_alternation(_MONTHS),
    reach=(10, 10),
)
def _bare_month(m: re.Match[str]) -> Candidate | None:
    word = m["mon"].rstrip(".").lower()
    before = m.string[max(0, m.start() - 40) : m.start()]
    name = _CAPITALISED_BEFORE.search(before)
    if name and name.group(1).lower() not in _FUNCTION_WORDS and not m["mod"]:
        return None  # "Theresa May", "Dong Jun", "Operation August"
    if word in ("may", "mar", "march") and not m["mod"] and not _MONTH_CUE_BEFORE.search(before):
        return None  # the modal verb and the verb "to march"
    if len(word) <= 4 and word not in ("may", "june", "july") and not m.group().endswith("."):
        return None  # a bare "Jun" or "Mar" without its period is a name or a word, not a month
    month = _month(word)

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        year = _year_for(ctx, month, None)
        return (f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"), None

    return Candidate(m.start(), m.end(), "DATE", resolve)


# A year may follow another year and a dash ("2025-2033"): each end is its own expression.
_YEAR_LEFT = r"(?:(?<=\d{4}-)|(?<=\d{4}–)|(?<![\w$€£¥#/.-]))"


@rule(
    rf"{_YEAR_LEFT}(?:(?P<mod>early|mid|late|the\s+(?:start|end|beginning|middle)\s+of)[\s-]+)?(?:(?P<fy>fiscal(?:\s+year)?|FY)\s*)?(?P<y>{_YEAR})"
    rf"(?!\s*(?:%|percent|per\s+cent|troops|people|soldiers|tonnes|tons|km|miles|metres|meters|feet|votes|points|cases|deaths|barrels|units|shares|dollars|yuan|euros|pounds))"
    rf"(?![\w/]|[.,]\d|-(?!\d{{4}}(?!\d))\d|:\d)",
    re.I,
    trigger=r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)",
    reach=(40, 15),
)
def _year(m: re.Match[str]) -> Candidate | None:
    before = m.string[max(0, m.start() - 3) : m.start()]
    if re.search(r"\d[,.]$|\d\s$", before) or re.search(r"(?:No\.|#|\$)\s?$", before):
        return None
    return Candidate(m.start(), m.end(), "DATE", _fixed(f"{int(m['y']):04d}"), anchors_year=True)


_DECADE_WORDS = {
    "twenties": "2",
    "thirties": "3",
    "forties": "4",
    "fifties": "5",
    "sixties": "6",
    "seventies": "7",
    "eighties": "8",
    "nineties": "9",
}


@rule(
    rf"{_LEFT}(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0|['’](?P<short>\d)0)'?s{_RIGHT}"
    rf"|{_LEFT}the\s+(?:(?:early|mid|late)[\s-]+)?(?P<word>{'|'.join(_DECADE_WORDS)}){_RIGHT}",
    re.I,
    trigger=r"0['’]?s\b|ies\b",
    reach=(30, 5),
)
def _decade(m: re.Match[str]) -> Candidate | None:
    if m["word"]:
        return Candidate(
            m.start(), m.end(), "DATE", _fixed(f"19{_DECADE_WORDS[m['word'].lower()]}")
        )
    if m["short"]:
        century = "19"
        decade = m["short"]
    else:
        century, decade = m["c"], m["d"]
    return Candidate(m.start(), m.end(), "DATE", _fixed(f"{century}{decade}"))


@rule(
    rf"{_LEFT}(?:the\s+)?(?:(?P<yp>{_YEAR})(?:['’]s)?\s+|(?P<rel>this|last|next)\s+year['’]s\s+|(?P<ago>year[\s-](?:ago|earlier))\s+)?"
    rf"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)(?:[\s-]+|\s+fiscal\s+)quarter(?:\s+of\s+(?:fiscal\s+)?(?P<y>{_YEAR})|,?\s+(?P<y2>{_YEAR}))?{_RIGHT}"
    rf"|{_LEFT}Q(?P<q>[1-4])(?:\s*(?P<y3>{_YEAR}))?{_RIGHT}",
    re.I,
    trigger=r"quarter|\bq[1-4]",
    reach=(30, 30),
)
def _quarter_rule(m: re.Match[str]) -> Candidate | None:
    quarter = int(m["q"]) if m["q"] else _ORDINALS[m["ord"].lower()]
    year_text = m["y"] or m["y2"] or m["y3"] or m["yp"]
    if m["rel"] or m["ago"]:  # "last year's fourth quarter", "the year-ago third quarter"
        shift = -1 if m["ago"] else {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]

        def resolve_relative(ctx: _Context) -> tuple[str, str | None]:
            year = ctx.reference.year + shift if ctx.reference else None
            return (f"{year}-Q{quarter}" if year else f"XXXX-Q{quarter}"), None

        return Candidate(m.start(), m.end(), "DATE", resolve_relative)
    if year_text:
        return Candidate(m.start(), m.end(), "DATE", _fixed(f"{year_text}-Q{quarter}"))
    if m["ord"] and m["ord"].lower() == "last":
        return None  # "last quarter" is the previous quarter: the relative rule takes it

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        year = ctx.sentence_year()
        if year is None and ctx.reference is not None:
            ref_q = (ctx.reference.month - 1) // 3 + 1
            year = ctx.reference.year - (1 if quarter > ref_q and ctx.direction() < 0 else 0)
        return (f"{year}-Q{quarter}" if year else f"XXXX-Q{quarter}"), None

    return Candidate(m.start(), m.end(), "DATE", resolve)


@rule(
    rf"{_LEFT}(?P<phrase>the\s+weekend|the\s+week(?!\s+(?:ended|ending)\b)|the\s+(?:full|fiscal|current\s+fiscal)\s+year(?!\s+(?:ended|ending)\b)|year[\s-]end|year['’]s\s+end){_RIGHT}",
    re.I,
    trigger=r"weekend|week\b|year",
    reach=(30, 10),
)
def _period_in_view(m: re.Match[str]) -> Candidate | None:
    """A period the article is about, named without a date: "the weekend", "the full year"."""
    phrase = (
        re.sub(r"\s+", " ", m["phrase"].lower())
        .replace("year end", "year-end")
        .replace("’", "'")
        .replace("year's end", "year-end")
    )

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        ref = ctx.reference
        if ref is None:
            return {
                "the weekend": "XXXX-WXX-WE",
                "the week": "XXXX-WXX",
                "year-end": "XXXX-12-31",
            }.get(phrase, "XXXX"), None
        if phrase == "the weekend":
            # The weekend just past, unless the sentence looks ahead.
            saturday = ref - dt.timedelta(days=(ref.isoweekday() - 6) % 7)
            if ctx.tense() > 0 and saturday < ref - dt.timedelta(days=1):
                saturday += dt.timedelta(days=7)
            return _iso_week(saturday) + "-WE", None
        if phrase == "the week":
            return _iso_week(ref), None
        if phrase == "year-end":
            # "since year-end" and "rose at year-end" look back to the last one; otherwise the coming one.
            since = re.search(r"\bsince\s+$", ctx.text[max(0, ctx.start - 8) : ctx.start], re.I)
            # "in place by year's end" is ahead.
            past = since or (ctx.tense() < 0 and not ctx.deadline())
            return f"{ref.year - (1 if past else 0):04d}-12-31", None
        return f"{ref.year:04d}", None

    return Candidate(m.start(), m.end(), "DATE", resolve)


@rule(
    rf"{_LEFT}(?P<ending>the\s+(?:fiscal\s+)?(?:year|week))(?=\s+(?:ended|ending)\b)"
    rf"|(?:(?<=\bfor\s)|(?<=\bof\s)|(?<=\bin\s)|(?<=\bduring\s)|(?<=\bthrough\s)|(?<=\bover\s))(?P<bare>the\s+year){_RIGHT}(?!\s+(?:of|before|after|to|when|that|in)\b)",
    re.I,
    trigger=r"\bthe\s+(?:fiscal\s+)?(?:year|week)\b",
    reach=(10, 20),
)
def _the_year(m: re.Match[str]) -> Candidate | None:
    """Earnings language: "the year ended Sept. 30" is a year's span; "for the year" is this year."""
    if m["ending"]:  # "the week ended March 7" likewise
        return Candidate(
            m.start(),
            m.end(),
            "DURATION",
            _fixed("P1W" if m["ending"].lower().endswith("week") else "P1Y"),
        )

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        year = ctx.sentence_year() or (ctx.reference.year if ctx.reference else None)
        return (f"{year:04d}" if year else "XXXX"), None

    return Candidate(m.start(), m.end(), "DATE", resolve, anchors_year=True)


def _last_quarter_day(reference: dt.date) -> dt.date:
    """A day in the last quarter that has ended by `reference`: the one earnings reports speak of."""
    return _shift(reference, "quarter", -1)


@rule(
    rf"{_LEFT}(?:the|that|its|(?P<last_year>last\s+year['’]s))\s+(?P<which>(?:latest|most\s+recent|just[\s-]ended|recent|current|same|comparable|"
    rf"year[\s-]ago|year[\s-]earlier|prior[\s-]year|{_YEAR})\s+)?(?:fiscal\s+)?(?P<unit>quarter|period)(?!-|\s+of\b|\s+to\s+(?:date\b|the\b|\d|(?-i:[A-Z])))(?P<ago>\s+a\s+year\s+(?:ago|earlier))?{_RIGHT}"
    rf"|{_LEFT}(?P<bare>year[\s-](?:ago|earlier))(?![\s-]+(?:quarter|period)){_RIGHT}",
    re.I,
    trigger=r"quarter|period|year[\s-](?:ago|earlier)",
    reach=(50, 25),
)
def _reported_quarter(m: re.Match[str]) -> Candidate | None:
    """The quarter an earnings report speaks of: "the latest quarter", "the year-ago period", "the 1988 quarter"."""
    which = re.sub(r"[\s-]+", " ", (m["which"] or m["bare"] or "")).strip().lower()
    if m["unit"] and m["unit"].lower() == "period" and not which and not m["last_year"]:
        return None  # "the period" alone names no quarter
    year_back = which in ("year ago", "year earlier", "prior year", "comparable") or bool(
        m["ago"] or m["last_year"]
    )
    named_year = int(which) if which.isdigit() else None

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        if ctx.reference is None:
            return (f"{named_year}-QX" if named_year else "XXXX-QX"), None
        day = ctx.reference if which == "current" else _last_quarter_day(ctx.reference)
        if year_back:
            day = _shift(day, "year", -1)
        if named_year:
            day = day.replace(year=named_year, day=1)
        return _quarter(day), None

    return Candidate(m.start(), m.end(), "DATE", resolve)


_SPELLED_YEAR = (
    rf"(?P<century>nineteen|eighteen)[\s-]+(?P<tens>{_TENS_WORD}|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    rf"sixteen|seventeen|eighteen|nineteen)(?:[\s-]+(?P<units>{_UNIT_WORD}))?"
    rf"|(?P<thousand>two\s+thousand)(?:\s+(?:and\s+)?(?P<units2>{_ONE_TO_TWELVE}))?"
)


@rule(
    rf"{_LEFT}(?:(?:the\s+)?year\s+)?(?:{_SPELLED_YEAR}){_RIGHT}(?!\s+(?:dollars|people|troops|miles|pounds|{_UNIT})\b)",
    re.I,
    trigger=r"nineteen|eighteen|thousand",
    reach=(20, 40),
)
def _spelled_year(m: re.Match[str]) -> Candidate | None:
    return Candidate(
        m.start(), m.end(), "DATE", _fixed(f"{_spelled_year_value(m):04d}"), anchors_year=True
    )


def _spelled_year_value(m: re.Match[str]) -> int:
    """The year a match of _SPELLED_YEAR names: "nineteen ninety-four" 1994, "two thousand and one" 2001."""
    if m["thousand"]:
        return 2000 + int(_number(m["units2"]) if m["units2"] else 0)
    return (
        int(_number(m["century"])) * 100
        + int(_number(m["tens"]))
        + (int(_number(m["units"])) if m["units"] else 0)
    )


def _holiday_date(rule_text: str, year: int) -> dt.date | None:
    from dateutil.easter import easter

    if rule_text.startswith("easter"):
        return easter(year) + dt.timedelta(days=int(rule_text[6:]))
    if ">" in rule_text:  # "11-02>2": the first Tuesday on or after November 2
        day_text, weekday_text = rule_text.split(">")
        start = dt.date(year, *map(int, day_text.split("-")))
        return start + dt.timedelta(days=(int(weekday_text) - start.isoweekday()) % 7)
    parts = rule_text.split("-")
    month = int(parts[0])
    if len(parts) == 2:
        return dt.date(year, month, int(parts[1]))
    nth, weekday = int(parts[1][1:] or -int(parts[2])), int(parts[-1])
    if parts[1] == "W":  # "MM-W-1-k": the last weekday k of the month
        nth = -1
    first = dt.date(year, month, 1)
    if nth > 0:
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = (first + relativedelta(months=1)) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


@rule(
    rf"{_LEFT}(?P<name>"
    + "|".join(
        re.escape(h).replace(r"\ ", r"\s+").replace("'", "['’]?")
        for h in sorted(_HOLIDAYS, key=len, reverse=True)
    )
    + rf")(?P<week>\s+week)?(?:,?\s+(?P<y>{_YEAR}))?{_RIGHT}",
    re.I,
    trigger=r"day\b|christmas|easter|halloween|thanksgiving|fourth|eve\b|night",
    reach=(40, 20),
)
def _holiday(m: re.Match[str]) -> Candidate | None:
    if not m["name"][0].isupper():
        return None
    key = re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")
    rule_text = _HOLIDAYS.get(key) or next(
        (v for k, v in _HOLIDAYS.items() if k.replace("'", "") == key.replace("'", "")), None
    )
    if rule_text is None:
        return None

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        year = int(m["y"]) if m["y"] else None
        if year is None and ctx.reference is not None:
            probe = _holiday_date(rule_text, ctx.reference.year)
            year = _year_for(ctx, probe.month, probe.day) if probe else None
        day = _holiday_date(rule_text, year) if year else None
        if m["week"]:  # "Easter week", "Christmas week": the week the holiday falls in
            return (_iso_week(day) if day else "XXXX-WXX"), None
        return (day.isoformat() if day else "XXXX-XX-XX"), None

    return Candidate(m.start(), m.end(), "DATE", resolve)


@rule(
    rf"{_LEFT}(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<word>{_ORDINAL_WORD}))[\s-]+century{_RIGHT}",
    re.I,
    trigger=r"centur",
    reach=(40, 5),
)
def _century(m: re.Match[str]) -> Candidate | None:
    number = int(m["n"]) if m["n"] else _ordinal(m["word"])
    return Candidate(m.start(), m.end(), "DATE", _fixed(f"{number - 1:02d}"))


_SEASON_STARTS = {
    "SP": 3,
    "SU": 6,
    "FA": 9,
    "WI": 12,
}  # the month each season begins, north of the equator


@rule(
    rf"{_LEFT}(?:(?P<rel>this\s+past|this|last|next|past|coming)\s+)?(?P<season>{_SEASON})(?:\s+(?:of\s+)?(?:(?P<y>{_YEAR})|{_SPELLED_YEAR}))?{_RIGHT}",
    re.I,
    trigger=r"spring|summer|autumn|fall\b|winter",
    reach=(20, 45),
)
def _season(m: re.Match[str]) -> Candidate | None:
    year = m["y"] or (f"{_spelled_year_value(m):04d}" if m["century"] or m["thousand"] else None)
    if not (m["rel"] or year):
        before = m.string[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(r"\b(?:in|the|this|by|until|since|during|late|early)\s+$", before):
            return None  # "spring" the verb, "fall" the verb
        if (
            m["season"].lower() in ("fall", "spring")
            and re.search(r"\bthe\s+$", before)
            and not re.search(r"\b(?:in|by|until|since|during|through|over)\s+the\s+$", before)
        ):
            return None  # "the fall of the dollar", "the fall was due to": a drop, not autumn
    code = _SEASONS[m["season"].lower()]
    if year:
        return Candidate(m.start(), m.end(), "DATE", _fixed(f"{year}-{code}"))
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    shift = {"last": -1, "next": 1, "coming": 1}.get(rel, 0)

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        if ctx.reference is None:
            return f"XXXX-{code}", None
        if rel in ("past", "this past"):  # the latest one that has begun
            return (
                f"{ctx.reference.year - (1 if ctx.reference.month < _SEASON_STARTS[code] else 0)}-{code}",
                None,
            )
        return f"{ctx.reference.year + shift}-{code}", None

    return Candidate(m.start(), m.end(), "DATE", resolve)


@rule(
    rf"{_LEFT}(?:(?P<before>{_PART_OF_DAY})\s+)?(?P<word>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:\s+(?P<part>{_PART_OF_DAY}))?{_RIGHT}",
    re.I,
    trigger=r"today|tonight|yesterday|tomorrow",
    reach=(25, 20),
)
def _deictic_day(m: re.Match[str]) -> Candidate | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    offset = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[word]
    named_part = m["part"] or m["before"]  # "yesterday afternoon", "mid-afternoon yesterday"
    part = _PARTS_OF_DAY[re.sub(r"\s+", " ", named_part.lower())] if named_part else None

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        if ctx.reference is None:
            return (
                PRESENT_REF
                if offset == 0 and not part
                else "XXXX-XX-XX" + (f"T{part}" if part else "")
            ), None
        day = ctx.reference + dt.timedelta(days=offset)
        return day.isoformat() + (f"T{part}" if part else ""), None

    return Candidate(m.start(), m.end(), "TIME" if part else "DATE", resolve)


@rule(
    rf"{_LEFT}(?:the\s+)?(?P<part>{_PART_OF_DAY}){_RIGHT}(?!\s+(?:the|of|after|before|when|that|he|she|they|it|we|i)\b)",
    re.I,
    trigger=r"morning|afternoon|evening|night",
    reach=(25, 5),
)
def _part_of_day(m: re.Match[str]) -> Candidate | None:
    """ "By mid-afternoon", "in the morning": that part of the day the article speaks of."""
    if not re.search(
        r"\b(?:in|by|during|until|till|through|since|from)\s+$",
        m.string[max(0, m.start() - 8) : m.start()],
        re.I,
    ):
        return None  # "at night" in general, "morning" the noun
    code = _PARTS_OF_DAY[re.sub(r"\s+", " ", m["part"].lower())]

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        day = ctx.day_in_view()
        return f"{day.isoformat() if day else 'XXXX-XX-XX'}T{code}", None

    return Candidate(m.start(), m.end(), "TIME", resolve)


@rule(
    rf"{_LEFT}(?P<word>now|currently|at\s+present|nowadays|these\s+days|recently|lately|the\s+past|the\s+future|the\s+near\s+future|the\s+near\s+term|the\s+short\s+term|"
    rf"(?:recent|coming|the\s+(?:past|last|next|coming)\s+(?:few|several))\s+(?:days|weeks|months|years|decades)|the\s+(?:days|weeks|months|years)\s+ahead|a\s+later\s+date|as\s+soon\s+as\s+possible|current){_RIGHT}",
    re.I,
    trigger=r"\b(?:now|current|present|these|recent|lately|past|future|term|coming|last|next|ahead|later\s+date|possible)",
    reach=(20, 30),
)
def _vague(m: re.Match[str]) -> Candidate | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    if word == "now" and re.match(r"\s+that\b", m.string[m.end() : m.end() + 6]):
        return None  # "now that ..." is a conjunction
    if m.group()[0].isupper() and re.search(
        r"[\w,]\s*$", m.string[max(0, m.start() - 3) : m.start()]
    ):
        return None  # "Is Now Trading": a capital inside a title-case headline
    if (word == "current" and not m.group()[0].islower()) or re.search(r"\s[A-Z]", m.group()):
        return None  # "Current TV", "the Forum for the Future": a name
    unit = re.search(r"(day|week|month|year|decade)s(?: ahead)?$", word)
    if unit and word != "these days":
        # "recent years", "the next few days": a stretch of unknown length, as TimeML writes it (PXY).
        return Candidate(m.start(), m.end(), "DURATION", _fixed(_duration("X", unit.group(1))))
    if word.startswith(("recent", "the past", "the last", "lately")):
        value = PAST_REF
    elif word.startswith(
        (
            "the future",
            "the near",
            "the short",
            "coming",
            "the next",
            "the coming",
            "a later",
            "as soon",
        )
    ):
        value = FUTURE_REF
    else:
        value = PRESENT_REF
    return Candidate(m.start(), m.end(), "DATE", _fixed(value))


@rule(
    rf"{_LEFT}(?:(?P<when>earlier|later)\s+(?=this\b))?(?:the\s+)?(?P<rel>{_RELATIVE_WORD}|that(?=\s+(?:day|week|month|year)\b(?![-'’])))\s+(?P<unit>day|week|weekend|month|quarter|year|decade|century|{_PART_OF_DAY}){_RIGHT}",
    re.I,
    trigger=r"\b(?:this|last|next|past|coming|previous|following|current|same|that\s+(?:day|week|month|year))\b",
    reach=(25, 25),
)
def _relative_unit(m: re.Match[str]) -> Candidate | None:
    if _is_title(m, "unit"):
        return None
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if unit in _PARTS_OF_DAY:
        if rel not in ("this", "last"):
            return None
        code = _PARTS_OF_DAY[unit]
        shift_days = -1 if rel == "last" else 0

        def resolve_part(ctx: _Context) -> tuple[str, str | None]:
            if ctx.reference is None:
                return f"XXXX-XX-XXT{code}", None
            return f"{(ctx.reference + dt.timedelta(days=shift_days)).isoformat()}T{code}", None

        return Candidate(m.start(), m.end(), "TIME", resolve_part)
    if rel == "that":  # "that year": the one last named

        def resolve_that(ctx: _Context) -> tuple[str, str | None]:
            if unit == "year":
                return (f"{ctx.last_year:04d}" if ctx.last_year else PAST_REF), None
            day = ctx.last_month if unit == "month" else ctx.last_day
            return (_period_value(day, _UNITS[unit][2]) if day else PAST_REF), None

        return Candidate(m.start(), m.end(), "DATE", resolve_that)
    if rel == "same":
        if unit != "day":
            return None

        def resolve_same(ctx: _Context) -> tuple[str, str | None]:
            day = ctx.last_day or ctx.reference
            return (day.isoformat() if day else "XXXX-XX-XX"), None

        return Candidate(m.start(), m.end(), "DATE", resolve_same)
    if rel in ("past", "coming") and unit not in ("weekend",):
        # "the past year", "the coming week": a stretch of time, not a calendar period.
        return Candidate(m.start(), m.end(), "DURATION", _fixed(_duration("1", unit)))
    if rel == "following" or (rel == "next" and unit == "day"):
        # "the following year": the one after the period last named.
        def resolve_next(ctx: _Context) -> tuple[str, str | None]:
            if unit == "year" and ctx.last_year:
                return f"{ctx.last_year + 1:04d}", None
            day = (ctx.last_month if unit == "month" else None) or ctx.last_day or ctx.reference
            return (_period_value(_shift(day, unit, 1), _UNITS[unit][2]) if day else "XXXX"), None

        return Candidate(m.start(), m.end(), "DATE", resolve_next)
    amount = {
        "this": 0,
        "current": 0,
        "last": -1,
        "previous": -1,
        "past": -1,
        "next": 1,
        "coming": 1,
    }[rel]
    granularity = _UNITS[unit][2]
    suffix = "-WE" if unit == "weekend" else ""

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        if ctx.reference is None:
            return (PRESENT_REF if amount == 0 else (PAST_REF if amount < 0 else FUTURE_REF)), None
        return _period_value(_shift(ctx.reference, unit, amount), granularity) + suffix, None

    return Candidate(m.start(), m.end(), "DATE", resolve, anchors_year=unit == "year")


@rule(
    rf"{_LEFT}{_APPROXIMATELY}(?P<n>{_NUMBER})(?:\s+more)?\s+(?P<unit>{_UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|before|later|from\s+now|hence){_RIGHT}",
    re.I,
    trigger=r"\b(?:ago|earlier|before|later|from\s+now|hence)\b",
    reach=(70, 12),
)
def _offset_from_reference(m: re.Match[str]) -> Candidate | None:
    unit = _unit(m["unit"])
    amount = _number(m["n"])
    direction = m["dir"].lower()
    if direction == "before" and re.match(r"\s+[\w$]", m.string[m.end() : m.end() + 3]):
        # "30 days before closing the purchase": a stretch before an event, not a date.
        return Candidate(m.start(), m.end("unit"), "DURATION", _fixed(_duration(amount, unit)))
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if direction in ("earlier", "later", "before") and not (
        unit == "year" and amount == "1" and direction == "earlier"
    ):
        # "Three days later", "a day earlier": counted from the event just told, not from the
        # article's date, so TimeML gives the stretch of time (the earnings "a year earlier" aside).
        return Candidate(m.start(), m.end(), "DURATION", _fixed(_duration(amount, unit)))
    if unit == "year" and amount == "1":
        # Earnings news: "a year ago" beside a quarter means that quarter a year before.
        def resolve_year_ago(ctx: _Context) -> tuple[str, str | None]:
            if ctx.reference is None:
                return PAST_REF if sign < 0 else FUTURE_REF, None
            shifted = _shift(ctx.reference, "year", sign)
            context = ctx.text[max(0, ctx.sentence()[0] - 300) : ctx.sentence()[1]]
            if re.search(r"\bquarter", context, re.I):
                return _quarter(_shift(_last_quarter_day(ctx.reference), "year", sign)), None
            return f"{shifted.year:04d}", None

        return Candidate(m.start(), m.end(), "DATE", resolve_year_ago)
    if _UNITS[unit][1] == "time":
        return Candidate(
            m.start(), m.end(), "TIME", _fixed("PAST_REF" if sign < 0 else "FUTURE_REF")
        )
    if amount == "X" or "." in amount:
        return Candidate(m.start(), m.end(), "DATE", _fixed(PAST_REF if sign < 0 else FUTURE_REF))
    granularity = _UNITS[unit][2] if _UNITS[unit][2] != "-" else "day"
    return Candidate(
        m.start(),
        m.end(),
        "DATE",
        _relative_to_reference(granularity, lambda d: _shift(d, unit, sign * int(amount))),
    )


_RATE_BEFORE = re.compile(  # "$1.76 a year", "$500 million a year", "four flights a week"
    r"(?:[$€£¥]?\d[\d,.]*%?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|fifty|hundred|"
    r"hundreds|thousand|thousands|million|millions|billion|billions|twice|times))"
    r"(?:\s+(?:million|billion|thousand|mln|bln|pct|percent|[a-z-]+s)){0,2}(?:\s+in\s+[a-z-]+s)?\s+$",
    re.I,
)
_SHARE_OF = re.compile(
    r"\s+of\s+(?!(?:the\s+|this\s+|a\s+)?(?:year|century|decade|season|fiscal)\b)"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“‘(`']\s*|\n\s*)$")


def _is_title(m: re.Match[str], group: str) -> bool:
    """A capitalised unit inside a name: ABC's "This Week", "60 Minutes", "24 Hour Party People".

    Only the first word of a sentence has a capital of its own."""
    at = m.start(group)
    if not m.string[at].isupper():
        return False
    return at > m.start() or not _SENTENCE_START.search(m.string, max(0, at - 3), at)


_MILITARY_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_QUARTER_CENTURY = re.compile(r"[\s-]century\b", re.I)
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|shall|should|must|to)\s+$", re.I)
_AFTER_A_SECOND = re.compile(
    r"\s+(?!(?:and|or|of|to|in|on|at|for|before|after|later|ago|earlier|longer|more|or|then|too|when|while)\b)[A-Za-z]"
)


@rule(
    rf"{_LEFT}(?:(?:the\s+)?(?:past|last|next|coming|first|final|previous|following)\s+)?{_APPROXIMATELY}(?P<n>{_NUMBER})(?:\s+(?:more|full|straight|consecutive|additional|extra|trading|business|working))?[\s-]+(?P<unit>{_UNIT})(?P<half>\s+and\s+a\s+half)?(?:[\s-]+long)?{_RIGHT}(?![\s-]+old\b)",
    re.I,
    trigger=r"(?:second|minute|hour|day|night|week|month|quarter|year|decade|centur)",
    reach=(45, 25),
)
def _duration_rule(m: re.Match[str]) -> Candidate | None:
    if _is_title(m, "unit"):
        return None
    unit = _unit(m["unit"])
    amount = _number(m["n"])
    after = m.string[m.end() : m.end() + 12]
    if unit == "quarter" and amount in ("1", "2", "3") and _SHARE_OF.match(m.string, m.end()):
        return None  # "three-quarters of its food": a share, not a time
    if m["unit"].lower() == "year" and re.fullmatch(_YEAR, m["n"]):
        return None  # "1986 year net": the year 1986
    if (
        unit == "hour"
        and _MILITARY_CLOCK.fullmatch(m["n"])
        and m.string.endswith("at ", 0, m.start())
    ):
        return None  # "at 1000 hours": a time of day
    century = _QUARTER_CENTURY.match(m.string, m.end()) if unit == "quarter" else None
    if century:  # "a quarter century", "a quarter-century"
        return Candidate(
            m.start(),
            century.end(),
            "DURATION",
            _fixed(_duration(str(25 * int(amount)) if amount.isdigit() else "X", "year")),
        )
    if m["n"].lower() in ("a", "an", "one") and m["unit"].lower() != unit:
        return None  # "a decades-long battle": the plural is the stretch, not "a"
    if (
        m["n"].lower() == "one"
        and unit == "day"
        and _MODAL_BEFORE.search(m.string, max(0, m.start() - 20), m.start())
    ):
        # "Islam will one day be ...": some day ahead
        return Candidate(m.start(), m.end(), "DATE", _fixed(FUTURE_REF))
    if m["n"].lower() in ("a", "an"):
        if unit == "second" and _AFTER_A_SECOND.match(after):
            return None  # "a second term"
        if _RATE_BEFORE.search(m.string[max(0, m.start() - 40) : m.start()]):
            # "$33 million a year"
            return Candidate(m.start(), m.end(), "SET", _fixed(_duration("1", unit)))
    if m["half"] and amount != "X":  # "a minute and a half"
        amount = str(float(amount) + 0.5)
    return Candidate(m.start(), m.end(), "DURATION", _fixed(_duration(amount, unit)))


@rule(
    rf"{_LEFT}(?P<long>{_UNIT})-long(?![\w-])"
    rf"|{_LEFT}(?P<the>the\s+(?:early\s+|intervening\s+)?)?(?P<word>(?:a|one)\s+(?:decade|century)|decades|centuries|years|months|weeks|days|hours|minutes){_RIGHT}(?!\s+(?:ago|earlier|later))",
    re.I,
    trigger=r"decade|centur|years|months|weeks|days|hours|minutes|-long",
    reach=(10, 12),
)
def _bare_duration(m: re.Match[str]) -> Candidate | None:
    if m["long"]:  # "a day-long meeting", "a decades-long battle"
        word = m["long"].lower()
        unit = _unit(word)
        return Candidate(
            m.start(), m.end(), "DURATION", _fixed(_duration("1" if unit == word else "X", unit))
        )
    word = m["word"].lower()
    before = m.string[max(0, m.start() - 16) : m.start()].lower()
    if word.endswith("s") and not word.startswith(("a ", "one ")):
        if not re.search(
            r"\b(?:for|in|over|within|past|last|recent|coming|after|through|across|down)\s+$",
            before,
        ):
            return None
        if m["the"] and re.match(
            r"\s+(?:of|before|after|to|between|from|\d)", m.string[m.end() : m.end() + 10]
        ):
            return None  # "in the weeks before the shooting", "the years 1990 to 1995": not a stretch of its own
        unit = _unit(word)
        return Candidate(m.start(), m.end(), "DURATION", _fixed(_duration("X", unit)))
    unit = word.split()[-1]
    return Candidate(m.start(), m.end(), "DURATION", _fixed(_duration("1", unit)))


@rule(
    rf"{_LEFT}(?:(?P<rel>(?i:last|next|this\s+coming|this\s+past|this|on|the\s+previous|the\s+following))\s+)?(?P<wd>{_WEEKDAY_WORD})(?:\s+(?P<part>{_PART_OF_DAY}))?(?:,?\s+(?P<mon>{_MONTH_WORD})\s+(?P<d>{_DAY}|(?i:{_ORDINAL_WORD}))(?:,?\s+(?P<y>{_YEAR}))?)?{_RIGHT}",
    trigger=_alternation(_WEEKDAYS),
    reach=(20, 45),
)
def _weekday_rule(m: re.Match[str]) -> Candidate | None:
    if m["mon"]:
        # "Tuesday, Dec. 16": the explicit date wins; the weekday only confirms it.
        return Candidate(m.start(), m.end(), "DATE", _named_day(m))
    weekday = _weekday(m["wd"])
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    rel = {"this coming": "next", "this past": "last"}.get(rel, rel)
    start = m.start() if rel and rel != "on" else m.start("wd")
    part = _PARTS_OF_DAY[m["part"].lower()] if m["part"] else None

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        # "Tuesday morning" is a TIME: the day, then the part of day (2025-12-16TMO).
        day = _weekday_date(ctx, weekday, rel)
        return (day.isoformat() if day else f"XXXX-WXX-{weekday}") + (
            f"T{part}" if part else ""
        ), None

    return Candidate(start, m.end(), "TIME" if part else "DATE", resolve)


def _weekday_date(ctx: _Context, weekday: int, rel: str = "") -> dt.date | None:
    """The day a weekday names: "last" and "next" say which way, else the sentence's tense.

    "The previous Friday" and "the following Monday" count from the last day named."""
    if ctx.reference is None:
        return None
    ref = ctx.reference
    if rel in ("the previous", "the following"):
        ref = ctx.last_day or ref
        rel = "last" if rel == "the previous" else "next"
    direction = {"last": -1, "next": 1}.get(rel) or ctx.direction()
    if direction < 0:
        return ref - dt.timedelta(
            days=(ref.isoweekday() - weekday) % 7 or (7 if rel == "last" else 0)
        )
    return ref + dt.timedelta(days=(weekday - ref.isoweekday()) % 7 or (7 if rel == "next" else 0))


@rule(
    rf"(?:{_LEFT}(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|a\.m|p\.m)(?:\s+(?P<tz>(?-i:[A-Z]{{2,4}})(?!\w)))?"
    rf"|{_LEFT}(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)(?!\d|:\d)(?:\s+(?P<tz24>GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|JST|ET|PT|local\s+time))?"
    rf"|{_LEFT}(?P<word>noon|midday|midnight){_RIGHT}"
    rf"|(?<=\bat\s)(?P<mil>[01]\d|2[0-3])(?P<milmin>[0-5]\d)\s+(?:hours|hrs)\b(?:\s+(?P<tzmil>GMT|local(?:\s+time)?))?"
    rf"|{_LEFT}(?P<hour>1[0-2]|0?[1-9]|{_ONE_TO_TWELVE})(?:\s+o['’]clock)?\s+in\s+the\s+(?P<half>morning|afternoon|evening|night){_RIGHT})"
    rf"(?:\s+(?:\([^()\n]{{1,20}}\)\s+)?(?:on\s+)?(?P<wd>{_WEEKDAY_WORD}){_RIGHT}"
    rf"|,?\s+(?:on\s+)?(?P<mon>{_MONTH_WORD})\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?{_RIGHT})?",
    re.I,
    trigger=r"\d\s*[ap]\.?m|\d:\d\d|at\s+\d{4}\s+h|noon|midday|midnight|in\s+the\s+(?:morning|afternoon|evening|night)",
    reach=(20, 50),
)
def _clock_time(m: re.Match[str]) -> Candidate | None:
    if m["word"] and re.search(r"\bhigh\s+$", m.string[max(0, m.start() - 6) : m.start()], re.I):
        return None  # "High Noon", the film and the figure of speech
    if m["word"]:
        clock = "24:00" if m["word"].lower() == "midnight" else "12:00"
    elif m["h24"] is not None:
        clock = f"{int(m['h24']):02d}:{m['min24']}"
    elif m["mil"]:  # "at 1000 hours local"
        clock = f"{m['mil']}:{m['milmin']}"
    elif m["hour"]:  # "4 in the morning", "eight in the evening"
        hour = int(_number(m["hour"])) % 12
        if m["half"].lower() in ("afternoon", "evening") or (
            m["half"].lower() == "night" and hour >= 6
        ):
            hour += 12
        clock = f"{hour:02d}:00"
    else:
        hour = int(m["h"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
        clock = f"{hour:02d}:{m['min'] or '00'}"

    weekday = _weekday(m["wd"]) if m["wd"] else None
    if m["mon"]:  # "5 p.m. EST, Nov. 6"
        on_day = _named_day(m)

        def resolve_day(ctx: _Context) -> tuple[str, str | None]:
            return f"{on_day(ctx)[0]}T{clock}", None

        return Candidate(m.start(), m.end(), "TIME", resolve_day)

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        if weekday is not None:  # "10 p.m. Wednesday", "10:35 a.m. (0735 GMT) Friday"
            day = _weekday_date(ctx, weekday)
            return (f"{day.isoformat()}T{clock}" if day else f"XXXX-WXX-{weekday}T{clock}"), None
        day = ctx.day_in_view()
        return (f"{day.isoformat()}T{clock}" if day else f"XXXX-XX-XXT{clock}"), None

    end = m.end()
    if (
        m["tz"]
        and not m["wd"]
        and m["tz"]
        not in (
            "GMT",
            "UTC",
            "EST",
            "EDT",
            "PST",
            "PDT",
            "BST",
            "CET",
            "ET",
            "PT",
            "CST",
            "CDT",
            "JST",
        )
    ):
        end = m.start("tz") - 1
    return Candidate(m.start(), end, "TIME", resolve)


@rule(
    rf"{_LEFT}(?:every|each)\s+(?:(?P<n>other|{_NUMBER})\s+)?(?P<unit>{_UNIT}|{_WEEKDAY_WORD}|{_PART_OF_DAY}|(?-i:{_MONTH_WORD})){_RIGHT}",
    re.I,
    trigger=r"\b(?:every|each)\b",
    reach=(5, 30),
)
def _every(m: re.Match[str]) -> Candidate | None:
    word = m["unit"].lower().rstrip(".")
    if word in _MONTHS and m["unit"][0].isupper():  # "each July"
        return Candidate(m.start(), m.end(), "SET", _fixed(f"XXXX-{_MONTHS[word]:02d}"))
    if word in _WEEKDAYS:
        return Candidate(m.start(), m.end(), "SET", _fixed(f"XXXX-WXX-{_WEEKDAYS[word]}"))
    if word in _PARTS_OF_DAY:
        return Candidate(m.start(), m.end(), "SET", _fixed(f"TXX{_PARTS_OF_DAY[word]}"))
    count = "2" if (m["n"] or "").lower() == "other" else (_number(m["n"]) if m["n"] else "1")
    return Candidate(m.start(), m.end(), "SET", _fixed(_duration(count, _unit(word))))


_SET_ADVERBS = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "annual": "P1Y",
    "yearly": "P1Y",
    "biannual": "P6M",
    "biannually": "P6M",
    "semi-annual": "P6M",
    "semiannual": "P6M",
    "semi-annually": "P6M",
    "semiannually": "P6M",
    "biennial": "P2Y",
    "biennially": "P2Y",
}


@rule(
    r"(?<![\w-])(?P<word>"
    + "|".join(sorted(map(re.escape, _SET_ADVERBS), key=len, reverse=True))
    + r")(?![\w-])",
    trigger=_alternation(_SET_ADVERBS),
    reach=(5, 5),
)
def _set_adverb(m: re.Match[str]) -> Candidate | None:
    if m["word"] in ("annual", "quarterly", "biennial") and _noun_follows(m):
        return None  # "annual report", "quarterly earnings": a kind of thing, not a recurrence
    return Candidate(m.start(), m.end(), "SET", _fixed(_SET_ADVERBS[m["word"]]))


@rule(
    rf"{_LEFT}(?P<n>once|twice|{_NUMBER}\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>{_UNIT}){_RIGHT}",
    re.I,
    trigger=r"\b(?:once|twice|times)\b",
    reach=(20, 25),
)
def _frequency(m: re.Match[str]) -> Candidate | None:
    return Candidate(m.start(), m.end(), "SET", _fixed(_duration("1", _unit(m["unit"]))))


# --- the tagger --------------------------------------------------------------------------------


def _candidates(text: str) -> Iterator[Candidate]:
    lowered = text.lower()  # same length: str.lower() keeps offsets for the text news is written in
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # Several rules share a trigger (the month names): each trigger scans the text once.
    triggered: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    for rule_ in _RULES:
        if rule_.trigger not in triggered:
            triggered[rule_.trigger] = [m.span() for m in rule_.trigger.finditer(lowered)]
        seen: set[tuple[int, int]] = set()
        for start, end in _windows(rule_, text, triggered[rule_.trigger]):
            for match in rule_.pattern.finditer(text, start, end):
                if match.span() in seen:
                    continue
                seen.add(match.span())
                candidate = rule_.handler(match)
                if candidate is not None and candidate.end > candidate.start:
                    yield candidate


_LONGEST_WORD = 40


def _windows(rule_: _Rule, text: str, triggers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches of text around each occurrence of a rule's trigger (`triggers`), merged, cut only between words.

    Scanning these instead of the whole text is what makes the tagger fast: Python's re tries every
    pattern at every position, while a trigger is found by a quick case-sensitive scan.
    """
    before, after = rule_.reach
    windows: list[tuple[int, int]] = []
    for trigger_start, trigger_end in triggers:
        start = max(0, trigger_start - before)
        end = min(len(text), trigger_end + after)
        # Widen to whole words, but only so far: a run of text with no spaces holds no date.
        floor, ceiling = max(0, start - _LONGEST_WORD), min(len(text), end + _LONGEST_WORD)
        while start > floor and not text[start - 1].isspace():
            start -= 1
        while end < ceiling and not text[end].isspace():
            end += 1
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _select(candidates: list[Candidate], length: int) -> list[Candidate]:
    """Longest first; a candidate overlapping one already chosen is dropped."""
    chosen: list[Candidate] = []
    taken = bytearray(length)  # one flag per character: linear however many candidates there are
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if 1 in taken[cand.start : cand.end]:
            continue
        chosen.append(cand)
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    return sorted(chosen, key=lambda c: c.start)


_DAY_OFFSET_BEFORE = re.compile(r"\b(?:the\s+)?day\s+(before|after)\s+$", re.I)


def _day_offsets(selected: list[Candidate], text: str) -> list[Candidate]:
    """ "The day before last Tuesday", "the day after Christmas": the day named, moved by one."""
    result = []
    for cand in selected:
        offset = _DAY_OFFSET_BEFORE.search(text, max(0, cand.start - 16), cand.start)
        if offset and cand.type == "DATE":
            cand = Candidate(
                offset.start(),
                cand.end,
                "DATE",
                _moved_a_day(cand.resolve, 1 if offset.group(1).lower() == "after" else -1),
            )
        result.append(cand)
    return result


def _moved_a_day(resolve: Resolver, days: int) -> Resolver:
    def moved(ctx: _Context) -> tuple[str, str | None]:
        value, end = resolve(ctx)
        day = _DAY_VALUE.fullmatch(value)
        if not day:
            return value, end
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat(), None

    return moved


_YEAR_VALUE = re.compile(r"^(\d{4})(?:$|-)")
_DAY_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d)")
_MONTH_VALUE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])(?:$|-\d)")


def _resolved(cand: Candidate, ctx: _Context) -> tuple[str, str | None]:
    """The candidate's value; a day past the calendar's ends ("next year" written on 9999-12-31)
    has none that can be written, and is left unresolved instead of stopping the tagger."""
    try:
        return cand.resolve(ctx)
    except (ValueError, OverflowError):
        return "XXXX", None


def tag(text: str, reference: dt.date | None = None) -> list[TemporalExpression]:
    """Every temporal expression in `text`, resolved against `reference` where one is known."""
    selected = _day_offsets(_select(list(_candidates(text)), len(text)), text)
    sentences = Sentences(text)
    values: dict[int, tuple[str, str | None]] = {}
    anchors: list[YearAnchor] = []
    # First what names a year (it needs only the reference); bare months then take their year from it.
    for index, cand in enumerate(selected):
        if cand.anchors_year:
            values[index] = _resolved(
                cand, _Context(text, reference, sentences, cand.start, cand.end, anchors, None)
            )
            year = _YEAR_VALUE.match(values[index][0])
            follows_a_month = bool(
                _FOLLOWS_A_MONTH.search(text, max(0, cand.start - 16), cand.start)
            )
            bounds_a_span = bool(
                _SPAN_BOUND_BEFORE.search(text, max(0, cand.start - 10), cand.start)
            )
            anchors.append(
                YearAnchor(
                    cand.start, int(year.group(1)) if year else None, follows_a_month, bounds_a_span
                )
            )
    # Then the rest in reading order, so that "the same day" can look back at the last day named.
    last_day: dt.date | None = None
    last_month: dt.date | None = None
    last_year: int | None = None
    last_day_end = -1
    for index, cand in enumerate(selected):
        if index not in values:
            values[index] = _resolved(
                cand,
                _Context(
                    text,
                    reference,
                    sentences,
                    cand.start,
                    cand.end,
                    anchors,
                    last_day,
                    last_month,
                    last_year,
                    last_day_end,
                ),
            )
        year = _YEAR_VALUE.match(values[index][0])
        if year:
            last_year = int(year.group(1))
        day = _DAY_VALUE.match(values[index][0])
        if day:
            last_day, last_day_end = dt.date.fromisoformat(day.group(1)), cand.end
        month = _MONTH_VALUE.match(values[index][0])
        if month:
            last_month = dt.date(int(month.group(1)), int(month.group(2)), 1)
    return [
        TemporalExpression(
            c.start, c.end, text[c.start : c.end], c.type, values[i][0], values[i][1]
        )
        for i, c in enumerate(selected)
    ]


_DATELINE_LEAD = re.compile(r"\s*(?:[A-Z][A-Za-z.'-]*[ ,/]*){0,4}[\s,—–-]*")


def infer_reference(
    text: str, unresolved: list[TemporalExpression] | None = None
) -> Reference | None:
    """The article's own date when no metadata gives it: a dateline, else the latest full date.

    `unresolved` is the text tagged without a reference, where the caller has it already."""
    expressions = [
        e for e in (tag(text, None) if unresolved is None else unresolved) if e.type == "DATE"
    ]
    full_dates = [
        (e.start, dt.date.fromisoformat(e.value))
        for e in expressions
        if re.fullmatch(r"\d{4}-\d\d-\d\d", e.value)
    ]
    for start, day in full_dates:
        line_start = text.rfind("\n", 0, start) + 1
        # A dateline: near the top, and only a place name before the date ("LONDON 1996-08-30").
        if line_start < 200 and _DATELINE_LEAD.fullmatch(text[line_start:start]):
            return Reference(day, inferred=True)
    if not full_dates:
        return None
    latest = max(day for _, day in full_dates)
    latest_year = max(
        (int(e.value[:4]) for e in expressions if re.match(r"\d{4}(?:$|-)", e.value)),
        default=latest.year,
    )
    # A birth date in a profile is no reference for an article that speaks of later years.
    return Reference(latest, inferred=True) if latest.year >= latest_year else None


_HALF_MONTH = {"H1": 1, "H2": 7}


def period_start(value: str) -> dt.date | None:
    """The first day a resolved TimeML date value covers; None for durations, sets and unknowns."""
    match = re.match(
        r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d)|-Q([1-4])|-(SP|SU|FA|WI)|-(H[12]))?(?:$|T)", value
    )
    try:
        if match:
            year = int(match.group(1))
            if match.group(4):
                return dt.date.fromisocalendar(year, int(match.group(4)), 1)
            if match.group(5):
                return dt.date(year, 3 * int(match.group(5)) - 2, 1)
            if match.group(6):
                return dt.date(year, _SEASON_STARTS[match.group(6)], 1)
            if match.group(7):
                return dt.date(year, _HALF_MONTH[match.group(7)], 1)
            return dt.date(year, int(match.group(2) or 1), int(match.group(3) or 1))
        decade = re.fullmatch(r"(\d{3})", value)
        if decade:
            return dt.date(int(decade.group(1)) * 10, 1, 1)
    except ValueError:
        return None
    return None


def extract_dates(
    text: str, reference: dt.date | None
) -> tuple[list[TemporalExpression], Reference | None]:
    """Tag `text`, resolving against `reference`, or against a date inferred from the text itself."""
    if reference:
        return tag(text, reference), Reference(reference, inferred=False)
    unresolved = tag(text, None)
    ref = infer_reference(text, unresolved)
    return (tag(text, ref.date) if ref else unresolved), ref
