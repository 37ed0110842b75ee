"""Which articles the reader has opened, kept in the user's data directory across sessions."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .paths import data_dir


class ReadingState:
    """A set of article ids read; a damaged or unwritable file never stops the reader."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "read.json"
        self.read: set[str] = set()
        self.error: str | None = None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.read = {str(i) for i in data.get("read") or []}
        except FileNotFoundError:
            pass
        except (OSError, ValueError, AttributeError, TypeError, RecursionError) as error:
            self.error = f"reading state could not be read ({error}); starting afresh"

    def mark_read(self, article_id: str) -> None:
        if article_id in self.read:
            return
        self.read.add(article_id)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            temporary.write_text(json.dumps({"read": sorted(self.read)}), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError as error:
            self.error = f"reading state could not be saved ({error})"
