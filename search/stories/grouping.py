"""Grouping articles into stories: the same event or developing story, told by many outlets or
updated, is one story; another event of the same kind (another earthquake, another meeting of the
same ministers) is another.

How, and why:
- Each article is a tf-idf vector of its words, names, people and days (features.py), with the
  corpus's own document frequencies, so that what many articles share weighs little.
- Similarity is the cosine less the pair's mean similarity to the whole corpus (a centred cosine).
  On a corpus of one topic (five articles on the same two militaries) everything is alike and the
  raw cosine cannot tell one meeting from another; centring asks whether two articles are closer
  to each other than to the rest.
- Each article keeps only its nearest neighbours: an article's nearest is almost always from its
  own story, while a single global threshold on raw similarity cannot separate two events that
  share their people and places.
- Stories are average-link clusters of that sparse graph (a pair that is not a neighbour counts as
  unrelated), cut where the average similarity falls below JOIN_SIMILARITY. Unlike union-find on
  pairs, average linkage does not chain two stories through one similar pair of articles.
- Articles whose publication times are both known and more than WINDOW_DAYS apart are never
  compared: a story that goes on longer links through the articles in between.
- The reader's decisions come last: an article split out of a story never joins those articles
  again, and two stories joined stay joined.
"""

from __future__ import annotations

import bisect
import heapq
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from itertools import repeat
from operator import mul
from typing import TypeVar

from .features import StoryFeatures
from .forked import computed

T = TypeVar("T")
NEIGHBOURS = 10
JOIN_SIMILARITY = 0.1
WINDOW_DAYS = 7
# Candidates come from the inverted lists of an article's terms; a term in more articles than this
# within the window says little (its idf is low) and would make grouping quadratic.
LONGEST_LIST = 300
CANDIDATES_SCORED = 4 * NEIGHBOURS
CANDIDATE_TERMS = 25


@dataclass
class Decisions:
    """What the reader said: pairs of articles that are not one story, and pairs that are."""

    apart: set[frozenset[str]] = field(default_factory=set)
    together: set[frozenset[str]] = field(default_factory=set)


@dataclass(frozen=True)
class CorpusStatistics:
    """What weighing a corpus leaves to weigh a newcomer by: how many articles, each term's
    document frequency and summed weight, and the leading terms of each article."""

    count: int
    terms: Iterable[tuple[str, int, float]]  # term, document frequency, summed weight
    leading: Iterable[tuple[str, str]]  # term, article id


@dataclass
class _Corpus:
    """The articles as vectors, kept compact (term numbers and weights in arrays): a large archive
    holds a hundred thousand of them."""

    features: list[StoryFeatures]
    terms: list[array]  # per article, its terms' numbers
    weights: list[array]  # and their weights, normalised
    background: list[float]  # each article's mean cosine with all the others
    shared: list[bool]  # by term number: whether more than one article has it
    vocabulary: list[str]  # by term number: the term
    frequency: list[int]  # by term number: how many articles have it
    total: list[float]  # by term number: the sum of its weights over the articles


def idf(count: int, frequency: int) -> float:
    """How rare a term in `frequency` of `count` articles is."""
    return math.log((count + 1) / (frequency + 0.5))


def tf_weight(tf: float) -> float:
    """What `tf` occurrences of a term in an article weigh, before its idf."""
    return 1 + math.log(tf)


def heaviest(weighted: Iterable[tuple[float, T]]) -> list[T]:
    """The CANDIDATE_TERMS heaviest of these terms: sorted()[:k] is what heapq.nlargest is
    defined as, and faster for some eighty terms."""
    return [term for _, term in sorted(weighted, reverse=True)[:CANDIDATE_TERMS]]


