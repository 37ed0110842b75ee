"""The `newsreader` command: the reader by default, `search` and `extract` for scripts."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from . import __version__
from .wording import counted

USAGE = """\
newsreader [PATH ...]                       read the articles under PATH (default: the library)
newsreader search QUERY [PATH ...] [--json] [--limit N]
newsreader search --batch [PATH ...] < queries.txt   one JSON line per query, with its time
newsreader stories [PATH ...] [--json]     the stories: one event told by many outlets
newsreader extract < docs.jsonl             dates and people of each JSON line on stdin
newsreader config                           the settings file and the settings in effect
newsreader feed add URL | list | remove NAME | import FILE.opml | export
newsreader fetch [NAME ...]                 fetch the feeds into the archive (for cron too)
newsreader add-page URL                     save one web page into the archive
newsreader state export > FILE.json | state import FILE.json   back up the reading state

With no PATH, newsreader reads the library: the archive of fetched feeds and the folders of
config.toml's `library`; with neither, the bundled sample articles."""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--index-dir",
        type=Path,
        metavar="DIR",
        help="keep the index here instead of the user's cache directory",
    )
    parser.add_argument(
        "--engine",
        metavar="NAME",
        help="the index engine, whoosh or tantivy (default: the engine setting, else whoosh); "
        "switching engines rebuilds the index",
    )


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader",
        usage=USAGE,
        description="A terminal news reader: search your articles, read them with the hits marked, "
        "and see the dates and people each one names.",
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="article files or folders (.txt, .md)"
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    _common(parser)
    return parser


def _search_parser(batch: bool) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader search", description="Search the articles and print ranked results."
    )
    if batch:
        parser.add_argument(
            "--batch",
            action="store_true",
            required=True,
            help="read one query per line on stdin; write one JSON line per query with its hit "
            "count, top results and elapsed_ms (parse, search and snippets)",
        )
    else:
        parser.add_argument(
            "query",
            help="a query, e.g. 'Pelosi', 'person:\"Pete Hegseth\"', "
            "'date:[2025-10-01 TO 2025-12-31]'",
        )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument("--json", action="store_true", help="one JSON object per result")
    parser.add_argument(
        "--limit",
        type=_result_count,
        default=20,
        metavar="N",
        help="at most N results (default 20)",
    )
    parser.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    _common(parser)
    return parser


def _result_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("it must be 0 or more")
    return value


def _extract_parser() -> argparse.ArgumentParser:
    return argparse.ArgumentParser(
        prog="newsreader extract",
        description='Read JSON Lines {"id", "text", "reference": "YYYY-MM-DD" or null} on stdin; '
        "write one line "
        "per document with its dates (start, end, text, type, value) and people (start, end, "
        "text, name).",
    )


def _report_skipped(report) -> None:
    from search import printable_path

    for skipped in report.skipped:
        print(
            f"newsreader: skipped {printable_path(skipped.path)}: {skipped.reason}", file=sys.stderr
        )


_SEARCH_OPTIONS = {
    "-h",
    "--help",
    "--json",
    "--limit",
    "--sort",
    "--index-dir",
    "--engine",
    "--batch",
}


def _result_row(hit) -> dict[str, object]:
    article = hit.article
    return {
        "id": article.id,
        "title": article.title,
        "path": article.display_path,
        "score": round(hit.score, 4),
        "snippet": hit.snippet.text,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
        "author": article.author,
    }


def _library(args: argparse.Namespace):
    """The corpus's library with the engine asked for; one that is not installed is a message."""
    from search import EngineUnavailable, Library

    try:
        return Library(args.paths or None, args.index_dir, engine=args.engine)
    except EngineUnavailable as error:
        print(f"newsreader: {error}", file=sys.stderr)
        sys.exit(2)


def _open_library(args: argparse.Namespace):
    """The corpus's library, brought up to date first (a stat scan once it is indexed)."""
    from search import ForeignIndexFolder

    library = _library(args)
    try:
        library.open()
    except ForeignIndexFolder as error:
        print(f"newsreader: {error}", file=sys.stderr)
        sys.exit(2)
    _bring_up_to_date(library)
    return library


def _bring_up_to_date(library) -> None:
    from search import IndexingFailed

    try:
        report = library.catch_up()
    except (OSError, IndexingFailed) as error:
        print(
            f"newsreader: indexing stopped ({error}); searching what was indexed before",
            file=sys.stderr,
        )
    else:
        _report_skipped(report)
        if report.busy:
            print(
                "newsreader: another newsreader is indexing this corpus; results may be incomplete",
                file=sys.stderr,
            )
    for notice in library.notices:
        print(f"newsreader: {notice}", file=sys.stderr)
    library.notices.clear()


def _search(library, query: str, args: argparse.Namespace):
    """Search; an index found damaged or removed on the way is rebuilt, and the search run again."""
    from search import IndexRebuilt

    try:
        return library.search(query, sort=args.sort, limit=args.limit)
    except IndexRebuilt:
        _bring_up_to_date(library)
        return library.search(query, sort=args.sort, limit=args.limit)


