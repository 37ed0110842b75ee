"""The article's own date, when no metadata gives it, and tagging against it."""

from __future__ import annotations

import datetime as dt
import re

from .expressions import Reference, TemporalExpression
from .tagger import tag

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


def extract_dates(
    text: str, reference: dt.date | None
) -> tuple[list[TemporalExpression], Reference | None]:
    """Tag `text`, resolving against `reference`, or against a date inferred from the text
    itself."""
    if reference:
        return tag(text, reference), Reference(reference, inferred=False)
    unresolved = tag(text, None)
    ref = infer_reference(text, unresolved)
    return (tag(text, ref.date) if ref else unresolved), ref
