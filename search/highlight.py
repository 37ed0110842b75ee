"""Find where a query's words occur in a text, as the engine indexed them, and pick a snippet."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .extractors.sentences import Sentences
from .records import Snippet

SNIPPET_CHARS = 160
# (start, end, indexed form) of each word of a text that the index keeps: the engine's analyser.
IndexedWords = Callable[[str], Iterable[tuple[int, int, str]]]


def hit_spans(text: str, terms: frozenset[str], words: IndexedWords) -> list[tuple[int, int]]:
    """Character spans of every word in `text` whose indexed form is one of `terms`."""
    if not terms or not text:
        return []
    return [(start, end) for start, end, form in words(text) if form in terms]


def make_snippet(text: str, spans: list[tuple[int, int]], limit: int = SNIPPET_CHARS) -> Snippet:
    """The sentence with the most hits (or the opening), cut to about `limit` characters."""
    flat = " ".join(text.split())
    if not spans:
        cut = flat[:limit]
        return Snippet(cut + ("…" if len(flat) > limit else ""), ())
    sentences = Sentences(text)
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for span in spans:
        by_sentence.setdefault(sentences.index(span[0]), []).append(span)
    best = max(by_sentence, key=lambda i: (len({text[s:e].lower() for s, e in by_sentence[i]}), -i))
    start, end = sentences.span(by_sentence[best][0][0])
    first_hit = by_sentence[best][0][0]
    if end - start > limit:
        start = max(start, first_hit - limit // 3)
        end = min(end, start + limit)
        # Cut at word boundaries, never through a word.
        if start > 0 and not text[start - 1].isspace():
            space = text.find(" ", start, first_hit)
            start = space + 1 if space != -1 else start
        if end < len(text) and not text[end].isspace():
            space = text.rfind(" ", start, end)
            end = space if space > first_hit else end
    window = text[start:end]
    # Collapse whitespace while keeping the hit offsets right.
    out: list[str] = []
    mapping: list[int] = []
    previous_space = True
    for i, char in enumerate(window):
        if char.isspace():
            if previous_space:
                continue
            char = " "
        previous_space = char == " "
        out.append(char)
        mapping.append(start + i)
    snippet = "".join(out).strip()
    lead = len("".join(out)) - len("".join(out).lstrip())
    position = {original: i - lead for i, original in enumerate(mapping)}
    kept = []
    for s, e in spans:
        if s in position and (e - 1) in position:
            kept.append((position[s], position[e - 1] + 1))
    prefix = (
        "…"
        if start > 0 and text[start - 1] not in "\n" and sentences.span(start)[0] != start
        else ""
    )
    ends_sentence = snippet.endswith((".", "!", "?", "”", '"'))
    suffix = (
        "…"
        if end < len(text) and not ends_sentence and end != sentences.span(max(end - 1, 0))[1]
        else ""
    )
    shift = len(prefix)
    return Snippet(prefix + snippet + suffix, tuple((s + shift, e + shift) for s, e in kept))
