"""Make article text safe to show: data is never markup, and never reaches the terminal raw."""

from __future__ import annotations

import re

# C0 controls other than tab and newline, DEL, and the C1 block (which includes CSI, OSC).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
# Bidi embeddings, overrides, isolates and marks can reorder what the reader sees around them.
_BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Line and paragraph separators end a line in some terminals: a field must stay on its line.
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
FIELD_LIMIT = 500  # characters of one metadata field (an outlet, an author, a link) that are kept
TITLE_LIMIT = 300


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block: ␛ for ESC
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def visible_text(text: str, keep_newlines: bool = True) -> str:
    """Replace control and bidi characters with visible stand-ins; keep everything else."""
    text = _CONTROL.sub(_control_picture, text)
    if not keep_newlines:
        text = text.replace("\n", "\u2424").replace("\t", "\u2409")
    return _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def safe_field(value: object, limit: int = FIELD_LIMIT) -> str:
    """One line of text from outside (a title, an outlet, an author, a link), safe to show: controls
    and bidi characters visible, line breaks folded to spaces, and at most `limit` characters, so
    that a hostile megabyte-long field costs no more than a short one."""
    text = value if isinstance(value, str) else str(value)
    text = text[: limit * 4]  # bound the work before cleaning; replacements only lengthen it
    text = visible_text(_LINE_BREAKS.sub(" ", text.replace("\t", " ")).strip(), keep_newlines=False)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def path_text(path: str) -> str:
    """A file path as valid Unicode: bytes that are not UTF-8 become \\xNN (one path, one text)."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def printable_path(path: str) -> str:
    """A file path fit to show on one line: valid Unicode, controls and newlines made visible."""
    return visible_text(path_text(path), keep_newlines=False)
