"""Rules for dates named relative to the time of writing: "last month", "Tuesday",
"three days ago", "yesterday", bare months, "recently"."""

from __future__ import annotations

import datetime as dt
import re

from .context import (
    Candidate,
    _Context,
    _fixed,
    _is_title,
    _month_day,
    _relative_to_reference,
    _weekday_date,
    _year_for,
)
from .expressions import FUTURE_REF, PAST_REF, PRESENT_REF
from .registry import rule
from .values import _duration, _last_quarter_day, _period_value, _quarter, _shift
from .vocabulary import (
    _APPROXIMATELY,
    _CAPITALISED_BEFORE,
    _DAY,
    _FUNCTION_WORDS,
    _LEFT,
    _MONTH_CUE_BEFORE,
    _MONTH_WORD,
    _MONTHS,
    _NUMBER,
    _ORDINAL_WORD,
    _PART_OF_DAY,
    _PARTS_OF_DAY,
    _RELATIVE_WORD,
    _RIGHT,
    _UNIT,
    _UNITS,
    _WEEKDAY_WORD,
    _WEEKDAYS,
    _YEAR,
    _alternation,
    _day,
    _month,
    _number,
    _unit,
    _weekday,
)


@rule(
    rf"{_LEFT}(?P<rel>[Tt]his|[Ll]ast|[Nn]ext|[Tt]his\s+past|[Tt]his\s+coming)\s+(?P<mon>{_MONTH_WORD})(?:\s+(?P<d>{_DAY}))?{_RIGHT}",
    trigger=_alternation(_MONTHS),
    reach=(20, 15),
)
def relative_month(m: re.Match[str]) -> Candidate | None:
    month = _month(m["mon"])
    day = _day(m["d"]) if m["d"] else None
    rel = m["rel"].lower().split()[-1]
    # "last Oct. 23": the latest such day before the reference, or the first after
    if day is not None:
        return Candidate(
            m.start(),
            m.end(),
            "DATE",
            _month_day(month, day, None, direction={"past": -1, "last": -1}.get(rel, 1)),
        )

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        if ctx.reference is None:
            return f"XXXX-{month:02d}", None
        ref = ctx.reference
        if rel in ("past", "last"):  # the latest such month before this one
            year = ref.year if month < ref.month else ref.year - 1
        elif rel in ("coming", "next"):  # the first such month after this one
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year
        return f"{year:04d}-{month:02d}", None

    return Candidate(m.start(), m.end(), "DATE", resolve)


_FIGURES_AFTER = re.compile(
    r"(?:\s+[a-z-]+){0,3}\s+(?:figures|data|statistics|numbers|sales|output|production|exports|"
    r"imports|trade\s+(?:figures|balance|deficit|surplus)|payrolls|inflation|earnings)\b"
)
_TRADED_AFTER = re.compile(r"\s+(?:futures|contracts?|options|calls|puts)\b", re.I)


