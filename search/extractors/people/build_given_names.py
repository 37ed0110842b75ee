"""Build resources/given_names_us.txt, the given names the hand-made list lacks, from the US Social
Security Administration's names of newborns (public domain):

    python -m search.extractors.people.build_given_names NAMES_DIR TRAIN.jsonl [--words FILE]

NAMES_DIR holds the SSA's yobYYYY.txt files ("Emily,F,25959" a line). A name counts when at least
500 babies were given it, or 10,000 when the dictionary knows it as a proper noun. A name that is
also a word is left out, because a capitalised word before a surname would then read as a person
("Rainbow Warrior", "Grant Thornton"): so are the words of a dictionary in lower case (Debian's
wamerican, /usr/share/dict/words), words the person tagger's training text writes in lower case,
or capitalised but mostly outside a person's name, and every word of the other lists (places,
organisation words, titles, function words ...). Like the training command, the reader never
runs this.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from ..resources import table, word_set
from . import lexicon

MIN_BABIES = 500
# A name the dictionary also knows as a proper noun is as often a place, a surname or a brand
# ("Ontario", "Hughes", "Kaiser"): it counts only when it is a common given name.
MIN_BABIES_IF_PROPER_NOUN = 10_000
OUTPUT = Path(__file__).parent.parent / "resources" / "given_names_us.txt"
HEADER = """\
# Given names from the US Social Security Administration's names of newborns, 1880-2023 (public
# domain), given to at least 500 babies, that are no word of their own and are not in
# given_names.txt. Built by `python -m search.extractors.people.build_given_names`.
"""


def _babies_per_name(names_dir: Path) -> Counter[str]:
    babies: Counter[str] = Counter()
    for path in sorted(names_dir.glob("yob*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            name, _sex, count = line.split(",")
            babies[name.lower()] += int(count)
    return babies


def _words_that_are_not_names(train: Path) -> set[str]:
    """Words the training text writes in lower case, or capitalised but mostly outside a person's
    name ("Mark" is a currency in 1996's news; "Taylor", a surname, is a name)."""
    lower: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    in_a_name: Counter[str] = Counter()
    for line in train.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        spans = [(person["start"], person["end"]) for person in record["persons"]]
        for match in re.finditer(r"[A-Za-z]+", record["text"]):
            word = match.group()
            if word.islower():
                lower[word] += 1
            elif not word.isupper():
                capitalised[word.lower()] += 1
                in_a_name[word.lower()] += any(s <= match.start() < e for s, e in spans)
    return {w for w in lower if lower[w] >= 2} | {
        w for w, n in capitalised.items() if n >= 3 and in_a_name[w] < n / 2
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m search.extractors.people.build_given_names", description=__doc__
    )
    parser.add_argument("names_dir", type=Path)
    parser.add_argument("train", type=Path, help="the tagger's training data (JSON Lines)")
    parser.add_argument("--words", type=Path, default=Path("/usr/share/dict/words"))
    parser.add_argument("--min-babies", type=int, default=MIN_BABIES)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    words = args.words.read_text(encoding="utf-8").split()
    dictionary = {w for w in words if w.islower() and w.isalpha()}
    proper_nouns = {w.lower() for w in words if w[:1].isupper()}
    other_lists = (
        lexicon.PLACES
        | lexicon.ORGANISATION_WORDS
        | lexicon.TITLES
        | lexicon.FUNCTION_WORDS
        | lexicon.CALENDAR_AND_NUMBER_WORDS
        | word_set("not_people.txt")
        | word_set("honorifics.txt")
        | word_set("sentence_words.txt")
        | {word for holiday in table("holidays.tsv") for word in holiday.split()}
        | word_set("given_names.txt")
    )
    excluded = dictionary | _words_that_are_not_names(args.train) | other_lists
    babies = _babies_per_name(args.names_dir)
    names = sorted(
        n
        for n, count in babies.items()
        if len(n) > 1
        and n not in excluded
        and count >= (MIN_BABIES_IF_PROPER_NOUN if n in proper_nouns else args.min_babies)
    )
    args.out.write_text(HEADER + "".join(f"{name}\n" for name in names), encoding="utf-8")
    print(f"{len(names)} names written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
