"""Evidence that a name the rules or the tagger found is not a person, or is a person with a
title: what the words around its mentions say (an organisation's shares, a film's title, a saint's
chapel), honorifics that belong to no name, and the roles written before and after a name."""

from __future__ import annotations

import re

from ..resources import table, word_set
from .detect import REGNAL_NUMBER
from .lexicon import FUNCTION_WORDS, ORGANISATION_WORDS, PLACES, TITLES

HONORIFICS = word_set("honorifics.txt")
ROLE_MODIFIERS = word_set("role_modifiers.txt")
# Words that never start a role although they may be capitalised before a title ("Now Home
# Secretary", "Later Mr Saakashvili").
_NOT_ROLE_WORDS = (FUNCTION_WORDS - {"former", "of"}) | word_set("sentence_words.txt")
# Prepositions that look like nouns in -ing: "regarding Prince Charles" gives no role.
_PREPOSITIONS_IN_ING = frozenset(
    {"regarding", "concerning", "excluding", "following", "involving", "featuring", "considering"}
    | {"according", "pending", "barring", "notwithstanding", "respecting", "touching"}
)

# Strong evidence of an organisation: its legal form, its ticker, its shares and officers.
_COMPANY_AFTER = re.compile(
    r"^(?:['’]s?\s+(?:shares?|stock|chairman|chairwoman|chief\s+executive|board|subsidiary|unit|"
    r"stake|profits?|sales|revenues?|earnings|headquarters|shareholders|customers|stores|"
    r"products|brand|website|search\s+engine|takeover|bid)\b"
    # "Ted Baker shares fell": a company's shares moving, without the possessive
    r"|\s+(?:shares?|stock)\s+(?:rose|fell|dropped|jumped|slumped|gained|lost|climbed|tumbled|"
    r"surged|slid|sank|soared|plunged|closed|ended|traded|were|have)\b"
    r"|(?:\s+[A-Z][\w&'-]*){0,3}"
    r"\s+(?:Inc|Corp|Co|Ltd|plc|PLC|AG|SA|NV|LLC|LLP|LP|PBC|GmbH|SpA|BV|Pty|Group|Holdings|Bank|"
    r"& Co|and\s+Co|A\.S\.|S\.A\.|"
    r"Partners|Securities|Brothers|Capital\s+Markets|Markets)(?!\w)"
    r"|(?:\s+[A-Z][\w&'-]*){0,3}\s+<[A-Z][A-Z.]*>)"  # Reuters' ticker: "Punta Gorda Isles <PGI>"
)
_COMPANY_BEFORE = re.compile(
    r"\b(?:shares\s+(?:of|in)|stake\s+in|(?:bid|offer)\s+for|units?\s+of|owned\s+by|"
    r"subsidiary\s+of|takeover\s+of|(?:Compagnie|Soci[eé]t[eé]|Banque|Banco|Groupe)"
    r"(?:\s+(?:des?|du|de\s+la|[A-Z]\w+))?)\s+$",
    re.I,
)
_COMPANY_ENDINGS = ("group", "bank", "corp", "soft", "tech", "com", "net", "tel")
# "Ultra Wideband (UWB)", "the European Conference of ... Administrations (CEPT)": a body or a
# thing named with its acronym.
_ACRONYM_AFTER = re.compile(r"^\s+\(([A-Z][A-Z0-9&]{1,9})\)")
_INNER_CAPITAL = re.compile(r"^(?!Mc|Mac|O'|O’|Di|De|Da|Du|La|Le|Van|Von|Fitz)[A-Z][a-z]+[A-Z]")
# Weaker evidence, which a mention that reads as a person's outweighs ("Jordan said").
_IT_AFTER = re.compile(
    r"^(?:\s+(?:\w+\s+)?(?:said|says|announced|reported)\b[^.]{0,40}?\bit\s+"
    r"(?:would|will|had|has|was|is|expects?|plans?|intends?|increased|agreed|reported)\b"
    r"|\s+and\s+its\b)"
)
_WORK_AFTER = re.compile(
    r"^\s+(?:star|co-star|director|cast|sequel|soundtrack|premiere|box\s+office)\b",
    re.I,
)
_WORK_BEFORE = re.compile(
    r"\b(?:(?:role|roles|part|starring|starred|appears?|appearing|performance)\s+in|film|movie|"
    r"novel|book|game|play|album|series|musical|opera|show|sitcom|drama|documentary|song|single|"
    r"title|flop|blockbuster|sequel)\s+[“\"']?$"
    # and the second of two works named together: "box office flops Alexander and Catwoman"
    r"|\b(?:flops|blockbusters|films|movies|novels|books|games|albums|songs|shows|musicals|"
    r"sequels)\s+[“\"']?(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3}[”\"']?\s+"
    r"(?:and|or)\s+[“\"']?)?$",
    re.I,
)
# "Morgan Stanley equity strategist Naoki Kamiyama": an employer of the market's analysts, named
# before the analyst's job and name, as a person's name is not.
_EMPLOYER_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s+(?:chief|senior|lead|head|equity|bond|market|oil|currency|credit|"
    r"investment|global|economic|research|energy))*\s+(?:analyst|economist|strategist|trader|"
    r"dealer|broker|banker|fund\s+manager)s?\s+[A-Z]"
)
# "fashion retailer Ted Baker", "puffer-jacket maker Moncler", "a Ted Baker store", "the band
# Franz Ferdinand", "the Firefox browser": a business, a band or a product named by what it is or
# what it has. Not the jobs that people hold as well: a producer, a publisher, a developer, a
# film-maker.
_BUSINESS_BEFORE = re.compile(
    r"\b(?:retailer|(?<!film-)(?<!film )(?<!policy )(?<!decision )maker|company|firm|lender|"
    r"insurer|carrier|airline|brand|chain|manufacturer|start-?up|conglomerate|automaker|carmaker|"
    r"label|band|group|duo|trio|quartet|quintet|outfit|team|club|studio|newspaper|magazine)\s+$",
    re.I,
)
_BUSINESS_AFTER = re.compile(
    r"^\s+(?:store|stores|shop|shops|outlet|outlets|boutique|boutiques|branch|branches|factory|"
    r"factories|plant|restaurants?|brand|chain|browser|software|apps?|consoles?|handsets?|"
    r"smartphones?|operating\s+system|search\s+engine)\b"
)
_PLACE_BEFORE = re.compile(r"\b(?:St|St\.|Saint|Ste|Mount|Mt|Lake|Fort|Port|Cape)\s+$")
# "Sapporo, Hokkaido, Japan", "Sakhir, Bahrain": a word the name of a country or region follows,
# after a comma, as a dateline or a caption writes a place.
_PLACE_AFTER = re.compile(r"^,\s+(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?=[,.;:)\n]|\s+[-–(]|$)")
_NOT_PEOPLE = word_set("not_people.txt")
_NUMBER_WORDS = frozenset(table("number_words.tsv"))
_AWARDS = frozenset({"oscar", "oscars", "emmy", "emmys", "bafta", "baftas", "grammy", "grammys"})
# Things numbered as monarchs are: "Level IV", "Phase II", "Title IX", "Vatican II".
_NUMBERED_THINGS = frozenset(
    {"level", "phase", "stage", "class", "grade", "chapter", "article", "title", "part", "type"}
    | {"category", "section", "round", "tier", "schedule", "annex", "vatican", "apollo", "reserve"}
    | {"reserves", "war", "bowl", "league", "division", "series", "volume", "act", "book"}
)
_PERSON_AFTER = re.compile(
    r"^(?:,\s+(?:who|whose)\b|\s+(?:said|says|told|added|insisted|explained|argued)\b"
    r"|['’]s\s+(?:wife|husband|son|daughter|mother|father|family|career|death|birthday)\b)"
)


