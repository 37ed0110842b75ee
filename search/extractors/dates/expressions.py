"""What the tagger finds: a temporal expression with its TimeML value, and the reference date
it was resolved against."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
