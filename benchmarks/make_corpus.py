#!/usr/bin/env python3
"""Build a large corpus for benchmarks from the real news in a folder holding `reuters/` and `bbc/`.

    python benchmarks/make_corpus.py OUT_DIR --articles 100000 --from ../shared/corpus

Articles are taken in turn from Reuters-21578 (dates from its `meta.tsv`) and BBC News, and repeated
when the sources run out. Each copy is a file of its own with front matter (title, source, date,
edition); a repeated article gets a later edition number and its date moved on by whole weeks, so no
two files are identical and the archive spans more than the sources' own dates. Files go 1,000 to a
folder, as a dated archive would lay them out. The news is read by path and never copied elsewhere.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

FILES_PER_FOLDER = 1000


@dataclass(frozen=True)
class SourceArticle:
    name: str
    source: str
    title: str
    body: str
    published: dt.date | None


def _title_and_body(text: str) -> tuple[str, str]:
    head, _, body = text.strip().partition("\n\n")
    return " ".join(head.split()), body.strip()


def _reuters(folder: Path) -> list[SourceArticle]:
    dates: dict[int, dt.date] = {}
    with open(folder / "meta.tsv", encoding="utf-8", newline="") as meta:
        for row in csv.DictReader(meta, delimiter="\t"):
            dates[int(row["newid"])] = dt.datetime.fromisoformat(row["date"]).date()
    articles = []
    for path in sorted(folder.glob("*.txt")):
        title, body = _title_and_body(path.read_text(encoding="utf-8", errors="replace"))
        if body:
            articles.append(
                SourceArticle(
                    f"reuters-{path.stem}", "Reuters", title, body, dates.get(int(path.stem))
                )
            )
    return articles


def _bbc(folder: Path) -> list[SourceArticle]:
    articles = []
    for path in sorted(folder.glob("*.txt")):
        title, body = _title_and_body(path.read_text(encoding="utf-8", errors="replace"))
        if body:
            articles.append(SourceArticle(f"bbc-{path.stem}", "BBC News", title, body, None))
    return articles


def _interleaved(first: list[SourceArticle], second: list[SourceArticle]) -> list[SourceArticle]:
    """Both sources spread evenly through the sequence: any prefix holds both kinds of article."""
    step = len(first) / max(len(second), 1)
    out, taken = [], 0
    for i, article in enumerate(first):
        out.append(article)
        while taken < len(second) and taken * step <= i:
            out.append(second[taken])
            taken += 1
    out.extend(second[taken:])
    return out


def _front_matter_value(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', "'") + '"'


def render(article: SourceArticle, edition: int) -> str:
    lines = [
        "---",
        f"title: {_front_matter_value(article.title)}",
        f"source: {article.source}",
        f"edition: {edition}",
    ]
    if article.published:
        lines.append(
            f"date: {(article.published + dt.timedelta(weeks=52 * (edition - 1))).isoformat()}"
        )
    lines += ["---", "", article.body, ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, help="folder to create (must be empty or absent)")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument(
        "--from", dest="source", type=Path, required=True, help="folder with reuters/ and bbc/"
    )
    args = parser.parse_args()
    if args.out.exists() and any(args.out.iterdir()):
        sys.exit(f"make_corpus: {args.out} is not empty")
    articles = _interleaved(_reuters(args.source / "reuters"), _bbc(args.source / "bbc"))
    if not articles:
        sys.exit(f"make_corpus: no articles under {args.source}")
    total_bytes = 0
    for number in range(args.articles):
        article = articles[number % len(articles)]
        edition = number // len(articles) + 1
        folder = args.out / f"{number // FILES_PER_FOLDER:03d}"
        if number % FILES_PER_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
        data = render(article, edition).encode("utf-8")
        (folder / f"{article.name}-e{edition}.txt").write_bytes(data)
        total_bytes += len(data)
    print(
        f"{args.articles} articles ({len(articles)} distinct sources) in {args.out}, "
        f"{total_bytes / 1e6:.0f} MB"
    )


if __name__ == "__main__":
    main()
