"""Shared fixtures. Tests are self-contained: the corpus they use is the bundled seeds, copied."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from search import Library, bundled_seeds_dir

# In CI the property tests run the same examples every time, so a red build is always reproducible;
# on a developer's machine they keep exploring.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

FIXED_MTIME = 1_750_000_000  # files copied for tests get one mtime, so date order is reproducible


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test touches the real cache or data directory."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    return home


def write_article(folder: Path, name: str, text: str | bytes, mtime: int = FIXED_MTIME) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    os.utime(path, (mtime, mtime))
    return path


@pytest.fixture
def seed_corpus(tmp_path) -> Path:
    """A copy of the five bundled seed articles."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for index, source in enumerate(sorted(bundled_seeds_dir().glob("*.txt"))):
        target = folder / source.name
        shutil.copyfile(source, target)
        os.utime(target, (FIXED_MTIME + index, FIXED_MTIME + index))
    return folder


@pytest.fixture
def seed_library(seed_corpus, tmp_path) -> Library:
    library = Library([seed_corpus], tmp_path / "index")
    library.update()
    yield library
    library.close()
