#!/usr/bin/env python3
"""Turn a CoNLL-2003-style file whose second column is each word's start offset and third its
end (as CoNLL++, Liu and Ritter 2023, writes Reuters news of 2020) into the gold JSON Lines that
the project brief's `score.py people` reads, so the people can be scored on news the tagger was
never trained or tuned on:

    python benchmarks/conll_to_jsonl.py conllpp.txt > /tmp/conllpp.jsonl
    python score.py people /tmp/conllpp.jsonl --cmd "newsreader extract"

Words are put back as the offsets join them (a gap is one space, none before punctuation that
closes or after what opens, a new sentence a new line), and every run of PER tags becomes a
person. No annotated text is kept here.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

Word = tuple[str, int, int, str]

# The files are tokenised ("Vienna , Austria"); news as a reader gets it is not.
_ATTACHED = re.compile(r"[,.:;!?)\]}%”/]$|[’'](?:s|re|ve|ll|d|m)?$|n[’']t$", re.I)
_OPENING = ("(", "[", "{", "“", "$", "‘", "/")


def _documents(lines: Iterator[str]) -> Iterator[list[list[Word]]]:
    document: list[list[Word]] = []
    sentence: list[Word] = []
    for line in lines:
        fields = line.split()
        if not fields or fields[0] == "-DOCSTART-":
            if sentence:
                document.append(sentence)
                sentence = []
            if fields and document:
                yield document
                document = []
            continue
        sentence.append((fields[0], int(fields[1]), int(fields[2]), fields[-1]))
    if sentence:
        document.append(sentence)
    if document:
        yield document


def _gold(number: int, document: list[list[Word]]) -> dict[str, object]:
    text = ""
    persons: list[dict[str, object]] = []
    for sentence in document:
        previous_end = None
        previous_tag = "O"
        for word, start, end, tag in sentence:
            if previous_end is None:
                text += "\n" if text else ""
            elif start > previous_end and not _ATTACHED.match(word) and not text.endswith(_OPENING):
                text += " "
            begin = len(text)
            text += word
            if tag.endswith("PER") and previous_tag.endswith("PER") and not tag.startswith("B-"):
                persons[-1]["end"] = len(text)
            elif tag.endswith("PER"):
                persons.append({"start": begin, "end": len(text)})
            previous_end, previous_tag = end, tag
    for person in persons:
        person["text"] = text[int(str(person["start"])) : int(str(person["end"]))]
    return {"id": f"doc-{number:04d}", "text": text, "persons": persons}


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with Path(sys.argv[1]).open(encoding="utf-8") as lines:
        for number, document in enumerate(_documents(lines)):
            print(json.dumps(_gold(number, document), ensure_ascii=False))


if __name__ == "__main__":
    main()
