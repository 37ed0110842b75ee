"""The folder an index lives in: marked as newsreader's, refused when it holds someone else's files,
checked for damage when opened, and cleared of nothing but what newsreader wrote there."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

MARKER = ".newsreader-index"
MARKER_TEXT = "This folder holds a newsreader search index. newsreader may delete what is in it.\n"
MANIFEST = "manifest.sqlite"
LEGACY_MANIFEST = "manifest.json"  # what newsreader kept before the SQLite manifest
INCOMING_PREFIX = ".incoming-"
# Names that newsreader and its engines write into an index folder (tantivy keeps its own folder).
_OWN_PREFIXES = (
    "MAIN_",
    "_MAIN_",
    INCOMING_PREFIX,
    ".probe-",
    MANIFEST,  # and its -wal and -journal files
    LEGACY_MANIFEST,
    "stories.sqlite",
    "tantivy",
)


class ForeignIndexFolder(Exception):
    """The index folder holds files that newsreader did not write: it will not touch them."""


def _is_own(name: str) -> bool:
    return name == MARKER or name.startswith(_OWN_PREFIXES)


def claim(folder: Path) -> None:
    """Make `folder` newsreader's, or raise ForeignIndexFolder.

    Whoosh removes the files it does not know from its folder at every commit, so an index must
    never share a folder with the user's files: an empty folder is taken and marked, a marked one
    (or an index of an older newsreader, which had no mark) is ours, and anything else is refused.
    """
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / MARKER
    if marker.exists():
        return
    names = os.listdir(folder)
    strangers = [name for name in names if not _is_own(name)]
    legacy_index = (
        not strangers
        and (MANIFEST in names or LEGACY_MANIFEST in names)
        and any(re.fullmatch(r"_MAIN_\d+\.toc", name) for name in names)
    )
    if names and not legacy_index:
        strangers = sorted(strangers or names)
        raise ForeignIndexFolder(
            f"{folder} is not empty and is not a newsreader index (it holds "
            f"{', '.join(strangers[:3])}{' …' if len(strangers) > 3 else ''}); "
            "choose an empty folder for the index"
        )
    marker.write_text(MARKER_TEXT, encoding="utf-8")


def clear(folder: Path) -> None:
    """Remove the index from its folder: only the files newsreader and its engines wrote."""
    for entry in folder.iterdir():
        if entry.name == MARKER or not _is_own(entry.name):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
