"""Where the tagger's triggers occur in a text, most of them found in one pass over its words.

Python's re tries a pattern at every position of the text, so scanning the text once per trigger
cost more than every rule together. Most triggers match within a single word ("yesterday", "q3",
"1987"): for those the text's words are read once, and what each distinct word holds is kept
across texts, since news reuses its vocabulary. A trigger that spans words ("week of", "5 p.m.")
is still scanned over the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import ModuleType
from typing import cast

_parser: ModuleType | None
try:  # re's own parser, private: on a Python without it, every trigger scans the whole text
    from re import _parser  # type: ignore[attr-defined, no-redef]
except ImportError:  # pragma: no cover
    _parser = None

_WORD = re.compile(r"\w+")
_IS_WORD_CHARACTER = re.compile(r"\w")
_WORD_CATEGORIES = {"CATEGORY_DIGIT", "CATEGORY_WORD", "CATEGORY_UNI_DIGIT", "CATEGORY_UNI_WORD"}
_BOUNDARIES = {"AT_BOUNDARY", "AT_NON_BOUNDARY", "AT_UNI_BOUNDARY", "AT_UNI_NON_BOUNDARY"}
_REMEMBERED_WORDS = 100_000  # some 15 MB at most; past it, new words are looked at each time


def _is_word_character(code: int) -> bool:
    return bool(_IS_WORD_CHARACTER.match(chr(code)))


def _only_word_characters(parsed: list[tuple[object, object]]) -> bool:
    """Whether every character the parsed pattern matches or looks at is a word character.

    Such a pattern finds the same matches in a word taken alone as in the text around it: every
    match lies inside one word, and whatever it looks at beyond a word's ends (a boundary, a digit
    that must not precede) sees a non-word character in the text and nothing in the word alone,
    which no word-character test passes.
    """
    for op, arg in parsed:
        name = str(op)
        if name == "LITERAL":
            if not _is_word_character(arg):  # type: ignore[arg-type]
                return False
        elif name == "IN":
            if not all(_class_item_is_word(item) for item in arg):  # type: ignore[attr-defined]
                return False
        elif name == "AT":
            if str(arg) not in _BOUNDARIES:
                return False
        elif name == "BRANCH":
            if not all(_only_word_characters(branch) for branch in arg[1]):  # type: ignore[index]
                return False
        elif name in ("SUBPATTERN", "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            if not _only_word_characters(arg[-1]):  # type: ignore[index]
                return False
        elif name in ("ASSERT", "ASSERT_NOT"):
            if not _only_word_characters(arg[1]):  # type: ignore[index]
                return False
        elif name == "ATOMIC_GROUP":
            if not _only_word_characters(arg):  # type: ignore[arg-type]
                return False
        else:
            return False  # any character, a negated class, a back reference: may cross words
    return True


def _class_item_is_word(item: tuple[object, object]) -> bool:
    op, arg = item
    name = str(op)
    if name == "LITERAL":
        return _is_word_character(arg)  # type: ignore[arg-type]
    if name == "RANGE":
        low, high = cast(tuple[int, int], arg)
        return high - low < 0x400 and all(map(_is_word_character, range(low, high + 1)))
    if name == "CATEGORY":
        return str(arg) in _WORD_CATEGORIES
    return False


def within_a_word(trigger: re.Pattern[str]) -> bool:
    """Whether `trigger` can be looked for word by word instead of over the whole text."""
    if _parser is None:
        return False
    return _only_word_characters(list(_parser.parse(trigger.pattern, trigger.flags)))


class TriggerScanner:
    """Finds where each of a fixed list of triggers matches in lower-cased texts."""

    def __init__(self, triggers: Sequence[re.Pattern[str]]) -> None:
        self.triggers = list(triggers)
        self._in_words = [i for i, trigger in enumerate(triggers) if within_a_word(trigger)]
        self._across_words = [i for i in range(len(triggers)) if i not in self._in_words]
        # For each word seen, the triggers found in it: (trigger, start, end) with offsets in it.
        self._word_hits: dict[str, tuple[tuple[int, int, int], ...]] = {}

    def _hits_in(self, word: str) -> tuple[tuple[int, int, int], ...]:
        hits = tuple(
            (i, *match.span()) for i in self._in_words for match in self.triggers[i].finditer(word)
        )
        if len(self._word_hits) < _REMEMBERED_WORDS:
            self._word_hits[word] = hits
        return hits

    def spans(self, lowered: str) -> list[list[tuple[int, int]]]:
        """For each trigger, the spans of its matches in `lowered`, in order."""
        found: list[list[tuple[int, int]]] = [[] for _ in self.triggers]
        # Each distinct word once, then the places of the few that hold a trigger: a loop over
        # every word of the text in Python cost as much as the scans it replaces.
        remembered = self._word_hits.get
        for word in set(_WORD.findall(lowered)):
            hits = remembered(word)
            if hits is None:
                hits = self._hits_in(word)
            if hits:
                for start in _places(lowered, word):
                    for i, hit_start, hit_end in hits:
                        found[i].append((start + hit_start, start + hit_end))
        for found_in_words in found:
            found_in_words.sort()
        for i in self._across_words:
            found[i] = [match.span() for match in self.triggers[i].finditer(lowered)]
        return found


def _is_word_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and _IS_WORD_CHARACTER.match(text, index) is not None


def _places(text: str, word: str) -> list[int]:
    """Where `word` stands in `text` as a whole word (a run of word characters, as re's \\w+)."""
    places = []
    start = text.find(word)
    while start >= 0:
        if not _is_word_at(text, start - 1) and not _is_word_at(text, start + len(word)):
            places.append(start)
        start = text.find(word, start + 1)
    return places
