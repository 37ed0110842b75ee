"""Where newsreader keeps derived data, and where the bundled seeds live."""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path

APP_NAME = "newsreader"


def _xdg_dir(variable: str, fallback: str) -> Path:
    value = os.environ.get(variable, "").strip()
    # The XDG spec says relative paths in these variables are invalid and must be ignored.
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / fallback


def cache_dir() -> Path:
    return _xdg_dir("XDG_CACHE_HOME", ".cache") / APP_NAME


def config_dir() -> Path:
    return _xdg_dir("XDG_CONFIG_HOME", ".config") / APP_NAME


def data_dir() -> Path:
    return _xdg_dir("XDG_DATA_HOME", ".local/share") / APP_NAME


def archive_dir() -> Path:
    """The user's archive of fetched feeds and pages: one folder per feed."""
    return data_dir() / "feeds"


def bundled_seeds_dir() -> Path:
    """The sample articles shipped with newsreader (a data-only namespace package, `seeds`)."""
    spec = importlib.util.find_spec("seeds")
    # An editable install adds a path hook entry beside the real folder; take the real folder.
    for location in (spec.submodule_search_locations or []) if spec else []:
        if os.path.isdir(location):
            return Path(location)
    raise FileNotFoundError("the bundled seed articles are missing from this installation")


def corpus_key(roots: list[Path]) -> str:
    """A short name for a set of corpus roots, so each corpus gets its own index."""
    joined = "\n".join(sorted(str(p.resolve()) for p in roots))
    return hashlib.sha256(joined.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def default_index_dir(roots: list[Path]) -> Path:
    return cache_dir() / "indexes" / corpus_key(roots)
