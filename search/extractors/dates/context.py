"""What an expression is resolved against: the reference date, its sentence and tense, the
years named nearby, the last day named; and the resolvers the rules share."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..sentences import Sentences
from .tense import clause_has_tense, clause_span, governed_in_past, tense_at
from .values import _period_value, _valid
from .vocabulary import (
    _DEADLINE_BEFORE,
    _FUNCTION_WORDS,
    _MONTH_LIST_STEP,
    _RANGE_TO,
    _SENTENCE_START,
    _day,
    _month,
)

SENTENCE_REACH = 400  # characters; news sentences are shorter, so this cuts only endless ones


SOON_DAYS = 62  # a date this close ahead is the coming one unless a past verb governs it


SOON_MONTH_DAYS = (
    183  # the same for a month named as a deadline ("loans through January", "by February")
)


JUST_PAST_DAYS = 7  # a date this close behind is this year's even when the sentence looks ahead


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
    month: int | None = None  # the month it names with its year ("May 1986"), if any


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
        """The day the text speaks of here: one named in this sentence or the one before, else the
        reference."""
        sentence_start = self.sentence()[0]
        previous_start = self.sentences.span(sentence_start - 1)[0] if sentence_start else 0
        return (
            self.last_day
            if self.last_day and self.last_day_end >= previous_start
            else self.reference
        )

    def range_start(self) -> dt.date | None:
        """The day this expression ends a range from: "April 14 to July 14", "between Dec. 20, 1986
        and Jan. 5"."""
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
        """+1 when the words governing the expression speak of the future, -1 of the past, 0 when
        they do not say."""
        return tense_at(self.text, self.sentence(), self.start, self.end)

    def governed_in_past(self) -> bool:
        """Whether a past verb right before the expression governs it ("met on", "ended Aug.
        31")."""
        return governed_in_past(self.text, self.sentence()[0], self.start)

    def deadline(self) -> bool:
        """Whether the expression ends or starts a stretch of time: "through January", "effective
        June 1"."""
        return bool(_DEADLINE_BEFORE.search(self.text[max(0, self.start - 20) : self.start]))

    def direction(self) -> int:
        """+1 for the future, -1 otherwise: news mostly reports the past."""
        return 1 if self.tense() > 0 else -1

    def sentence_year(self, month: int | None = None) -> int | None:
        """The year a list of months ends with ("in April, August and December last year"); else the
        year named
        nearest in the expression's clause; else in its sentence, if the clause has no tense of its
        own.

        A year that follows another month belongs to that month alone: "in February, against 0.1 pct
        in
        February last year"."""
        listed = self._list_year()
        if listed is not None:
            return listed
        sentence = self.sentence()
        clause = clause_span(self.text, sentence, self.start, self.end)
        year = self._nearest_year(*clause, month)
        if year is None and not clause_has_tense(self.text, clause, self.start, self.end):
            # A clause with its own verb keeps its own time: "..., approved in 1987 that set no
            # limit,
            # had bought shares through Sept. 29".
            year = self._nearest_year(*sentence, month)
        return year

    def _nearest_year(self, lo: int, hi: int, month: int | None = None) -> int | None:
        # "receipts in May fell ..., compared with 500 mln in May 1986": a month named beside the
        # same month with its year is another year's.
        years = [
            (abs(a.start - self.start), a.start, a.year)
            for a in self.year_anchors
            if lo <= a.start < hi
            and a.start != self.start
            and (month is None or a.month != month)
            and not a.bounds_a_span
            and (not a.names_a_month or self._owns(a))
        ]
        return min(years)[2] if years else None

    def _owns(self, anchor: YearAnchor) -> bool:
        """Whether the year follows this very expression: the "last year" of "February last
        year"."""
        return re.fullmatch(r",?\s+", self.text[self.end : anchor.start]) is not None

    def _list_year(self) -> int | None:
        """The year that ends a list of months this one starts or continues, if it belongs to the
        last of them."""
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


def _fixed(value: str, end_value: str | None = None) -> Resolver:
    return lambda ctx: (value, end_value)


def _relative_to_reference(granularity: str, shift: Callable[[dt.date], dt.date]) -> Resolver:
    def resolve(ctx: _Context) -> tuple[str, str | None]:
        if ctx.reference is None:
            return "XXXX", None
        return _period_value(shift(ctx.reference), granularity), None

    return resolve


def _month_day(
    month: int,
    day: int,
    year: int | None,
    end_day: int | None = None,
    direction: int = 0,
    end_month: int | None = None,
) -> Resolver:
    def resolve(ctx: _Context) -> tuple[str, str | None]:
        y = year if year is not None else _year_for(ctx, month, day, direction)
        if y is None:
            return f"XXXX-{month:02d}-{day:02d}", None
        if not _valid(y, month, day):
            return f"XXXX-{month:02d}-{day:02d}", None
        last_month = end_month or month
        # "Dec 20-Jan 5" ends in the next year.
        end_year = y + 1 if last_month < month else y
        end = (
            f"{end_year:04d}-{last_month:02d}-{end_day:02d}"
            if end_day and _valid(end_year, last_month, end_day)
            else None
        )
        return f"{y:04d}-{month:02d}-{day:02d}", end

    return resolve


def _named_day(m: re.Match[str]) -> Resolver:
    """The day a match names in its `mon`, `d` and optional `y` groups ("Tuesday, Dec. 16", "5 p.m.,
    Nov. 6")."""
    return _month_day(_month(m["mon"]), _day(m["d"]), int(m["y"]) if m["y"] else None)


def _days_until(ref: dt.date, month: int, day: int | None) -> int:
    """Days from the reference date to the next time this month (and day) comes round."""
    year = ref.year if (month, day or 1) >= (ref.month, ref.day) else ref.year + 1
    try:
        return (dt.date(year, month, day or 1) - ref).days
    except ValueError:  # February 29 in a common year
        return 366


def _year_for(ctx: _Context, month: int, day: int | None, direction: int = 0) -> int | None:
    """The year of a month (and day) named without one; `direction` is -1 or +1 where the
    words say."""
    start = ctx.range_start() if day is not None else None
    if start is not None:  # the end of a range comes after its start
        return start.year + (1 if (month, day) < (start.month, start.day) else 0)
    anchored = None if direction else ctx.sentence_year(month)
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


def _noun_follows(m: re.Match[str]) -> bool:
    """Whether a lower-case content word follows the match: "annual report", "June 6 and 12
    people"."""
    following = re.match(r"\s+([a-z]+)", m.string[m.end() : m.end() + 30])
    return following is not None and following.group(1) not in _FUNCTION_WORDS


def _is_title(m: re.Match[str], group: str) -> bool:
    """A capitalised unit inside a name: ABC's "This Week", "60 Minutes", "24 Hour Party People".

    Only the first word of a sentence has a capital of its own."""
    at = m.start(group)
    if not m.string[at].isupper():
        return False
    return at > m.start() or not _SENTENCE_START.search(m.string, max(0, at - 3), at)


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
