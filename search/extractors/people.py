"""Find the people named in an article, merge their mentions, and keep the role the article gives
them.

Capitalised runs of words are candidate names. A run becomes a person when a title stands before
it ("Defense Secretary Pete Hegseth"), when it opens with a known given name ("Nancy Pelosi"), when
it has the shape of an East Asian name ("Xi Jinping"), or when its context marks a person (an
appositive, a reporting verb). Every full name found is then a key for the shorter mentions
elsewhere in the article: "Hegseth", "Pete", "President Trump".
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from .name_lexicon import EAST_ASIAN_SURNAMES as _EAST_ASIAN
from .name_lexicon import FUNCTION_WORDS as _FUNCTION
from .name_lexicon import GIVEN_NAMES as _GIVEN
from .name_lexicon import NAME_PARTICLES as _PARTICLES
from .name_lexicon import NICKNAMES as _NICKNAMES
from .name_lexicon import ORGANISATION_WORDS as _ORG_WORDS
from .name_lexicon import PLACES as _PLACES
from .name_lexicon import TITLES as _TITLES
from .person_tagger import Token, default_tagger, tokenize
from .resources import table

_MAX_TITLE_WORDS = max(len(t.split()) for t in _TITLES)

_POSSESSIVE = re.compile(r"['’]s?$")
_CALENDAR_AND_NUMBER_WORDS = (
    frozenset(table("months.tsv"))
    | frozenset(table("weekdays.tsv"))
    | frozenset(table("number_words.tsv"))
)
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|an|ash|at|az)-")
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u|v)"
)
_EAST_ASIAN_GIVEN = re.compile(
    rf"(?:{_PINYIN_SYLLABLE}){{1,3}}(?:-(?:{_PINYIN_SYLLABLE}){{1,2}})?|[a-z]{{1,5}}-[a-z]{{1,5}}",
    re.I,
)
_APPOSITIVE_ROLE = re.compile(
    r",\s+(?:the|a|an)\s+(?P<role>[^,;.()“”\"]{3,90}?)(?=\s*[,;.()]|\s+(?:who|which|said|says|and\s+the)\b)"
)
_PERSON_CONTEXT_AFTER = re.compile(
    r"^(?:['’]s?)?\s*(?:,\s+(?:who|whose|a|an|the)\b|\s+(?:said|says|told|added|wrote|argued|explained|noted|insisted)\b|\s+\(\d{1,3}\))"
)
_PERSON_CONTEXT_BEFORE = re.compile(
    r"\b(?:said|according\s+to|told|by|spokesman|spokeswoman|spokesperson)\s*,?\s*$"
)


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    text: str
    name: str

    def as_json(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text, "name": self.name}


@dataclass(frozen=True)
class Person:
    name: str
    mentions: tuple[PersonMention, ...]
    role: str | None = None


class _Token:
    """A word with its offsets; `bare` drops a possessive ending and a trailing period."""

    __slots__ = ("bare", "end", "key", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.bare = (
            _POSSESSIVE.sub("", text).rstrip(".")
            if ("'" in text or "’" in text or text.endswith("."))
            else text
        )
        self.key = self.bare.lower()


@dataclass
class _Candidate:
    tokens: list[_Token]
    role: str | None
    titled: bool
    evidence: str = "model"  # why the rules call it a name: title, given, eastasian, context, other

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        last = self.tokens[-1]
        return last.start + len(_POSSESSIVE.sub("", last.text))


@dataclass
class _Group:
    given: str | None
    family: str
    forms: Counter[str] = field(default_factory=Counter)
    first_form: str = ""
    role: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def canonical(self) -> str:
        best = max(self.forms.values())
        # The most used full form is the common one; among equals, the first the article used.
        ties = [form for form, count in self.forms.items() if count == best]
        return self.first_form if self.first_form in ties else ties[0]


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_shouting(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and "." not in word


def _tokens(text: str, base: list[Token] | None = None) -> list[_Token]:
    """The tagger's tokens, with possessives and the periods of initials and titles put back on."""
    tokens: list[_Token] = []
    for token in tokenize(text) if base is None else base:
        if tokens and tokens[-1].end == token.start:
            previous = tokens[-1]
            possessive = (
                token.text in ("'s", "’s", "'S", "’S", "'", "’") and previous.text[:1].isalpha()
            )
            # Initials ("J.") and abbreviated titles ("Dr.", "Sen.") keep their period.
            period = token.text == "." and (
                (len(previous.text) == 1 and previous.text.isupper())
                or previous.text.lower() in _TITLES
            )
            if possessive or period:
                tokens[-1] = _Token(previous.text + token.text, previous.start, token.end)
                continue
        tokens.append(_Token(token.text, token.start, token.end))
    return tokens


