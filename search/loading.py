"""Find article files under the paths a user gives, and read them without ever failing hard."""
from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .articles import Article, parse_article

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
_SUFFIXES = tuple(ARTICLE_SUFFIXES)  # for str.endswith
MAX_FILE_BYTES = 16 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


class UnreadableFile(Exception):
    """A file that cannot become an article; the message says why, for the user."""


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str


@dataclass(frozen=True)
class FileStamp:
    """What a stat call says about a file: enough to tell whether it changed since it was indexed."""
    path: str
    mtime_ns: int
    size: int


def decode_bytes(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise UnreadableFile(f"invalid {encoding.upper()} text") from error
    if b"\0" in data[:65536]:
        raise UnreadableFile("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # Windows-1252 is what most non-UTF-8 news text on the web turns out to be.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_article(path: str | os.PathLike[str]) -> Article:
    path = os.fspath(path)
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise UnreadableFile(f"too large ({size / 1048576:.0f} MB; the limit is {MAX_FILE_BYTES // 1048576} MB)")
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise UnreadableFile(error.strerror or str(error)) from error
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile("grew too large while being read")
    text = decode_bytes(data)
    if not text.strip():
        raise UnreadableFile("empty file")
    article = parse_article(path, text)
    if not article.paragraphs and article.title == "(untitled)":
        raise UnreadableFile("no readable text")
    return article


def _stamp(path: str, stat_of: Callable[[], os.stat_result] | None = None) -> FileStamp | SkippedFile:
    """A file's stat for the manifest; `stat_of` gives it when a folder listing has it at hand."""
    try:
        info = stat_of() if stat_of else os.stat(path)
    except OSError as error:
        return SkippedFile(path, f"cannot stat: {error.strerror or error}")
    if not stat.S_ISREG(info.st_mode):
        return SkippedFile(path, "not a regular file")
    return FileStamp(path, info.st_mtime_ns, info.st_size)


def discover(paths: list[Path]) -> tuple[list[FileStamp], list[SkippedFile]]:
    """Every article file under `paths` (folders recursively, hidden ones skipped), with its stat."""
    found: dict[str, FileStamp] = {}
    skipped: list[SkippedFile] = []

    def consider(path: str, stat_of: Callable[[], os.stat_result] | None = None) -> None:
        result = _stamp(path, stat_of)
        if isinstance(result, SkippedFile):
            skipped.append(result)
        else:
            found[path] = result

    def walk(folder: str) -> None:
        # os.scandir, not os.walk and pathlib: a catch-up stats every file of a large archive, and
        # this loop is most of its time.
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            skipped.append(SkippedFile(folder, f"cannot read folder: {error.strerror}"))
            return
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path)
            elif name.lower().endswith(_SUFFIXES):
                consider(entry.path, entry.stat)

    for root in paths:
        root_str = os.path.abspath(os.fspath(root))
        if os.path.isdir(root_str):
            walk(root_str)
        elif os.path.lexists(root_str):
            consider(root_str)
        else:
            skipped.append(SkippedFile(os.fspath(root), "no such file or folder"))
    return [found[path] for path in sorted(found)], skipped
