"""What every engine does with its index folder: claims it, keeps the index in memory when the
folder cannot be written, rebuilds an index of another engine, version or a damaged one with a
notice, and says why an index in use can no longer be read. An engine gives the four steps that
are its own: whether its index is there, opening it (checked), creating it, and one in memory."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Generic, TypeVar

from .. import index_folder
from ..manifest import Manifest, built_by_another_engine

IndexT = TypeVar("IndexT")


class FolderEngine(Generic[IndexT]):
    name: str
    # What opening a damaged index raises, beyond IndexDamaged: engines raise many kinds.
    damage_signs: tuple[type[Exception], ...] = (Exception,)

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self.notices: list[str] = []
        self.in_memory = False
        self._index: IndexT | None = None

    def _index_exists(self) -> bool:
        raise NotImplementedError

    def _open_existing(self) -> IndexT:
        """The index in the folder, opened and checked: raises one of `damage_signs` if damaged."""
        raise NotImplementedError

    def _create(self) -> IndexT:
        raise NotImplementedError

    def _in_memory_index(self) -> IndexT:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def release(self) -> None:
        # Closing a searcher is not enough for tantivy: its index maps the files it has read,
        # which counted 150 MB of a large archive's grouping.
        if not self.in_memory:
            self.close()
            self._index = None

    @property
    def _manifest_path(self) -> Path:
        return self.index_dir / index_folder.MANIFEST

    def _opened(self) -> IndexT:
        """Raises ForeignIndexFolder when the folder holds files that are not newsreader's."""
        if self._index is not None:
            return self._index
        try:
            index_folder.claim(self.index_dir)
            probe = self.index_dir / f".probe-{os.getpid()}"
            probe.write_bytes(b"\0" * 4096)
            probe.unlink()
            self._index = self._open_or_create()
        except (OSError, ValueError) as error:  # tantivy says a disk error with a ValueError
            # No place to keep the index (read-only, full, not a folder): keep it in memory.
            self.notices.append(
                f"Cannot write the index at {self.index_dir} "
                f"({getattr(error, 'strerror', None) or error}); "
                "using a temporary index in memory, rebuilt at each launch."
            )
            self.in_memory = True
            self._index = self._in_memory_index()
        return self._index

    def open(self) -> None:
        self._opened()

    def _open_or_create(self) -> IndexT:
        if made_by := built_by_another_engine(self._manifest_path, self.name):
            self.notices.append(
                f"The index was built by the {made_by} engine; rebuilding it for {self.name}."
            )
            index_folder.clear(self.index_dir)
        elif self._index_exists():
            if not Manifest.is_current(self._manifest_path, self.name):
                self.notices.append(
                    "The index was made by another version of newsreader; rebuilding it."
                )
            else:
                try:
                    return self._open_existing()
                except self.damage_signs as error:
                    self.notices.append(
                        f"The index was damaged ({type(error).__name__}: {error}); rebuilding it."
                    )
            index_folder.clear(self.index_dir)
        index = self._create()
        Manifest(self.name).save(self._manifest_path)
        return index

    def damage(self) -> str | None:
        if self.in_memory:
            return None
        if not (self.index_dir / index_folder.MARKER).exists():
            return "The index folder was removed while newsreader was running"
        try:
            self._open_existing()
        except self.damage_signs as error:
            return f"The index was damaged ({type(error).__name__})"
        return None

    def rebuild(self, reason: str) -> None:
        self.notices.append(f"{reason}; rebuilding the index.")
        self.close()
        self._index = None
        if self.in_memory:
            self._index = self._in_memory_index()
            return
        try:
            if self.index_dir.is_dir():
                index_folder.clear(self.index_dir)
        except OSError:
            pass
        self.open()
