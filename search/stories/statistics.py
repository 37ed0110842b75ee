"""Placing a few newcomers in the stories of a large archive without weighing the archive again.

Grouping weighs every article against the corpus: each term's document frequency (its idf) and
the sum of every article's weights (which gives each article's mean likeness to the others, the
background a likeness is centred on), and lists each article under its leading terms. The store
keeps these (`CorpusStatistics`), so that a catch-up reads only the newcomer, the articles listed
under its leading terms and their stories: a fetch of a few articles into an archive of 100,000
read and weighed all of them, seconds each time. The statistics move with each newcomer and each
article gone; grouping again from scratch writes them anew.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .features import StoryFeatures
from .grouping import (
    CANDIDATES_SCORED,
    JOIN_SIMILARITY,
    LONGEST_LIST,
    NEIGHBOURS,
    WINDOW_DAYS,
    Decisions,
    heaviest,
    idf,
    tf_weight,
)

if TYPE_CHECKING:  # the store lists its articles as Listed, from here
    from .store import StoryStore

Vector = dict[str, float]


@dataclass(frozen=True)
class Listed:
    """An article listed under a leading term, with where it sits in time."""

    article_id: str
    day: int
    published: bool


def weigh(terms: dict[str, float], df: Callable[[str], int], count: int) -> Vector:
    """An article's normalised tf-idf vector, as grouping weighs it."""
    raw = {term: tf_weight(tf) * idf(count, df(term)) for term, tf in terms.items() if tf >= 1}
    norm = math.sqrt(sum(x * x for x in raw.values())) or 1.0
    return {term: x / norm for term, x in raw.items()}


def _leading(vector: Vector, df: Callable[[str], int]) -> list[str]:
    return heaviest((x, term) for term, x in vector.items() if df(term) > 1)


def _background(vector: Vector, totals: dict[str, float], others: int, counted: bool) -> float:
    """Mean likeness to the other articles; `counted`: the article is in the totals itself."""
    likeness = sum(x * totals.get(term, 0.0) for term, x in vector.items())
    if counted:
        likeness -= sum(x * x for x in vector.values())
    return likeness / others if others > 0 else 0.0


def place_newcomers(
    store: StoryStore,
    newcomers: list[StoryFeatures],
    decisions: Decisions,
    new_name: Callable[[], str],
) -> dict[str, str]:
    """The story each newcomer joins (or a new one), earliest first, each newcomer then counted in
    the statistics so that a later one can join it."""
    placed: dict[str, str] = {}
    count = store.statistics_count() or 0
    for item in sorted(newcomers, key=lambda f: (f.day, f.article_id)):
        stats = store.term_statistics(item.terms)
        df = _counting_itself(stats)
        vector = weigh(item.terms, df, count + 1)
        near = _neighbours(store, item, vector, stats, count)
        story = _best_story(store, item.article_id, near, decisions, placed) or new_name()
        placed[item.article_id] = story
        # Listed under its heaviest terms, shared or not yet: a later newcomer that shares a
        # name no other article had finds it there.
        listed = heaviest((x, t) for t, x in vector.items())
        changed = {t: (n + 1, total + vector.get(t, 0.0)) for t, (n, total) in stats.items()}
        changed.update((t, (1, x)) for t, x in vector.items() if t not in stats)
        count += 1
        store.change_statistics(count, changed, [(t, item.article_id) for t in listed], [])
    return placed


def _counting_itself(stats: dict[str, tuple[int, float]]) -> Callable[[str], int]:
    """Document frequencies with the newcomer counted among the articles that have its terms."""
    return lambda term: stats.get(term, (0, 0.0))[0] + 1


def _neighbours(
    store: StoryStore,
    item: StoryFeatures,
    vector: Vector,
    stats: dict[str, tuple[int, float]],
    count: int,
) -> dict[str, float]:
    """The newcomer's nearest articles by centred cosine, as grouping finds them: candidates by
    shared leading terms (within the window when both are dated), the best scored."""
    df = _counting_itself(stats)
    day = item.day.toordinal()
    shared: Counter[str] = Counter()
    for listed in store.listed_under(_leading(vector, df)).values():
        if item.published:
            listed = [
                other
                for other in listed
                if not other.published or abs(other.day - day) <= WINDOW_DAYS
            ]
        if len(listed) <= LONGEST_LIST:
            shared.update(other.article_id for other in listed)
    shared.pop(item.article_id, None)
    best = [a for a, _ in heapq.nlargest(CANDIDATES_SCORED, shared.items(), key=lambda p: p[1])]
    candidates = store.features_of(best)
    their_stats = store.term_statistics({t for c in candidates for t in c.terms})
    totals = {t: total for t, (_, total) in their_stats.items()}
    totals.update((t, total) for t, (_, total) in stats.items())
    mine = _background(vector, totals, count, counted=False)
    scored = []
    for other in candidates:
        theirs = weigh(
            other.terms,
            lambda t: their_stats.get(t, (1, 0.0))[0] + (t in item.terms),
            count + 1,
        )
        similarity = sum(x * theirs.get(t, 0.0) for t, x in vector.items())
        centred = similarity - (mine + _background(theirs, totals, count - 1, True)) / 2
        if centred > 0:
            scored.append((centred, other.article_id))
    return {article_id: s for s, article_id in heapq.nlargest(NEIGHBOURS, scored)}


def _best_story(
    store: StoryStore,
    article_id: str,
    near: dict[str, float],
    decisions: Decisions,
    placed: dict[str, str],
) -> str | None:
    """The story whose articles the newcomer is closest to on average, above JOIN_SIMILARITY, and
    that the reader did not keep it apart from."""
    story_of = store.story_of_some(list(near)) | {a: s for a, s in placed.items() if a in near}
    best, best_average = None, JOIN_SIMILARITY
    for story in sorted(set(story_of.values())):
        members = set(store.members(story)) | {a for a, s in placed.items() if s == story}
        if any(frozenset((article_id, m)) in decisions.apart for m in members):
            continue
        average = sum(near.get(m, 0.0) for m in members) / len(members)
        if average >= best_average:
            best, best_average = story, average
    return best


def forget(
    store: StoryStore, gone: list[StoryFeatures], count: int
) -> dict[str, tuple[int, float]]:
    """What the statistics become for the terms of articles that left the archive (`count`: the
    articles counted before they left)."""
    stats = store.term_statistics({t for item in gone for t in item.terms})
    df = {t: d for t, (d, _) in stats.items()}
    totals = {t: total for t, (_, total) in stats.items()}
    for item in gone:
        vector = weigh(item.terms, lambda t: df.get(t, 1), count)
        for term in item.terms:
            df[term] = df.get(term, 1) - 1
            totals[term] = totals.get(term, 0.0) - vector.get(term, 0.0)
    return {t: (df[t], totals[t]) for t in df}
