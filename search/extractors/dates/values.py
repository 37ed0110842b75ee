"""TimeML values and their arithmetic: days, weeks, quarters, durations, shifts by a unit, and
the first day a value covers."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from .vocabulary import _UNITS


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _quarter(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _period_value(day: dt.date, granularity: str) -> str:
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        return _iso_week(day)
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "quarter":
        return _quarter(day)
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def _shift(day: dt.date, unit: str, amount: int) -> dt.date:
    letter = _UNITS[unit][0]
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=amount)
    if unit in ("day", "night"):
        return day + dt.timedelta(days=amount)
    if unit == "fortnight":
        return day + dt.timedelta(weeks=2 * amount)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[letter]
    return day + relativedelta(months=months * amount)


# A fraction of a unit is written in the next finer one: 2.5 years is P2Y6M, 1.5 minutes PT1M30S.
_FINER_UNIT = {
    "year": (12, "month"),
    "week": (7, "day"),
    "day": (24, "hour"),
    "hour": (60, "minute"),
    "minute": (60, "second"),
    "decade": (10, "year"),
    "century": (100, "year"),
}


def _duration(amount: str, unit: str) -> str:
    if "." in amount and unit in _FINER_UNIT:
        whole, fraction = divmod(float(amount), 1)
        factor, finer = _FINER_UNIT[unit]
        if (fraction * factor).is_integer():
            parts = [(int(whole), unit), (int(fraction * factor), finer)]
            return _composed_duration([(n, u) for n, u in parts if n])
    letter, kind, _ = _UNITS[unit]
    if unit == "weekend":
        letter = "WE"
    if letter in ("2W",):
        return f"P{2 * int(amount) if amount.isdigit() else 'X'}W"
    if letter == "DE":
        return f"P{int(amount) * 10 if amount.isdigit() else 'X'}Y" if amount != "X" else "PXDE"
    if letter == "CE":
        return f"P{int(amount) * 100 if amount.isdigit() else 'X'}Y" if amount != "X" else "PXCE"
    return f"P{'T' if kind == 'time' else ''}{amount}{letter}"


def _composed_duration(parts: list[tuple[int, str]]) -> str:
    """P2Y6M, P1DT12H, PT5H30M: date units first, then T and the time units."""
    years = sum(
        n * {"decade": 10, "century": 100}.get(u, 1)
        for n, u in parts
        if u in ("year", "decade", "century")
    )
    date = (f"{years}Y" if years else "") + "".join(
        f"{n}{_UNITS[u][0]}" for n, u in parts if u in ("month", "week", "day")
    )
    time = "".join(f"{n}{_UNITS[u][0]}" for n, u in parts if _UNITS[u][1] == "time")
    return "P" + date + (f"T{time}" if time else "")


def _last_quarter_day(reference: dt.date) -> dt.date:
    """A day in the last quarter that has ended by `reference`: the one earnings reports speak
    of."""
    return _shift(reference, "quarter", -1)


_SEASON_STARTS = {
    "SP": 3,
    "SU": 6,
    "FA": 9,
    "WI": 12,
}  # the month each season begins, north of the equator


_YEAR_VALUE = re.compile(r"^(\d{4})(?:$|-)")


_DAY_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d)")


_MONTH_VALUE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])(?:$|-\d)")


_HALF_MONTH = {"H1": 1, "H2": 7}


def period_start(value: str) -> dt.date | None:
    """The first day a resolved TimeML date value covers; None for durations, sets and unknowns."""
    match = re.match(
        r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d)(-WE)?|-Q([1-4])|-(SP|SU|FA|WI)|-(H[12]))?(?:$|T)",
        value,
    )
    try:
        if match:
            year = int(match.group(1))
            if match.group(4):  # a week, or its weekend from the Saturday
                return dt.date.fromisocalendar(
                    year, int(match.group(4)), 6 if match.group(5) else 1
                )
            if match.group(6):
                return dt.date(year, 3 * int(match.group(6)) - 2, 1)
            if match.group(7):
                return dt.date(year, _SEASON_STARTS[match.group(7)], 1)
            if match.group(8):
                return dt.date(year, _HALF_MONTH[match.group(8)], 1)
            return dt.date(year, int(match.group(2) or 1), int(match.group(3) or 1))
        decade = re.fullmatch(r"(\d{3})", value)
        if decade:
            return dt.date(int(decade.group(1)) * 10, 1, 1)
        century = re.fullmatch(r"(\d{2})", value)  # "19": the twentieth century
        if century and int(century.group(1)) > 0:
            return dt.date(int(century.group(1)) * 100, 1, 1)
    except ValueError:
        return None
    return None