@rule(
    rf"{_LEFT}(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?(?P<mon>{_MONTH_WORD}){_RIGHT}",
    trigger=_alternation(_MONTHS),
    reach=(10, 10),
)
def bare_month(m: re.Match[str]) -> Candidate | None:
    word = m["mon"].rstrip(".").lower()
    before = m.string[max(0, m.start() - 40) : m.start()]
    name = _CAPITALISED_BEFORE.search(before)
    if name and name.group(1).lower() not in _FUNCTION_WORDS and not m["mod"]:
        return None  # "Theresa May", "Dong Jun", "Operation August"
    if word in ("may", "mar", "march") and not m["mod"] and not _MONTH_CUE_BEFORE.search(before):
        return None  # the modal verb and the verb "to march"
    if len(word) <= 4 and word not in ("may", "june", "july") and not m.group().endswith("."):
        return None  # a bare "Jun" or "Mar" without its period is a name or a word, not a month
    if _TRADED_AFTER.match(m.string, m.end()):
        return None  # "the September futures contract": what is traded, not when
    month = _month(word)
    # "would release April consumer credit figures" in June: figures are of a month just gone
    # by (released a month or three later), whatever the tense of their release.
    figures = bool(_FIGURES_AFTER.match(m.string, m.end()))

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        reference = ctx.reference
        if figures and reference is not None and 0 < (reference.month - month) % 12 <= 3:
            year: int | None = reference.year - (1 if month > reference.month else 0)
        else:
            year = _year_for(ctx, month, None)
        return (f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"), None

    return Candidate(m.start(), m.end(), "DATE", resolve)


@rule(
    rf"{_LEFT}(?:(?P<before>{_PART_OF_DAY})\s+)?(?P<word>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:\s+(?P<part>{_PART_OF_DAY}))?{_RIGHT}",
    re.I,
    trigger=r"today|tonight|yesterday|tomorrow",
    reach=(25, 20),
)
def deictic_day(m: re.Match[str]) -> Candidate | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    offset = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[word]
    named_part = m["part"] or m["before"]  # "yesterday afternoon", "mid-afternoon yesterday"
    part = _PARTS_OF_DAY[re.sub(r"\s+", " ", named_part.lower())] if named_part else None

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        if ctx.reference is None:
            return (
                PRESENT_REF
                if offset == 0 and not part
                else "XXXX-XX-XX" + (f"T{part}" if part else "")
            ), None
        day = ctx.reference + dt.timedelta(days=offset)
        return day.isoformat() + (f"T{part}" if part else ""), None

    return Candidate(m.start(), m.end(), "TIME" if part else "DATE", resolve)


@rule(
    rf"{_LEFT}(?P<word>now|currently|at\s+present|nowadays|these\s+days|recently|lately|the\s+past|the\s+future|the\s+near\s+future|the\s+near\s+term|the\s+short\s+term|(?<=\bat\s)the\s+time(?!\s+(?:of|when|that|which|where|being)\b)|"
    rf"(?:recent|coming|the\s+(?:past|last|next|coming)\s+(?:few|several))\s+(?:days|weeks|months|years|decades)|the\s+(?:days|weeks|months|years)\s+ahead|a\s+later\s+date|as\s+soon\s+as\s+possible|current){_RIGHT}",
    re.I,
    trigger=(
        r"\b(?:now|current|present|these|recent|lately|past|future|term|coming|last|next|ahead|possible)",
        r"later\s+date",
        r"at\s+the\s+time",
    ),
    reach=(20, 30),
)
def vague(m: re.Match[str]) -> Candidate | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    if word == "now" and re.match(r"\s+that\b", m.string[m.end() : m.end() + 6]):
        return None  # "now that ..." is a conjunction
    if m.group()[0].isupper() and re.search(
        r"[\w,]\s*$", m.string[max(0, m.start() - 3) : m.start()]
    ):
        return None  # "Is Now Trading": a capital inside a title-case headline
    if (word == "current" and not m.group()[0].islower()) or re.search(r"\s[A-Z]", m.group()):
        return None  # "Current TV", "the Forum for the Future": a name
    unit = re.search(r"(day|week|month|year|decade)s(?: ahead)?$", word)
    if unit and word != "these days":
        # "recent years", "the next few days": a stretch of unknown length, as TimeML writes it
        # (PXY).
        return Candidate(m.start(), m.end(), "DURATION", _fixed(_duration("X", unit.group(1))))
    if word.startswith(("recent", "the past", "the last", "lately", "the time")):
        # "which was in international waters at the time": then, in the story told
        value = PAST_REF
    elif word.startswith(
        (
            "the future",
            "the near",
            "the short",
            "coming",
            "the next",
            "the coming",
            "a later",
            "as soon",
        )
    ):
        value = FUTURE_REF
    else:
        value = PRESENT_REF
    return Candidate(m.start(), m.end(), "DATE", _fixed(value))


_STRETCH_BEFORE = re.compile(r"\b(?:over|throughout|within|for|during)\s+$", re.I)


@rule(
    rf"{_LEFT}(?:(?P<when>earlier|later)\s+(?=this\b))?(?:the\s+)?(?P<rel>{_RELATIVE_WORD}|that(?=\s+(?:day|week|month|year)\b(?![-'’])))\s+(?:fiscal\s+(?=year\b))?(?P<unit>day|week|weekend|month|quarter|year|decade|century|{_PART_OF_DAY}){_RIGHT}",
    re.I,
    trigger=(
        r"\b(?:this|last|next|past|coming|previous|following|current|same)\b",
        r"that\s+(?:day|week|month|year)\b",
    ),
    reach=(25, 25),
)
def relative_unit(m: re.Match[str]) -> Candidate | None:
    if _is_title(m, "unit"):
        return None
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if unit in _PARTS_OF_DAY:
        if rel not in ("this", "last"):
            return None
        code = _PARTS_OF_DAY[unit]
        shift_days = -1 if rel == "last" else 0

        def resolve_part(ctx: _Context) -> tuple[str, str | None]:
            if ctx.reference is None:
                return f"XXXX-XX-XXT{code}", None
            return f"{(ctx.reference + dt.timedelta(days=shift_days)).isoformat()}T{code}", None

        return Candidate(m.start(), m.end(), "TIME", resolve_part)
    if rel == "that":  # "that year": the one last named

        def resolve_that(ctx: _Context) -> tuple[str, str | None]:
            if unit == "year":
                return (f"{ctx.last_year:04d}" if ctx.last_year else PAST_REF), None
            day = ctx.last_month if unit == "month" else ctx.last_day
            return (_period_value(day, _UNITS[unit][2]) if day else PAST_REF), None

        return Candidate(m.start(), m.end(), "DATE", resolve_that)
    if rel == "same":
        if unit != "day":
            return None

        def resolve_same(ctx: _Context) -> tuple[str, str | None]:
            day = ctx.last_day or ctx.reference
            return (day.isoformat() if day else "XXXX-XX-XX"), None

        return Candidate(m.start(), m.end(), "DATE", resolve_same)
    if unit != "weekend" and (
        rel in ("past", "coming")
        or (
            unit in ("decade", "century")
            and _STRETCH_BEFORE.search(m.string, max(0, m.start() - 12), m.start())
        )
    ):
        # "the past year", "the coming week", "over the next decade": a stretch of time, not a
        # calendar period (over the next year, a news writer still means next year).
        return Candidate(m.start(), m.end(), "DURATION", _fixed(_duration("1", unit)))
    if rel == "following" or (rel == "next" and unit == "day"):
        # "the following year": the one after the period last named.
        def resolve_next(ctx: _Context) -> tuple[str, str | None]:
            if unit == "year" and ctx.last_year:
                return f"{ctx.last_year + 1:04d}", None
            day = (ctx.last_month if unit == "month" else None) or ctx.last_day or ctx.reference
            return (_period_value(_shift(day, unit, 1), _UNITS[unit][2]) if day else "XXXX"), None

        return Candidate(m.start(), m.end(), "DATE", resolve_next)
    amount = {
        "this": 0,
        "current": 0,
        "last": -1,
        "previous": -1,
        "past": -1,
        "next": 1,
        "coming": 1,
    }[rel]
    granularity = _UNITS[unit][2]
    suffix = "-WE" if unit == "weekend" else ""

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        if ctx.reference is None:
            return (PRESENT_REF if amount == 0 else (PAST_REF if amount < 0 else FUTURE_REF)), None
        return _period_value(_shift(ctx.reference, unit, amount), granularity) + suffix, None

    return Candidate(m.start(), m.end(), "DATE", resolve, anchors_year=unit == "year")


@rule(
    rf"{_LEFT}{_APPROXIMATELY}(?P<n>{_NUMBER})(?:\s+more)?\s+(?P<unit>{_UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|before|later|from\s+now|hence){_RIGHT}",
    re.I,
    trigger=(r"\b(?:ago|earlier|before|later|hence)\b", r"from\s+now\b"),
    reach=(70, 12),
)
def offset_from_reference(m: re.Match[str]) -> Candidate | None:
    unit = _unit(m["unit"])
    amount = _number(m["n"])
    direction = m["dir"].lower()
    if direction == "before" and re.match(r"\s+[\w$]", m.string[m.end() : m.end() + 3]):
        # "30 days before closing the purchase": a stretch before an event, not a date.
        return Candidate(m.start(), m.end("unit"), "DURATION", _fixed(_duration(amount, unit)))
    if direction.startswith("from"):
        # "Eight years from now": TimeML writes the stretch, and "now" as an expression of its own
        # (PRESENT_REF, found by the rule for vague words), anchoring it.
        return Candidate(m.start(), m.end("unit"), "DURATION", _fixed(_duration(amount, unit)))
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if direction in ("earlier", "later", "before") and not (
        unit == "year" and amount == "1" and direction == "earlier"
    ):
        # "Three days later", "a day earlier": counted from the event just told, not from the
        # article's date, so TimeML gives the stretch of time (the earnings "a year earlier" aside).
        return Candidate(m.start(), m.end(), "DURATION", _fixed(_duration(amount, unit)))
    if unit == "year" and amount == "1":
        # Earnings news: "a year ago" beside a quarter means that quarter a year before.
        def resolve_year_ago(ctx: _Context) -> tuple[str, str | None]:
            if ctx.reference is None:
                return PAST_REF if sign < 0 else FUTURE_REF, None
            shifted = _shift(ctx.reference, "year", sign)
            context = ctx.text[max(0, ctx.sentence()[0] - 300) : ctx.sentence()[1]]
            if re.search(r"\bquarter", context, re.I):
                return _quarter(_shift(_last_quarter_day(ctx.reference), "year", sign)), None
            return f"{shifted.year:04d}", None

        return Candidate(m.start(), m.end(), "DATE", resolve_year_ago)
    if _UNITS[unit][1] == "time":
        return Candidate(
            m.start(), m.end(), "TIME", _fixed("PAST_REF" if sign < 0 else "FUTURE_REF")
        )
    if amount == "X" or "." in amount:
        return Candidate(m.start(), m.end(), "DATE", _fixed(PAST_REF if sign < 0 else FUTURE_REF))
    granularity = _UNITS[unit][2] if _UNITS[unit][2] != "-" else "day"
    return Candidate(
        m.start(),
        m.end(),
        "DATE",
        _relative_to_reference(granularity, lambda d: _shift(d, unit, sign * int(amount))),
    )


@rule(
    rf"{_LEFT}(?:(?P<rel>(?i:last|next|this\s+coming|this\s+past|this|on|the\s+previous|the\s+following))\s+)?(?P<wd>{_WEEKDAY_WORD})(?:\s+(?P<part>{_PART_OF_DAY}))?(?:,?\s+(?:(?P<mon>{_MONTH_WORD})\s+(?P<d>{_DAY}|(?i:{_ORDINAL_WORD}))|(?P<day_first>{_DAY})\s+(?:of\s+)?(?P<month_after>{_MONTH_WORD}))(?:,?\s+(?P<y>{_YEAR}))?)?{_RIGHT}",
    trigger=_alternation(_WEEKDAYS),
    reach=(20, 45),
)
def weekday_rule(m: re.Match[str]) -> Candidate | None:
    if m["mon"] or m["month_after"]:
        # "Tuesday, Dec. 16", "Saturday, 26 February": the explicit date wins; the weekday only
        # confirms it.
        month, day = _month(m["mon"] or m["month_after"]), _day(m["d"] or m["day_first"])
        year = int(m["y"]) if m["y"] else None
        return Candidate(m.start(), m.end(), "DATE", _month_day(month, day, year))
    weekday = _weekday(m["wd"])
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    rel = {"this coming": "next", "this past": "last"}.get(rel, rel)
    start = m.start() if rel and rel != "on" else m.start("wd")
    part = _PARTS_OF_DAY[m["part"].lower()] if m["part"] else None

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        # "Tuesday morning" is a TIME: the day, then the part of day (2025-12-16TMO).
        day = _weekday_date(ctx, weekday, rel)
        return (day.isoformat() if day else f"XXXX-WXX-{weekday}") + (
            f"T{part}" if part else ""
        ), None

    return Candidate(start, m.end(), "TIME" if part else "DATE", resolve)