def _runs(text: str, tokens: list[_Token]) -> list[list[_Token]]:
    """Maximal runs of capitalised words on one line; particles and "of" may sit inside a run."""
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    name_like = [
        (t.text[:1].isalpha() and t.text[:1].isupper())
        or (
            (
                t.text[:3] in ("al-", "el-", "ad-", "as-", "an-", "at-", "az-")
                or t.text[:4] == "ash-"
            )
            and _is_capitalised(_ARABIC_ARTICLE.sub("", t.text))
        )
        for t in tokens
    ]
    for i, token in enumerate(tokens):
        if current:
            gap = text[current[-1].end : token.start]
            if "\n" in gap or (gap and not gap.isspace()):
                runs.append(current)
                current = []
        if name_like[i] or (
            current
            and i + 1 < len(tokens)
            and name_like[i + 1]
            and (token.text in _PARTICLES or token.text == "of")
            and "\n" not in text[token.end : tokens[i + 1].start]
        ):
            current.append(token)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _title_length(tokens: list[_Token], i: int) -> int:
    """How many tokens from `i` form a title ("Secretary of State" is three), 0 if none."""
    for length in range(min(_MAX_TITLE_WORDS, len(tokens) - i), 0, -1):
        phrase = " ".join(t.key for t in tokens[i : i + length])
        if phrase in _TITLES:
            return length
    return 0


def _is_east_asian(words: list[str]) -> bool:
    if not 2 <= len(words) <= 3 or words[0].lower() not in _EAST_ASIAN:
        return False
    rest = words[1:]
    if len(rest) == 2 and not all(len(w) <= 4 for w in rest):
        return False
    return all(
        _EAST_ASIAN_GIVEN.fullmatch(w) and w.lower() not in _PLACES and w.lower() not in _ORG_WORDS
        for w in rest
    )


def _plausible_name(tokens: list[_Token]) -> bool:
    if not 1 <= len(tokens) <= 5:
        return False
    keys = [t.key for t in tokens]
    if any(k in _ORG_WORDS for k in keys) or keys[0] in _PLACES or all(k in _PLACES for k in keys):
        return False
    if any(_is_shouting(t.bare) for t in tokens) or keys[0] in _FUNCTION or keys[0] == "of":
        return False
    if not _is_capitalised(_ARABIC_ARTICLE.sub("", tokens[-1].bare)) or tokens[-1].bare.endswith(
        "-"
    ):
        return False
    return all(t.bare[:1].isalpha() for t in tokens)


def _strong_name(tokens: list[_Token]) -> bool:
    words = [t.bare for t in tokens]
    first = tokens[0].key.split("-")[0]  # "Jean-Claude" opens with "Jean"
    # "J.R.R. Tolkien", "P. Simmons"; two letters are mostly places and bodies ("U.S.", "U.N.").
    initials = bool(re.fullmatch(r"[A-Z]\.|(?:[A-Z]\.){3,}", tokens[0].text))
    if len(tokens) >= 2 and (first in _GIVEN or initials) and _plausible_name(tokens):
        return True
    return _is_east_asian(words) and _plausible_name(tokens)


def _role_text(text: str, tokens: list[_Token]) -> str | None:
    if not tokens or (tokens[-1].key.endswith("s") and tokens[-1].key[:-1] in _TITLES):
        return None  # "Presidents Xi and Trump": a plural title is no one person's role
    return text[tokens[0].start : tokens[-1].end].strip(" ,")


