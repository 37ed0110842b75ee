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
