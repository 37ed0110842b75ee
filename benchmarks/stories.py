#!/usr/bin/env python3
"""How long grouping into stories takes on a large archive: from scratch, and for a fetch's worth
of new articles joining it.

    python benchmarks/stories.py --from ../shared/corpus [--articles 100000] [--new 1000]

The archive is built like benchmarks/make_corpus.py builds one (Reuters-21578 with its dates, BBC
News undated, repeated as yearly editions), but straight into story features, without indexing:
this measures grouping alone. Features are made from title and text (the people and days the
extractors would add are left out: they are a few terms among the 80 kept). Timings go through the
same path as the reader's (`keep_in_step` over a StoryStore on disk).
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import _bbc, _interleaved, _reuters

from search.stories import Decisions, StoryStore, keep_in_step
from search.stories.features import StoryFeatures, story_terms

UNDATED = dt.date(2026, 1, 1)


def archive(source: Path, count: int) -> list[StoryFeatures]:
    articles = _interleaved(_reuters(source / "reuters"), _bbc(source / "bbc"))
    terms = [story_terms(a.title, a.body, (), ()) for a in articles]
    features = []
    for number in range(count):
        article = articles[number % len(articles)]
        edition = number // len(articles)
        day = article.published + dt.timedelta(weeks=52 * edition) if article.published else UNDATED
        features.append(
            StoryFeatures(
                f"{article.name}-e{edition + 1}",
                terms[number % len(articles)],
                day,
                article.published is not None,
                article.published is not None,
                article.source,
                article.title,
            )
        )
    return features


def timed(store: StoryStore, features: list[StoryFeatures], regroup: bool) -> float:
    by_id = {item.article_id: item for item in features}
    started = time.perf_counter()
    keep_in_step(store, set(by_id), lambda ids: [by_id[i] for i in ids], Decisions(), regroup)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--from", dest="source", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3, help="runs of the incremental step")
    args = parser.parse_args()
    started = time.perf_counter()
    features = archive(args.source, args.articles)
    print(f"features of {len(features)} articles made in {time.perf_counter() - started:.1f} s")
    old, new = features[: -args.new], features
    with tempfile.TemporaryDirectory() as folder:
        store = StoryStore(Path(folder))
        scratch = timed(store, old, regroup=True)
        sizes = sorted((len(s) for s in store.stories()), reverse=True)
        print(
            f"regroup from scratch, {len(old)} articles: {scratch:.1f} s "
            f"({len(sizes)} stories, {sum(s > 1 for s in sizes)} of more than one, "
            f"largest {sizes[0]})"
        )
        incremental = []
        for _ in range(args.runs):
            timed(store, old, regroup=False)  # the new ones leave, as the reader's catch-up does
            incremental.append(timed(store, new, regroup=False))
        median = statistics.median(incremental)
        print(
            f"{args.new} new articles joining {len(old)}: median {median:.2f} s"
            f" of {args.runs} runs ({', '.join(f'{t:.2f}' for t in incremental)})"
        )
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
