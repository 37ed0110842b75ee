"""A statistical tagger of person names: an averaged perceptron over word features, BIO labels.

It is trained on news annotated with person names (CoNLL-2003's Reuters text, by a path given to
`python -m search.person_tagger train`), and the weights ship in `resources/person_model.json.gz`:
nothing is downloaded at run time. The rule-based finder in `people.py` contributes features
(titles, given names, name shapes), so the model learns when to trust it.

Only capitalised words and name particles are scored; every other word is outside a name, which
keeps tagging fast.
"""

from __future__ import annotations

import bisect
import gzip
import json
import random
import re
import sys
from collections import defaultdict
from functools import cache
from importlib import resources
from pathlib import Path

from . import lexicon

LABELS = ("O", "B", "I")
MODEL_FILE = "person_model.json.gz"
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # initials and abbreviations: J.R.R., U.S.
    r"|[A-Z]\.(?=\s?[A-Z])"  # one initial: P. Simmons
    r"|[^\W\d_]+(?:['’\-](?![sS]\b)[^\W\d_]+)*"  # words, with inner hyphens and apostrophes
    r"|['’][sS]\b"  # the possessive ending, a token of its own
    r"|\d+(?:[.,:]\d+)*"
    r"|\S"
)
_GAZETTEERS = (
    ("given", lexicon.GIVEN_NAMES),
    ("title", lexicon.TITLES),
    ("org", lexicon.ORGANISATION_WORDS),
    ("place", lexicon.PLACES),
    ("eastasian", lexicon.EAST_ASIAN_SURNAMES),
    ("function", lexicon.FUNCTION_WORDS),
)
_PARTICLES = lexicon.NAME_PARTICLES
_FUNCTION = lexicon.FUNCTION_WORDS


class Token:
    """A word or mark with its offsets; `line_start` is true for the first token of a line."""

    __slots__ = ("end", "line_start", "start", "text")

    def __init__(self, text: str, start: int, end: int, line_start: bool) -> None:
        self.text, self.start, self.end, self.line_start = text, start, end, line_start


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    # Only the first token after a newline starts a line: the next newline is looked for once it is
    # passed, not in every gap between words.
    newline = text.find("\n")
    for match in _TOKEN.finditer(text):
        start = match.start()
        if not tokens or 0 <= newline < start:
            newline = text.find("\n", start)
            append(Token(match.group(), start, match.end(), True))
        else:
            append(Token(match.group(), start, match.end(), False))
    return tokens


_SHAPES: dict[
    str, str
] = {}  # words recur: their shapes are worth keeping (a plain dict is fastest)


def _shape(word: str) -> str:
    shape = _SHAPES.get(word)
    if shape is None:
        if len(_SHAPES) > 200_000:
            _SHAPES.clear()
        shape = _SHAPES[word] = _compute_shape(word)
    return shape


def _compute_shape(word: str) -> str:
    shape = re.sub(r"[A-Z]", "X", word)
    shape = re.sub(r"[a-z]", "x", shape)
    shape = re.sub(r"\d", "d", shape)
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)


def _line_kinds(tokens: list[Token]) -> list[str]:
    """For each token, the kind of line it is on: "shout" (capitals), "title" (Title Case) or ""."""
    kinds: list[str] = []
    line: list[int] = []

    def close() -> None:
        words = [
            tokens[i].text for i in line if tokens[i].text[:1].isalpha() and len(tokens[i].text) > 1
        ]
        kind = ""
        if words and sum(w.isupper() for w in words) >= 0.7 * len(words):
            kind = "shout"
        elif (
            len(words) >= 4
            and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)
            and any(w.lower() in _FUNCTION for w in words[1:] if w[:1].isupper())
        ):
            # "Kucoin Presents Kumining For Traders": capitalised small words mark a headline
            kind = "title"
        kinds.extend(kind for _ in line)
        line.clear()

    for i, token in enumerate(tokens):
        if token.line_start and line:
            close()
        line.append(i)
    close()
    return kinds


Hint = tuple[int, int, str]  # a span the rule finder calls a name, and the first letter of why