def is_honorific(word: str) -> bool:
    return word.lower().rstrip(".") in HONORIFICS


def opens_a_place(word: str) -> bool:
    """ "St", "Mount", "Lake": a word that makes the name after it a place's."""
    return bool(_PLACE_BEFORE.search(word + " "))


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - 40) : start], text[end : end + 80]


def names_a_company(text: str, start: int, end: int) -> bool:
    before, after = _around(text, start, end)
    acronym = _ACRONYM_AFTER.match(after)
    if acronym and acronym.group(1).lower() in PLACES:
        acronym = None  # "Jane Quigley (USA)": where a runner comes from
    return bool(_COMPANY_AFTER.match(after) or _COMPANY_BEFORE.search(before) or acronym)


def says_not_a_person(text: str, start: int, end: int) -> bool:
    """Whether the words around one mention suggest an organisation, a work or a place."""
    before, after = _around(text, start, end)
    return bool(
        _IT_AFTER.match(after)
        or _WORK_BEFORE.search(before)
        or _WORK_AFTER.match(after)
        or _PLACE_BEFORE.search(before)
        or _EMPLOYER_AFTER.match(after)
        or _BUSINESS_BEFORE.search(before)
        or _BUSINESS_AFTER.match(after)
    )


def _says_a_person(text: str, start: int, end: int) -> bool:
    after = _around(text, start, end)[1]
    return bool(_PERSON_AFTER.match(after)) and not _IT_AFTER.match(after)


