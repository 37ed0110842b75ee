"""The person tagger: tokens, training on data the test makes, and the shipped model."""

import json

from search.extractors.people.model_candidates import rule_hints
from search.extractors.people.tagger import PersonTagger, _Document, default_tagger, tokenize
from search.extractors.people.train import gold_labels, main


def test_tokens_keep_names_whole_and_split_the_possessive():
    assert [t.text for t in tokenize("J.R.R. Tolkien's O'Brien and Jean-Claude P. Simmons")] == [
        "J.R.R.",
        "Tolkien",
        "'s",
        "O'Brien",
        "and",
        "Jean-Claude",
        "P.",
        "Simmons",
    ]


def make_examples():
    names = [
        "Ann Kowalczyk",
        "Bo Lindqvist",
        "Cy Okonkwo",
        "Di Ferreira",
        "Ed Nakamura",
        "Flo Haddad",
    ]
    texts = [
        f"Officials said {name} arrived in Oslo on Monday with the Zorgon Group delegation."
        for name in names
    ]
    examples = []
    for text, name in zip(texts, names):
        start = text.index(name)
        doc = _Document(text, rule_hints(text))
        examples.append((doc, gold_labels(doc, [{"start": start, "end": start + len(name)}])))
    return examples


def test_training_learns_names_from_examples():
    tagger = PersonTagger()
    tagger.train(make_examples(), epochs=5)
    text = (
        "Officials said Gus Abernathy arrived in Oslo on Monday with the Zorgon Group delegation."
    )
    [(start, end)] = tagger.spans(text, rule_hints(text))
    assert text[start:end] == "Gus Abernathy"


def test_training_command_writes_a_model(tmp_path):
    data = tmp_path / "train.jsonl"
    rows = [
        {"text": "Officials said Ann Kowalczyk arrived.", "persons": [{"start": 15, "end": 28}]}
    ]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert (
        main(["train", str(data), "--epochs", "2", "--out", str(tmp_path / "model.json.gz")]) == 0
    )
    assert (tmp_path / "model.json.gz").stat().st_size > 0


def test_shipped_model_finds_names_the_rules_do_not_know():
    text = "Striker Alan Shearer scored twice. Shearer's goals gave Newcastle the win."
    spans = default_tagger().spans(text, rule_hints(text))
    assert [text[s:e] for s, e in spans] == ["Alan Shearer", "Shearer"]
