"""The rule for times of day: "10:30 a.m.", "noon", "1400 GMT"."""

from __future__ import annotations

import re
from collections.abc import Callable

from .context import Candidate, _Context, _fixed, _named_day, _weekday_date
from .registry import rule
from .vocabulary import (
    _DAY,
    _LEFT,
    _MONTH_WORD,
    _ONE_TO_TWELVE,
    _RIGHT,
    _TIME_ZONE,
    _TIME_ZONE_NAMES,
    _WEEKDAY_WORD,
    _YEAR,
    _number,
    _weekday,
)


@rule(
    rf"(?:{_LEFT}(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|a\.m|p\.m)(?:\s+(?P<tz>(?-i:[A-Z]{{2,4}})(?!\w)))?"
    rf"|{_LEFT}(?<!\d:)(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)(?!\d|:\d)(?:\s+(?P<tz24>GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|JST|ET|PT|local\s+time))?"
    rf"|{_LEFT}(?P<hhmm>(?:[01]\d|2[0-3])[0-5]\d)\s+{_TIME_ZONE}"
    rf"|{_LEFT}(?P<word>noon|midday|midnight){_RIGHT}"
    rf"|(?<=\bat\s)(?P<mil>[01]\d|2[0-3])(?P<milmin>[0-5]\d)\s+(?:hours|hrs)\b(?:\s+(?P<tzmil>GMT|local(?:\s+time)?))?"
    rf"|{_LEFT}(?P<hour>1[0-2]|0?[1-9]|{_ONE_TO_TWELVE})(?:\s+o['’]clock)?\s+in\s+the\s+(?P<half>morning|afternoon|evening|night){_RIGHT})"
    rf"(?:\s+(?:\([^()\n]{{1,20}}\)\s+)?(?:on\s+)?(?P<wd>{_WEEKDAY_WORD}){_RIGHT}"
    rf"|,?\s+(?:on\s+)?(?P<mon>{_MONTH_WORD})\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?{_RIGHT})?",
    re.I,
    trigger=(
        r"noon|midday|midnight",
        r"\d\s*[ap]\.?m|\d:\d\d|at\s+\d{4}\s+h|in\s+the\s+(?:morning|afternoon|evening|night)",
        rf"\d{{4}}\s+(?:{'|'.join(map(str.lower, _TIME_ZONE_NAMES))}|local\s+time)\b",
    ),
    reach=(20, 50),
)
def clock_time(m: re.Match[str]) -> Candidate | None:
    if m["word"] and re.search(r"\bhigh\s+$", m.string[max(0, m.start() - 6) : m.start()], re.I):
        return None  # "High Noon", the film and the figure of speech
    if m["word"]:
        clock = "24:00" if m["word"].lower() == "midnight" else "12:00"
    elif m["h24"] is not None:
        clock = f"{int(m['h24']):02d}:{m['min24']}"
    elif m["hhmm"]:  # "1600 GMT"
        clock = f"{m['hhmm'][:2]}:{m['hhmm'][2:]}"
    elif m["mil"]:  # "at 1000 hours local"
        clock = f"{m['mil']}:{m['milmin']}"
    elif m["hour"]:  # "4 in the morning", "eight in the evening"
        hour = int(_number(m["hour"])) % 12
        if m["half"].lower() in ("afternoon", "evening") or (
            m["half"].lower() == "night" and hour >= 6
        ):
            hour += 12
        clock = f"{hour:02d}:00"
    else:
        hour = int(m["h"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
        clock = f"{hour:02d}:{m['min'] or '00'}"

    weekday = _weekday(m["wd"]) if m["wd"] else None
    if m["mon"]:  # "5 p.m. EST, Nov. 6"
        on_day = _named_day(m)

        def resolve_day(ctx: _Context) -> tuple[str, str | None]:
            return f"{on_day(ctx)[0]}T{clock}", None

        return Candidate(m.start(), m.end(), "TIME", resolve_day)

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        if weekday is not None:  # "10 p.m. Wednesday", "10:35 a.m. (0735 GMT) Friday"
            day = _weekday_date(ctx, weekday)
            return (f"{day.isoformat()}T{clock}" if day else f"XXXX-WXX-{weekday}T{clock}"), None
        return _on_the_day_in_view(clock)(ctx)

    end = m.end()
    if (
        m["tz"]
        and not m["wd"]
        and m["tz"]
        not in (
            "GMT",
            "UTC",
            "EST",
            "EDT",
            "PST",
            "PDT",
            "BST",
            "CET",
            "ET",
            "PT",
            "CST",
            "CDT",
            "JST",
        )
    ):
        end = m.start("tz") - 1
    return Candidate(m.start(), end, "TIME", resolve)


def _on_the_day_in_view(clock: str) -> Callable[[_Context], tuple[str, str | None]]:
    """A time of day on the day the sentence is about (the article's, else the last named)."""

    def resolve(ctx: _Context) -> tuple[str, str | None]:
        day = ctx.day_in_view()
        return (f"{day.isoformat()}T{clock}" if day else f"XXXX-XX-XXT{clock}"), None

    return resolve


_AT_A_TIME = re.compile(r"\b(?:at|by|until|till|from|since|before|after|around|about)\s+$", re.I)


@rule(
    rf"{_LEFT}(?<!\d:)(?P<h>\d{{1,2}}):(?P<min>[0-5]\d):(?P<s>[0-5]\d)(?:\.\d+)?(?![\d:])(?P<tz>\s+{_TIME_ZONE})?",
    trigger=r"\d:\d\d:\d\d",
    reach=(20, 12),
)
def clock_with_seconds(m: re.Match[str]) -> Candidate | None:
    """ "Finishing in 3:07:35" is a length of time (a race's); "at 10:30:15 GMT" a time of day."""
    hours, minutes, seconds = int(m["h"]), int(m["min"]), int(m["s"])
    if m["tz"] or _AT_A_TIME.search(m.string, max(0, m.start() - 8), m.start()):
        if hours > 24:
            return None
        clock = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
        return Candidate(m.start(), m.end(), "TIME", _on_the_day_in_view(clock))
    parts = "".join(f"{n}{u}" for n, u in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    return Candidate(m.start(), m.end(), "DURATION", _fixed(f"PT{parts or '0S'}"))