def _vectors(features: Iterable[StoryFeatures]) -> _Corpus:
    """The articles as vectors, read in one pass: each article's words become numbers as it comes,
    and the article is kept without them (an archive's worth of words as strings was most of the
    memory of grouping it)."""
    number: dict[str, int] = {}
    frequency: Counter[int] = Counter()
    kept: list[StoryFeatures] = []
    counts: list[tuple[array, array]] = []
    numbered_as = number.setdefault
    for item in features:
        numbered = [numbered_as(term, len(number)) for term in item.terms]
        frequency.update(numbered)
        if min(item.terms.values(), default=1) >= 1:
            counts.append((array("i", numbered), array("d", item.terms.values())))
        else:  # a term seen less than once counts in its frequency, not in the vector
            kept_terms = [(n, tf) for n, tf in zip(numbered, item.terms.values()) if tf >= 1]
            counts.append(
                (array("i", (n for n, _ in kept_terms)), array("d", (tf for _, tf in kept_terms)))
            )
        kept.append(replace(item, terms={}))
    count = len(kept)
    # Each term's idf and each count's log once, not once per article that has them; the sums run
    # in C (map and operator.mul, in the same order): this was most of grouping's time.
    idfs = [idf(count, frequency[n]) for n in range(len(number))]
    scale = {tf: tf_weight(tf) for _, tfs in counts for tf in set(tfs)}
    terms, weights = [], []
    total = [0.0] * len(number)
    for ids, tfs in counts:
        # Every term counts in the norm, those no other article has too: on a small corpus,
        # keeping only shared terms made three unrelated articles alike through five common words.
        raw = list(map(mul, map(scale.__getitem__, tfs), map(idfs.__getitem__, ids)))
        norm = math.sqrt(sum(map(mul, raw, raw))) or 1.0
        vector = [x / norm for x in raw]
        for n, x in zip(ids, vector):
            total[n] += x
        terms.append(ids)
        weights.append(array("d", vector))
    background = [
        (sum(map(mul, vector, map(total.__getitem__, ids))) - sum(map(mul, vector, vector)))
        / (count - 1)
        if count > 1
        else 0.0
        for ids, vector in zip(terms, weights)
    ]
    frequencies = [frequency[n] for n in range(len(number))]
    return _Corpus(
        kept,
        terms,
        weights,
        background,
        [f > 1 for f in frequencies],
        list(number),
        frequencies,
        total,
    )


def _numbers() -> array:
    return array("i")


_NONE = _numbers()  # never appended to


def _leading(corpus: _Corpus, n: int) -> list[int]:
    """The terms that find an article's candidates: its heaviest (rare in the corpus, frequent in
    the article) among those another article has too."""
    return heaviest((x, t) for t, x in zip(corpus.terms[n], corpus.weights[n]) if corpus.shared[t])


class _Candidates:
    """Inverted lists of the articles' leading terms: the dated articles in day order (their days
    alongside, to cut the window), and the undated ones. Arrays, not lists: as lists of numbers
    they held 190 MB of a large archive's grouping."""

    def __init__(self, corpus: _Corpus) -> None:
        self.corpus = corpus
        self.days: defaultdict[int, array] = defaultdict(_numbers)
        self.dated: defaultdict[int, array] = defaultdict(_numbers)
        self.undated: defaultdict[int, array] = defaultdict(_numbers)
        self.leading: list[array] = [_NONE] * len(corpus.features)
        order = sorted(range(len(corpus.features)), key=lambda n: corpus.features[n].day)
        for n in order:
            item = corpus.features[n]
            self.leading[n] = array("i", _leading(corpus, n))
            day = item.day.toordinal()
            for term in self.leading[n]:
                if item.published:
                    self.days[term].append(day)
                    self.dated[term].append(n)
                else:
                    self.undated[term].append(n)

    def near(self, n: int) -> list[tuple[float, int]]:
        """The article's nearest neighbours, by centred cosine, above zero."""
        corpus = self.corpus
        item = corpus.features[n]
        partial: Counter[int] = Counter()  # shared leading terms: which candidates to score
        day = item.day.toordinal()
        for term in self.leading[n]:
            dated = self.dated.get(term, _NONE)
            if item.published and dated:
                days = self.days[term]
                low = bisect.bisect_left(days, day - WINDOW_DAYS)
                high = bisect.bisect_right(days, day + WINDOW_DAYS)
                dated = dated[low:high]
            undated = self.undated.get(term, _NONE)
            if len(dated) + len(undated) <= LONGEST_LIST:
                partial.update(dated)
                partial.update(undated)
        partial.pop(n, None)
        best = heapq.nlargest(CANDIDATES_SCORED, partial.items(), key=lambda pair: pair[1])
        mine = dict(zip(corpus.terms[n], corpus.weights[n]))
        scored = []
        for m, _ in best:
            # map() and operator.mul keep the loop over the other's terms in C: written as a
            # generator, this line was half the time of grouping a large archive.
            similarity = sum(
                map(mul, map(mine.get, corpus.terms[m], repeat(0.0)), corpus.weights[m])
            )
            centred = similarity - (corpus.background[n] + corpus.background[m]) / 2
            if centred > 0:
                scored.append((centred, m))
        return heapq.nlargest(NEIGHBOURS, scored)


