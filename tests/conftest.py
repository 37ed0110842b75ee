"""Shared fixtures. Tests are self-contained: the corpus they use is the bundled seeds, copied."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest
from hypothesis import settings

from search import ENGINES, Library, bundled_seeds_dir

# In CI the property tests run the same examples every time, so a red build is always reproducible;
# on a developer's machine they keep exploring.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# Files copied for tests get one mtime, so date order is reproducible: 2026-01-01, after every
# day the seeds name (an article is never dated after the day its file was saved).
FIXED_MTIME = 1_767_225_600


@pytest.fixture(autouse=True)
def no_internet(monkeypatch):
    """No test reaches the internet: a name other than the loopback address does not resolve."""
    resolve = socket.getaddrinfo

    def loopback_only(host, *args, **kwargs):
        if host not in ("127.0.0.1", "localhost", "::1", None):
            raise socket.gaierror(socket.EAI_NONAME, f"tests stay on the loopback address ({host})")
        return resolve(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test touches the real cache or data directory."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    return home


@pytest.fixture(params=ENGINES)
def engine(request, isolated_user_dirs) -> str:
    """The test runs against each index engine, chosen as a user chooses one: in config.toml."""
    config = isolated_user_dirs / "config" / "newsreader"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(f'engine = "{request.param}"\n', encoding="utf-8")
    return request.param


def write_article(folder: Path, name: str, text: str | bytes, mtime: int = FIXED_MTIME) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    os.utime(path, (mtime, mtime))
    return path


def _copy_seeds(folder: Path) -> Path:
    folder.mkdir()
    for index, source in enumerate(sorted(bundled_seeds_dir().glob("*.txt"))):
        target = folder / source.name
        shutil.copyfile(source, target)
        os.utime(target, (FIXED_MTIME + index, FIXED_MTIME + index))
    return folder


@pytest.fixture
def seed_corpus(tmp_path) -> Path:
    """A copy of the five bundled seed articles."""
    return _copy_seeds(tmp_path / "corpus")


@pytest.fixture(scope="session")
def _indexed_seeds(tmp_path_factory) -> tuple[Path, Path]:
    """The seeds and their index, built once per test run."""
    base = tmp_path_factory.mktemp("indexed-seeds")
    corpus = _copy_seeds(base / "corpus")
    library = Library([corpus], base / "index", catch_up_here=True)
    library.update()
    library.close()
    return corpus, base / "index"


@pytest.fixture
def indexed_seed_corpus(_indexed_seeds, tmp_path) -> Path:
    """The seeds, shared by the tests that only read them, with a copy of their index already
    built at `tmp_path / "index"`: the app opens it and finds nothing to catch up."""
    corpus, index = _indexed_seeds
    shutil.copytree(index, tmp_path / "index")
    return corpus


@pytest.fixture
def seed_library(seed_corpus, tmp_path) -> Library:
    library = Library([seed_corpus], tmp_path / "index")
    library.update()
    yield library
    library.close()
