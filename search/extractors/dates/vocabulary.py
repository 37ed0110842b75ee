"""The words of dates, read from the resource tables, as regular-expression pieces and as
numbers: months, weekdays, number words, units, seasons, ordinals."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..resources import table, word_set

_MONTHS = {k: int(v) for k, v in table("months.tsv").items()}


_WEEKDAYS = {k: int(v) for k, v in table("weekdays.tsv").items()}


_NUMBERS = table("number_words.tsv")


_UNITS = {k: tuple(v.split("\t")) for k, v in table("time_units.tsv").items()}


_PARTS_OF_DAY = table("parts_of_day.tsv")


_SEASONS = table("seasons.tsv")


_ORDINALS = {k: int(v) for k, v in table("ordinals.tsv").items()}


_ORDINAL_WORDS = {k: int(v) for k, v in table("ordinal_words.tsv").items()}


_HOLIDAYS = table("holidays.tsv")


def _trie_regex(words: list[str]) -> str:
    """One regular expression for many literal words, shaped as a trie.

    Python's re tries the branches of an alternation one by one; a trie lets it branch on each
    character, which makes the tagger several times faster on long word lists.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _alternation(words: Iterable[str]) -> str:
    return "(?:" + _trie_regex(list(words)) + ")"


# Abbreviated months and weekdays need their period when they stand alone ("Sun" is a company).
_MONTH_WORD = _alternation(
    [m.capitalize() for m in _MONTHS]
    + [m.capitalize() + "." for m in _MONTHS if len(m) <= 4 and m not in ("may", "june", "july")]
)


_WEEKDAY_WORD = _alternation(d.capitalize() + ("" if d.endswith("day") else ".") for d in _WEEKDAYS)


_ORDINAL_WORD = _alternation(_ORDINAL_WORDS).replace("\\-", "[\\s-]")


_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"


# Time zones as news writes them after a time of day, in capitals: "1600 GMT", "2030 BST".
_TIME_ZONE_NAMES = (
    "GMT",
    "UTC",
    "BST",
    "CET",
    "CEST",
    "EET",
    "EEST",
    "EST",
    "EDT",
    "CST",
    "CDT",
    "MST",
    "MDT",
    "PST",
    "PDT",
    "JST",
    "HKT",
    "SGT",
    "AEST",
    "AEDT",
    "ET",
    "PT",
)
_TIME_ZONE = rf"(?:(?-i:{'|'.join(_TIME_ZONE_NAMES)})\b|local\s+time\b)"
# Four digits followed by a time zone are a time of day ("Saturday, 26 February 1600 GMT"), not a
# year.
_YEAR = rf"(?:1[5-9]\d\d|20\d\d)(?!\s+{_TIME_ZONE})"


_NUM_WORD = _alternation(_NUMBERS)


_TENS_WORD = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"


_UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"


_ONE_TO_TWELVE = rf"(?:{_UNIT_WORD}|ten|eleven|twelve)"


_NUMBER = (
    rf"(?:(?:\d+(?:\.\d+)?|(?:{_UNIT_WORD}|a)\s+(?:hundred|thousand)"
    rf"|{_TENS_WORD}[\s-]{_UNIT_WORD}|{_NUM_WORD})(?:\s+and\s+a\s+half|\s+1/2|½)?)"
)


_APPROXIMATELY = (
    r"(?:(?:nearly|almost|about|around|roughly|some|more\s+than|less\s+than|over"
    r"|just\s+over|just\s+under|at\s+least|only)\s+)?"
)


_UNIT = rf"(?:centuries|{_alternation(_UNITS)}s?)"


_PART_OF_DAY = _alternation(_PARTS_OF_DAY)


_SEASON = _alternation(_SEASONS)


_RELATIVE_WORD = r"(?:this|last|next|past|coming|previous|following|current|same)"


_LEFT = r"(?<![\w$€£¥#/.-])"


_RIGHT = r"(?![\w/]|[.,]\d|-\d)"