def _marks(tokens: list[Token], hints: list[Hint]) -> list[str]:
    """Each token's mark from the rule finder's hints: its evidence letter and B or I, or "O"."""
    marks = ["O"] * len(tokens)
    starts = [t.start for t in tokens]
    for start, end, kind in hints:
        i = bisect.bisect_left(starts, start)
        first = True
        while i < len(tokens) and tokens[i].start < end:
            marks[i] = kind + ("B" if first else "I")
            first = False
            i += 1
    return marks


class _Document:
    """What the features of one text need: its tokens, the rule finder's marks, word statistics."""

    def __init__(self, text: str, hints: list[Hint], tokens: list[Token] | None = None) -> None:
        self.tokens = tokenize(text) if tokens is None else tokens
        self.rule = _marks(self.tokens, hints)
        # Padded by two at each end, so that features can look two words either way without checks.
        texts = [t.text for t in self.tokens]
        lowers = [w.lower() for w in texts]
        self.lower = ["<s>", "<s>", *lowers, "</s>", "</s>"]
        self.candidate = [
            w[:1].isupper() or lw in _PARTICLES or lw[:3] in ("al-", "el-")
            for w, lw in zip(texts, lowers)
        ]
        # Only candidates and their neighbours are looked at: what concerns every word is kept as a
        # set to ask of those few, not as a list over all of them.
        self.lowered_forms = {w for w in texts if w[:1].islower()}
        self.line_kind = _line_kinds(self.tokens)
        # Names the rules are sure of (titled, or a given name and a surname) vouch for the same
        # word elsewhere.
        self.sure = {lw for lw, mark in zip(lowers, self.rule) if mark[:1] in ("t", "g", "e")}

    def shape(self, i: int) -> str:
        """The shape of token `i`, "-" beyond either end."""
        if 0 <= i < len(self.tokens):
            word = self.tokens[i].text
            return _SHAPES.get(word) or _shape(word)
        return "-"


def _static_features(doc: _Document, i: int) -> list[str]:
    word = doc.tokens[i].text
    lower, rule = doc.lower, doc.rule
    w, s = lower[i + 2], doc.shape(i)
    shape_before, shape_after = doc.shape(i - 1), doc.shape(i + 1)
    features = [
        "b",
        f"w={w}",
        f"s={s}",
        f"p3={w[:3]}",
        f"x3={w[-3:]}",
        f"x2={w[-2:]}",
        f"w-1={lower[i + 1]}",
        f"w+1={lower[i + 3]}",
        f"w-2={lower[i]}",
        f"w+2={lower[i + 4]}",
        f"s-1={shape_before}",
        f"s+1={shape_after}",
        f"s-1s+1={shape_before}|{shape_after}",
        f"w-1s={lower[i + 1]}|{s}",
        f"rule={rule[i]}",
        f"rule-1={rule[i - 1] if i else '-'}",
        f"rule+1={rule[i + 1] if i + 1 < len(rule) else '-'}",
    ]
    tokens = doc.tokens
    if tokens[i].line_start:
        features.append("line_start")
    if doc.line_kind[i]:
        features.append(f"line={doc.line_kind[i]}")
        features.append(f"line={doc.line_kind[i]}|rule={doc.rule[i]}")
    if w in doc.sure:
        features.append("named_elsewhere")
    if word.isupper() and len(word) > 1:
        features.append("all_caps")
    if w in doc.lowered_forms:
        features.append("seen_lower")
    features.extend("in_" + name for name in _gazetteers_of(w))
    features.extend("prev_in_" + name for name in _gazetteers_of(lower[i + 1]))
    features.extend("next_in_" + name for name in _gazetteers_of(lower[i + 3]))
    if len(word) == 2 and word.endswith("."):
        features.append("initial")
    return features


_GAZETTEERS_OF: dict[str, tuple[str, ...]] = {}  # words recur, as for their shapes


def _gazetteers_of(lower: str) -> tuple[str, ...]:
    """The names of the word lists that hold `lower`, without a final period."""
    found = _GAZETTEERS_OF.get(lower)
    if found is None:
        if len(_GAZETTEERS_OF) > 200_000:
            _GAZETTEERS_OF.clear()
        bare = lower.rstrip(".")
        found = _GAZETTEERS_OF[lower] = tuple(name for name, table in _GAZETTEERS if bare in table)
    return found


