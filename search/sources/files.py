"""Find article files under the paths a user gives, and read them without ever failing hard."""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..text.articles import Article, parse_article

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ".html", ".htm"})
_PAGE_SUFFIXES = (".html", ".htm")
_SUFFIXES = tuple(ARTICLE_SUFFIXES)  # for str.endswith
MAX_FILE_BYTES = 16 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class UnreadableFile(Exception):
    """A file that cannot become an article; the message says why, for the user."""

    def __init__(self, reason: str, retry: bool = False) -> None:
        super().__init__(reason)
        self.retry = retry  # the system refused (permission, I/O): try again at the next scan


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str
    retry: bool = False  # not remembered as skipped: read again at the next scan


@dataclass(frozen=True)
class FileStamp:
    """What a stat call says about a file: enough to tell whether it changed since indexed."""

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
                raise UnreadableFile(
                    f"too large ({size / 1048576:.0f} MB; "
                    f"the limit is {MAX_FILE_BYTES // 1048576} MB)"
                )
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise UnreadableFile(error.strerror or str(error), retry=True) from error
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile("grew too large while being read")
    text = decode_bytes(data)
    if not text.strip():
        raise UnreadableFile("empty file")
    if path.lower().endswith(_PAGE_SUFFIXES):
        # Imported here: lxml and trafilatura load only for a corpus that holds web pages.
        from .web import UnreadablePage, page_document, read_page

        try:
            text = page_document(read_page(text))
        except UnreadablePage as error:
            raise UnreadableFile(str(error)) from None
    article = parse_article(path, text)
    if not article.paragraphs and article.title == "(untitled)":
        raise UnreadableFile("no readable text")
    return article


Listing = dict[str, list[int]]  # a folder's article files: name -> [mtime_ns, size]


@dataclass
class Discovery:
    """What a scan of the user's paths found."""

    # The article files found, folder by folder: a catch-up compares a folder's listing with the
    # manifest's in one step, and looks at its files one by one only when the two differ.
    folders: dict[str, Listing] = field(default_factory=dict)
    skipped: list[SkippedFile] = field(default_factory=list)
    # Folders that could not be listed this time (unmounted, removed, no permission): the articles
    # indexed from them are kept, not taken for deleted.
    unavailable: list[str] = field(default_factory=list)

    @property
    def stamps(self) -> list[FileStamp]:
        """Every article file found, by path."""
        found = [
            FileStamp(os.path.join(folder, name), *stamp)
            for folder, listing in self.folders.items()
            for name, stamp in listing.items()
        ]
        return sorted(found, key=lambda stamp: stamp.path)

    def add(self, folder: str, name: str, stamp: list[int] | SkippedFile) -> None:
        """A file found in `folder`, with its stamp or why it cannot be read."""
        if isinstance(stamp, SkippedFile):
            self.skipped.append(stamp)
        else:
            self.folders.setdefault(folder, {})[name] = stamp


def _stamp(path: str, stat_of: Callable[[], os.stat_result]) -> list[int] | SkippedFile:
    """A file's [mtime_ns, size] for the manifest, or why it cannot be read."""
    try:
        info = stat_of()
    except OSError as error:
        return SkippedFile(path, f"cannot stat: {error.strerror or error}")
    if not stat.S_ISREG(info.st_mode):
        return SkippedFile(path, "not a regular file")
    return [info.st_mtime_ns, info.st_size]


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def discover(paths: list[Path]) -> Discovery:
    """Every article file under `paths` (folders recursively, hidden ones skipped), with its stat.

    A link to a file is followed only when it leads inside one of the given folders: a link to
    /etc/passwd in a news folder is no article. A file or link given by name is always read.
    Folders are walked with a stack, not recursion, so no depth of nesting can stop the scan.
    """
    result = Discovery()
    roots = [os.path.abspath(os.fspath(root)) for root in paths]
    real_roots = [os.path.realpath(root) for root in roots if os.path.isdir(root)]

    def leads_inside(path: str) -> bool:
        target = os.path.realpath(path)
        return any(_inside(target, root) for root in real_roots)

    def walk(top: str) -> None:
        pending = [top]
        while pending:
            folder = pending.pop()
            # os.scandir, not os.walk and pathlib: a catch-up stats every file of a large archive,
            # and this loop is most of its time.
            try:
                with os.scandir(folder) as scan:
                    entries = list(scan)
            except OSError as error:
                result.unavailable.append(folder)
                reason = f"cannot read folder: {error.strerror or error}"
                result.skipped.append(SkippedFile(folder, reason))
                continue
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                # Links to folders are not followed: they could loop, or list files twice.
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                elif not name.lower().endswith(_SUFFIXES):
                    continue
                elif entry.is_symlink() and not leads_inside(entry.path):
                    result.skipped.append(SkippedFile(entry.path, "link leads outside the folder"))
                else:
                    result.add(folder, name, _stamp(entry.path, entry.stat))

    for root, given in zip(roots, paths):
        if os.path.isdir(root):
            walk(root)
        elif os.path.lexists(root):
            result.add(*os.path.split(root), _stamp(root, partial(os.stat, root)))
        else:
            result.unavailable.append(root)
            result.skipped.append(SkippedFile(os.fspath(given), "no such file or folder"))
    return result
