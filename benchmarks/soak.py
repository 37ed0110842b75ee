#!/usr/bin/env python3
"""Soak test: run the reader headless for a while with random keys, queries, resizes and file
changes.

The corpus mixes good articles with bad files (binary, empty, oversized, broken and looping links,
a FIFO, names that are not UTF-8, hostile markup and escape sequences), and the articles change
while the reader runs. At the end it prints the number of errors (app crashes and failed actions)
and checks that the index holds every good article.

    python benchmarks/soak.py --minutes 10 [--seed 1]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

from search import Library, StateStore, bundled_seeds_dir
from search.sources.files import MAX_FILE_BYTES
from tui.app import NewsReaderApp

KEYS = [
    "j",
    "k",
    "down",
    "up",
    "enter",
    "n",
    "N",
    "s",
    "i",
    "tab",
    "shift+tab",
    "escape",
    "space",
    "pageup",
    "pagedown",
    "home",
    "end",
    "r",
]
SCREENS = ["question_mark", "p", "ctrl+p"]
QUERIES = [
    "Pelosi",
    "talks",
    '"Group of Two"',
    'person:"Pete Hegseth"',
    "date:[2025-10-01 TO 2025-12-31]",
    "Hegseht~2",
    "talk*",
    "zebra OR lemur",
    "NOT Taiwan",
    '"unclosed',
    "(talks",
    "date:yesterday",
    "foo:bar",
    "AND",
    "title:",
    "[bold]x[/bold]",
    "\x1b[31m",
    "🙂 emoji",
    "a" * 300,
    "",
]
HOSTILE = (
    "Hostile [bold red]Markup[/] And [@click=app.quit]Quit[/] Story\n"
    "Text with [link=https://example.com]a link[/link], \x1b]0;title\x07 and \x1b[2J escapes, "
    "\u202eRTL override, zero\u200bwidth, and a long word " + "x" * 100_000 + ".\n"
)


def build_corpus(folder: Path, rng: random.Random) -> None:
    folder.mkdir(parents=True)
    seeds = sorted(bundled_seeds_dir().glob("*.txt"))
    words = [
        "talks",
        "summit",
        "minister",
        "officials",
        "agreed",
        "trade",
        "tariffs",
        "navy",
        "drills",
        "election",
        "vote",
        "market",
    ]
    for n in range(120):
        body = " ".join(rng.choice(words) for _ in range(150))
        (folder / f"story-{n:03d}.txt").write_text(
            f"Story {n} About {rng.choice(words).title()} Today\n{body}.\n"
        )
    for seed in seeds:
        shutil.copyfile(seed, folder / seed.name)
    (folder / "hostile.txt").write_text(HOSTILE)
    (folder / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (folder / "empty.txt").write_text("")
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(MAX_FILE_BYTES * 3)
    os.symlink(folder / "missing.txt", folder / "broken.txt")
    os.symlink(folder / "loop-a.txt", folder / "loop-b.txt")
    os.symlink(folder / "loop-b.txt", folder / "loop-a.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / os.fsdecode(b"bad\xffname.txt")).write_text(
        "Badgers Under The Railway Line\nBadgers dug.\n"
    )
    (folder / "latin1.txt").write_bytes(
        "Café Story In Latin One Today\nLe café.\n".encode("latin-1")
    )


def good_articles(folder: Path) -> int:
    library = Library([folder], Path(tempfile.mkdtemp(prefix="soak-check-")))
    library.update()
    return library.search("", limit=None).total


def change_files(folder: Path, rng: random.Random, step: int) -> None:
    stories = sorted(folder.glob("story-*.txt"))
    action = rng.choice(["add", "edit", "delete"])
    if action == "add" or not stories:
        (folder / f"added-{step}.txt").write_text(
            f"Added Story Number {step} Arrives\nFresh text {step}.\n"
        )
    elif action == "edit":
        with open(rng.choice(stories), "a") as handle:
            handle.write(f"\nAn edit at step {step}.\n")
    else:
        rng.choice(stories).unlink()


async def one_session(
    corpus: Path,
    index_dir: Path,
    data: Path,
    rng: random.Random,
    deadline: float,
    counts: dict[str, int],
) -> None:
    app = NewsReaderApp(Library([corpus], index_dir, state=StateStore(data / "state.sqlite")))
    size = (rng.randint(20, 200), rng.randint(4, 60))
    async with app.run_test(size=size) as pilot:
        while time.monotonic() < deadline and app.is_running:
            roll = rng.random()
            try:
                if roll < 0.55:
                    await pilot.press(rng.choice(KEYS))
                elif roll < 0.75:
                    await pilot.press("slash", "ctrl+a", "ctrl+k")
                    query = rng.choice(QUERIES)
                    await pilot.press(
                        *[c for c in query if c.isprintable() and c != " "] or ["enter"]
                    )
                    await pilot.press("enter")
                elif roll < 0.85:
                    await pilot.press(rng.choice(SCREENS))
                    await pilot.pause(0.05)
                    await pilot.press(*rng.choice([["escape"], ["j", "enter"], ["down", "escape"]]))
                    if len(app.screen_stack) > 1:
                        await pilot.press("escape")
                elif roll < 0.95:
                    await pilot.resize_terminal(rng.randint(10, 220), rng.randint(2, 70))
                else:
                    change_files(corpus, rng, counts["actions"])
                    await pilot.press("r")
                counts["actions"] += 1
                await pilot.pause(rng.choice([0, 0, 0.01, 0.05]))
            except Exception:  # an action that failed is an error; the session goes on
                counts["errors"] += 1
                traceback.print_exc()
        await pilot.pause(0.5)


async def soak(minutes: float, seed: int) -> int:
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="newsreader-soak-"))
    corpus, index_dir, data = work / "corpus", work / "index", work / "data"
    build_corpus(corpus, rng)
    counts = {"actions": 0, "errors": 0, "sessions": 0}
    deadline = time.monotonic() + minutes * 60
    while time.monotonic() < deadline:
        counts["sessions"] += 1
        session_end = min(deadline, time.monotonic() + rng.uniform(20, 90))
        try:
            await one_session(corpus, index_dir, data, rng, session_end, counts)
        except Exception:  # the app itself died: an error, and a fresh launch
            counts["errors"] += 1
            traceback.print_exc()
    expected = good_articles(corpus)
    library = Library([corpus], index_dir)
    library.update()
    held = library.search("", limit=None)
    paths = [hit.article.path for hit in held.hits]
    complete = held.total == expected and len(set(paths)) == len(paths)
    print(
        f"soak {minutes:g} min, seed {seed}: {counts['sessions']} launches, {counts['actions']} "
        "actions, "
        f"{counts['errors']} errors; index holds {held.total} of {expected} good articles, "
        f"{len(paths) - len(set(paths))} doubled: {'OK' if complete else 'INCOMPLETE'}"
    )
    shutil.rmtree(work, ignore_errors=True)
    return 0 if counts["errors"] == 0 and complete else 1


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sys.exit(asyncio.run(soak(args.minutes, args.seed)))


if __name__ == "__main__":
    main()