def _statistics(candidates: _Candidates) -> CorpusStatistics:
    corpus = candidates.corpus
    vocabulary = corpus.vocabulary
    return CorpusStatistics(
        len(corpus.features),
        zip(vocabulary, corpus.frequency, corpus.total, strict=True),
        (
            (vocabulary[term], item.article_id)
            for item, leading in zip(corpus.features, candidates.leading, strict=True)
            for term in leading
        ),
    )


def _neighbour_graph(candidates: _Candidates, processes: int) -> dict[int, dict[int, float]]:
    count = len(candidates.corpus.features)
    graph: dict[int, dict[int, float]] = {n: {} for n in range(count)}
    for n, nearest in enumerate(computed(candidates.near, count, processes)):
        for similarity, m in nearest:
            graph[n][m] = graph[m][n] = similarity
    return graph


def _average_link(
    graph: dict[int, dict[int, float]], apart: dict[int, set[int]]
) -> list[list[int]]:
    """Average-link agglomeration of a sparse similarity graph, down to JOIN_SIMILARITY."""
    members = {n: [n] for n in graph}
    links = {n: dict(neighbours) for n, neighbours in graph.items()}  # cluster -> sum of sims
    barred = {n: set(apart.get(n, ())) for n in graph}  # articles a cluster may not join
    heap = [(-s, a, b) for a, neighbours in links.items() for b, s in neighbours.items() if a < b]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members or b not in links[a]:
            continue
        average = links[a][b] / (len(members[a]) * len(members[b]))
        if average != -negative:
            continue  # a stale entry: the pair was pushed again when a cluster grew
        if average < JOIN_SIMILARITY:
            break
        if barred[a] & set(members[b]):
            del links[a][b], links[b][a]
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        members[a] += members.pop(b)
        barred[a] |= barred.pop(b)
        for other, total in links.pop(b).items():
            if other == a:
                continue
            links[other].pop(b)
            links[a][other] = links[other][a] = links[a].get(other, 0.0) + total
        del links[a][b]
        for other, total in links[a].items():
            heapq.heappush(heap, (-total / (len(members[a]) * len(members[other])), a, other))
    return list(members.values())


def group(
    features: Iterable[StoryFeatures],
    decisions: Decisions | None = None,
    weighed: Callable[[CorpusStatistics], None] | None = None,
    processes: int = 1,
) -> list[list[str]]:
    """The stories of a corpus, each a list of article ids; `weighed` is given the corpus's
    statistics, by which newcomers are placed later (statistics.py). With `processes`, a large
    corpus's neighbours are found by forked copies of this one too (forked.py): only a process
    of its own should ask, as the indexer's --stories does."""
    decisions = decisions or Decisions()
    corpus = _vectors(features)
    articles = corpus.features
    candidates = _Candidates(corpus)
    if weighed is not None:
        weighed(_statistics(candidates))
    if not articles:
        return []
    number = {item.article_id: n for n, item in enumerate(articles)}
    apart: defaultdict[int, set[int]] = defaultdict(set)
    for pair in decisions.apart:
        a, b = (number.get(article_id) for article_id in pair)
        if a is not None and b is not None:
            apart[a].add(b)
            apart[b].add(a)
    graph = _neighbour_graph(candidates, processes)
    ids = [item.article_id for item in articles]
    # The vectors and candidate lists are most of the memory (440 of 760 MB at 100,000 articles),
    # and joining clusters needs only the graph: let them go first.
    del corpus, articles, candidates
    clusters = _average_link(graph, apart)
    stories = [[ids[n] for n in cluster] for cluster in clusters]
    return _joined(stories, decisions.together)


def _joined(stories: list[list[str]], together: Iterable[frozenset[str]]) -> list[list[str]]:
    """Stories the reader joined become one (union-find over the stories)."""
    story_of = {article_id: n for n, story in enumerate(stories) for article_id in story}
    parent = list(range(len(stories)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for pair in together:
        a, b = (story_of.get(article_id) for article_id in pair)
        if a is not None and b is not None:
            parent[root(a)] = root(b)
    merged: defaultdict[int, list[str]] = defaultdict(list)
    for n, story in enumerate(stories):
        merged[root(n)] += story
    return list(merged.values())
