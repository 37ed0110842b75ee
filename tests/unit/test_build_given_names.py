"""The build of the wider given-name list: counts over the years, and the words left out."""

from __future__ import annotations

import json

from search.extractors.people.build_given_names import main


def test_names_given_often_enough_that_are_no_words(tmp_path):
    names = tmp_path / "names"
    names.mkdir()
    (names / "yob2000.txt").write_text(
        "Brandilyn,F,300\nRainbow,F,900\nOntario,M,900\nTaylor,F,9000\nZephyrine,F,100\n"
    )
    (names / "yob2001.txt").write_text("Brandilyn,F,300\nTaylor,F,9000\nZephyrine,F,100\n")
    (names / "yob2002.txt").write_text("Markwell,M,800\nTaylor,F,9000\n")
    train = tmp_path / "train.jsonl"
    record = {"text": "The markwell rose. A markwell fell.", "persons": []}
    train.write_text(json.dumps(record) + "\n")
    words = tmp_path / "words"
    words.write_text("rainbow\nOntario\nTaylor\n")
    out = tmp_path / "given.txt"

    assert main([str(names), str(train), "--words", str(words), "--out", str(out)]) == 0

    listed = [line for line in out.read_text().splitlines() if not line.startswith("#")]
    # Brandilyn: 600 babies; Taylor: a proper noun, but 27,000 babies. Rainbow is a word, Ontario
    # a proper noun given to few, Markwell written in lower case, Zephyrine given to too few.
    assert listed == ["brandilyn", "taylor"]
