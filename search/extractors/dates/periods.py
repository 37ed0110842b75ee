"""Rules for stretches of the calendar: weeks, halves, quarters, seasons, parts of a day, "the
year", the reporting periods of company results."""

from __future__ import annotations

import datetime as dt
import re

from .context import Candidate, Resolver, _Context, _fixed, _named_day
from .registry import rule
from .values import _SEASON_STARTS, _iso_week, _last_quarter_day, _quarter, _shift
from .vocabulary import (
    _DAY,
    _LEFT,
    _MONTH_WORD,
    _ORDINALS,
    _PART_OF_DAY,
    _PARTS_OF_DAY,
    _RIGHT,
    _SEASON,
    _SEASONS,
    _SPELLED_YEAR,
    _YEAR,
    _alternation,
    _spelled_year_value,
)


@rule(
    rf"{_LEFT}(?i:the\s+week\s+of)\s+(?P<mon>{_MONTH_WORD})\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?{_RIGHT}",
    trigger=r"week\s+of",
    reach=(5, 40),
)
def week_of(m: re.Match[str]) -> Candidate | None:
    on_day = _named_day(m)

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        value = on_day(ctx)[0]
        return (
            _iso_week(dt.date.fromisoformat(value)) if not value.startswith("X") else "XXXX-WXX"
        ), None

    return Candidate(m.start(), m.end(), "DATE", resolve)


_HALVES = {"first": 1, "front": 1, "early": 1, "second": 2, "last": 2, "latter": 2, "back": 2}


@rule(
    rf"{_LEFT}(?:the\s+)?(?P<which>{_alternation(_HALVES)})(?:[\s-]+half|\s+two\s+quarters)\s+of\s+(?:(?:fiscal\s+)?(?P<y>{_YEAR})|(?P<rel>the|this|last|next)\s+year)(?![\w'’])",
    re.I,
    trigger=r"(?:half|quarters)\s+of",
    reach=(30, 25),
)
def half_year(m: re.Match[str]) -> Candidate | None:
    half = _HALVES[m["which"].lower()]
    if m["y"]:
        return Candidate(m.start(), m.end(), "DATE", _fixed(f"{m['y']}-H{half}"))
    shift = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        year = (ctx.sentence_year() if shift == 0 else None) or (
            ctx.reference.year + shift if ctx.reference else None
        )
        return (f"{year}-H{half}" if year else f"XXXX-H{half}"), None

    return Candidate(m.start(), m.end(), "DATE", resolve)


@rule(
    rf"{_LEFT}(?:the\s+)?(?P<which>first|opening|final|last|closing)\s+(?P<n>three|3|six|6)\s+"
    rf"months\s+of\s+(?:(?P<y>{_YEAR})|(?P<rel>this|last|next|the)\s+year){_RIGHT}",
    re.I,
    trigger=r"months\s+of",
    reach=(40, 25),
)
def months_of_a_year(m: re.Match[str]) -> Candidate | None:
    """ "The final three months of 2004" is its fourth quarter; "the first six months", its first
    half."""
    opening = m["which"].lower() in ("first", "opening")
    if m["n"].lower() in ("three", "3"):
        part = "Q1" if opening else "Q4"
    else:
        part = "H1" if opening else "H2"
    if m["y"]:
        return Candidate(m.start(), m.end(), "DATE", _fixed(f"{m['y']}-{part}"))
    return Candidate(m.start(), m.end(), "DATE", _of_a_year(m["rel"].lower(), part))


