"""Dates and people from one text: the record behind `newsreader extract` and the side panel."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from .dates import Reference, TemporalExpression, extract_dates, period_start
from .people import Person, PersonMention, extract_people, mentions
from .running_text import running_text

# What the index keeps of an extraction: offsets and values only, the texts being slices of the
# body.
ExtractionRecord = tuple[tuple, tuple, tuple | None]


Span = tuple[int, int]


@dataclass(frozen=True)
class DateEntry:
    """One line of an article's dates: an expression as written, with every place it is named."""

    label: str
    value: str
    end_value: str | None
    day: dt.date | None  # None when the value could not be resolved
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class PersonEntry:
    name: str
    role: str | None
    spans: tuple[Span, ...]


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

    def date_entries(self) -> list[DateEntry]:
        """The dates and times to list, in time order, one entry per expression and value;
        unresolved ones last."""
        grouped: dict[tuple[str, str], list[TemporalExpression]] = {}
        for expression in self.dates:
            if expression.names_a_time:
                key = (" ".join(expression.text.split()), expression.value)
                grouped.setdefault(key, []).append(expression)
        entries = [
            DateEntry(
                label,
                value,
                group[0].end_value,
                period_start(value),
                tuple((e.start, e.end) for e in group),
            )
            for (label, value), group in grouped.items()
        ]
        return sorted(
            entries, key=lambda e: (e.day is None, e.day or dt.date.max, e.value, e.spans[0][0])
        )

    def person_entries(self) -> list[PersonEntry]:
        """The people to list, the most named first."""
        people = sorted(self.people, key=lambda p: (-len(p.mentions), p.mentions[0].start))
        return [
            PersonEntry(p.name, p.role, tuple((m.start, m.end) for m in p.mentions)) for p in people
        ]

    def to_record(self) -> ExtractionRecord:
        dates = tuple((d.start, d.end, d.type, d.value, d.end_value) for d in self.dates)
        people = tuple(
            (p.name, p.role, tuple((m.start, m.end) for m in p.mentions)) for p in self.people
        )
        reference = (
            (self.reference.date.isoformat(), self.reference.inferred) if self.reference else None
        )
        return dates, people, reference

    @classmethod
    def from_record(cls, record: ExtractionRecord, text: str) -> Extraction:
        """The extraction of `text` that `to_record` kept, as opening an article needs it: no re-
        analysis.
        """
        dates, people, reference = record
        return cls(
            tuple(
                TemporalExpression(s, e, text[s:e], kind, value, end_value)
                for s, e, kind, value, end_value in dates
            ),
            tuple(
                Person(name, tuple(PersonMention(s, e, text[s:e], name) for s, e in spans), role)
                for name, role, spans in people
            ),
            Reference(dt.date.fromisoformat(reference[0]), reference[1]) if reference else None,
        )


def extract(
    text: str, reference: dt.date | None = None, not_after: dt.date | None = None
) -> Extraction:
    running = running_text(text)
    dates, ref = extract_dates(running, reference, not_after)
    people = extract_people(running)
    if running is not text:  # what each mention quotes comes from the text as given
        dates = [replace(d, text=text[d.start : d.end]) for d in dates]
        people = [
            replace(p, mentions=tuple(replace(m, text=text[m.start : m.end]) for m in p.mentions))
            for p in people
        ]
    return Extraction(tuple(dates), tuple(people), ref)


def extract_or_nothing(
    text: str, reference: dt.date | None = None, not_after: dt.date | None = None
) -> tuple[Extraction, str | None]:
    """Like extract(), but a failure on one article gives no dates and people, and says why,
    instead of stopping the indexing of a whole archive or the reader."""
    try:
        return extract(text, reference, not_after), None
    except Exception as error:  # an extractor bug must cost one article its side panel, no more
        empty = Extraction((), (), Reference(reference, inferred=False) if reference else None)
        return empty, f"dates and people could not be extracted ({type(error).__name__}: {error})"
