"""One story read side by side: what each outlet adds that the others do not, and the timeline of
the dated events its articles mention."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..extractors.dates import period_start
from ..extractors.extraction import Extraction
from ..extractors.sentences import Sentences
from ..query import person_keys
from ..records import StoredArticle

# A sentence is told elsewhere when most of its words are in one sentence of another article.
TOLD_ELSEWHERE = 0.6
MIN_SENTENCE_WORDS = 6  # shorter ones (captions, bylines) add nothing worth listing
MOST_ADDED_SENTENCES = 5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class OutletArticle:
    """One article of a story, and what it tells that no other article of the story does."""

    article: StoredArticle
    sentences: tuple[str, ...]
    people: tuple[str, ...]
    dates: tuple[str, ...]


@dataclass(frozen=True)
class TimelineEvent:
    day: dt.date  # where it sorts: the start of the period it names
    value: str  # the date as precise as the article gave it (2025-10, 2025-12-15, 2025-W51)
    text: str  # the date as the article wrote it
    sentence: str
    source: str


@dataclass(frozen=True)
class StoryView:
    id: str
    articles: tuple[OutletArticle, ...]  # earliest first
    timeline: tuple[TimelineEvent, ...]


def _sentences(text: str) -> list[str]:
    spans = Sentences(text)
    found, offset = [], 0
    while offset < len(text):
        start, end = spans.span(offset)
        sentence = " ".join(text[start:end].split())
        if sentence:
            found.append(sentence)
        offset = max(end, offset + 1)
    return found


def _words(sentence: str) -> frozenset[str]:
    return frozenset(word.lower() for word in _WORD.findall(sentence))


def _told_elsewhere(words: frozenset[str], others: list[frozenset[str]]) -> bool:
    return any(len(words & other) >= TOLD_ELSEWHERE * len(words) for other in others)


def _dated(extraction: Extraction) -> list[tuple[dt.date, str, int, str]]:
    """(day, text, offset, value) of each date the article names."""
    found = []
    for expression in extraction.dates:
        day = period_start(expression.value) if expression.names_a_time else None
        if day is not None:
            text = " ".join(expression.text.split())
            found.append((day, text, expression.start, expression.value))
    return found


def compare(story: str, articles: list[tuple[StoredArticle, Extraction]]) -> StoryView:
    """What each article adds, and the story's timeline; `articles` earliest first."""
    dated = [_dated(extraction) for _, extraction in articles]
    timeline = _timeline(articles, dated)
    if len(articles) == 1:  # what one article adds to itself is everything: nothing to list
        return StoryView(story, (OutletArticle(articles[0][0], (), (), ()),), timeline)
    sentences = [_sentences(article.body) for article, _ in articles]
    words = [[_words(s) for s in article_sentences] for article_sentences in sentences]
    keys = [
        [(person.name, person_keys(person.name)) for person in extraction.people]
        for _, extraction in articles
    ]
    days = [{day for day, _, _, _ in found} for found in dated]
    outlets = []
    for n, (article, _) in enumerate(articles):
        others_words = [w for m, ws in enumerate(words) if m != n for w in ws]
        added = [
            sentence
            for sentence, sentence_words in zip(sentences[n], words[n])
            if len(sentence_words) >= MIN_SENTENCE_WORDS
            and not _told_elsewhere(sentence_words, others_words)
        ]
        other_keys = set().union(*(k for m, ks in enumerate(keys) if m != n for _, k in ks))
        other_days = set().union(*(d for m, d in enumerate(days) if m != n))
        outlets.append(
            OutletArticle(
                article,
                tuple(added[:MOST_ADDED_SENTENCES]),
                tuple(name for name, k in keys[n] if not k & other_keys),
                tuple(dict.fromkeys(text for day, text, _, _ in dated[n] if day not in other_days)),
            )
        )
    return StoryView(story, tuple(outlets), timeline)


def _timeline(
    articles: list[tuple[StoredArticle, Extraction]],
    dated: list[list[tuple[dt.date, str, int, str]]],
) -> tuple[TimelineEvent, ...]:
    """Each dated event once (the first outlet to tell it), in time order."""
    events: list[TimelineEvent] = []
    for (article, _), found in zip(articles, dated):
        spans = Sentences(article.body)
        for day, text, offset, value in found:
            start, end = spans.span(offset)
            sentence = " ".join(article.body[start:end].split())
            if not any(e.day == day and _similar(e.sentence, sentence) for e in events):
                events.append(TimelineEvent(day, value, text, sentence, article.source))
    return tuple(sorted(events, key=lambda event: event.day))


def _similar(first: str, second: str) -> bool:
    a, b = _words(first), _words(second)
    return bool(a) and len(a & b) >= TOLD_ELSEWHERE * min(len(a), len(b))
