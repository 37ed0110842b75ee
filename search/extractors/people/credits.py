"""Bylines and photo credits: "(Reporting by Hallie Gu in Beijing and Dominique Patton; Editing
by Kim Coghill)", "REUTERS/Issei Kato", "Odd Andersen/Pool via REUTERS", "By Nakul Iyer". Whoever
a credit names is a person, and the words that open one end the name before them."""

from __future__ import annotations

import re

from .lexicon import CALENDAR_AND_NUMBER_WORDS, GIVEN_NAMES

_CREDIT_BEFORE = re.compile(
    r"(?:(?i:reporting|writing|editing|edited|compiled|photos?|photographs?|graphics?|produced|"
    r"written|reported)\s+by|(?:REUTERS|Reuters|AP\s+Photo|AFP|EPA|Getty\s+Images)\s*/)\s*"
    r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}(?:\s+in\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?"
    r"(?:\s*,\s*|\s+and\s+))?$"
)
_BYLINE_BEFORE = re.compile(r"(?:^|\s)By\s+$")
_CREDIT_WORDS = frozenset({"reporting", "writing", "editing", "additional", "compiled", "edited"})
_BY_AFTER = re.compile(r"\s+(?:reporting\s+)?by\b")
# Words that never end a name: those a credit opens with ("Dave Sherwood Editing by Chris Reese")
# and months that are no one's name ("Kyodo December"). April, May, June and August may be names,
# and so may "Jun", "Jan" and "Mar" ("Dong Jun").
NEVER_END_A_NAME = _CREDIT_WORDS | frozenset(
    {"january", "february", "march", "july", "september", "october", "november", "december"}
    | {"feb", "apr", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)


def opens_a_credit(text: str, key: str, end: int) -> bool:
    """Whether the word `key`, ending at `end`, opens a credit ("Editing by")."""
    return key in _CREDIT_WORDS and bool(_BY_AFTER.match(text, end))


# A photographer credited before the agency: "Odd Andersen/Pool via REUTERS", "Jane Doe/AFP".
_AGENCY_AFTER = re.compile(
    r"/(?:Pool(?:\s+via\s+|/)?)?(?:REUTERS|Reuters|AFP|AP|EPA|Getty\s+Images)?(?<=[/\w])(?=\W|$)"
)


def follows_a_credit(text: str, start: int, keys: list[str], end: int | None = None) -> bool:
    """Whether the words `keys` (lower case), from `start` to `end`, are a name a credit gives."""
    if not 1 <= len(keys) <= 3:
        return False
    if end is not None and len(keys) >= 2 and text.startswith("/", end):
        match = _AGENCY_AFTER.match(text, end)
        if match and match.end() > end + 1:
            return True
    window = text[max(0, start - 80) : start]
    if "/" not in window and "by " not in window and "By " not in window and "BY " not in window:
        return False  # no "by", no "REUTERS/": most names, without the pattern's scan
    if _CREDIT_BEFORE.search(window):
        return True
    # "By Nakul Iyer" opening a story; "By Friday" or "By Late Afternoon" is no byline.
    return (
        len(keys) >= 2
        and bool(_BYLINE_BEFORE.search(window[-6:]))
        and keys[0] in GIVEN_NAMES
        and not any(key in CALENDAR_AND_NUMBER_WORDS for key in keys)
    )
