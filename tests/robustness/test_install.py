"""What users install: the wheel holds every data file, and no code from the current folder runs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("search", "tui", "seeds")


@pytest.mark.slow
def test_the_wheel_ships_every_data_file(tmp_path):
    source = tmp_path / "source"
    for name in (*PACKAGES, "pyproject.toml", "README.md"):
        copy = shutil.copytree if (REPO / name).is_dir() else shutil.copy
        copy(
            REPO / name,
            source / name,
            **({"ignore": shutil.ignore_patterns("__pycache__")} if (REPO / name).is_dir() else {}),
        )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next((tmp_path / "dist").glob("newsreader-*.whl"))
    shipped = set(zipfile.ZipFile(wheel).namelist())
    data_files = [
        path.relative_to(source).as_posix()
        for package in PACKAGES
        for path in (source / package).rglob("*")
        if path.is_file() and path.suffix != ".py"
    ]
    assert "search/extractors/resources/person_model.json.gz" in data_files
    assert [f for f in data_files if f not in shipped] == []


def test_the_indexer_never_imports_code_from_the_current_folder(seed_corpus, tmp_path):
    user = tmp_path / "user"
    (user / "search").mkdir(parents=True)
    (user / "search" / "__init__.py").write_text('open("HOSTILE_CODE_RAN", "w").write("ran")\n')
    newsreader = Path(sys.executable).with_name("newsreader")
    result = subprocess.run(
        [
            str(newsreader),
            "search",
            "Pelosi",
            str(seed_corpus),
            "--json",
            "--index-dir",
            str(tmp_path / "index"),
        ],
        cwd=user,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert not (user / "HOSTILE_CODE_RAN").exists()
    assert result.returncode == 0, result.stderr
    assert len([json.loads(line) for line in result.stdout.splitlines()]) == 3