def _candidates(
    text: str, tokens: list[_Token] | None = None
) -> tuple[list[_Candidate], list[_Token]]:
    """Full-name candidates, and the single capitalised words that may refer back to one."""
    tokens = _tokens(text) if tokens is None else tokens
    full: list[_Candidate] = []
    singles: list[_Token] = []
    for run in _runs(text, tokens):
        last_title_end = -1
        i = 0
        while i < len(run):
            length = _title_length(run, i)
            if length:
                last_title_end = i + length
                i += length
            else:
                i += 1
        role_tokens = [
            t for t in run[: max(last_title_end, 0)] if t.key not in _FUNCTION or t.key == "of"
        ]
        rest = run[last_title_end:] if last_title_end > 0 else run
        titled = last_title_end > 0 and bool(rest)
        if not titled:
            skip = 0
            while skip < len(rest) and rest[skip].key in _FUNCTION:
                skip += 1
            rest = rest[skip:]
        if not rest:
            continue
        if titled and rest[0].key == "of":
            titled = False  # "Minister of National Defence": still the title, no name follows
        of_at = next((n for n, t in enumerate(rest) if t.key == "of"), None)
        if of_at:
            rest = rest[
                :of_at
            ]  # "King Abdullah of Jordan": the name ends where the territory begins
        found = None
        if titled and _plausible_name(rest):
            found = _Candidate(rest, _role_text(text, role_tokens), True, "title")
        elif len(rest) >= 2 and _strong_name(rest):
            found = _Candidate(
                rest,
                None,
                False,
                "eastasian" if _is_east_asian([t.bare for t in rest]) else "given",
            )
        elif 2 <= len(rest) <= 3 and _plausible_name(rest) and _context_says_person(text, rest):
            found = _Candidate(rest, None, False, "context")
        else:
            # "Foreign Affairs Wang Yi": a clear name at the end of a longer run
            for size in (3, 2):
                tail = rest[-size:]
                if len(rest) > size and _strong_name(tail) and tail[0].key not in _TITLES:
                    found = _Candidate(tail, None, False, "other")
                    break
        if found and len(found.tokens) >= 2:
            full.append(found)
        elif found:
            singles.append(found.tokens[0])
            full.append(found)  # a titled single word ("President Macron") is a person by itself
        else:
            singles.extend(t for t in rest if _is_capitalised(t.bare) and t.key not in _FUNCTION)
    return full, singles


def _context_says_person(text: str, tokens: list[_Token]) -> bool:
    after = text[tokens[-1].end : tokens[-1].end + 20]
    before = text[max(0, tokens[0].start - 30) : tokens[0].start]
    return bool(_PERSON_CONTEXT_AFTER.match(after) or _PERSON_CONTEXT_BEFORE.search(before))


def _canonical_words(words: list[str]) -> list[str]:
    """Drop middle given names: "Donald John Trump" is "Donald Trump" in the news."""
    if len(words) >= 3 and not _is_east_asian(words):
        middle = [w for w in words[1:-1] if not (w.lower() in _GIVEN and len(w) > 2)]
        return [words[0], *middle, words[-1]]
    return words


def _given_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    if a == b or _NICKNAMES.get(a) == b or _NICKNAMES.get(b) == a:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return len(min(a, b, key=len)) >= 3 and max(a, b, key=len).startswith(min(a, b, key=len))


def _split_name(words: list[str]) -> tuple[str | None, str]:
    """(given name, family name), East Asian order included."""
    if _is_east_asian(words):
        return " ".join(words[1:]), words[0]
    if len(words) == 1:
        return None, words[0]
    family = words[-1]
    # A particle belongs to the family name: "de Gaulle", "van Gogh".
    return words[0], family


def _hints(full: list[_Candidate], singles: list[_Token]) -> list[tuple[int, int, str]]:
    spans = [
        (c.start, c.end, c.evidence[0]) for c in full
    ]  # title, given, eastasian, context, other: the first letter
    spans += [(t.start, t.start + len(_POSSESSIVE.sub("", t.text)), "s") for t in singles]
    return spans


def rule_hints(text: str) -> list[tuple[int, int, str]]:
    """What the rules make of `text`, as hints for the tagger: spans they call names, and why."""
    return _hints(*_candidates(text))