def never_a_person(name: str, spans: list[tuple[int, int]], text: str) -> bool:
    """A whole group of mentions that is no person: a known club, award, brand or agency sign-off
    ("REUTER"), a title with no name, a name that organisation words or a company's forms go with
    ("Punta Gorda Isles Inc"), or one that only organisation, work or place contexts go with."""
    words = name.lower().split()
    if len(name.rstrip(".")) == 1:
        return True  # "J": an initial left alone
    if name.lower() in _NOT_PEOPLE or (len(words) > 1 and words[-1] in _AWARDS):
        return True  # "Chelsea", "Strong Oscar"; "Chelsea Clinton" is a person
    if words[0] in _NUMBER_WORDS:
        return True  # "Million Dollar Baby"
    if (
        len(words) == 2
        and words[0] in _NUMBERED_THINGS
        and REGNAL_NUMBER.fullmatch(words[1].upper())
    ):
        return True
    if all(w in TITLES or w in ROLE_MODIFIERS or w == "special" for w in words):
        return True  # "Special Assistant": a title with no name
    if name.lower() in PLACES:
        return True  # "Abu Dhabi"
    if len(words) == 1 and all(_ends_a_thing(text, start, words[0]) for start, _ in spans):
        return True  # "Leone", only ever in "Sierra Leone"; "Royce" in "Rolls Royce"
    if len(words) == 1 and words[0].endswith(_COMPANY_ENDINGS) and len(words[0]) > 6:
        return True  # "Citigroup", "Microsoft"
    if len(words) == 1 and _names_the_people_of_a_place(words[0]):
        return True  # "Kuwaitis", "Russians"
    if any(w in ORGANISATION_WORDS for w in words):
        return True  # "Johnson Matthey Commodities Limited"
    if " " not in name and _INNER_CAPITAL.search(name):
        return True  # "BaFin", "PayPal": a brand's spelling; "McDonald", "DiCaprio" are names
    if any(names_a_company(text, s, e) for s, e in spans):
        return True
    if len(words) == 1 and _written_as_an_organisation(name, text):
        return True  # "Contrack said ..." where the article also writes "Contrack International"
    if any(_says_a_person(text, s, e) for s, e in spans):
        return False  # "Jordan said ...": one "role in Jordan's film" does not outweigh it
    if len(words) == 1 and any(_followed_by_a_place(text, e) for _, e in spans):
        return True
    return any(says_not_a_person(text, s, e) for s, e in spans)


# Organisations named after a person, who stays one: "the Reagan Administration", "a Marshall Plan".
_NAMED_AFTER_SOMEONE = frozenset(
    {"administration", "plan", "doctrine", "foundation", "institute", "institution", "center"}
    | {"centre", "prize", "award", "memorial", "library", "museum", "cup", "trophy", "stadium"}
    | {"airport", "university", "college", "school", "hospital", "trust", "fund", "society"}
    | {"lecture", "park", "square", "hall", "house", "building", "tower", "era", "years"}
)


