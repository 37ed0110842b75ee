"""Evidence that a name the rules or the tagger found is not a person, or is a person with a
title: what the words around its mentions say (an organisation's shares, a film's title, a saint's
chapel), honorifics that belong to no name, and the roles written before and after a name."""

from __future__ import annotations

import re

from ..resources import word_set
from .lexicon import FUNCTION_WORDS, TITLES

HONORIFICS = word_set("honorifics.txt")
_ROLE_MODIFIERS = word_set("role_modifiers.txt")
# Words that never start a role although they may be capitalised before a title ("Now Home
# Secretary", "Later Mr Saakashvili").
_NOT_ROLE_WORDS = (FUNCTION_WORDS - {"former", "of"}) | word_set("sentence_words.txt")

_ORGANISATION_AFTER = re.compile(
    r"^(?:['’]s?\s+(?:shares?|stock|chairman|chairwoman|chief\s+executive|board|subsidiary|unit|"
    r"stake|profits?|sales|revenues?|earnings|headquarters|shareholders|customers|stores|"
    r"products|brand|website|search\s+engine|takeover|bid)\b"
    r"|\s+(?:Inc|Corp|Co|Ltd|plc|PLC|AG|SA|NV|LLC|Group|Holdings|Bank|& Co)\b"
    r"|\s+(?:said|says|announced)\s+(?:on\s+\w+\s+)?(?:in\s+a\s+statement\s+)?(?:that\s+)?it\b"
    r"|\s+and\s+its\b)"
)
_ORGANISATION_BEFORE = re.compile(
    r"\b(?:shares\s+(?:of|in)|stake\s+in|(?:bid|offer)\s+for|units?\s+of|owned\s+by|"
    r"subsidiary\s+of|takeover\s+of)\s+$",
    re.I,
)
_WORK_BEFORE = re.compile(
    r"\b(?:film|movie|novel|book|game|play|album|series|musical|opera|show|sitcom|drama|"
    r"documentary|song|single|title)\s+[“\"']?$",
    re.I,
)
_PLACE_BEFORE = re.compile(r"\b(?:St|St\.|Saint|Ste|Mount|Mt|Lake|Fort|Port|Cape)\s+$")
_NOT_PEOPLE = word_set("not_people.txt")


def is_honorific(word: str) -> bool:
    return word.lower().rstrip(".") in HONORIFICS


def says_not_a_person(text: str, start: int, end: int) -> bool:
    """Whether the words around one mention name an organisation, a work or a place."""
    before, after = text[max(0, start - 40) : start], text[end : end + 60]
    return bool(
        _ORGANISATION_AFTER.match(after)
        or _ORGANISATION_BEFORE.search(before)
        or _WORK_BEFORE.search(before)
        or _PLACE_BEFORE.search(before)
    )


def never_a_person(name: str, spans: list[tuple[int, int]], text: str) -> bool:
    """A whole group of mentions that is no person: a known club, award, brand or agency sign-off
    ("REUTER"), or a name whose mentions' surroundings say organisation, work or place."""
    if name.lower() in _NOT_PEOPLE:
        return True
    return any(says_not_a_person(text, s, e) for s, e in spans)


def clean_role(role: str | None) -> str | None:
    """A role without the honorifics and sentence words it was read with; None if nothing is
    left."""
    if not role:
        return None
    words = role.split()
    while words and (
        is_honorific(words[0])
        or (words[0].lower() in _NOT_ROLE_WORDS and words[0].lower() not in _ROLE_MODIFIERS)
    ):
        words = words[1:]
    while words and is_honorific(words[-1]):
        words = words[:-1]
    if not words or all(is_honorific(w) for w in words):
        return None
    return " ".join(words)


_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+")
_WORD_BEFORE = re.compile(r"([\w’'.&-]+)\s+$")


def role_before(text: str, start: int) -> str | None:
    """A title written in lower case before a name ("Wales coach Mike Ruddock", "tourism minister
    Sontaya Kunplome", "GE's chief executive Jeff Immelt"): the title, and the words that qualify
    it (capitalised words, possessives, "former", one noun before the title)."""
    words: list[str] = []
    position = start
    while len(words) < 6:
        match = _WORD_BEFORE.search(text, max(0, position - 40), position)
        if not match or "\n\n" in text[match.end() : position]:
            break
        words.insert(0, match.group(1))
        position = match.start()
    lowered = [w.lower() for w in words]
    for size in (3, 2, 1):
        if len(words) >= size and " ".join(lowered[-size:]) in TITLES:
            title_start = len(words) - size
            break
    else:
        return None
    first = title_start
    took_noun = False
    while first > 0:
        word = words[first - 1]
        lower = word.lower().rstrip(".,")
        if word.endswith((",", ";", ":")) or (
            word.endswith(".") and not _ABBREVIATION.fullmatch(word)
        ):
            break  # the end of a clause or a sentence; "U.S." is neither
        if lower in _ROLE_MODIFIERS or word[:1].isupper() or word.endswith(("'s", "’s")):
            if lower in _NOT_ROLE_WORDS and lower not in _ROLE_MODIFIERS:
                break
            first -= 1
        elif not took_noun and lower.isalpha() and lower not in FUNCTION_WORDS:
            took_noun, first = True, first - 1  # "tourism minister"
        else:
            break
    if all(is_honorific(w) for w in words[title_start:]):
        return None  # "Mr": how the person is addressed, no role
    return " ".join(words[first:])
