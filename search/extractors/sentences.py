"""Sentence boundaries, good enough to decide what context a word shares with another."""

from __future__ import annotations

import bisect
import re

_BOUNDARY = re.compile(r"[.!?]+[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-•*]\s)")
_NO_BREAK_AFTER = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "adm",
        "capt",
        "sgt",
        "prof",
        "rev",
        "no",
        "vs",
        "etc",
        "inc",
        "corp",
        "co",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "approx",
        "est",
        "dept",
        "univ",
    ]
)


class Sentences:
    """The sentence spans of a text, and which sentence a character falls in."""

    def __init__(self, text: str) -> None:
        starts = [0]
        for match in _BOUNDARY.finditer(text):
            before = text[max(0, match.start() - 12) : match.start()]
            word = re.search(r"([A-Za-z]+)$", before)
            if word and match.group().startswith(".") and match.group()[:1] != "\n":
                token = word.group(1)
                # "U.S. President" and "Dr. Jhung" are not sentence ends.
                if token.lower() in _NO_BREAK_AFTER or (len(token) == 1 and token.isupper()):
                    continue
            starts.append(match.end())
        self._starts = starts
        self._text = text

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset) - 1

    def span(self, offset: int) -> tuple[int, int]:
        i = self.index(offset)
        end = self._starts[i + 1] if i + 1 < len(self._starts) else len(self._text)
        return self._starts[i], end
