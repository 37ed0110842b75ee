"""Find the spans of text that name people: capitalised runs of words that a title, a known
given name, the shape of an East Asian name or the context marks as a person, and what the
trained tagger finds."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .credits import NEVER_END_A_NAME, follows_a_credit, opens_a_credit
from .lexicon import EAST_ASIAN_SURNAMES as _EAST_ASIAN
from .lexicon import FUNCTION_WORDS as _FUNCTION
from .lexicon import GIVEN_NAMES as _GIVEN
from .lexicon import NAME_PARTICLES as _PARTICLES
from .lexicon import NATIONALITY_NOUNS as _NATIONALITY_NOUNS
from .lexicon import ORGANISATION_WORDS as _ORG_WORDS
from .lexicon import PLACES as _PLACES
from .lexicon import TITLES as _TITLES
from .tagger import Token, tokenize

_MAX_TITLE_WORDS = max(len(t.split()) for t in _TITLES)


_POSSESSIVE = re.compile(r"['’]s?$")
# A monarch's or a pope's number belongs to the name: "Elizabeth II", "Pope Benedict XVI".
REGNAL_NUMBER = re.compile(r"X{0,2}(?:IX|IV|V?I{0,3})(?<=\w)")
_AFTER_THE_PRONOUN = re.compile(
    r"\s*(?:['’]|(?:am|think|believe|know|feel|hope|guess|want|mean)\b)"
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


_PERSON_CONTEXT_AFTER = re.compile(
    r"^(?:['’]s?)?\s*(?:,\s+(?:who|whose|a|an|the)\b|\s+(?:said|says|told|added|wrote|argued|explained|noted|insisted)\b|\s+\(\d{1,3}\))"
)


_PERSON_CONTEXT_BEFORE = re.compile(
    r"\b(?:said|according\s+to|told|by|spokesman|spokeswoman|spokesperson)\s*,?\s*$"
)


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
    # Why the rules call it a name: title, given, eastasian, context, other, credit, shouted,
    # nickname.
    evidence: str = "model"

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        last = self.tokens[-1]
        return last.start + len(_POSSESSIVE.sub("", last.text))


def is_the_pronoun(text: str, token: _Token) -> bool:
    """Whether an "I" after a name is the speaker ("... Smith I think"), not a monarch's number."""
    return token.text == "I" and bool(_AFTER_THE_PRONOUN.match(text, token.end))


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
            # Initials ("J.") and abbreviated titles ("Dr.", "Sen.") keep their period; after a
            # title written in full it ends a sentence ("by the Attorney General. Earlier, ...").
            period = token.text == "." and (
                (len(previous.text) == 1 and previous.text.isupper())
                or _is_abbreviated_title(previous.text.lower())
            )
            if possessive or period:
                tokens[-1] = _Token(previous.text + token.text, previous.start, token.end)
                continue
        tokens.append(_Token(token.text, token.start, token.end))
    return tokens


# Titles of four letters or fewer are abbreviations ("Gen", "Capt", "Prof"), but for these words.
_SHORT_TITLES_IN_FULL = frozenset(
    {"dame", "dean", "duke", "emir", "imam", "king", "lady", "lord", "pope", "miss", "chef", "sir"}
)


def _is_abbreviated_title(key: str) -> bool:
    return key in _TITLES and len(key) <= 4 and key not in _SHORT_TITLES_IN_FULL


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
        if opens_a_credit(text, token.key, token.end):
            name_like[i] = False
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
    return 1 if tokens[i].key in _NATIONALITY_NOUNS else 0


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
    if len(tokens) > 1 and REGNAL_NUMBER.fullmatch(tokens[-1].text):
        tokens = tokens[:-1]  # "Emperor Charles VI"
    if not 1 <= len(tokens) <= 5:
        return False
    keys = [t.key for t in tokens]
    if any(k in _ORG_WORDS for k in keys) or keys[0] in _PLACES or all(k in _PLACES for k in keys):
        return False
    if any(_is_shouting(t.bare) for t in tokens) or keys[0] in _FUNCTION or keys[0] == "of":
        return False
    last = tokens[-1].bare
    if len(keys) == 2 and len(tokens[0].bare) == 1 and keys[1] in _PLACES:
        return False  # "S. Korea", "N. Ireland"
    # A name ends with a word, not an initial ("U. S." is a country).
    if not _is_capitalised(_ARABIC_ARTICLE.sub("", last)) or last.endswith("-") or len(last) < 2:
        return False
    # "Hayabusa2", "Cloud9": a craft or a team, not a name
    return all(t.bare[:1].isalpha() and not any(c.isdigit() for c in t.bare) for t in tokens)


