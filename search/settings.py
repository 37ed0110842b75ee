"""Settings from `$XDG_CONFIG_HOME/newsreader/config.toml`: defaults, and clear errors.

A bad value never stops the reader: the problem is reported with its key and line, and that
setting keeps its default. The file is the user's: newsreader only ever rewrites the `theme`
line (when a theme is chosen in the palette), and leaves every other line as written.

    theme = "gruvbox"          # any of Textual's themes
    sort = "date"              # "relevance" or "date": how a search is listed at first
    text_width = 88            # the reading view's longest line, in columns (0: no limit)
    text_align = "center"      # those lines at the left of a wide pane (default) or centred
    density = "compact"        # the article list: "compact" (one line each) or "detailed"
    stories = "grouped"        # a story told by many outlets on one row, or "articles": each alone
    library = ["~/news"]       # folders read with the feeds when newsreader is given no PATH
    engine = "tantivy"         # the index engine: "whoosh" (default) or "tantivy" (an extra)

    [searches]                 # saved searches: a name, and its query (query:NAME refers to it)
    hegseth = 'person:"Pete Hegseth" is:unread'

    [keymap]                   # binding ids (the help screen lists them) to keys
    sort = "o"
    toggle_panel = "f2"
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .engines import DEFAULT_ENGINE, ENGINES
from .paths import config_dir

SORTS = ("relevance", "date")
STORY_ROWS = ("grouped", "articles")
DENSITIES = ("detailed", "compact")
ALIGNMENTS = ("left", "center")
MAX_TEXT_WIDTH = 1000
_KEY_NAME = re.compile(r"^[\w+\-,]+$")


@dataclass(frozen=True)
class Settings:
    theme: str | None = None  # None: Textual's default
    sort: str = "relevance"
    text_width: int = 88
    keymap: dict[str, str] = field(default_factory=dict)
    density: str = "compact"
    stories: str = "grouped"
    library: tuple[str, ...] = ()
    searches: dict[str, str] = field(default_factory=dict)  # saved searches: name -> query
    text_align: str = "left"  # the capped text at the left of a wide reading pane, or "center"
    engine: str = DEFAULT_ENGINE


def config_path() -> Path:
    return config_dir() / "config.toml"


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return None


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """The settings in `path` (the user's config.toml by default), and what was wrong in it."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), []
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), [f"{path}: cannot be read ({error}); using the defaults"]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Settings(), [f"{path}: {error}; using the defaults"]
    problems: list[str] = []

    def problem(key: str, message: str) -> None:
        line = _line_of(text, key.rsplit(".", 1)[-1])
        where = f"{path}, line {line}" if line else str(path)
        problems.append(f"{where}: {key} {message}; using the default")

    values: dict[str, object] = {}
    theme = data.pop("theme", None)
    if theme is not None:
        if isinstance(theme, str) and theme.strip():
            values["theme"] = theme.strip()
        else:
            problem("theme", "must be the name of a theme")
    # The settings that are one of a few words.
    for key, allowed in (
        ("sort", SORTS),
        ("density", DENSITIES),
        ("text_align", ALIGNMENTS),
        ("stories", STORY_ROWS),
        ("engine", ENGINES),
    ):
        chosen = data.pop(key, None)
        if chosen is None:
            continue
        if chosen in allowed:
            values[key] = chosen
        else:
            problem(key, f"must be {' or '.join(repr(a) for a in allowed)}, not {chosen!r}")
    library = data.pop("library", None)
    if library is not None:
        if isinstance(library, list) and all(isinstance(f, str) and f.strip() for f in library):
            values["library"] = tuple(f.strip() for f in library)
        else:
            problem("library", 'must be a list of folders, such as ["~/news"]')
    width = data.pop("text_width", None)
    if width is not None:
        if isinstance(width, int) and not isinstance(width, bool) and 0 <= width <= MAX_TEXT_WIDTH:
            values["text_width"] = width
        else:
            problem("text_width", f"must be a whole number from 0 to {MAX_TEXT_WIDTH}")
    keymap = data.pop("keymap", None)
    if keymap is not None:
        if isinstance(keymap, dict):
            good = {}
            for binding, keys in keymap.items():
                if isinstance(keys, str) and _KEY_NAME.match(keys):
                    good[binding] = keys
                else:
                    problem(f"keymap.{binding}", 'must be keys such as "ctrl+o" or "o,f2"')
            values["keymap"] = good
        else:
            problem("keymap", "must be a table of binding ids and keys")
    searches = data.pop("searches", None)
    if searches is not None:
        if isinstance(searches, dict):
            values["searches"] = {
                str(name): query for name, query in searches.items() if isinstance(query, str)
            }
            for name in (n for n, q in searches.items() if not isinstance(q, str)):
                problem(f"searches.{name}", 'must be a query, such as "person:Hegseth is:unread"')
        else:
            problem("searches", "must be a table of names and queries")
    for unknown in data:
        problem(unknown, "is not a setting newsreader knows")
    return Settings(**values), problems  # type: ignore[arg-type]


def _write(path: Path, text: str) -> None:
    """The config file, whole or not at all (a temporary file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def save_setting(key: str, value: str, path: Path | None = None) -> None:
    """Write `key = "value"` into the config file, changing no other line (the theme chosen in
    the palette, the list density chosen with a key)."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    line = f"{key} = {json.dumps(value)}"
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=.*$", re.M)
    # A new line goes before any table, so that the key stays at the top level of the file.
    text = pattern.sub(line, text, count=1) if pattern.search(text) else line + "\n" + text
    _write(path, text)


def save_search(name: str, query: str, path: Path | None = None) -> None:
    """Write `name = "query"` into the [searches] table, changing no other line: a saved search
    of that name is replaced, and the table is added at the end when there is none."""
    path = path or config_path()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    entry = f"{json.dumps(name)} = {json.dumps(query)}"
    table = next((i for i, line in enumerate(lines) if re.match(r"^\s*\[searches\]", line)), None)
    if table is None:
        lines += ["", "[searches]", entry]
    else:
        end = next(
            (j for j in range(table + 1, len(lines)) if re.match(r"^\s*\[", lines[j])), len(lines)
        )
        key = re.compile(rf"^\s*(?:{re.escape(name)}|{re.escape(json.dumps(name))})\s*=")
        existing = next((j for j in range(table + 1, end) if key.match(lines[j])), None)
        if existing is None:
            lines.insert(end, entry)
        else:
            lines[existing] = entry
    _write(path, "\n".join(lines) + "\n")
