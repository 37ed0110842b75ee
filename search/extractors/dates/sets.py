"""Rules for recurring times: "every week", "daily", "twice a year"."""

from __future__ import annotations

import re

from .context import Candidate, _fixed, _noun_follows
from .registry import rule
from .values import _duration
from .vocabulary import (
    _LEFT,
    _MONTH_WORD,
    _MONTHS,
    _NUMBER,
    _PART_OF_DAY,
    _PARTS_OF_DAY,
    _RIGHT,
    _UNIT,
    _WEEKDAY_WORD,
    _WEEKDAYS,
    _alternation,
    _number,
    _unit,
)


@rule(
    rf"{_LEFT}(?:every|each)\s+(?:(?P<n>other|{_NUMBER})\s+)?(?P<unit>{_UNIT}|{_WEEKDAY_WORD}|{_PART_OF_DAY}|(?-i:{_MONTH_WORD})){_RIGHT}",
    re.I,
    trigger=r"\b(?:every|each)\b",
    reach=(5, 30),
)
def every(m: re.Match[str]) -> Candidate | None:
    word = m["unit"].lower().rstrip(".")
    if word in _MONTHS and m["unit"][0].isupper():  # "each July"
        return Candidate(m.start(), m.end(), "SET", _fixed(f"XXXX-{_MONTHS[word]:02d}"))
    if word in _WEEKDAYS:
        return Candidate(m.start(), m.end(), "SET", _fixed(f"XXXX-WXX-{_WEEKDAYS[word]}"))
    if word in _PARTS_OF_DAY:
        return Candidate(m.start(), m.end(), "SET", _fixed(f"XXXX-XX-XXT{_PARTS_OF_DAY[word]}"))
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
    # "semi-annual" is found by its "annual"
    trigger=_alternation(word for word in _SET_ADVERBS if "-" not in word),
    reach=(5, 5),
)
def set_adverb(m: re.Match[str]) -> Candidate | None:
    if m["word"] in ("annual", "quarterly", "biennial") and _noun_follows(m):
        return None  # "annual report", "quarterly earnings": a kind of thing, not a recurrence
    return Candidate(m.start(), m.end(), "SET", _fixed(_SET_ADVERBS[m["word"]]))


@rule(
    rf"{_LEFT}(?P<n>once|twice|{_NUMBER}\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>{_UNIT}){_RIGHT}",
    re.I,
    trigger=r"\b(?:once|twice|times)\b",
    reach=(20, 25),
)
def frequency(m: re.Match[str]) -> Candidate | None:
    return Candidate(m.start(), m.end(), "SET", _fixed(_duration("1", _unit(m["unit"]))))
