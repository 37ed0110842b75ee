"""The date tagger finds its triggers word by word where it can: the same places as scanning the
whole text with each trigger, which is what it replaces."""

from __future__ import annotations

import re

import pytest

from search.extractors.dates.tagger import _trigger_scanner, tag
from search.extractors.dates.triggers import TriggerScanner, within_a_word

TEXTS = [
    "On Monday, March 3, 1987, the company said profits for the 1986-87 season rose 12% "
    "from a year ago; the fiscal year ended Sept. 30.",
    "Shares closed at 5 p.m. (2200 GMT) at 10:30 on 12/03/1999 and again at 1400 hours, "
    "twice a week since the 1990s and the '80s, in the morning and at midnight.",
    "Semi-annual, bi-annual and quarterly payments_due recently; from now on, later date, that day, "
    "every day this past weekend, q3 and Q4, 30-year-long, 2004-05-06T10:00.",
    "Ünïcode wörds: «today» — yesterday’s décembre 2001, the 2000s, 19999 and 1999x, x1999, "
    "monday_night and day-to-day.",
    "",
    "no dates here at all",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_trigger_is_found_where_a_whole_text_scan_finds_it(text):
    scanner = _trigger_scanner()
    lowered = text.lower()
    found = scanner.spans(lowered)
    for trigger, spans in zip(scanner.triggers, found, strict=True):
        assert spans == [m.span() for m in trigger.finditer(lowered)], trigger.pattern


def test_most_triggers_are_looked_for_word_by_word():
    scanner = _trigger_scanner()
    in_words = [t for t in scanner.triggers if within_a_word(t)]
    assert len(in_words) > len(scanner.triggers) / 2


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:this|last)\b", True),
        (r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)", True),
        (r"quarter|\bq[1-4]", True),
        (r"week\s+of", False),
        (r"\d/\d", False),
        (r"-long", False),
        (r"day.", False),
        (r"[^a]x", False),
        (r"^now", False),
        (r"(?<=\s)now", False),
    ],
)
def test_what_counts_as_a_trigger_within_one_word(pattern, expected):
    assert within_a_word(re.compile(pattern)) is expected


def test_a_word_met_again_is_not_looked_at_again():
    scanner = TriggerScanner([re.compile(r"day\b")])
    assert scanner.spans("today and today") == [[(2, 5), (12, 15)]]
    assert scanner.spans("monday today") == [[(3, 6), (9, 12)]]


def test_the_end_year_of_a_season_is_found_from_its_dash():
    values = [(e.text, e.value) for e in tag(TEXTS[0], None)]
    assert ("1986", "1986") in values
    assert ("87", "1987") in values