_LISTED_SURNAME = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*|O['’][A-Z][a-z]+|Mc[A-Z][a-z]+")


def _strong_name(tokens: list[_Token]) -> bool:
    words = [t.bare for t in tokens]
    first = tokens[0].key.split("-")[0]  # "Jean-Claude" opens with "Jean"
    # "J.R.R. Tolkien", "P. Simmons"; two letters are mostly places and bodies ("U.S.", "U.N.").
    initials = bool(re.fullmatch(r"[A-Z]\.|(?:[A-Z]\.){3,}", tokens[0].text)) or bool(
        # "G Murphy", "J-P Grandclaude" in a team list: an initial without its period, before a
        # surname written as one
        re.fullmatch(r"[A-Z](?:-[A-Z])?", tokens[0].text)
        and len(tokens) == 2
        and re.fullmatch(
            r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*|O['’][A-Z][a-z]+|Mc[A-Z][a-z]+", words[1]
        )
    )
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
            # A title word that ends a run after a name is a surname: "Labour MP Oona King", and
            # "Brian Singer", "Gary Player" after a given name that is no place.
            ends_a_name = i + length == len(run) and (
                (last_title_end >= 0 and i > last_title_end)
                or (
                    i == 1
                    and last_title_end < 0
                    and run[0].key in _GIVEN
                    and run[0].key not in _PLACES
                )
            )
            if length and not ends_a_name:
                last_title_end = i + length
                i += length
            else:
                i += 1
        role_tokens = [
            t
            for t in run[: max(last_title_end, 0)]
            if (t.key not in _FUNCTION or t.key == "of") and t.key not in _NATIONALITY_NOUNS
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
        while rest and (rest[-1].key in NEVER_END_A_NAME or is_the_pronoun(text, rest[-1])):
            rest = rest[:-1]  # "By Nakul Iyer Dec 7": the dateline's month
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
        if follows_a_credit(
            text, rest[0].start, [t.key for t in rest], rest[-1].end
        ) and _plausible_name(rest):
            found = _Candidate(rest, None, False, "credit")
        elif titled and _plausible_name(rest):
            found = _Candidate(rest, _role_text(text, role_tokens), True, "title")
        elif _shouted_name(rest):
            found = _Candidate(rest, None, False, "shouted")
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
    nicknamed = _nicknamed(text, tokens)
    full = [c for c in full if not any(n.start < c.end and c.start < n.end for n in nicknamed)]
    return full + nicknamed, singles


_OPENING_QUOTES = frozenset("“\"‘'")
_CLOSING_QUOTES = frozenset("”\"’'")


def _nicknamed(text: str, tokens: list[_Token]) -> list[_Candidate]:
    """ "Nathan “leaf” Orf", "Joaquin "El Chapo" Guzman": a given name, a nickname of one or two
    words in quotes, then a surname, is one name. A given name not on our lists will do when the
    nickname is capitalised and neither word is a place, a title or a business ("Asger “Farlig”
    Jensen", a player of a game)."""
    found = []
    for i, token in enumerate(tokens[:-4]):
        if not _is_capitalised(token.text) or tokens[i + 1].text not in _OPENING_QUOTES:
            continue
        known = token.key in _GIVEN
        if not known and not (_is_capitalised(tokens[i + 2].text) and _may_be_a_name(token)):
            continue
        for close in (i + 3, i + 4):
            if close + 1 < len(tokens) and tokens[close].text in _CLOSING_QUOTES:
                surname = tokens[close + 1]
                if _is_capitalised(surname.text) and (
                    surname.key not in _FUNCTION if known else _may_be_a_name(surname)
                ):
                    span = tokens[i : close + 2]
                    if "\n" not in text[span[0].start : span[-1].end]:
                        found.append(_Candidate(span, None, False, "nickname"))
                break
    return found


def _may_be_a_name(token: _Token) -> bool:
    key = token.key
    return (
        token.bare.isalpha()
        and len(key) > 1
        and key not in _FUNCTION
        and key not in _PLACES
        and key not in _ORG_WORDS
        and key not in _TITLES
    )


def _shouted_name(tokens: list[_Token]) -> bool:
    """ "JANET YELLEN" in a list written in capitals: a known given name, then one or two words."""
    return (
        2 <= len(tokens) <= 3
        and tokens[0].key in _GIVEN
        and all(_is_shouting(t.bare) and t.bare.replace("-", "").isalpha() for t in tokens)
        and not any(t.key in _ORG_WORDS or t.key in _PLACES or t.key in _FUNCTION for t in tokens)
    )


def _context_says_person(text: str, tokens: list[_Token]) -> bool:
    after = text[tokens[-1].end : tokens[-1].end + 20]
    before = text[max(0, tokens[0].start - 30) : tokens[0].start]
    return bool(_PERSON_CONTEXT_AFTER.match(after) or _PERSON_CONTEXT_BEFORE.search(before))