def _written_as_an_organisation(name: str, text: str) -> bool:
    """Whether the article writes `name` right before an organisation word, capitalised, that
    makes it the organisation's own name ("Contrack International", "Litton Industries")."""
    for match in re.finditer(rf"\b{re.escape(name)}[ \t]+([A-Z][\w&]*)", text):
        word = match.group(1).lower()
        if word in ORGANISATION_WORDS and word not in _NAMED_AFTER_SOMEONE:
            return True
    return False


def _ends_a_thing(text: str, start: int, word: str) -> bool:
    """Whether the word before `word` makes it a place or a known thing that is no person."""
    previous = re.search(r"(\w+)[\s-]+$", text[max(0, start - 30) : start])
    if previous is None:
        return False
    joined = f"{previous.group(1).lower()} {word}"
    return joined in PLACES or joined in _NOT_PEOPLE


def _names_the_people_of_a_place(word: str) -> bool:
    return word.endswith(("is", "ns")) and word[:-2] in PLACES


def _followed_by_a_place(text: str, end: int) -> bool:
    match = _PLACE_AFTER.match(text[end : end + 40])
    return match is not None and match.group("place").lower().rstrip(".") in PLACES


def clean_role(role: str | None) -> str | None:
    """A role without the honorifics and sentence words it was read with; None if nothing is
    left."""
    if not role:
        return None
    words = role.split()
    while words and (
        is_honorific(words[0])
        or (words[0].lower() in _NOT_ROLE_WORDS and words[0].lower() not in ROLE_MODIFIERS)
    ):
        words = words[1:]
    while words and is_honorific(words[-1]):
        words = words[:-1]
    if not words or all(is_honorific(w) for w in words):
        return None
    return " ".join(words)


_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+")
_WORD_BEFORE = re.compile(r"([\w’'.&-]+)\s+$")


_ROLE_THEN_NAME = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?P<role>[^,;.()\"“”]{3,80}?),\s*"
    r"(?:(?:Sir|Dame|Lord|Lady|Dr|Mr|Mrs|Ms|Miss|Professor|Prof)\.?\s+)?$"
)


def role_then_name(text: str, start: int) -> str | None:
    """ "The chief inspector of schools, David Bell, said": a role that ends where the name
    begins, after a comma."""
    match = _ROLE_THEN_NAME.search(text, max(0, start - 100), start)
    if not match:
        return None
    role = match.group("role").strip()
    words = role.lower().split()
    return role if words and any(w in TITLES for w in words[:4]) else None


def role_before(text: str, start: int) -> str | None:
    """A title written in lower case before a name ("Wales coach Mike Ruddock", "tourism minister
    Sontaya Kunplome", "GE's chief executive Jeff Immelt"): the title, and the words that qualify
    it (capitalised words, possessives, "former", one noun before the title)."""
    words: list[str] = []
    position = start
    while len(words) < 6:
        match = _WORD_BEFORE.search(text, max(0, position - 40), position)
        if not match or "\n\n" in text[match.end() : position]:
            break
        words.insert(0, match.group(1))
        position = match.start()
    lowered = [w.lower() for w in words]
    for size in (3, 2, 1):
        if len(words) >= size and " ".join(lowered[-size:]) in TITLES:
            title_start = len(words) - size
            break
    else:
        return None
    first = title_start
    while first > 0:
        word = words[first - 1]
        lower = word.lower().rstrip(".,")
        if word.endswith((",", ";", ":")) or (
            word.endswith(".") and not _ABBREVIATION.fullmatch(word)
        ):
            break  # the end of a clause or a sentence; "U.S." is neither
        if lower in ROLE_MODIFIERS or word[:1].isupper() or word.endswith(("'s", "’s")):
            if lower in _NOT_ROLE_WORDS and lower not in ROLE_MODIFIERS:
                break
            first -= 1
        elif (
            first == title_start
            and lower.isalpha()
            and lower not in FUNCTION_WORDS
            and lower not in _PREPOSITIONS_IN_ING
        ):
            first -= 1  # "tourism minister": one noun, right before the title
            break
        else:
            break
    if all(is_honorific(w) for w in words[title_start:]):
        return None  # "Mr": how the person is addressed, no role
    return " ".join(words[first:])
