"""Rules for lengths of time: "three years", "a decade-long", "two and a half months"."""

from __future__ import annotations

import re

from .context import Candidate, _fixed, _is_title
from .expressions import FUTURE_REF, TemporalExpression
from .registry import rule
from .values import _duration
from .vocabulary import (
    _APPROXIMATELY,
    _LEFT,
    _MILITARY_CLOCK,
    _NUMBER,
    _RIGHT,
    _UNIT,
    _YEAR,
    _number,
    _unit,
)

_RATE_BEFORE = re.compile(  # "$1.76 a year", "$500 million a year", "four flights a week"
    r"(?:[$€£¥]?\d[\d,.]*%?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|fifty|hundred|"
    r"hundreds|thousand|thousands|million|millions|billion|billions|twice|times))"
    r"(?:\s+(?:million|billion|thousand|mln|bln|pct|percent|[a-z-]+s)){0,2}(?:\s+in\s+[a-z-]+s)?\s+$",
    re.I,
)


_SHARE_OF = re.compile(
    r"\s+of\s+(?!(?:the\s+|this\s+|a\s+)?(?:year|century|decade|season|fiscal)\b)"
)


_QUARTER_CENTURY = re.compile(r"[\s-]century\b", re.I)


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|shall|should|must|to)\s+$", re.I)
_LAST_AS_A_VERB = re.compile(r"last\s+", re.I)


# An age is no time the article places or measures: "children ages 6 months and older", "aged 65
# years and over", "under 5 years of age" ("37 years old" the rule's pattern leaves out itself).
_AGE_AFTER = re.compile(r"[\s-]+(?:of\s+age|and\s+(?:older|over|above|up|younger|under))\b", re.I)
_AGE_BEFORE = re.compile(
    r"\b(?:ages?|aged)\s+(?:of\s+)?(?:(?:between\s+)?\w+\s+(?:to|and)\s+)?$", re.I
)


def _after_an_age(text: str, start: int) -> bool:
    """Whether what starts at `start` is an age: "aged 65 years", "aged 6 to 12 years"."""
    return bool(_AGE_BEFORE.search(text, max(0, start - 30), start))


_AFTER_A_SECOND = re.compile(
    r"\s+(?!(?:and|or|of|to|in|on|at|for|before|after|later|ago|earlier|longer|more|or|then|too|when|while)\b)[A-Za-z]"
)


@rule(
    rf"{_LEFT}(?:(?:the\s+)?(?:past|last|next|coming|first|final|previous|following)\s+)?{_APPROXIMATELY}(?P<n>{_NUMBER})(?:\s+(?:more|full|straight|consecutive|additional|extra|trading|business|working))?[\s-]+(?P<unit>{_UNIT})(?P<half>\s+and\s+a\s+half)?(?:[\s-]+long)?{_RIGHT}(?![\s-]+old\b)",
    re.I,
    trigger=r"(?:second|minute|hour|day|night|week|month|quarter|year|decade|centur|mth|yr|wk|qtr)",
    reach=(45, 25),
)
def duration_rule(m: re.Match[str]) -> Candidate | None:
    if _is_title(m, "unit"):
        return None
    unit = _unit(m["unit"])
    amount = _number(m["n"])
    after = m.string[m.end() : m.end() + 12]
    if unit in ("year", "month", "week", "day") and (
        _AGE_AFTER.match(m.string, m.end()) or _after_an_age(m.string, m.start())
    ):
        return None
    if unit == "quarter" and amount in ("1", "2", "3") and _SHARE_OF.match(m.string, m.end()):
        return None  # "three-quarters of its food": a share, not a time
    if m["unit"].lower() == "year" and re.fullmatch(_YEAR, m["n"]):
        return None  # "1986 year net": the year 1986
    if (
        unit == "hour"
        and _MILITARY_CLOCK.fullmatch(m["n"])
        and m.string.endswith("at ", 0, m.start())
    ):
        return None  # "at 1000 hours": a time of day
    century = _QUARTER_CENTURY.match(m.string, m.end()) if unit == "quarter" else None
    if century:  # "a quarter century", "a quarter-century"
        return Candidate(
            m.start(),
            century.end(),
            "DURATION",
            _fixed(_duration(str(25 * int(amount)) if amount.isdigit() else "X", "year")),
        )
    if m["n"].lower() in ("a", "an", "one") and m["unit"].lower() != unit:
        return None  # "a decades-long battle": the plural is the stretch, not "a"
    if (
        m["n"].lower() == "one"
        and unit == "day"
        and _MODAL_BEFORE.search(m.string, max(0, m.start() - 20), m.start())
    ):
        # "Islam will one day be ...": some day ahead
        return Candidate(m.start(), m.end(), "DATE", _fixed(FUTURE_REF))
    if m["n"].lower() in ("a", "an"):
        if unit == "second" and _AFTER_A_SECOND.match(after):
            return None  # "a second term"
        if _RATE_BEFORE.search(m.string[max(0, m.start() - 40) : m.start()]):
            # "$33 million a year"
            return Candidate(m.start(), m.end(), "SET", _fixed(_duration("1", unit)))
    if m["half"] and amount != "X":  # "a minute and a half"
        amount = str(float(amount) + 0.5)
    start = m.start()
    verb = _LAST_AS_A_VERB.match(m.string, start)
    if verb and _MODAL_BEFORE.search(m.string, max(0, start - 20), start):
        start = verb.end()  # "repairs that will last three months": the stretch, not the verb
    return Candidate(start, m.end(), "DURATION", _fixed(_duration(amount, unit)))


