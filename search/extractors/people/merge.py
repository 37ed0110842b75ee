"""Find the people named in an article, merge their mentions, and keep the role the article gives
them.

Capitalised runs of words are candidate names. A run becomes a person when a title stands before
it ("Defense Secretary Pete Hegseth"), when it opens with a known given name ("Nancy Pelosi"), when
it has the shape of an East Asian name ("Xi Jinping"), or when its context marks a person (an
appositive, a reporting verb). Every full name found is then a key for the shorter mentions
elsewhere in the article: "Hegseth", "Pete", "President Trump".
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import word_set
from .detect import (
    _POSSESSIVE,
    REGNAL_NUMBER,
    _Candidate,
    _candidates,
    _is_capitalised,
    _is_east_asian,
    _is_shouting,
    _may_be_a_name,
    _Token,
    _tokens,
)
from .evidence import ROLE_MODIFIERS as _MODIFIERS
from .evidence import (
    clean_role,
    is_honorific,
    never_a_person,
    opens_a_place,
    role_before,
    role_then_name,
)
from .lexicon import CALENDAR_AND_NUMBER_WORDS as _CALENDAR_AND_NUMBER_WORDS
from .lexicon import COMMON_GIVEN_NAMES as _COMMON_GIVEN
from .lexicon import GIVEN_NAMES as _GIVEN
from .lexicon import NAME_PARTICLES as _PARTICLES
from .lexicon import NATIONALITY_NOUNS
from .lexicon import NICKNAMES as _NICKNAMES
from .lexicon import TITLES as _TITLES
from .model_candidates import model_candidates
from .tagger import tokenize

_COMPOUND_GIVEN = word_set("compound_given_names.txt")
_PREVIOUS_WORD = re.compile(r"([\w.'’-]+)[ ]$")
_GIVEN_NAME_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)$")
_CONTINUES_A_WORD = re.compile(r"[\w-]")
_LOWER_CASE_WORD = re.compile(r"\b[a-z]+\b")
_DOUBLE = word_set("double_surnames.txt")
_APPOSITIVE_ROLE = re.compile(
    r",\s+(?P<article>(?:the|a|an)\s+)?(?P<role>[^,;.()“”\"]{3,90}?)(?=\s*[,;.()]|\s+(?:who|which|said|says|told|added|and\s+the)\b)"
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


@dataclass
class _Group:
    given: str | None
    family: str
    forms: Counter[str] = field(default_factory=Counter)
    first_form: str = ""
    role: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def canonical(self) -> str:
        """The fullest form the article gives ("Barend du Plessis", not "Du Plessis"); among
        equally full ones, the most used, then the first."""
        return max(
            self.forms,
            key=lambda form: (len(form.split()), self.forms[form], form == self.first_form),
        )


def _canonical_words(words: list[str]) -> list[str]:
    """Drop an English middle name ("Donald John Trump" is "Donald Trump" in the news), but keep
    a two-word given name ("Juan Carlos Ferrero") and everything after a particle ("Abdullah bin
    Abdul Aziz")."""
    if len(words) > 1 and REGNAL_NUMBER.fullmatch(words[-1]):
        return [*_canonical_words(words[:-1]), words[-1]]  # "John Paul II" keeps "Paul"
    if len(words) < 3 or _is_east_asian(words):
        return words
    if any(w.lower() in _PARTICLES for w in words[1:-1]):
        return words
    if " ".join(words[:2]).lower() in _COMPOUND_GIVEN or " ".join(words[-2:]).lower() in _DOUBLE:
        return words
    middle = [w for w in words[1:-1] if not (w.lower() in _COMMON_GIVEN and len(w) > 2)]
    return [words[0], *middle, words[-1]]


def _without_address(cand: _Candidate) -> _Candidate | None:
    """The candidate without the honorifics ("Mr", "Sir") and descriptors ("Oscar-winner") it
    was read with: they are how the article addresses the person, not the name. None when
    nothing is left ("Mr" alone)."""
    tokens = cand.tokens
    while tokens and (
        is_honorific(tokens[0].bare)
        or tokens[0].key in _TITLES  # "Prince Abdullah" as the tagger reads it: a title, a name
        or ("-" in tokens[0].bare and tokens[0].bare.rsplit("-", 1)[1].islower())
    ):
        tokens = tokens[1:]
    if not tokens:
        return None
    return cand if tokens is cand.tokens else _Candidate(tokens, cand.role, cand.titled)


def _without_nickname(cand: _Candidate) -> list[_Token]:
    """ "Nathan “leaf” Orf" is Nathan Orf, whom a later "Orf" names."""
    if cand.evidence != "nickname":
        return cand.tokens
    return [cand.tokens[0], cand.tokens[-1]]


def _given_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    if a == b or _NICKNAMES.get(a) == b or _NICKNAMES.get(b) == a:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return len(min(a, b, key=len)) >= 3 and max(a, b, key=len).startswith(min(a, b, key=len))


def _given_name_before(text: str, family: str) -> tuple[str, tuple[int, int]] | None:
    """The given name of a surname the article names alone elsewhere: a capitalised word written
    right before it once, that is no title, place, organisation, month or word the article also
    writes in lower case, and does not continue a longer run of capitals."""
    if " " in family or not family.isalpha():
        return None
    # Found with str.find and fixed patterns: a pattern made for each surname cost its compiling.
    at = text.find(" " + family)
    while at > 0:
        end = at + 1 + len(family)
        match = _GIVEN_NAME_BEFORE.search(text, max(0, at - 40), at)
        at = text.find(" " + family, end)
        if match is None or _CONTINUES_A_WORD.match(text, end):
            continue
        given = match.group(1)
        previous = _PREVIOUS_WORD.search(text, max(0, match.start() - 40), match.start())
        if previous and previous.group(1)[:1].isupper():
            continue  # "the Institute Kenji Shibuya": inside a longer name
        if (
            not _may_be_a_name(_Token(given, match.start(1), match.end(1)))
            or is_honorific(given)
            or given.lower().rstrip("s") in _TITLES  # "Baroness Morgan", "Princes William"
            or given.lower() in NATIONALITY_NOUNS  # "Englishman Alliss"
            or opens_a_place(given)
            or given.lower() in _CALENDAR_AND_NUMBER_WORDS
            or given.lower() in _words_in_lower_case(text)
            or never_a_person(f"{given} {family}", [(match.start(), end)], text)  # "Sierra Leone"
        ):
            continue
        return given, (match.start(), end)
    return None


@lru_cache(maxsize=1)
def _words_in_lower_case(text: str) -> frozenset[str]:
    return frozenset(_LOWER_CASE_WORD.findall(text))


def _split_name(words: list[str]) -> tuple[str | None, str]:
    """(given name, family name), East Asian order included."""
    if _is_east_asian(words):
        return " ".join(words[1:]), words[0]
    if len(words) == 1:
        return None, words[0]
    if REGNAL_NUMBER.fullmatch(words[-1]):
        return _split_name(words[:-1])  # "Andres Soriano III" is the Soriano named later
    # Particles belong to the family name, whatever their case: "de Gaulle", "Du Plessis", "von
    # der Leyen" and "Von der Leyen".
    first_particle = len(words) - 1
    while first_particle > 0 and words[first_particle - 1].lower() in _PARTICLES:
        first_particle -= 1
    if first_particle < len(words) - 1:
        family = " ".join(w.lower() for w in words[first_particle:-1]) + " " + words[-1]
        return (" ".join(words[:first_particle]) or None), family
    return words[0], words[-1]


def extract_people(text: str) -> list[Person]:
    """The people in `text`, each with every mention and the canonical name."""
    base = tokenize(text)
    tokens = _tokens(text, base)
    rule_full, singles = _candidates(text, tokens)
    full = model_candidates(text, base, tokens, rule_full, singles)
    groups: list[_Group] = []
    # Full names first, so that a surname alone finds every person it may stand for.
    for found in sorted(full, key=lambda c: (len(c.tokens) == 1, c.start)):
        cand = _without_address(found)
        if cand is None:
            continue
        words = _canonical_words([_POSSESSIVE.sub("", t.text) for t in _without_nickname(cand)])
        if all(_is_shouting(word) for word in words):  # "JANET YELLEN", whom "Yellen" names
            words = [word.title() for word in words]
        given, family = _split_name(words)
        matching = [g for g in groups if g.family == family and _given_compatible(g.given, given)]
        if len(words) == 1 and len({g.given for g in matching if g.forms}) > 1:
            continue  # "Easterby" when Simon and Guy Easterby both play: no one can tell which
        group = matching[0] if matching else None
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
        group.role = (
            group.role
            or role_before(text, found.start)
            or clean_role(cand.role)
            or role_then_name(text, found.start)
            or _appositive_role(text, cand.end)
        )
        group.mentions.append((cand.start, cand.end))
    # Single-word titled people ("President Macron") that a full name later explains merge into it.
    merged: list[_Group] = []
    for group in groups:
        if not group.forms:
            fuller = next(
                (
                    g
                    for g in groups
                    if g.forms
                    and (
                        g.family == group.family
                        or g.given == group.family
                        or _first_surname(g) == group.family
                    )
                ),
                None,
            )
            if fuller is not None:
                fuller.mentions.extend(group.mentions)
                fuller.role = fuller.role or group.role
                continue
            written = _given_name_before(text, group.family) if group.given is None else None
            if written is not None:  # "said Kenji Shibuya, director ..." then "Shibuya said"
                group.given, (opening, closing) = written
                group.first_form = f"{group.given} {group.family}"
                group.forms[group.first_form] += 1
                group.mentions = [m for m in group.mentions if not opening <= m[0] < closing]
                group.mentions.append((opening, closing))
                merged.append(group)
                continue
            group.forms[group.family] += 1
            group.first_form = group.family
        merged.append(group)
    taken = {span for g in merged for span in g.mentions}
    # A full name the rules read only word by word elsewhere ("Nakul Iyer" in a dateline) is one
    # mention of it, not one of the given name and one of the surname.
    by_form = {form: g for g in merged for form in g.forms if len(form.split()) == 2}
    for first, second in itertools.pairwise(singles):
        group = by_form.get(f"{first.bare} {second.bare}")
        joined = text[first.end : second.start] == " "
        if group and joined and (first.start, first.end) not in taken:
            span = (first.start, second.start + len(_POSSESSIVE.sub("", second.text)))
            group.mentions.append(span)
            taken.update({span, (first.start, first.end), (second.start, span[1])})
    with_particles = [g for g in merged if " " in g.family]
    first_surnames: dict[str, _Group] = {}
    for g in merged:
        surname = _first_surname(g)
        if surname is not None:
            first_surnames.setdefault(surname, g)
    for token in singles:
        parts = _hyphen_parts(token)
        for part_text, start in parts:
            word = _POSSESSIVE.sub("", part_text)
            end = start + len(word)
            if any(s <= start < e for s, e in taken):
                continue
            sharing = [g for g in merged if g.family == word]
            particled = _particled_mention(with_particles, text, start, word)
            if particled:
                group, start = particled
                group.mentions.append((start, end))
                taken.add((start, end))
                continue
            if len(sharing) > 1:
                continue  # a surname two people of the article share
            group = (
                next(iter(sharing), None)
                or next((g for g in merged if g.given == word and len(word) > 2), None)
                # "Martinez" for "Alejandro Martinez Cuenca": a surname of two words
                or first_surnames.get(word)
            )
            if group is not None:
                group.mentions.append((start, end))
                taken.add((start, end))
    people = []
    for group in merged:
        name = group.canonical()
        if " " not in name and name.lower().rstrip(".") in _CALENDAR_AND_NUMBER_WORDS:
            continue  # "Mar" in a table of monthly figures, "Nine" starting a sentence

        spans = sorted(set(group.mentions))
        if never_a_person(name, spans, text):
            continue
        mentions = tuple(PersonMention(s, e, text[s:e], name) for s, e in spans)
        people.append(Person(name, mentions, group.role))
    return sorted(people, key=lambda p: p.mentions[0].start)


def _particled_mention(
    groups: list[_Group], text: str, start: int, word: str
) -> tuple[_Group, int] | None:
    """ "Von der Leyen" for "Ursula von der Leyen": the group, and where the particles begin."""
    for group in groups:
        *particles, last = group.family.split()
        if particles and last == word:
            written = " ".join(particles) + " "
            begin = start - len(written)
            if begin >= 0 and text[begin:start].lower() == written:
                return group, begin
    return None


def _first_surname(group: _Group) -> str | None:
    """The first of two surnames ("Martinez" of "Alejandro Martinez Cuenca"), by which the
    article may name the person later; only for a name that opens with a known given name."""
    words = group.canonical().split()
    if len(words) == 3 and words[0].lower() in _GIVEN and words[1][:1].isupper():
        return words[1]
    return None


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
    words = role.split()
    if not any(w.lower() in _TITLES for w in words):
        return None
    if " and " in role and re.search(r"\band\s+[A-Z]", role):
        return None  # "Kate Winslet and director Mike Leigh": a list of people, not a role
    if not match.group("article"):
        # Without "the", a role is a title, after at most two words that qualify it: "Federated's
        # chairman", "UKIP spokesman"; not "who will be the head coach", "signed Charlton
        # midfielder", "Kate Winslet and director Mike Leigh".
        title_at = next(n for n, w in enumerate(words) if w.lower() in _TITLES)
        qualifiers = words[:title_at]
        if len(qualifiers) > 2 or not all(
            w[:1].isupper() or w.lower() in _MODIFIERS for w in qualifiers
        ):
            return None
    return role


def mentions(people: list[Person]) -> list[PersonMention]:
    return sorted((m for p in people for m in p.mentions), key=lambda m: m.start)
