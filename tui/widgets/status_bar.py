"""The line at the bottom: what the index is doing, and a progress bar while it indexes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from search import STAGE_ANALYSIS, STAGE_WORDS, IndexProgress

# A large archive is indexed by its words first, then analysed (search/indexing.py).
STAGE_LABELS = {
    STAGE_WORDS: "Indexing words {} · dates and people follow",
    STAGE_ANALYSIS: "Analysing dates and people {} · searching by words works now",
}


class StatusBar(Horizontal):
    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Static(id="index-status")
        self.progress = ProgressBar(id="index-progress", show_eta=False)

    def compose(self) -> ComposeResult:
        yield self.text
        yield self.progress

    def on_mount(self) -> None:
        self.progress.display = False

    def say(self, text: str) -> None:
        if self.text.is_attached:
            self.text.update(Text(text))  # file names and errors: never markup

    def indexing(self, progress: IndexProgress) -> None:
        self.progress.display = True
        self.progress.update(total=progress.total, progress=progress.done)
        counts = f"{progress.done:,}/{progress.total:,}"
        self.say(STAGE_LABELS.get(progress.stage, "Indexing {}").format(counts))

    def indexed(self, text: str) -> None:
        self.progress.display = False
        self.say(text)
