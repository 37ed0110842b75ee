"""Hard-wrapped text read as running text: a name or a date broken across a line ("David /
Mulford", "figures on / Friday") is one phrase again. The text keeps its length, so every offset
found in it is an offset into the original."""

from __future__ import annotations

import re

WRAPPED_LINE_CHARS = 40  # a line this long that stops mid-sentence was wrapped, not ended
# Text is wrapped at a fixed width, 80 characters at most: a longer line is a paragraph of its own
# ("... in action on the 7th REUTERS/Brian Snyder", then the story goes on).
WRAPPED_LINE_MOST_CHARS = 100
_LINE_BREAK = re.compile(r"(?<=[^\n])\n(?=[^\n])")
_FIGURE = re.compile(r"\d+[.:,]\d+")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’')\]]\s*$")
# A wrapped sentence goes on in lower case; a line that opens with one of these, capitalised, is a
# new sentence after a line that ended without a stop (a photo caption's credit, a byline).
_OPENS_SENTENCE = re.compile(
    r"(?:The|A|An|In|On|At|But|And|It|He|She|They|We|I|This|That|These|Those|There|His|Her|"
    r"Their|Its|Our|For|As|After|When|While|If)\b"
)


def running_text(text: str) -> str:
    """`text` with each single line break inside a wrapped paragraph turned into a space."""
    if "\n" not in text:
        return text
    chars = list(text)
    line_start = 0
    for match in _LINE_BREAK.finditer(text):
        line = text[line_start : match.start()]
        line_start = match.end()
        if (
            not WRAPPED_LINE_CHARS <= len(line) <= WRAPPED_LINE_MOST_CHARS
            or _ENDS_SENTENCE.search(line)
            or _is_heading(line)
            or _FIGURE.search(line)
            or _OPENS_SENTENCE.match(text, line_start)
        ):
            continue  # a short line, the end of a sentence, a title, a row of results or prices
        chars[match.start()] = " "
    return "".join(chars)


def _is_heading(line: str) -> bool:
    """A title, a headline or a dateline: mostly capitalised words."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
