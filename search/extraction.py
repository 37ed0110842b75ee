"""Dates and people from one text: the record behind `newsreader extract` and the side panel."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dates import Reference, TemporalExpression, extract_dates
from .people import Person, extract_people, mentions


@dataclass(frozen=True)
class Extraction:
    dates: tuple[TemporalExpression, ...]
    people: tuple[Person, ...]
    reference: Reference | None

    def as_json(self, doc_id: str) -> dict[str, object]:
        return {
            "id": doc_id,
            "dates": [d.as_json() for d in self.dates],
            "people": [m.as_json() for m in mentions(list(self.people))],
        }


def extract(text: str, reference: dt.date | None = None) -> Extraction:
    dates, ref = extract_dates(text, reference)
    return Extraction(tuple(dates), tuple(extract_people(text)), ref)


def extract_or_nothing(text: str, reference: dt.date | None = None) -> tuple[Extraction, str | None]:
    """Like extract(), but a failure on one article gives no dates and people, and says why,
    instead of stopping the indexing of a whole archive or the reader."""
    try:
        return extract(text, reference), None
    except Exception as error:  # an extractor bug must cost one article its side panel, no more
        empty = Extraction((), (), Reference(reference, inferred=False) if reference else None)
        return empty, f"dates and people could not be extracted ({type(error).__name__}: {error})"
