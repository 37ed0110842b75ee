"""The article's own date, when no metadata gives it, and tagging against it."""

from __future__ import annotations

import datetime as dt
import re

from .expressions import Reference, TemporalExpression
from .tagger import tag

_DATELINE_LEAD = re.compile(r"\s*(?:[A-Z][A-Za-z.'-]*[ ,/]*){0,4}[\s,—–-]*")
# A day the text names as a due date, a maturity, an expiry, a deadline or a plan is not the day
# it was written: "notes due January 1, 2047", "effective March 1", "scheduled for June 3", "the
# summit begins on 16 December".
_NOT_THE_DAY_OF_WRITING = re.compile(
    r"\b(?:due|matur\w*|expir\w*|redeem\w*|until|till|through|by|before|starting|effective"
    r"|deadline|scheduled|set|planned|expected|targets?|targeted|begins|starts|opens|resumes)"
    r"(?:\s+(?:for|on|of|is|at))?"
    r"\s*(?:on\s+)?$",
    re.I,
)


def _day_of_writing_candidate(text: str, start: int) -> bool:
    return not _NOT_THE_DAY_OF_WRITING.search(text[max(0, start - 40) : start])


def infer_reference(
    text: str,
    unresolved: list[TemporalExpression] | None = None,
    not_after: dt.date | None = None,
) -> Reference | None:
    """The article's own date when no metadata gives it: a dateline, else the latest full date
    that is no due date or plan, and (for a file) not after the day it was saved.

    `unresolved` is the text tagged without a reference, where the caller has it already."""
    expressions = [
        e
        for e in (tag(text, None) if unresolved is None else unresolved)
        if e.type == "DATE"
        and _day_of_writing_candidate(text, e.start)
        and not (not_after and re.match(r"\d{4}", e.value) and int(e.value[:4]) > not_after.year)
    ]
    full_dates = [
        (e.start, dt.date.fromisoformat(e.value))
        for e in expressions
        if re.fullmatch(r"\d{4}-\d\d-\d\d", e.value)
        and (not_after is None or dt.date.fromisoformat(e.value) <= not_after)
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


def extract_dates(
    text: str, reference: dt.date | None, not_after: dt.date | None = None
) -> tuple[list[TemporalExpression], Reference | None]:
    """Tag `text`, resolving against `reference`, or against a date inferred from the text
    itself (and no later than `not_after`, the day a file was saved, where it is known)."""
    if reference:
        return tag(text, reference), Reference(reference, inferred=False)
    unresolved = tag(text, None)
    ref = infer_reference(text, unresolved, not_after)
    return (tag(text, ref.date) if ref else unresolved), ref
