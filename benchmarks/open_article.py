#!/usr/bin/env python3
"""Time opening a long article in the reader: its hits marked and its side panel built.

    python benchmarks/open_article.py ../shared/corpus/bbc [--kb 50] [--runs 20] [--query Q]

Builds one article of about `--kb` KB from the texts under the given folder, indexes it with the
app's own index, searches for `--query`, then opens the article again and again, headless, as
Enter on the list does. Two parts are timed, each the median over the runs:
  engine - the article's dates and people (as the index stored them) and the hit spans per paragraph
  screen - the reading view and the side panel filled, and the next screen update, as CPU time of
           the process (the headless driver's pause itself waits on timers, which is no work)
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path


def long_article(sources: list[Path], kilobytes: int) -> str:
    paragraphs: list[str] = []
    size = 0
    for path in sorted(p for folder in sources for p in folder.rglob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8", errors="replace").split("\n\n")[1:]:
            paragraphs.append(" ".join(paragraph.split()))
            size += len(paragraphs[-1]) + 2
            if size >= kilobytes * 1000:
                return "A long article\n\n" + "\n\n".join(paragraphs) + "\n"
    return "A long article\n\n" + "\n\n".join(paragraphs) + "\n"


async def measure(
    corpus: Path, index_dir: Path, query: str, runs: int
) -> tuple[list[float], list[float]]:
    from search import Library
    from tui.app import NewsReaderApp
    from tui.messages import ArticleAnalysed

    app = NewsReaderApp(Library([corpus], index_dir, catch_up_here=True))
    engine, screen = [], []
    async with app.run_test(size=(160, 48)) as pilot:
        while app.indexing or not app.article_list.hits:
            await pilot.pause(0.05)
        app.search_for(query)
        while app.results is None or app.results.query != query:
            await pilot.pause(0.05)
        hit = app.results.hits[0]
        for _ in range(runs):
            started = time.perf_counter()
            extraction, _ = app.library.analyse(hit.article)
            spans = app.library.marks(hit.article, app.results.terms)
            engine.append(time.perf_counter() - started)
            started = time.process_time()
            app.on_article_analysed(ArticleAnalysed(hit, extraction, spans, focus=False))
            await pilot.pause()
            screen.append(time.process_time() - started)
        print(
            f"article: {len(hit.article.body) / 1000:.0f} KB, {len(hit.article.paragraphs)} "
            "paragraphs, "
            f"{len(extraction.dates)} dates, {len(extraction.people)} people, "
            f"{sum(map(len, spans))} hits of {query!r}"
        )
    return engine, screen


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "sources", nargs="+", type=Path, help="folders of articles to build the long one from"
    )
    parser.add_argument("--kb", type=int, default=50)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--query", default="government")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nr-open-") as work:
        corpus = Path(work) / "corpus"
        corpus.mkdir()
        (corpus / "long.txt").write_text(long_article(args.sources, args.kb), encoding="utf-8")
        engine, screen = asyncio.run(measure(corpus, Path(work) / "index", args.query, args.runs))
    total = [a + b for a, b in zip(engine, screen)]
    for label, values in (("engine", engine), ("screen", screen), ("total", total)):
        print(
            f"{label:6s} median {statistics.median(values) * 1000:6.1f} ms  "
            f"min {min(values) * 1000:6.1f} ms  max {max(values) * 1000:6.1f} ms"
        )


if __name__ == "__main__":
    main()
