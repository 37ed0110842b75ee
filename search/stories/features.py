"""What an article says about which story it tells: its weighted words, the names it writes with
capitals, the people our extractor found and the days it names. Made at indexing (in the workers)
and kept with the article, so that grouping never reads an article's text again."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..extractors.resources import word_set

TITLE_WEIGHT = 2  # a title word counts as two in the body: headlines name the event
PERSON_MENTIONS_COUNTED = 3
MOST_TERMS = 80  # kept per article, the most frequent first: bounds the store on a large archive

_WORD = re.compile(r"[^\W\d_][\w'’\-]*[^\W_]|\d+(?:[.,]\d+)?")
_SENTENCE_END = re.compile(r"[.!?\"“”:]\s*$")
# Prefixes keep the kinds of term apart: a name, a person (by surname) and a day are stronger
# evidence than a word, and "may" the verb is not "May" the name.
NAME, PERSON, DAY = "N:", "P:", "D:"


@dataclass(frozen=True)
class StoryFeatures:
    """One article as grouping sees it."""

    article_id: str
    terms: dict[str, float]  # term -> count, before any corpus statistics
    day: dt.date  # published, else inferred, else the file's date: where it sits in time
    published: bool  # whether `day` is when it was published (then time separates stories)
    dated: bool = True  # whether `day` says when it was written (not just when a file was saved)
    source: str = ""
    title: str = ""


def _stem(word: str) -> str:
    """Enough folding for a headline and a body to share words: possessives and plurals."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def _words(text: str) -> Iterable[str]:
    skip = word_set("function_words.txt")
    for match in _WORD.finditer(text):
        word = match.group()
        lower = word.lower()
        if lower in skip or (len(lower) < 3 and not lower.isdigit()):
            continue
        term = _stem(lower)
        yield term
        start = match.start()
        # A capital inside a sentence marks a name (a place, an organisation, a person).
        if (
            word[0].isupper()
            and start
            and not _SENTENCE_END.search(text[max(0, start - 3) : start])
        ):
            yield NAME + term


def story_terms(
    title: str, body: str, people: Iterable[tuple[str, int]], days: Iterable[dt.date]
) -> dict[str, float]:
    """The article's terms with their counts, at most MOST_TERMS of them."""
    counts: Counter[str] = Counter(_words(body))
    for term in _words(title):
        counts[term] += TITLE_WEIGHT
    for name, mentions in people:
        counts[PERSON + name.split()[-1].lower()] += min(mentions, PERSON_MENTIONS_COUNTED)
    for day in days:
        counts[DAY + day.isoformat()] += 1
    return {term: float(count) for term, count in counts.most_common(MOST_TERMS)}
