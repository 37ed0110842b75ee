"""Leaving the reader for an article: open its web address in the browser (a file without one
in $PAGER), or copy the address (or path) to the clipboard."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import webbrowser

from textual.app import SuspendNotSupported

from search import SearchHit

from .screens.links import LinksScreen

_URL = re.compile(r"https?://[^\s<>\"]+")


def _viewer() -> list[str]:
    """$PAGER, else less, else the system's viewer for the file."""
    if os.environ.get("PAGER"):
        return shlex.split(os.environ["PAGER"])
    for program in ("less", "xdg-open", "open"):
        if shutil.which(program):
            return [program]
    return ["more"]


class Leaving:
    """The app's part that hands an article to other programs (mixed into NewsReaderApp)."""

    def _current_hit(self) -> SearchHit | None:
        return self.open_hit or self.article_list.highlighted_hit()

    def action_open_article(self) -> None:
        hit = self._current_hit()
        if hit is not None:
            self._open(hit.article.url, hit.article.path)

    def _open(self, url: str, path: str = "") -> None:
        try:
            with self.suspend():  # a browser or pager in this terminal gets it whole
                if url:
                    opened = webbrowser.open(url)
                else:
                    opened = subprocess.run([*_viewer(), path]).returncode == 0
        except SuspendNotSupported:
            self.notify("Cannot hand the terminal to another program here.", severity="warning")
            return
        except OSError as error:
            self.notify(f"Could not open it: {error}", severity="warning")
            return
        if not opened:
            self.notify("No browser was found to open it.", severity="warning")

    def action_copy_link(self) -> None:
        hit = self._current_hit()
        if hit is None:
            return
        link = hit.article.url or hit.article.display_path
        self.copy_to_clipboard(link)
        self.notify(f"Copied {link}", timeout=3)

    def action_links(self) -> None:
        hit = self._current_hit()
        if hit is None:
            return
        found = [hit.article.url] if hit.article.url else []
        for match in _URL.finditer(hit.article.body):
            link = match.group().rstrip(".,;:!?)]}'\"”’")
            if link not in found:
                found.append(link)

        def chosen(link: str | None) -> None:
            if link:
                self._open(link)

        self.push_screen(LinksScreen(found), chosen)
