#!/usr/bin/env python3
"""The side panel's people, judged as a reader sees them, on hand-annotated BBC and Reuters
articles: is each person listed a real person the article names (precision), is every person the
article names listed (recall), and under the name the annotation gives (canonical).

    python benchmarks/people_real_news.py --corpus ../shared/corpus [--part tune|held-out] [--show]

benchmarks/annotations/people_real_news.jsonl holds, per article, its path under the corpus, the
part it belongs to (tuned on, or held out) and the distinct people it names, by the fullest name
the article gives without honorifics. No article text is kept here: the corpus is read by path.
A listed person matches an annotated one by the same name, or by a surname both share.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from search import extract
from search.sources.files import read_article

ANNOTATIONS = Path(__file__).resolve().parent / "annotations" / "people_real_news.jsonl"


def _same_person(listed: str, annotated: str) -> bool:
    return listed.lower() == annotated.lower() or (
        listed.split()[-1].lower() == annotated.split()[-1].lower()
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--part", choices=["tune", "held-out", "all"], default="all")
    parser.add_argument("--show", action="store_true", help="list every error")
    args = parser.parse_args()
    rows = [json.loads(line) for line in ANNOTATIONS.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if args.part == "all" or r["part"] == args.part]
    listed_total = correct_listed = annotated_total = found = exact = 0
    for row in rows:
        article = read_article(args.corpus / row["article"])
        listed = [p.name for p in extract(article.body, article.published).people]
        annotated = row["people"]
        listed_total += len(listed)
        annotated_total += len(annotated)
        wrong = [name for name in listed if not any(_same_person(name, a) for a in annotated)]
        missed = [a for a in annotated if not any(_same_person(name, a) for name in listed)]
        correct_listed += len(listed) - len(wrong)
        found += len(annotated) - len(missed)
        exact += sum(any(name == a for name in listed) for a in annotated)
        if args.show and (wrong or missed):
            print(f"{row['article']}: not people {wrong}; missed {missed}")
    precision = correct_listed / listed_total if listed_total else 1.0
    recall = found / annotated_total if annotated_total else 1.0
    print(
        f"{len(rows)} articles ({args.part}), {annotated_total} people annotated, "
        f"{listed_total} listed"
    )
    print(
        f"precision {precision:.3f}  recall {recall:.3f}  "
        f"canonical name exact {exact / annotated_total if annotated_total else 1:.3f}"
    )


if __name__ == "__main__":
    main()
