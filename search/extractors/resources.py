"""Read the extractors' resource tables: plain text files under `resources/`, one entry a line."""

from __future__ import annotations

from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = (
        resources.files(__package__)
        .joinpath("resources")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    return [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@cache
def word_set(name: str) -> frozenset[str]:
    """A set of lower-cased entries (one per line)."""
    return frozenset(line.lower() for line in _lines(name))


@cache
def table(name: str) -> dict[str, str]:
    """A tab-separated table: first column (lower-cased) to the second."""
    rows: dict[str, str] = {}
    for line in _lines(name):
        key, _, value = line.partition("\t")
        rows[key.strip().lower()] = value.strip()
    return rows
