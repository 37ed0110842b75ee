"""A rule-based temporal tagger for English news: finds TimeML TIMEX3 expressions and resolves
them.

Each rule is a regular expression built from the resource tables plus a function that turns a
match into a `Candidate`: its type and how to compute its value. A rule is only run around its
trigger word, which keeps the tagger fast. Overlapping candidates are settled longest-first.
Values are then resolved against the reference date: first the expressions that name a year,
then the rest in reading order, so that bare months take the year named in their sentence (or
else the one their tense implies), and "the same day" looks back at the last day named.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache

from ..sentences import Sentences
from .context import Candidate, Resolver, YearAnchor, _Context
from .expressions import TemporalExpression
from .registry import DateRule
from .triggers import TriggerScanner
from .values import _DAY_VALUE, _MONTH_VALUE, _YEAR_VALUE
from .vocabulary import _FOLLOWS_A_MONTH, _SPAN_BOUND_BEFORE


@cache
def rules() -> tuple[DateRule, ...]:
    """Every rule, in this order: of two candidates of the same length and start, the rule listed
    first wins. The rule modules are imported here, at the first text to tag: compiling their
    patterns took a tenth of a second of every launch of the reader, which tags nothing until an
    article is opened."""
    from . import absolute, clock, durations, periods, relative, sets

    return (
        absolute.iso_date,
        absolute.slashed_date,
        periods.week_of,
        periods.half_year,
        periods.months_of_a_year,
        absolute.other_day_of_a_pair,
        absolute.month_day_year,
        absolute.dividend_day,
        absolute.month_pair,
        absolute.day_month_year,
        absolute.month_year,
        relative.relative_month,
        relative.bare_month,
        absolute.year,
        absolute.season_end_year,
        absolute.decade,
        periods.quarter_rule,
        periods.period_in_view,
        periods.the_year,
        periods.reported_quarter,
        absolute.spelled_year,
        absolute.holiday,
        absolute.century,
        periods.season,
        relative.deictic_day,
        periods.part_of_day,
        relative.vague,
        relative.relative_unit,
        relative.offset_from_reference,
        durations.duration_rule,
        durations.bare_duration,
        durations.range_start,
        relative.weekday_rule,
        clock.clock_time,
        clock.clock_with_seconds,
        sets.every,
        sets.set_adverb,
        sets.frequency,
    )


@cache
def _trigger_scanner() -> TriggerScanner:
    return TriggerScanner(list(dict.fromkeys(t for rule_ in rules() for t in rule_.triggers)))


def _candidates(text: str) -> Iterator[Candidate]:
    lowered = text.lower()  # same length: str.lower() keeps offsets for the text news is written in
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    scanner = _trigger_scanner()
    spans = dict(zip(scanner.triggers, scanner.spans(lowered), strict=True))
    for rule_ in rules():
        if len(rule_.triggers) == 1:
            triggered = spans[rule_.triggers[0]]
        else:
            triggered = sorted(span for trigger in rule_.triggers for span in spans[trigger])
        seen: set[tuple[int, int]] = set()
        for start, end in _windows(rule_, text, triggered):
            for match in rule_.pattern.finditer(text, start, end):
                if match.span() in seen:
                    continue
                seen.add(match.span())
                candidate = rule_(match)
                if candidate is not None and candidate.end > candidate.start:
                    yield candidate


_LONGEST_WORD = 40


def _windows(rule_: DateRule, text: str, triggers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches of text around each occurrence of a rule's trigger (`triggers`), merged, cut only
    between words.

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
    # First what names a year (it needs only the reference); bare months then take their year from
    # it.
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
            named_month = _MONTH_VALUE.match(values[index][0])
            anchors.append(
                YearAnchor(
                    cand.start,
                    int(year.group(1)) if year else None,
                    follows_a_month,
                    bounds_a_span,
                    int(named_month.group(2)) if named_month else None,
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
    from .durations import joined_durations  # with the rules: see rules()

    expressions = []
    for i, c in enumerate(selected):
        start = _with_modifier(text, c.start) if c.type == "DATE" else c.start
        expressions.append(
            TemporalExpression(start, c.end, text[start : c.end], c.type, *values[i])
        )
    return joined_durations(expressions, text)


_MODIFIER_BEFORE = re.compile(r"\b(?:early|late|mid)[\s-]$|\bmid-?$", re.I)


def _with_modifier(text: str, start: int) -> int:
    """Where a date begins with the word that says which part of it is meant: "late last July",
    "early this year", as TimeML takes them in (the value stays the period's)."""
    match = _MODIFIER_BEFORE.search(text, max(0, start - 6), start)
    return match.start() if match else start