def run_batch(args: argparse.Namespace) -> int:
    from search import QuerySyntaxError

    library = _open_library(args)
    status = 0
    for line in sys.stdin:
        query = line.rstrip("\r\n")
        if not query.strip():
            continue
        started = time.perf_counter()
        try:
            results = _search(library, query, args)
        except QuerySyntaxError as error:
            row = {
                "query": query,
                "error": str(error),
                "elapsed_ms": round((time.perf_counter() - started) * 1000, 2),
            }
            status = 2
        else:
            elapsed = time.perf_counter() - started
            row = {
                "query": query,
                "hits": results.total,
                "results": [_result_row(h) for h in results.hits],
                "elapsed_ms": round(elapsed * 1000, 2),
            }
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return status


def run_search(argv: list[str]) -> int:
    if "--batch" in argv:
        return run_batch(_search_parser(batch=True).parse_args(argv))
    parser = _search_parser(batch=False)
    if argv and argv[0].split("=", 1)[0] not in _SEARCH_OPTIONS:
        # The query comes first and may start with "-" ("-tariffs"): argparse must not read it as an
        # option.
        args = parser.parse_args(["-", *argv[1:]])
        args.query = argv[0]
    else:
        args = parser.parse_args(argv)
    from search import QuerySyntaxError

    library = _open_library(args)
    try:
        results = _search(library, args.query, args)
    except QuerySyntaxError as error:
        print(f"newsreader: bad query: {error}", file=sys.stderr)
        return 2
    for hit in results.hits:
        if args.json:
            print(json.dumps(_result_row(hit), ensure_ascii=False))
        else:
            print(
                f"{hit.score:7.2f}  {hit.article.title}\n         {hit.article.display_path}\n    "
                f"     {hit.snippet.text}"
            )
    if not args.json:
        print(counted(results.total, "result"), file=sys.stderr)
    return 0 if results.total else 1


def run_extract(argv: list[str]) -> int:
    _extract_parser().parse_args(argv)
    from search import extract

    status = 0
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        doc_id = None
        try:
            doc = json.loads(line)
            doc_id = doc.get("id")
            text = doc["text"]
            reference = dt.date.fromisoformat(doc["reference"]) if doc.get("reference") else None
            row = extract(str(text), reference).as_json(doc_id)
        except Exception as error:  # one bad line costs that line, never the rest of the stream
            # (RecursionError for deeply nested JSON, OverflowError for dates past the year 9999)
            problem = f"line {number}: {type(error).__name__}: {error}"
            print(f"newsreader extract: {problem}", file=sys.stderr)
            row = {"id": doc_id if isinstance(doc_id, str | int) else None, "error": problem}
            status = 1
        sys.stdout.write(_json_line(row))
        sys.stdout.flush()
    return status


def _json_line(row: dict[str, object]) -> str:
    """One JSON line; text that is not valid Unicode (a lone surrogate) is written escaped."""
    line = json.dumps(row, ensure_ascii=False) + "\n"
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(row) + "\n"
    return line


def run_config(argv: list[str]) -> int:
    argparse.ArgumentParser(
        prog="newsreader config",
        description="Print where the settings file is and the settings in effect.",
    ).parse_args(argv)
    from dataclasses import asdict

    from search import config_path, load_settings

    settings, problems = load_settings()
    for problem in problems:
        print(f"newsreader: {problem}", file=sys.stderr)
    written = "" if config_path().exists() else " (not written yet: the defaults)"
    print(f"# {config_path()}{written}")
    for key, value in asdict(settings).items():
        if value is None:
            print(f"# {key}: Textual's default")
        elif key != "keymap":
            print(f"{key} = {json.dumps(value)}")
    print("\n[keymap]")
    for binding, keys in settings.keymap.items():
        print(f"{binding} = {json.dumps(keys)}")
    return 2 if problems else 0


def run_app(argv: list[str]) -> int:
    args = _app_parser().parse_args(argv)
    from .app import NewsReaderApp

    app = NewsReaderApp(_library(args))
    app.run()
    return app.return_code or 0


def _feeds_command(name: str):
    """A feeds command, imported when it runs: only they load the HTTP and XML libraries."""

    def run(argv: list[str]) -> int:
        from . import feeds_cli

        return getattr(feeds_cli, name)(argv)

    return run


def _stories_command(argv: list[str]) -> int:
    from .stories_cli import run_stories

    return run_stories(argv)


def _state_command(argv: list[str]) -> int:
    from .state_cli import run_state

    return run_state(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    commands = {
        "search": run_search,
        "extract": run_extract,
        "config": run_config,
        "feed": _feeds_command("run_feed"),
        "fetch": _feeds_command("run_fetch"),
        "add-page": _feeds_command("run_add_page"),
        "state": _state_command,
        "stories": _stories_command,
    }
    try:
        if argv and argv[0] in commands:
            return commands[argv[0]](argv[1:])
        return run_app(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
