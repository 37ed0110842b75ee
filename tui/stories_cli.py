"""`newsreader stories [PATH ...] [--json]`: the stories of a corpus, one per line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .cli import _common, _open_library
from .wording import counted


def run_stories(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newsreader stories",
        description="Group the articles into stories (the same event told by many outlets) and "
        "print them, largest first; singletons too.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument(
        "--json",
        action="store_true",
        help='one JSON object per story: {"id", "title", "articles": [{"path", "title", '
        '"source", "published"}, ...]}',
    )
    parser.add_argument(
        "--regroup", action="store_true", help="group every article again, from scratch"
    )
    _common(parser)
    args = parser.parse_args(argv)
    library = _open_library(args)
    if args.regroup:
        library.group_stories(regroup=True)
    stories = sorted(library.stories(), key=lambda members: -len(members))
    for members in stories:
        articles = [a for a in map(library.article, members) if a is not None]
        if not articles:
            continue
        story = library.story_of(articles[0].id) or articles[0].id
        if args.json:
            row = {
                "id": story,
                "title": articles[0].title,
                "articles": [
                    {
                        "path": a.display_path,
                        "title": a.title,
                        "source": a.source,
                        "published": a.published.isoformat() if a.published else None,
                    }
                    for a in articles
                ],
            }
            print(json.dumps(row, ensure_ascii=False))
        else:
            outlets = sorted({a.source for a in articles if a.source})
            count = counted(len(articles), "article")
            print(f"{story}  {articles[0].title}  ({count})")
            if outlets:
                print("          " + ", ".join(outlets))
    print(f"{len(stories)} stories", file=sys.stderr)
    return 0
