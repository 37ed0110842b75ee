"""Which way in time a sentence points at a date: the tense of the words that govern it.

News mostly reports the past, so a weekday or a month with no cue is taken as past by the caller;
this module only says when the words show otherwise. The clause holding the expression decides
first ("said it would meet on Tuesday, after talks that ended last week"): cues elsewhere in the
sentence are used only when its own clause has none.
"""

from __future__ import annotations

import re

from ..resources import word_set

_IRREGULAR_PAST = word_set("past_tense_verbs.txt")

# Cues that a sentence looks ahead. "next to" is a place, and "expected" only looks ahead with "to".
_FUTURE_CUE = re.compile(
    r"\b(?:will|won't|'ll|shall|going\s+to|plans?\s+to|planned\s+(?:to|for|a|an)|planning|scheduled|slated|"
    r"expected\s+to|expects?|is\s+to|are\s+to|due\s+(?:to|on|in|by)|upcoming|set\s+to|to\s+be\s+held|intends?\s+to|"
    r"hopes?\s+to|as\s+(?:soon|early)\s+as|(?:postponed|delayed|adjourned|put\s+off|deferred)\s+(?:until|till|to)|"
    r"next(?!\s+to\b)|tomorrow)\b",
    re.I,
)
# These look ahead from the time of the report, but not for a day that owns an event: in "said they
# would
# challenge Wednesday's ruling" the ruling has already been given.
_WEAK_FUTURE_CUE = re.compile(r"\b(?:would|might)\b", re.I)
# A scheduled event told in the present looks ahead: "the two leaders meet Monday", "the talks
# open on Tuesday". Only verbs of schedules: most present tense in news is not about a date.
_SCHEDULE_PRESENT = re.compile(
    r"\b(?i:meet|meets|open|opens|visit|visits|arrive|arrives|resume|resumes|begin|begins|"
    r"start|starts|face|faces|play|plays|vote|votes|travel|travels|fly|flies|return|returns|"
    r"convene|convenes|reopen|reopens|kick\s+off|kicks\s+off)"
    r"(?:\s+(?:again|separately|formally|officially|here|there|with\s+\w+)"
    r"|(?:\s+[A-Z][\w'’.-]*){1,3})?"
    r"\s+(?:on\s+)?$"
)
# A plan in the pluperfect lies in the past: "had been due to expire Friday".
_PAST_PLAN = re.compile(r"\bhad\s+(?:been\s+|previously\s+been\s+)?$", re.I)
_PAST_WORDS = re.compile(r"\b(?:ago|earlier|last|yesterday|previously)\b", re.I)
_WORD = re.compile(r"[A-Za-z]+")
# After these an -ed word is an adjective or a present passive: "is based", "the proposed merger".
_NOT_A_PAST_VERB_AFTER = frozenset(
    [
        "is",
        "are",
        "am",
        "be",
        "being",
        "become",
        "becomes",
        "remain",
        "remains",
        "stay",
        "stays",
        "staying",
        "seem",
        "seems",
        "get",
        "gets",
        "a",
        "an",
        "the",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "that",
        "these",
        "those",
        "very",
        "so",
        "too",
        "more",
        "most",
        "less",
    ]
)
# Nor, right before an expression, after "been": "has been relaunched on May 18" ("be" is in the set
# above).
_NOT_A_GOVERNING_PAST_AFTER = _NOT_A_PAST_VERB_AFTER | {"been"}
_AUXILIARIES = frozenset(["was", "were", "had"])
_ED_NOT_PAST = frozenset(
    [
        "need",
        "indeed",
        "speed",
        "seed",
        "feed",
        "bed",
        "red",
        "shed",
        "hundred",
        "proceed",
        "exceed",
        "succeed",
        "breed",
    ]
)

# The verb right before the expression governs it: "said Thursday that it will ..." is past.
_LOCAL_PAST = re.compile(
    r"\b(?:(?:said|says|told|announced|reported|met|[a-z]{3,}ed)\s+(?:on\s+|late\s+|early\s+)?|since\s+)$",
    re.I,
)
_LOCAL_FUTURE = re.compile(
    r"\b(?:(?:will|shall|'ll|effective|due)\s+(?:\w+\s+){0,2}|(?:would|might)\s+(?:\w+\s+){0,5})(?:on\s+|by\s+|from\s+|until\s+|till\s+)?$",
    re.I,
)
# A deadline given now runs to a day ahead: "has given the family until 9 a.m. Tuesday".
_DEADLINE_AHEAD = re.compile(r"\b(?:has|have)\s+(?:\w+\s+){0,4}?until\s+$", re.I)