def _model_candidates(
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
        if not inside or not any(_is_capitalised(_ARABIC_ARTICLE.sub("", t.bare)) for t in inside):
            continue
        rule = next((c for c in rule_full if c.start < end and start < c.end), None)
        if len(inside) == 1 and inside[0].key in _PLACES and not (rule and rule.titled):
            continue  # "Washington" alone is the place, unless a full name elsewhere claims it
        candidates.append(
            _Candidate(inside, rule.role if rule else None, bool(rule and rule.titled))
        )
    # Where the model saw nothing, a name the rules are sure of still counts.
    for rule in rule_full:
        if rule.evidence in ("title", "given", "eastasian") and not any(
            c.start < rule.end and rule.start < c.end for c in candidates
        ):
            candidates.append(rule)
    return sorted(candidates, key=lambda c: c.start)


def extract_people(text: str) -> list[Person]:
    """The people in `text`, each with every mention and the canonical name."""
    base = tokenize(text)
    tokens = _tokens(text, base)
    rule_full, singles = _candidates(text, tokens)
    full = _model_candidates(text, base, tokens, rule_full, singles)
    groups: list[_Group] = []
    for cand in sorted(full, key=lambda c: c.start):
        words = _canonical_words([_POSSESSIVE.sub("", t.text) for t in cand.tokens])
        given, family = _split_name(words)
        group = next(
            (g for g in groups if g.family == family and _given_compatible(g.given, given)), None
        )
        if group is None and len(words) == 1:
            group = next((g for g in groups if g.given == family), None)
        if group is None:
            group = _Group(given, family)
            groups.append(group)
        if len(words) > 1:
            form = " ".join(words)
            group.forms[form] += 1
            group.first_form = group.first_form or form
            if group.given is None:
                group.given = given
        group.role = group.role or cand.role or _appositive_role(text, cand.end)
        group.mentions.append((cand.start, cand.end))
    # Single-word titled people ("President Macron") that a full name later explains merge into it.
    merged: list[_Group] = []
    for group in groups:
        if not group.forms:
            fuller = next(
                (
                    g
                    for g in groups
                    if g.forms and (g.family == group.family or g.given == group.family)
                ),
                None,
            )
            if fuller is not None:
                fuller.mentions.extend(group.mentions)
                fuller.role = fuller.role or group.role
                continue
            group.forms[group.family] += 1
            group.first_form = group.family
        merged.append(group)
    taken = {span for g in merged for span in g.mentions}
    for token in singles:
        parts = _hyphen_parts(token)
        for part_text, start in parts:
            word = _POSSESSIVE.sub("", part_text)
            end = start + len(word)
            if any(s <= start < e for s, e in taken):
                continue
            group = next((g for g in merged if g.family == word), None) or next(
                (g for g in merged if g.given == word and len(word) > 2), None
            )
            if group is not None:
                group.mentions.append((start, end))
                taken.add((start, end))
    people = []
    for group in merged:
        name = group.canonical()
        if " " not in name and name.lower().rstrip(".") in _CALENDAR_AND_NUMBER_WORDS:
            continue  # "Mar" in a table of monthly figures, "Nine" starting a sentence

        mentions = tuple(
            PersonMention(s, e, text[s:e], name) for s, e in sorted(set(group.mentions))
        )
        people.append(Person(name, mentions, group.role))
    return sorted(people, key=lambda p: p.mentions[0].start)


def _hyphen_parts(token: _Token) -> list[tuple[str, int]]:
    """ "Xi-Trump" speaks of two people; each capitalised part is a possible mention."""
    word = token.text
    if "-" not in word:
        return [(word, token.start)]
    parts, offset = [], token.start
    for part in word.split("-"):
        if _is_capitalised(part):
            parts.append((part, offset))
        offset += len(part) + 1
    return parts


def _appositive_role(text: str, end: int) -> str | None:
    match = _APPOSITIVE_ROLE.match(text, end)
    if not match:
        return None
    role = match.group("role").strip()
    words = role.lower().split()
    return role if any(w in _TITLES for w in words) else None


def mentions(people: list[Person]) -> list[PersonMention]:
    return sorted((m for p in people for m in p.mentions), key=lambda m: m.start)
