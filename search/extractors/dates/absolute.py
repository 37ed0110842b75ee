"""Rules for dates written out in full or by their own names: ISO and slashed dates, days of
months with their years, years, decades, centuries, holidays."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from .context import Candidate, _Context, _fixed, _month_day, _noun_follows, _year_for
from .registry import rule
from .values import _iso_week, _valid
from .vocabulary import (
    _DAY,
    _HOLIDAYS,
    _LEFT,
    _MONTH_WORD,
    _MONTHS,
    _NUM_WORD,
    _ORDINAL_WORD,
    _RANGE_JOIN,
    _RIGHT,
    _SPELLED_YEAR,
    _TENS_WORD,
    _UNIT,
    _UNIT_WORD,
    _YEAR,
    _YEAR_LEFT,
    _alternation,
    _day,
    _month,
    _number,
    _ordinal,
    _spelled_year_value,
)

# The last two digits of a season's second year, as in "1957-58".
_SEASON_END = r"\d\d(?!\d)"


@rule(
    rf"{_LEFT}(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?:T(?P<t>\d\d:\d\d(?::\d\d)?))?{_RIGHT}",
    trigger=r"\d{4}-\d\d-\d\d",
    reach=(5, 20),
)
def iso_date(m: re.Match[str]) -> Candidate | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not _valid(y, mo, d):
        return None
    value = f"{y:04d}-{mo:02d}-{d:02d}" + (f"T{m['t']}" if m["t"] else "")
    return Candidate(m.start(), m.end(), "TIME" if m["t"] else "DATE", _fixed(value))


@rule(
    rf"{_LEFT}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>{_YEAR}|\d\d){_RIGHT}",
    trigger=r"\d/\d",
    reach=(10, 10),
)
def slashed_date(m: re.Match[str]) -> Candidate | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    month, day = (b, a) if a > 12 else (a, b)  # day first only where it must be: US usage otherwise
    if not _valid(y, month, day):
        return None
    return Candidate(m.start(), m.end(), "DATE", _fixed(f"{y:04d}-{month:02d}-{day:02d}"))


@rule(
    rf"{_LEFT}(?P<mon>{_MONTH_WORD})\s+(?P<d1>{_DAY})\s+(?:and|&)\s+(?P<second>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?{_RIGHT}(?!\s*%)"
    rf"|{_LEFT}(?P<first>{_DAY})\s+(?:and|&)\s+(?P<d2>{_DAY})\s+(?:of\s+)?(?P<mon2>{_MONTH_WORD})(?:,?\s+(?P<y2>{_YEAR}))?{_RIGHT}",
    trigger=r"(?:and|&)\s+\d",
    reach=(30, 40),
)
def other_day_of_a_pair(m: re.Match[str]) -> Candidate | None:
    """ "April 24 and 25", "24 and 25 April": two days, each its own expression. This rule finds the
    day written without its month; the month-day rules find the other."""
    month = _month(m["mon"] or m["mon2"])
    year_text = m["y"] or m["y2"]
    year = int(year_text) if year_text else None
    first, second = (
        (_day(m["d1"]), _day(m["second"])) if m["second"] else (_day(m["first"]), _day(m["d2"]))
    )
    if second <= first or _noun_follows(m):
        return None  # "on June 6 and 3 more days", "June 6 and 12 people": not a pair of days
    start, end, day = (
        (m.start("second"), m.end(), second)
        if m["second"]
        else (m.start("first"), m.end("first"), first)
    )
    return Candidate(
        start, end, "DATE", _month_day(month, day, year), anchors_year=year is not None
    )


@rule(
    rf"{_LEFT}(?P<mon>{_MONTH_WORD})\s+(?P<d1>{_DAY}|(?i:{_ORDINAL_WORD}))"
    # A range within a month ("December 15 to 16"), or across two joined by a dash ("Nov 20-Dec
    # 10"); "Aug. 26 to Oct. 20" stays two dates, as TimeML writes it.
    rf"(?:{_RANGE_JOIN}(?P<d2>{_DAY})|\s*[-–]\s*(?P<mon2>{_MONTH_WORD})\s+(?P<d3>{_DAY}))?"
    rf"(?:,?\s+(?P<y>{_YEAR}))?{_RIGHT}",
    trigger=_alternation(_MONTHS),
    reach=(5, 40),
)
def month_day_year(m: re.Match[str]) -> Candidate | None:
    month, day = _month(m["mon"]), _day(m["d1"])
    end_day = _day(m["d2"] or m["d3"]) if m["d2"] or m["d3"] else None
    end_month = _month(m["mon2"]) if m["mon2"] else None
    if end_day is not None and end_month in (None, month) and end_day <= day:
        return None
    year = int(m["y"]) if m["y"] else None
    return Candidate(
        m.start(), m.end(), "DATE", _month_day(month, day, year, end_day, end_month=end_month)
    )


@rule(
    rf"{_LEFT}(?P<d1>{_DAY})(?:{_RANGE_JOIN}(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<mon>{_MONTH_WORD})(?:,?\s+(?P<y>{_YEAR}))?{_RIGHT}",
    trigger=_alternation(_MONTHS),
    reach=(30, 15),
)
def day_month_year(m: re.Match[str]) -> Candidate | None:
    if m["mon"].lower().rstrip(".") in ("may", "mar") and not m["y"]:
        return None  # "4 may ..." is too often a count followed by a verb
    month, day = _month(m["mon"]), _day(m["d1"])
    end_day = _day(m["d2"]) if m["d2"] else None
    year = int(m["y"]) if m["y"] else None
    return Candidate(m.start(), m.end(), "DATE", _month_day(month, day, year, end_day))


@rule(
    rf"{_LEFT}(?:(?P<mod>early|mid|late)[\s-]+)?(?P<mon>{_MONTH_WORD})(?:\s+of)?,?\s+(?P<y>{_YEAR}){_RIGHT}",
    re.I,
    trigger=_alternation(_MONTHS),
    reach=(10, 20),
)
def month_year(m: re.Match[str]) -> Candidate | None:
    if not m["mon"][0].isupper():
        return None
    return Candidate(
        m.start(),
        m.end(),
        "DATE",
        _fixed(f"{int(m['y']):04d}-{_month(m['mon']):02d}"),
        anchors_year=True,
    )


@rule(
    rf"{_YEAR_LEFT}(?:(?P<mod>early|mid|late|the\s+(?:start|end|beginning|middle)\s+of)[\s-]+)?(?:(?P<fy>fiscal(?:\s+year)?|FY)\s*)?(?P<y>{_YEAR})"
    rf"(?!\s*(?:%|percent|per\s+cent|troops|people|soldiers|tonnes|tons|km|miles|metres|meters|feet|votes|points|cases|deaths|barrels|units|shares|dollars|yuan|euros|pounds))"
    rf"(?![\w/]|[.,]\d|-(?!\d{{4}}(?!\d)|{_SEASON_END})\d|:\d)",
    re.I,
    trigger=r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)",
    reach=(40, 15),
)
def year(m: re.Match[str]) -> Candidate | None:
    before = m.string[max(0, m.start() - 3) : m.start()]
    if re.search(r"\d[,.]$|\d\s$", before) or re.search(r"(?:No\.|#|\$)\s?$", before):
        return None
    after = re.match(rf"-({_SEASON_END})", m.string[m.end() : m.end() + 4])
    if after and not _ends_season(int(m["y"]), after.group(1)):
        return None
    return Candidate(m.start(), m.end(), "DATE", _fixed(f"{int(m['y']):04d}"), anchors_year=True)


def _ends_season(first_year: int, tail: str) -> bool:
    """'1957-58' and '1998-99' span a season; '1957-12' or '1990-85' is something else."""
    return 1 <= (int(tail) - first_year % 100) % 100 <= 9


@rule(
    rf"(?<=(?:1[5-9]|20)\d\d-)(?P<tail>{_SEASON_END})(?![\w/]|[.,]\d|-\d)",
    trigger=r"-\d\d(?!\d)",  # the year before it is in the pattern's look-behind
    reach=(5, 5),
)
def season_end_year(m: re.Match[str]) -> Candidate | None:
    # The second year of '1957-58', written with its last two digits, is a year of its own, as
    # TimeML writes it.
    first_year = int(m.string[m.start() - 5 : m.start() - 1])
    if not _ends_season(first_year, m["tail"]):
        return None
    ending = first_year - first_year % 100 + int(m["tail"])
    if ending < first_year:
        ending += 100
    return Candidate(m.start(), m.end(), "DATE", _fixed(f"{ending:04d}"), anchors_year=True)


_DECADE_WORDS = {
    "twenties": "2",
    "thirties": "3",
    "forties": "4",
    "fifties": "5",
    "sixties": "6",
    "seventies": "7",
    "eighties": "8",
    "nineties": "9",
}


@rule(
    rf"{_LEFT}(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0|['’](?P<short>\d)0)'?s{_RIGHT}"
    rf"|{_LEFT}the\s+(?:(?:early|mid|late)[\s-]+)?(?P<word>{'|'.join(_DECADE_WORDS)}){_RIGHT}",
    re.I,
    trigger=(r"0s\b|ies\b", r"0['’]s\b"),
    reach=(30, 5),
)
def decade(m: re.Match[str]) -> Candidate | None:
    if m["word"]:
        return Candidate(
            m.start(), m.end(), "DATE", _fixed(f"19{_DECADE_WORDS[m['word'].lower()]}")
        )
    if m["short"]:
        century = "19"
        decade = m["short"]
    else:
        century, decade = m["c"], m["d"]
    return Candidate(m.start(), m.end(), "DATE", _fixed(f"{century}{decade}"))


@rule(
    rf"{_LEFT}(?:(?:the\s+)?year\s+)?(?:{_SPELLED_YEAR}){_RIGHT}(?!\s+(?:dollars|people|troops|miles|pounds|{_UNIT})\b)",
    re.I,
    trigger=r"nineteen|eighteen|thousand",
    reach=(20, 40),
)
def spelled_year(m: re.Match[str]) -> Candidate | None:
    return Candidate(
        m.start(), m.end(), "DATE", _fixed(f"{_spelled_year_value(m):04d}"), anchors_year=True
    )


def _holiday_date(rule_text: str, year: int) -> dt.date | None:
    from dateutil.easter import easter

    if rule_text.startswith("easter"):
        return easter(year) + dt.timedelta(days=int(rule_text[6:]))
    if ">" in rule_text:  # "11-02>2": the first Tuesday on or after November 2
        day_text, weekday_text = rule_text.split(">")
        start = dt.date(year, *map(int, day_text.split("-")))
        return start + dt.timedelta(days=(int(weekday_text) - start.isoweekday()) % 7)
    parts = rule_text.split("-")
    month = int(parts[0])
    if len(parts) == 2:
        return dt.date(year, month, int(parts[1]))
    nth, weekday = int(parts[1][1:] or -int(parts[2])), int(parts[-1])
    if parts[1] == "W":  # "MM-W-1-k": the last weekday k of the month
        nth = -1
    first = dt.date(year, month, 1)
    if nth > 0:
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = (first + relativedelta(months=1)) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


@rule(
    rf"{_LEFT}(?P<name>"
    + "|".join(
        re.escape(h).replace(r"\ ", r"\s+").replace("'", "['’]?")
        for h in sorted(_HOLIDAYS, key=len, reverse=True)
    )
    + rf")(?P<week>\s+week)?(?:,?\s+(?P<y>{_YEAR}))?{_RIGHT}",
    re.I,
    trigger=r"day\b|christmas|easter|halloween|thanksgiving|fourth|eve\b|night",
    reach=(40, 20),
)
def holiday(m: re.Match[str]) -> Candidate | None:
    if not m["name"][0].isupper():
        return None
    key = re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")
    rule_text = _HOLIDAYS.get(key) or next(
        (v for k, v in _HOLIDAYS.items() if k.replace("'", "") == key.replace("'", "")), None
    )
    if rule_text is None:
        return None

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        year = int(m["y"]) if m["y"] else None
        if year is None and ctx.reference is not None:
            probe = _holiday_date(rule_text, ctx.reference.year)
            year = _year_for(ctx, probe.month, probe.day) if probe else None
        day = _holiday_date(rule_text, year) if year else None
        if m["week"]:  # "Easter week", "Christmas week": the week the holiday falls in
            return (_iso_week(day) if day else "XXXX-WXX"), None
        return (day.isoformat() if day else "XXXX-XX-XX"), None

    return Candidate(m.start(), m.end(), "DATE", resolve)


@rule(
    rf"{_LEFT}(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<word>{_ORDINAL_WORD}))[\s-]+century{_RIGHT}",
    re.I,
    trigger=r"centur",
    reach=(40, 5),
)
def century(m: re.Match[str]) -> Candidate | None:
    if "Century" in m.group() and re.match(r"\s+[A-Z]", m.string[m.end() : m.end() + 2]):
        return None  # "20th Century Fox": a name
    number = int(m["n"]) if m["n"] else _ordinal(m["word"])
    return Candidate(m.start(), m.end(), "DATE", _fixed(f"{number - 1:02d}"))


@rule(
    rf"(?<![\w'’])(?P<cue>[Pp]ay(?:able)?|[Rr]ecord)\s+(?P<mon>{_MONTH_WORD})\s+"
    rf"(?P<d>(?i:{_TENS_WORD}[\s-]{_UNIT_WORD}|{_NUM_WORD})){_RIGHT}",
    trigger=_alternation(_MONTHS),
    reach=(12, 30),
)
def dividend_day(m: re.Match[str]) -> Candidate | None:
    """Reuters' dividend notices spell the day out: "Pay May Eight", "Record April Twenty"."""
    day = _number(m["d"])
    if not day.isdigit() or not 1 <= int(day) <= 31:
        return None
    return Candidate(m.start("mon"), m.end(), "DATE", _month_day(_month(m["mon"]), int(day), None))


@rule(
    rf"{_LEFT}(?P<mon>{_MONTH_WORD})/(?P<mon2>{_MONTH_WORD}){_RIGHT}",
    trigger=_alternation(_MONTHS),
    reach=(5, 15),
)
def month_pair(m: re.Match[str]) -> Candidate | None:
    """ "Mar/Apr shipment": the two months, as one stretch of time."""
    first, second = _month(m["mon"]), _month(m["mon2"])

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        year = _year_for(ctx, first, None)
        if year is None:
            return f"XXXX-{first:02d}", None
        end_year = year + 1 if second < first else year
        last_day = calendar.monthrange(end_year, second)[1]
        return f"{year:04d}-{first:02d}", f"{end_year:04d}-{second:02d}-{last_day:02d}"

    return Candidate(m.start(), m.end(), "DATE", resolve)
