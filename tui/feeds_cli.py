"""`newsreader feed ...`, `newsreader fetch` and `newsreader add-page`: subscriptions and fetching
from the command line (and from cron)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from search import FeedResult, Feeds, FetchBusy, SourceError, printable_path

from .wording import counted


def _say_error(message: str) -> None:
    print(f"newsreader: {message}", file=sys.stderr)


def _when(iso: str) -> str:
    if not iso:
        return "never"
    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def _feed_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsreader feed", description="Manage subscriptions.")
    verbs = parser.add_subparsers(dest="verb", required=True)
    add = verbs.add_parser("add", help="subscribe to a feed, or to the feed a web page names")
    add.add_argument("url")
    add.add_argument("--name", help="what to call it (default: the feed's title)")
    add.add_argument(
        "--full-text", action="store_true", help="fetch every entry's page for its whole text"
    )
    verbs.add_parser("list", help="each feed's last fetch, status and article count")
    remove = verbs.add_parser("remove", help="unsubscribe (the articles stay)")
    remove.add_argument("feed", metavar="NAME|URL")
    remove.add_argument("--delete-articles", action="store_true", help="delete them too")
    imported = verbs.add_parser("import", help="subscribe to every feed of an OPML file")
    imported.add_argument("file", type=Path)
    verbs.add_parser("export", help="print the subscriptions as OPML")
    return parser


def run_feed(argv: list[str]) -> int:
    args = _feed_parser().parse_args(argv)
    feeds = Feeds()
    try:
        if args.verb == "add":
            subscription, feed = feeds.add(args.url, args.name, args.full_text)
            newest = max((e.published for e in feed.entries if e.published), default=None)
            print(
                f"Subscribed to {subscription.name} ({subscription.url}): "
                f"{len(feed.entries)} {'entry' if len(feed.entries) == 1 else 'entries'}"
                + (f", the newest of {newest:%Y-%m-%d}" if newest else "")
                + ". `newsreader fetch` stores them."
            )
        elif args.verb == "list":
            _list(feeds)
        elif args.verb == "remove":
            subscription, deleted = feeds.remove(args.feed, args.delete_articles)
            kept = (
                f"{counted(deleted, 'article')} deleted"
                if args.delete_articles
                else "its articles kept"
            )
            print(f"Unsubscribed from {subscription.name} ({kept}).")
        elif args.verb == "import":
            try:
                data = args.file.read_bytes()
            except OSError as error:
                _say_error(f"{args.file}: {error.strerror or error}")
                return 1
            added, present = feeds.import_opml(data)
            print(f"{len(added)} feeds added, {len(present)} already subscribed.")
        else:
            sys.stdout.write(feeds.export_opml())
    except SourceError as error:
        _say_error(str(error))
        return 1
    return 0


def _list(feeds: Feeds) -> None:
    statuses = feeds.statuses()
    if not statuses:
        print("No subscriptions yet: newsreader feed add URL")
        return
    for status in statuses:
        state = status.state
        outcome = state.status or "not fetched yet"
        if state.error:
            outcome += f": {state.error}"
        print(f"{status.subscription.name}\n  {status.subscription.url}")
        count = counted(status.articles, "article")
        print(f"  last fetch {_when(state.fetched_at)} · {outcome} · {count}")


def _report(result: FeedResult) -> None:
    name = result.subscription.name
    if result.failed:
        _say_error(f"{name}: {result.error}")
        return
    changes = f"{result.new} new, {result.updated} updated" if result.status == "fetched" else ""
    print(f"{name}: {result.status}" + (f" ({changes})" if changes else ""))
    for note in result.notes:  # the feed was fetched: a note, not a failure (cron stays quiet)
        print(f"{name}: {note}")
    if result.moved_to:
        print(f"{name}: moved for good to {result.moved_to} (feeds.toml updated)")


def run_fetch(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newsreader fetch",
        description="Fetch every subscribed feed (or the named ones) into the archive. Exits 1 "
        "when a feed failed, with one line for each on stderr.",
    )
    parser.add_argument("feeds", nargs="*", metavar="NAME")
    args = parser.parse_args(argv)
    try:
        results = Feeds().fetch(args.feeds or None, lambda result, _done, _total: _report(result))
    except FetchBusy as error:
        _say_error(str(error))
        return 1
    except SourceError as error:
        _say_error(str(error))
        return 1
    if not results:
        print("No subscriptions yet: newsreader feed add URL")
    return 1 if any(result.failed for result in results) else 0


def run_add_page(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newsreader add-page", description="Save one web page into the archive."
    )
    parser.add_argument("url")
    args = parser.parse_args(argv)
    try:
        path, title = Feeds().add_page(args.url)
    except SourceError as error:
        _say_error(str(error))
        return 1
    print(f"Saved {title or args.url} to {printable_path(str(path))}")
    return 0