_DEADLINE_BEFORE = re.compile(
    r"\b(?:by|until|till|through|before|effective|starting|beginning)\s+(?:early\s+|mid-?|late\s+)?$",
    re.I,
)


# A capitalised word before a month makes it part of a name ("Theresa May", "Dong Jun"), unless
# it is a function word that merely starts the sentence ("In May", "By June").
_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]+$")


_FUNCTION_WORDS = word_set("function_words.txt")


_MONTH_CUE_BEFORE = re.compile(
    r"\b(?:in|on|since|until|till|by|from|to|through|during|before|after|of|between|and|or|early|late|mid|"
    r"last|next|this|each|every|a|an|the|throughout|end|beginning|start|middle)[\s-]*$",
    re.I,
)


def _number(word: str) -> str:
    word = re.sub(r"\s+", " ", word.lower())
    half = re.fullmatch(r"(.+?)(?: and a half| 1/2|½)", word)
    if half:  # "two and a half", "5 1/2"
        whole = _number(half.group(1))
        return "X" if whole == "X" else str(float(whole) + 0.5)
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return word.rstrip("0").rstrip(".") if "." in word else word
    parts = re.split(r"[\s-]", word)
    if len(parts) == 2 and parts[0] in _NUMBERS and parts[1] in _NUMBERS and word not in _NUMBERS:
        first, second = int(_NUMBERS[parts[0]]), int(_NUMBERS[parts[1]])
        # "two hundred", "twenty-one"
        return str(first * second if second in (100, 1000) else first + second)
    value = _NUMBERS.get(word, "X")
    return value if value == "X" else (value if "." in value else str(int(value)))


def _month(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


def _weekday(word: str) -> int:
    return _WEEKDAYS[word.lower().rstrip(".")]


def _ordinal(word: str) -> int:
    return _ORDINAL_WORDS[re.sub(r"[\s-]+", "-", word.lower())]


def _day(word: str) -> int:
    return _ordinal(word) if word[0].isalpha() else int(re.sub(r"\D", "", word))


def _unit(word: str) -> str:
    word = word.lower()
    return word if word in _UNITS else "century" if word == "centuries" else word[:-1]


_RANGE_JOIN = r"\s*(?:-|–|—|to|through|until)\s*"


_MONTH_LIST_STEP = re.compile(
    rf"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:in\s+)?{_MONTH_WORD}(?![\w'’])"
)


_SPAN_BOUND_BEFORE = re.compile(r"\b(?:until|till|through|since|before|after)\s+$", re.I)


_FOLLOWS_A_MONTH = re.compile(rf"{_MONTH_WORD}(?:\s+{_DAY})?,?\s+$")


_RANGE_TO = re.compile(r",?\s*(?:-|–|—|to|through|until|till|and)\s*", re.I)


# A year may follow another year and a dash ("2025-2033"): each end is its own expression.
_YEAR_LEFT = r"(?:(?<=\d{4}-)|(?<=\d{4}–)|(?<![\w$€£¥#/.-]))"


_SPELLED_YEAR = (
    rf"(?P<century>nineteen|eighteen)[\s-]+(?P<tens>{_TENS_WORD}|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    rf"sixteen|seventeen|eighteen|nineteen)(?:[\s-]+(?P<units>{_UNIT_WORD}))?"
    rf"|(?P<thousand>two\s+thousand)(?:\s+(?:and\s+)?(?P<units2>{_ONE_TO_TWELVE}))?"
)


def _spelled_year_value(m: re.Match[str]) -> int:
    """The year a match of _SPELLED_YEAR names: "nineteen ninety-four" 1994, "two thousand and one"
    2001."""
    if m["thousand"]:
        return 2000 + int(_number(m["units2"]) if m["units2"] else 0)
    return (
        int(_number(m["century"])) * 100
        + int(_number(m["tens"]))
        + (int(_number(m["units"])) if m["units"] else 0)
    )


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“‘(`']\s*|\n\s*)$")


_MILITARY_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
