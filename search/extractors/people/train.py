"""Train the person tagger: `python -m search.extractors.people.train train DATA.jsonl`.

The training command lives apart from the tagger: it needs the rule hints of people.py, which
itself runs the tagger, and the reader never trains.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .model_candidates import rule_hints
from .tagger import MODEL_FILE, PersonTagger, _Document


def gold_labels(doc: _Document, persons: list[dict]) -> list[str]:
    labels = ["O"] * len(doc.tokens)
    for person in persons:
        inside = [
            i
            for i, t in enumerate(doc.tokens)
            if t.start < person["end"] and person["start"] < t.end
        ]
        for n, i in enumerate(inside):
            labels[i] = "B" if n == 0 else "I"
    return labels


def _load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m search.extractors.people.train", description="Train the person tagger."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    train = sub.add_parser(
        "train", help="train on JSON Lines {text, persons: [{start, end}]} and write the weights"
    )
    train.add_argument(
        "data", type=Path, help="training data, e.g. ../shared/eval/people/conll-train.jsonl"
    )
    train.add_argument("--epochs", type=int, default=8)
    train.add_argument(
        "--out", type=Path, default=Path(__file__).parent.parent / "resources" / MODEL_FILE
    )
    args = parser.parse_args(argv)
    examples = []
    for record in _load(args.data):
        doc = _Document(record["text"], rule_hints(record["text"]))
        examples.append((doc, gold_labels(doc, record["persons"])))
    tagger = PersonTagger()
    tagger.train(examples, args.epochs)
    tagger.save(args.out)
    print(
        f"{len(tagger.weights)} features written to {args.out} "
        f"({args.out.stat().st_size / 1e6:.1f} MB)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