class PersonTagger:
    """Averaged-perceptron weights, and greedy left-to-right tagging with them."""

    def __init__(self, weights: dict[str, list[float]] | None = None) -> None:
        self.weights: dict[str, list[float]] = weights or {}

    def _scores(self, features: list[str]) -> list[float]:
        scores = [0.0, 0.0, 0.0]
        weights = self.weights
        for feature in features:
            w = weights.get(feature)
            if w is not None:
                scores[0] += w[0]
                scores[1] += w[1]
                scores[2] += w[2]
        return scores

    @staticmethod
    def _history(previous: str, previous2: str, word_features: list[str]) -> list[str]:
        return [
            f"t-1={previous}",
            f"t-2t-1={previous2}|{previous}",
            f"t-1w={previous}|{word_features[1]}",
        ]

    def _tag_document(self, doc: _Document) -> list[str]:
        labels: list[str] = []
        previous, previous2 = "O", "O"
        for i, candidate in enumerate(doc.candidate):
            if not candidate:
                label = "O"
            else:
                features = _static_features(doc, i)
                scores = self._scores(features + self._history(previous, previous2, features))
                label = LABELS[max(range(3), key=scores.__getitem__)]
                if label == "I" and previous == "O":
                    label = "B"
            labels.append(label)
            previous2, previous = previous, label
        return labels

    def spans(
        self, text: str, hints: list[Hint], tokens: list[Token] | None = None
    ) -> list[tuple[int, int]]:
        """Character spans of the person names in `text`, given the rule finder's `hints`."""
        doc = _Document(text, hints, tokens)
        labels = self._tag_document(doc)
        spans: list[tuple[int, int]] = []
        vouched: list[bool] = []
        for i, (token, label) in enumerate(zip(doc.tokens, labels)):
            if label == "B" or (label == "I" and not spans):
                spans.append((token.start, token.end))
                vouched.append(False)
            elif label == "I":
                spans[-1] = (spans[-1][0], token.end)
            if label != "O":
                vouched[-1] = (
                    vouched[-1] or doc.line_kind[i] != "title" or doc.rule[i][:1] in ("t", "g", "e")
                )
        # On a Title Case line (a headline, a list of links) every word is capitalised, so a name
        # there needs the rules' word for it: a title or a known given name.
        return [span for span, ok in zip(spans, vouched) if ok]

    # --- training -----------------------------------------------------------------------------

    def train(
        self, examples: list[tuple[_Document, list[str]]], epochs: int, seed: int = 1
    ) -> None:
        totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        stamps: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        weights: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        self.weights = weights
        clock = 0
        static = [
            [
                _static_features(doc, i) if candidate else None
                for i, candidate in enumerate(doc.candidate)
            ]
            for doc, _ in examples
        ]
        order = list(range(len(examples)))
        rng = random.Random(seed)

        def update(feature: str, label: int, amount: float) -> None:
            totals[feature][label] += (clock - stamps[feature][label]) * weights[feature][label]
            stamps[feature][label] = clock
            weights[feature][label] += amount

        for epoch in range(epochs):
            rng.shuffle(order)
            mistakes = 0
            for index in order:
                _, gold = examples[index]
                previous, previous2 = "O", "O"
                for i, features in enumerate(static[index]):
                    clock += 1
                    if features is None:
                        previous2, previous = previous, "O"
                        continue
                    full = features + self._history(previous, previous2, features)
                    scores = self._scores(full)
                    guess = max(range(3), key=scores.__getitem__)
                    truth = LABELS.index(gold[i])
                    if guess != truth:
                        mistakes += 1
                        for feature in full:
                            update(feature, truth, 1.0)
                            update(feature, guess, -1.0)
                    previous2, previous = previous, gold[i]
            print(f"epoch {epoch + 1}: {mistakes} mistakes", file=sys.stderr)
        averaged = {}
        for feature, w in weights.items():
            total = totals[feature]
            values = [(total[k] + (clock - stamps[feature][k]) * w[k]) / clock for k in range(3)]
            if max(abs(v) for v in values) >= 1e-3:
                averaged[feature] = [round(v, 4) for v in values]
        self.weights = averaged

    def save(self, path: Path) -> None:
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            json.dump(self.weights, handle, separators=(",", ":"))


@cache
def default_tagger() -> PersonTagger:
    """The tagger with the weights shipped in the package (loaded once, on first use)."""
    model = resources.files("search.extractors").joinpath("resources").joinpath(MODEL_FILE)
    with model.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        return PersonTagger(json.load(handle))
