#!/usr/bin/env python3
"""The raw anchors: Whoosh and tantivy as they come, on the same files, in the same run.

    python benchmarks/raw_engines.py CORPUS ... [--rounds 3] [--engines whoosh,tantivy]

Each file is read as it is (its first line the title, the rest the body), with no cleaning and no
extraction, and indexed with the engine's own plain schema (stemmed title and body, both stored)
on both cores: Whoosh with its multiprocessing writer, tantivy with two indexing threads. Then the
queries of search_speed.py that a plain schema can run (words, AND/OR/NOT, phrases, prefixes,
fuzzy words, title:) are parsed by the engine's own parser and run warm, `--rounds` times, each
with its exact hit count and the snippets of its first 20 hits. Printed: build seconds and CPU per
article, open time, and each engine's median and 95th percentile over the queries, to set beside
index_build.py and search_speed.py run on the same corpus.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from search_speed import QUERIES, percentile

from search.sources.files import discover

PLAIN_KINDS = ("word", "boolean", "phrase", "prefix", "fuzzy")
SNIPPETS = 20


def plain_queries() -> list[str]:
    return [q for kind in PLAIN_KINDS for q in QUERIES[kind]] + ["title:profit"]


def read_corpus(paths: list[Path]) -> list[tuple[str, str, str]]:
    articles = []
    for stamp in discover(paths).stamps:
        text = Path(stamp.path).read_bytes().decode("utf-8", "replace")
        title, _, body = text.strip().partition("\n")
        articles.append((stamp.path, title.strip(), body.strip()))
    return articles


def cpu_seconds() -> float:
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usage)


class RawWhoosh:
    name = "raw Whoosh"

    def build(self, folder: Path, articles: list[tuple[str, str, str]]) -> None:
        from whoosh import fields, index
        from whoosh.analysis import StemmingAnalyzer

        schema = fields.Schema(
            path=fields.ID(stored=True, unique=True),
            title=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
            body=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
        )
        writer = index.create_in(str(folder), schema).writer(
            procs=2, limitmb=256, multisegment=True
        )
        for path, title, body in articles:
            writer.add_document(path=path, title=title, body=body)
        writer.commit()

    def open(self, folder: Path) -> None:
        from whoosh import index, qparser

        self.index = index.open_dir(str(folder))
        self.searcher = self.index.searcher()
        self.parser = qparser.MultifieldParser(["title", "body"], self.index.schema)
        self.parser.add_plugin(qparser.FuzzyTermPlugin())

    def search(self, text: str) -> int:
        results = self.searcher.search(self.parser.parse(text), limit=SNIPPETS)
        for hit in results:
            hit.highlights("body")
        return len(results)  # exact: Whoosh counts every match for len()


class RawTantivy:
    name = "raw tantivy"

    def build(self, folder: Path, articles: list[tuple[str, str, str]]) -> None:
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("path", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
        builder.add_text_field("body", stored=True, tokenizer_name="en_stem")
        self.schema = builder.build()
        index = tantivy.Index(self.schema, str(folder))
        writer = index.writer(96_000_000, 2)
        for path, title, body in articles:
            writer.add_document(tantivy.Document(path=path, title=title, body=body))
        writer.commit()
        writer.wait_merging_threads()

    def open(self, folder: Path) -> None:
        import tantivy

        self.tantivy = tantivy
        self.index = tantivy.Index.open(str(folder))
        self.index.reload()
        self.searcher = self.index.searcher()

    def search(self, text: str) -> int:
        # tantivy's parser takes `word~1` for fuzzy as ours does, and fields by name.
        query = self.index.parse_query(text, ["title", "body"])
        result = self.searcher.search(query, SNIPPETS, count=True)
        snippets = self.tantivy.SnippetGenerator.create(self.searcher, query, self.schema, "body")
        for _, address in result.hits:
            snippets.snippet_from_doc(self.searcher.doc(address)).to_html()
        return result.count


def measure(engine, articles: list[tuple[str, str, str]], queries: list[str], rounds: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="nr-raw-"))
    try:
        cpu, started = cpu_seconds(), time.perf_counter()
        engine.build(folder, articles)
        built, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        started = time.perf_counter()
        engine.open(folder)
        opened = time.perf_counter() - started
        times: dict[str, list[float]] = {}
        for round_number in range(rounds + 1):  # the first round warms the caches
            for query in queries:
                started = time.perf_counter()
                engine.search(query)
                if round_number:
                    times.setdefault(query, []).append((time.perf_counter() - started) * 1000)
        per_query = [statistics.median(values) for values in times.values()]
        print(
            f"{engine.name:12s} build {built:6.1f} s ({cpu / len(articles) * 1000:.2f} ms CPU per "
            f"article), open {opened * 1000:5.0f} ms, {len(queries)} queries with {SNIPPETS} "
            f"snippets: median {statistics.median(per_query):6.1f} ms  "
            f"p95 {percentile(per_query, 0.95):6.1f} ms"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--engines", default="whoosh,tantivy")
    args = parser.parse_args()
    articles = read_corpus(args.paths)
    print(f"{len(articles)} articles")
    engines = {"whoosh": RawWhoosh, "tantivy": RawTantivy}
    for name in args.engines.split(","):
        measure(engines[name](), articles, plain_queries(), args.rounds)


if __name__ == "__main__":
    main()