_NON_FINITE_OPENING = re.compile(r"\s*(?:with|without|including|such\s+as|as\s+well\s+as)\b", re.I)
_CLAUSE_BREAK = re.compile(
    r"[;:()]|,\s|\s--?\s|\s_\s|\b(?:that|which|who|whom|whose|than|while|but|because|although|though|whereas|"
    r"when|whenever|where|unless|if|since)\b",
    re.I,
)


def clause_span(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The clause of `sentence` that holds text[start:end], cut at punctuation and subordinators."""
    s_start, s_end = sentence
    left, right = s_start, s_end
    for match in _CLAUSE_BREAK.finditer(text, s_start, s_end):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


Span = tuple[int, int]


def _cues(text: str, lo: int, hi: int, start: int, end: int) -> tuple[list[Span], list[Span]]:
    """The future and the past cues in text[lo:hi], outside the expression text[start:end]."""
    outside = lambda m: m.end() <= start or m.start() >= end  # noqa: E731
    future = [
        m.span()
        for m in _FUTURE_CUE.finditer(text, lo, hi)
        if outside(m) and not _PAST_PLAN.search(text[max(lo, m.start() - 30) : m.start()])
    ]
    if not _owns_event(text, end):
        future += [m.span() for m in _WEAK_FUTURE_CUE.finditer(text, lo, hi) if outside(m)]
    past = [m.span() for m in _PAST_WORDS.finditer(text, lo, hi) if outside(m)]
    previous = ""
    for m in _WORD.finditer(text, lo, hi):
        word = m.group()
        lowered = word.lower()
        if (
            outside(m)
            and previous not in _NOT_A_PAST_VERB_AFTER
            and (
                lowered in _IRREGULAR_PAST
                or (
                    word.islower()
                    and len(word) >= 5
                    and word.endswith("ed")
                    and not word.startswith("un")
                    and word not in _ED_NOT_PAST
                )
            )
        ):
            past.append(m.span())
        previous = lowered

    # A past word inside a plan ("planned a") or its auxiliary ("were planning to") is part of the
    # plan.
    def in_plan(p: tuple[int, int]) -> bool:
        return any(
            f_start <= p[0] < f_end
            or (0 <= f_start - p[1] <= 1 and text[p[0] : p[1]].lower() in _AUXILIARIES)
            for f_start, f_end in future
        )

    return future, [p for p in past if not in_plan(p)]


def _owns_event(text: str, end: int) -> bool:
    """ "Wednesday's ruling": the expression is the possessor of an event."""
    return text.startswith(("'s", "’s"), end)


def _nearest(future: list[Span], past: list[Span], start: int, end: int) -> int:
    if not future and not past:
        return 0
    if not future:
        return -1
    if not past:
        return 1
    distance = lambda spans: min(start - e if e <= start else s - end for s, e in spans)  # noqa: E731
    return 1 if distance(future) < distance(past) else -1


def tense_at(text: str, sentence: tuple[int, int], start: int, end: int) -> int:
    """+1 when the words governing text[start:end] speak of the future, -1 of the past, 0 when they
    do not say."""
    s_start, s_end = sentence
    before = text[s_start:start]
    if _governed_in_past(before):
        return -1
    local_future = _LOCAL_FUTURE.search(before[-50:])
    if (
        local_future
        and not _PAST_PLAN.search(before[: len(before) - len(local_future.group())][-30:])
        and not (_owns_event(text, end) and _WEAK_FUTURE_CUE.match(local_future.group()))
    ):
        return 1
    if _SCHEDULE_PRESENT.search(before[-40:]) or _DEADLINE_AHEAD.search(before[-60:]):
        return 1
    lo, hi = clause_span(text, sentence, start, end)
    future, past = _cues(text, lo, hi, start, end)
    return _nearest(future, past, start, end) or _nearest(
        *_cues(text, s_start, s_end, start, end), start, end
    )


def clause_has_tense(text: str, clause: tuple[int, int], start: int, end: int) -> bool:
    """Whether the clause has a verb or cue of its own that places it in time.

    A clause opened by "with" or "including" has none: "..., with meetings held in January"."""
    if _NON_FINITE_OPENING.match(text, clause[0]):
        return False
    future, past = _cues(text, *clause, start, end)
    return bool(future or past)


def governed_in_past(text: str, sentence_start: int, start: int) -> bool:
    """Whether a past verb right before the expression governs it ("met on", "ended Aug. 31")."""
    return _governed_in_past(text[sentence_start:start])


def _governed_in_past(before: str) -> bool:
    """Whether the words right before an expression are a past verb: "met on", but not "to be
    relaunched on"."""
    verb = _LOCAL_PAST.search(before[-30:])
    if not verb:
        return False
    if verb.group().lower().startswith("since"):
        return True
    previous = re.search(r"([A-Za-z]+)\s+$", before[: len(before) - len(verb.group())][-20:])
    return not (previous and previous.group(1).lower() in _NOT_A_GOVERNING_PAST_AFTER)
