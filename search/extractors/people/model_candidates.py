"""The rules' candidates and the tagger together: the rules' spans as hints for the tagger, and the
tagger's names as candidates, each with the role the rules found before it."""

from __future__ import annotations

import bisect

from .credits import NEVER_END_A_NAME
from .detect import (
    _ARABIC_ARTICLE,
    _PLACES,
    _POSSESSIVE,
    REGNAL_NUMBER,
    _Candidate,
    _candidates,
    _is_capitalised,
    _Token,
    is_the_pronoun,
)
from .tagger import Token, default_tagger

_HINT_LETTER = {"shouted": "g", "nickname": "g"}
# Evidence sure enough for a name to count where the model saw nothing.
_SURE = frozenset({"title", "given", "eastasian", "credit", "shouted", "nickname"})


def _hints(full: list[_Candidate], singles: list[_Token]) -> list[tuple[int, int, str]]:
    # The tagger learnt the first letters of title, given, eastasian, context and other; a credit
    # reads as context, a name in capitals as a given name.
    spans = [(c.start, c.end, _HINT_LETTER.get(c.evidence, c.evidence[0])) for c in full]
    spans += [(t.start, t.start + len(_POSSESSIVE.sub("", t.text)), "s") for t in singles]
    return spans


def rule_hints(text: str) -> list[tuple[int, int, str]]:
    """What the rules make of `text`, as hints for the tagger: spans they call names, and why."""
    return _hints(*_candidates(text))


def model_candidates(
    text: str,
    base: list[Token],
    tokens: list[_Token],
    rule_full: list[_Candidate],
    singles: list[_Token],
) -> list[_Candidate]:
    """The tagger's names as candidates, with the role the rules found before each one."""
    starts = [t.start for t in tokens]
    candidates = []
    for start, end in default_tagger().spans(text, _hints(rule_full, singles), base):
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        inside = [
            t
            for t in tokens[first : bisect.bisect_left(starts, end)]
            if t.start < end and start < t.end
        ]
        while inside and inside[-1].key in NEVER_END_A_NAME:
            inside.pop()  # "Kyodo December", "Dave Sherwood Editing"
        if not inside or not any(_is_capitalised(_ARABIC_ARTICLE.sub("", t.bare)) for t in inside):
            continue
        rule = next((c for c in rule_full if c.start < end and start < c.end), None)
        if len(inside) == 1 and inside[0].key in _PLACES and not (rule and rule.titled):
            continue  # "Washington" alone is the place, unless a full name elsewhere claims it
        candidates.append(
            _Candidate(inside, rule.role if rule else None, bool(rule and rule.titled))
        )
    # A credit says where a name begins and ends better than the model does, so does a title
    # inside the model's span, and a name in capitals that holds the model's ("JEFF ZIENTS" where
    # the model saw only "JEFF").
    wider = [
        rule
        for rule in rule_full
        if rule.evidence in ("credit", "nickname")
        # "Ted Baker Chief Executive Rachel Osborne": the name after the title, not the whole run
        or (
            rule.evidence == "title"
            and any(c.start < rule.start and c.end == rule.end for c in candidates)
        )
        or (
            rule.evidence == "shouted"
            and any(
                rule.start <= c.start
                and c.end <= rule.end
                and c.end - c.start < rule.end - rule.start
                for c in candidates
            )
        )
    ]
    candidates = [
        c for c in candidates if not any(r.start < c.end and c.start < r.end for r in wider)
    ]
    # Where the model saw nothing, a name the rules are sure of still counts.
    for rule in rule_full:
        if rule.evidence in _SURE and not any(
            c.start < rule.end and rule.start < c.end for c in candidates
        ):
            candidates.append(rule)
    return sorted(
        (
            _with_regnal_number(text, tokens, starts, c)
            for c in candidates
            if not _glued_to_a_number(text, c)
        ),
        key=lambda c: c.start,
    )


def _glued_to_a_number(text: str, candidate: _Candidate) -> bool:
    """ "Hayabusa2", "Cloud9", "4Kids": a craft, a team or a brand, whose digits the tokens split
    off; a name is never written so."""
    end = candidate.tokens[-1].end
    start = candidate.start
    return text[end : end + 1].isdigit() or (start > 0 and text[start - 1].isdigit())


def _with_regnal_number(
    text: str, tokens: list[_Token], starts: list[int], candidate: _Candidate
) -> _Candidate:
    last = candidate.tokens[-1]
    at = bisect.bisect_left(starts, last.end)
    if at == len(tokens) or last.text != last.bare:
        return candidate  # nothing follows, or a possessive ends the name ("Henry's")
    number = tokens[at]
    if (
        text[last.end : number.start] != " "
        or not REGNAL_NUMBER.fullmatch(number.text)
        or is_the_pronoun(text, number)
    ):
        return candidate
    return _Candidate(
        [*candidate.tokens, number], candidate.role, candidate.titled, candidate.evidence
    )