_FIRST_MONTH = {"Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10, "H1": 1, "H2": 7}


def _of_a_year(which: str, part: str) -> Resolver:
    """A part ("Q3", "H1") of this, last or next year, or of "the year": the one the sentence
    names, else the reference's, or the year before where a past sentence tells of a part not
    begun yet."""
    shift = {"this": 0, "last": -1, "next": 1}.get(which, 0)

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        year = ctx.sentence_year() if which == "the" else None
        if year is None and ctx.reference:
            ref = ctx.reference
            ahead = which == "the" and _FIRST_MONTH[part] > ref.month and ctx.direction() < 0
            year = ref.year + shift - (1 if ahead else 0)
        return (f"{year}-{part}" if year else f"XXXX-{part}"), None

    return resolve


@rule(
    rf"{_LEFT}(?:the\s+)?(?:(?P<yp>{_YEAR})(?:['’]s)?\s+|(?P<rel>this|last|next)\s+year['’]s\s+|(?P<ago>year[\s-](?:ago|earlier))\s+)?"
    rf"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)(?:[\s-]+|\s+fiscal\s+)quarter"
    # The quarter of a match is no date ("led at the end of the first quarter of the game").
    r"(?!\s+of\s+the\s+(?:match|game|contest|final|tie|fight|bout)\b)"
    rf"(?:\s+of\s+(?:fiscal\s+)?(?P<y>{_YEAR})|\s+of\s+(?P<rel2>this|last|next|the)\s+year"
    rf"|,?\s+(?P<y2>{_YEAR}))?{_RIGHT}"
    rf"|{_LEFT}Q(?P<q>[1-4])(?:\s*(?P<y3>{_YEAR}))?{_RIGHT}",
    re.I,
    trigger=r"quarter|\bq[1-4]",
    reach=(30, 30),
)
def quarter_rule(m: re.Match[str]) -> Candidate | None:
    quarter = int(m["q"]) if m["q"] else _ORDINALS[m["ord"].lower()]
    year_text = m["y"] or m["y2"] or m["y3"] or m["yp"]
    relative_year = m["rel"] or m["rel2"]  # "last year's fourth quarter", "... of this year"
    if relative_year or m["ago"]:  # and "the year-ago third quarter"
        which = "last" if m["ago"] else relative_year.lower()
        return Candidate(m.start(), m.end(), "DATE", _of_a_year(which, f"Q{quarter}"))
    if year_text:
        return Candidate(m.start(), m.end(), "DATE", _fixed(f"{year_text}-Q{quarter}"))
    if m["ord"] and m["ord"].lower() == "last":
        return None  # "last quarter" is the previous quarter: the relative rule takes it
    # Named alone, a quarter is of "the year": the sentence's, or the one a past sentence means.
    return Candidate(m.start(), m.end(), "DATE", _of_a_year("the", f"Q{quarter}"))


@rule(
    rf"{_LEFT}(?P<phrase>the\s+weekend|the\s+week(?!\s+(?:ended|ending)\b)|the\s+(?:full|fiscal|current\s+fiscal)\s+year(?!\s+(?:ended|ending)\b)|year[\s-]end|year['’]s\s+end|(?:the\s+)?end\s+of\s+(?:the\s+)?year(?!\s+(?:of|before|after|ago|in|to)\b)){_RIGHT}",
    re.I,
    trigger=r"weekend|week\b|year",
    reach=(30, 10),
)
def period_in_view(m: re.Match[str]) -> Candidate | None:
    """A period the article is about, named without a date: "the weekend", "the full year"."""
    phrase = (
        re.sub(r"\s+", " ", m["phrase"].lower())
        .replace("year end", "year-end")
        .replace("’", "'")
        .replace("year's end", "year-end")
    )
    if phrase.endswith("end of the year") or phrase.endswith("end of year"):
        phrase = "end of the year"

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        ref = ctx.reference
        anchored = ctx.sentence_year() if phrase == "end of the year" else None
        if anchored is not None:  # "In 1987 ... by the end of the year"
            return f"{anchored:04d}", None
        if ref is None:
            return {
                "the weekend": "XXXX-WXX-WE",
                "the week": "XXXX-WXX",
                "year-end": "XXXX-12-31",
            }.get(phrase, "XXXX"), None
        if phrase == "the weekend":
            # The weekend just past, unless the sentence looks ahead.
            saturday = ref - dt.timedelta(days=(ref.isoweekday() - 6) % 7)
            if ctx.tense() > 0 and saturday < ref - dt.timedelta(days=1):
                saturday += dt.timedelta(days=7)
            return _iso_week(saturday) + "-WE", None
        if phrase == "the week":
            return _iso_week(ref), None
        if phrase in ("year-end", "end of the year"):
            # "since year-end" and "rose at year-end" look back to the last one; otherwise the
            # coming one.
            since = re.search(r"\bsince\s+$", ctx.text[max(0, ctx.start - 8) : ctx.start], re.I)
            # "in place by year's end" is ahead.
            past = since or (ctx.tense() < 0 and not ctx.deadline())
            year = ref.year - (1 if past else 0)
            # "year-end" names its last day; "the end of the year", as TimeML writes it, the year.
            return (f"{year:04d}-12-31" if phrase == "year-end" else f"{year:04d}"), None
        return f"{ref.year:04d}", None

    return Candidate(m.start(), m.end(), "DATE", resolve)


@rule(
    rf"{_LEFT}(?P<ending>the\s+(?:fiscal\s+)?(?:year|week))(?=\s+(?:ended|ending)\b)"
    rf"|(?:(?<=\bfor\s)|(?<=\bof\s)|(?<=\bin\s)|(?<=\bduring\s)|(?<=\bthrough\s)|(?<=\bover\s))(?P<bare>the\s+year){_RIGHT}(?!\s+(?:of|before|after|to|when|that|in)\b)",
    re.I,
    trigger=r"the\s+(?:fiscal\s+)?(?:year|week)\b",
    reach=(10, 20),
)
def the_year(m: re.Match[str]) -> Candidate | None:
    """Earnings language: "the year ended Sept. 30" is a year's span; "for the year" is this
    year."""
    if m["ending"]:  # "the week ended March 7" likewise
        return Candidate(
            m.start(),
            m.end(),
            "DURATION",
            _fixed("P1W" if m["ending"].lower().endswith("week") else "P1Y"),
        )

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        year = ctx.sentence_year() or (ctx.reference.year if ctx.reference else None)
        return (f"{year:04d}" if year else "XXXX"), None

    return Candidate(m.start(), m.end(), "DATE", resolve, anchors_year=True)


@rule(
    rf"{_LEFT}(?:the|that|its|(?P<last_year>last\s+year['’]s))\s+(?P<which>(?:latest|most\s+recent|just[\s-]ended|recent|current|same|comparable|"
    rf"year[\s-]ago|year[\s-]earlier|prior[\s-]year|{_YEAR})\s+)?(?:fiscal\s+)?(?P<unit>quarter|period)(?!-|\s+of\b|\s+to\s+(?:date\b|the\b|\d|(?-i:[A-Z])))(?P<ago>\s+a\s+year\s+(?:ago|earlier))?{_RIGHT}"
    rf"|{_LEFT}(?P<bare>year[\s-](?:ago|earlier))(?![\s-]+(?:quarter|period)){_RIGHT}",
    re.I,
    trigger=(r"quarter|period", r"year[\s-](?:ago|earlier)"),
    reach=(50, 25),
)
def reported_quarter(m: re.Match[str]) -> Candidate | None:
    """The quarter an earnings report speaks of: "the latest quarter", "the year-ago period", "the
    1988 quarter"."""
    which = re.sub(r"[\s-]+", " ", (m["which"] or m["bare"] or "")).strip().lower()
    if m["unit"] and m["unit"].lower() == "period" and not which and not m["last_year"]:
        return None  # "the period" alone names no quarter
    year_back = which in ("year ago", "year earlier", "prior year", "comparable") or bool(
        m["ago"] or m["last_year"]
    )
    named_year = int(which) if which.isdigit() else None

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        if ctx.reference is None:
            return (f"{named_year}-QX" if named_year else "XXXX-QX"), None
        day = ctx.reference if which == "current" else _last_quarter_day(ctx.reference)
        if year_back:
            day = _shift(day, "year", -1)
        if named_year:
            day = day.replace(year=named_year, day=1)
        return _quarter(day), None

    return Candidate(m.start(), m.end(), "DATE", resolve)


@rule(
    rf"{_LEFT}(?:(?P<rel>this\s+past|this|last|next|past|coming)\s+)?(?P<season>{_SEASON})(?:\s+(?:of\s+)?(?:(?P<y>{_YEAR})|{_SPELLED_YEAR}))?{_RIGHT}",
    re.I,
    trigger=r"spring|summer|autumn|fall\b|winter",
    reach=(20, 45),
)
def season(m: re.Match[str]) -> Candidate | None:
    year = m["y"] or (f"{_spelled_year_value(m):04d}" if m["century"] or m["thousand"] else None)
    if not (m["rel"] or year):
        before = m.string[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(r"\b(?:in|the|this|by|until|since|during|late|early)\s+$", before):
            return None  # "spring" the verb, "fall" the verb
        if (
            m["season"].lower() in ("fall", "spring")
            and re.search(r"\bthe\s+$", before)
            and not re.search(r"\b(?:in|by|until|since|during|through|over)\s+the\s+$", before)
        ):
            return None  # "the fall of the dollar", "the fall was due to": a drop, not autumn
    code = _SEASONS[m["season"].lower()]
    if year:
        return Candidate(m.start(), m.end(), "DATE", _fixed(f"{year}-{code}"))
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    shift = {"last": -1, "next": 1, "coming": 1}.get(rel, 0)

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        if ctx.reference is None:
            return f"XXXX-{code}", None
        if rel in ("past", "this past"):  # the latest one that has begun
            return (
                f"{ctx.reference.year - (ctx.reference.month < _SEASON_STARTS[code])}-{code}",
                None,
            )
        return f"{ctx.reference.year + shift}-{code}", None

    return Candidate(m.start(), m.end(), "DATE", resolve)


@rule(
    rf"{_LEFT}(?:the\s+)?(?P<part>{_PART_OF_DAY}){_RIGHT}(?!\s+(?:the|of|after|before|when|that|he|she|they|it|we|i)\b)",
    re.I,
    trigger=r"morning|afternoon|evening|night",
    reach=(25, 5),
)
def part_of_day(m: re.Match[str]) -> Candidate | None:
    """ "By mid-afternoon", "in the morning": that part of the day the article speaks of."""
    if not re.search(
        r"\b(?:in|by|during|until|till|through|since|from)\s+$",
        m.string[max(0, m.start() - 8) : m.start()],
        re.I,
    ):
        return None  # "at night" in general, "morning" the noun
    code = _PARTS_OF_DAY[re.sub(r"\s+", " ", m["part"].lower())]

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        day = ctx.day_in_view()
        return f"{day.isoformat() if day else 'XXXX-XX-XX'}T{code}", None

    return Candidate(m.start(), m.end(), "TIME", resolve)