# What makes a bare plural a stretch of time: "for years", "it can take weeks"; and, with no "the"
# before it, "before" or "after" behind it: "minutes before the plane left".
_BARE_PLURAL_AFTER = re.compile(
    r"\b(?:for|in|over|within|past|last|recent|coming|after|through|across|down"
    r"|takes?|took|taken|taking|spen[dt]s?|spending|lasts?|lasted|waited|waiting)\s+$"
)
_BEFORE_OR_AFTER = re.compile(r"\s+(?:before|after)\b", re.I)
# "in the first days after the vote", "a matter of days before": days of a time named around them
_DETERMINED = re.compile(r"\b(?:the|first|final|last|early|of|few|several|many|those|these)\s+$")


@rule(
    rf"{_LEFT}(?P<long>{_UNIT})-long(?![\w-])"
    rf"|{_LEFT}(?P<the>the\s+(?:early\s+|intervening\s+)?)?(?P<word>(?:a|one)\s+(?:decade|century)|decades|centuries|years|months|weeks|days|hours|minutes){_RIGHT}(?!\s+(?:ago|earlier|later))",
    re.I,
    trigger=(r"decade|centur|years|months|weeks|days|hours|minutes", "-long"),
    reach=(10, 12),
)
def bare_duration(m: re.Match[str]) -> Candidate | None:
    if m["long"]:  # "a day-long meeting", "a decades-long battle"
        word = m["long"].lower()
        unit = _unit(word)
        return Candidate(
            m.start(), m.end(), "DURATION", _fixed(_duration("1" if unit == word else "X", unit))
        )
    word = m["word"].lower()
    before = m.string[max(0, m.start() - 16) : m.start()].lower()
    if word.endswith("s") and not word.startswith(("a ", "one ")):
        if not _BARE_PLURAL_AFTER.search(before) and (
            m["the"] or _DETERMINED.search(before) or not _BEFORE_OR_AFTER.match(m.string, m.end())
        ):
            return None
        if m["the"] and re.match(
            r"\s+(?:of|before|after|to|between|from|\d)", m.string[m.end() : m.end() + 10]
        ):
            # "in the weeks before the shooting", "the years 1990 to 1995": not a stretch of its own
            return None
        unit = _unit(word)
        return Candidate(m.start(), m.end(), "DURATION", _fixed(_duration("X", unit)))
    unit = word.split()[-1]
    return Candidate(m.start(), m.end(), "DURATION", _fixed(_duration("1", unit)))


_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)([YMWDHS])")
_ORDER = ["Y", "M", "W", "D", "TH", "TM", "TS"]
_BETWEEN_PARTS = re.compile(r"\s*,?\s*(?:and\s+)?")


def _parts(value: str) -> list[tuple[str, str]] | None:
    """(amount, unit) of a duration value, its time units marked T: P1Y2D, PT2H15M."""
    match = re.fullmatch(r"P((?:\d+(?:\.\d+)?[YMWD])*)(?:T((?:\d+(?:\.\d+)?[HMS])+))?", value)
    if not match or not (match.group(1) or match.group(2)):
        return None
    date_part, time_part = match.group(1) or "", match.group(2) or ""
    return [(n, u) for n, u in _DURATION_PART.findall(date_part)] + [
        (n, "T" + u) for n, u in _DURATION_PART.findall(time_part)
    ]


def joined_durations(expressions: list[TemporalExpression], text: str) -> list[TemporalExpression]:
    """ "Two hours 15 minutes", "11 years and 316 days": one duration, not two, when each part
    names smaller units than the one before."""
    joined: list[TemporalExpression] = []
    for expression in expressions:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.type == expression.type == "DURATION"
            and _BETWEEN_PARTS.fullmatch(text, previous.end, expression.start)
        ):
            first, second = _parts(previous.value), _parts(expression.value)
            if first and second and _ORDER.index(first[-1][1]) < _ORDER.index(second[0][1]):
                parts = first + second
                dates = "".join(n + u for n, u in parts if not u.startswith("T"))
                times = "".join(n + u[1:] for n, u in parts if u.startswith("T"))
                value = "P" + dates + ("T" + times if times else "")
                joined[-1] = TemporalExpression(
                    previous.start,
                    expression.end,
                    text[previous.start : expression.end],
                    "DURATION",
                    value,
                )
                continue
        joined.append(expression)
    return joined


@rule(
    rf"{_LEFT}(?P<between>between\s+)?(?P<first>{_NUMBER})\s*(?P<to>to|and)\s*{_NUMBER}[\s-]+(?P<unit>{_UNIT}){_RIGHT}",
    re.I,
    trigger=r"(?:second|minute|hour|day|week|month|year|decade)s",
    reach=(45, 12),
)
def range_start(m: re.Match[str]) -> Candidate | None:
    """ "Between 12 and 18 months", "two to six days": the first number is a length of time in the
    unit of the second, a duration of its own (the second is found as one by duration_rule)."""
    if (m["to"].lower() == "and" and not m["between"]) or _after_an_age(m.string, m.start()):
        return None
    amount = _number(m["first"])
    if not amount[0].isdigit():
        return None
    unit = _unit(m["unit"])
    return Candidate(m.start("first"), m.end("first"), "DURATION", _fixed(_duration(amount, unit)))
