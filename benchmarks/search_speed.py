#!/usr/bin/env python3
"""Time typical searches through `newsreader search --batch`, warm, snippets of the first 20
included.

    python benchmarks/search_speed.py PATH ... [--index-dir DIR] [--engine NAME] [--rounds 3]

The corpus is indexed (or caught up) first. Every query is run once to warm the caches, then
`--rounds` times; each query's figure is its median over the rounds, as `elapsed_ms` reports it
(parse, search and snippets, in the searching process). Prints the median, 95th percentile and
maximum over the queries, each kind of query apart, and the slowest queries.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

QUERIES: dict[str, list[str]] = {
    "word": [
        "oil",
        "bank",
        "coffee",
        "dollar",
        "Japan",
        "football",
        "election",
        "profit",
        "tariffs",
        "music",
    ],
    "boolean": [
        "oil AND prices",
        "bank and rates",
        "trade and japan and tariffs",
        "wheat OR corn",
        "oil NOT opec",
        "(gold OR silver) AND prices",
    ],
    "phrase": [
        '"interest rates"',
        '"prime minister"',
        '"trade deficit"',
        '"chief executive"',
        '"world cup"',
    ],
    "prefix": ["petro*", "electr*", "comput*", "gov*"],
    "fuzzy": ["goverment~", "currancy~", "footbal~", "elecshun~2"],
    "field": [
        "person:Blair",
        'person:"James Baker"',
        "person:reagan",
        "person:volcker",
        "title:profit",
        "source:bbc",
        "person:blair AND election",
    ],
    "date": [
        "date:[1987-03-01 TO 1987-03-31]",
        "date:[2004-01-01 TO 2004-12-31]",
        "oil date:[1987-04-01 TO 1987-04-30]",
        "date:1988-06",
        "date:>1990",
    ],
}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run_batch(
    paths: list[str], index_dir: str | None, engine: str | None, queries: list[str]
) -> list[dict]:
    command = [sys.executable, "-m", "tui.cli", "search", "--batch", *paths, "--limit", "20"]
    if index_dir:
        command += ["--index-dir", index_dir]
    if engine:
        command += ["--engine", engine]
    done = subprocess.run(command, input="\n".join(queries) + "\n", capture_output=True, text=True)
    if done.returncode not in (0, 2):
        sys.exit(f"newsreader search --batch failed:\n{done.stderr[-2000:]}")
    return [json.loads(line) for line in done.stdout.splitlines()]


def summary(label: str, values: list[float]) -> str:
    return (
        f"{label:8s} n={len(values):3d}  median {statistics.median(values):7.1f} ms  "
        f"p95 {percentile(values, 0.95):7.1f} ms  max {max(values):7.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", help="corpus folders (default: the bundled seeds)")
    parser.add_argument("--index-dir")
    parser.add_argument("--engine", help="whoosh or tantivy (default: the engine setting)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    queries = [q for kind in QUERIES.values() for q in kind]
    # Warm-up run first (it also indexes or catches up), then the measured rounds in one process.
    rows = run_batch(args.paths, args.index_dir, args.engine, queries * (args.rounds + 1))
    measured = rows[len(queries) :]
    times: dict[str, list[float]] = {}
    hits: dict[str, int] = {}
    for row in measured:
        times.setdefault(row["query"], []).append(row["elapsed_ms"])
        hits[row["query"]] = row.get("hits", -1)
    per_query = {q: statistics.median(v) for q, v in times.items()}
    print(summary("all", list(per_query.values())))
    for kind, kind_queries in QUERIES.items():
        print(summary(kind, [per_query[q] for q in kind_queries]))
    print("slowest:")
    for query in sorted(per_query, key=per_query.get, reverse=True)[:5]:
        print(f"  {per_query[query]:7.1f} ms  {hits[query]:6d} hits  {query}")


if __name__ == "__main__":
    main()
