"""Turn raw article text into the paragraphs a reader wants: the story, without the page furniture.

The rules are deliberately general (they meet text from many outlets): hard-wrapped lines are
joined, sign-up blurbs, legal disclaimers, "most popular" link lists, comment stubs and
separator lines are dropped, and a paragraph repeated later in the text is kept once.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

_TERMINAL = re.compile(r"""[.!?:;"'”’)\]]\s*$""")
_INDENTED = re.compile(r"^(?:\t| {2,})\S")
_SEPARATOR = re.compile(r"^[\s\-–—_*=~•·.]*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-–—*•]|\d+[.)])\s+")

# A paragraph that is page furniture on its own.
_FURNITURE = re.compile(
    r"""^(?:
        (?:©|\(c\)|copyright\b).{0,120}
      | (?:no|\d+|view|show|leave\s+a|add\s+a|read)?\s*comments?\s*(?:\(\d+\))?
      | advertisement | sponsored(?:\s+content)? | share(?:\s+this(?:\s+(?:article|story))?)?
      | (?:click|tap)\s+here\b.{0,80}
      | get\s+(?:breaking|the\s+latest|daily|our)\b.{0,60}
      | (?:sign\s+up|subscribe)\b.{0,200}
      | .{0,160}\b(?:sign\s+up|subscribe)\b.{0,80}\b(?:newsletter|alerts?|emails?|inbox|updates)\b.{0,120}
      | (?:go\s+deeper|common\s+questions?|more\s+on\s+these\s+topics|related\s+topics)
    )[.:!]?$""",
    re.IGNORECASE | re.VERBOSE,
)

# A heading that introduces something which is not the story, up to the next prose paragraph.
_FURNITURE_HEADING = re.compile(
    r"""^(?:legal\s+)?disclaimer | most\s+(?:popular|read|viewed|shared)(?:\s+(?:stories|articles|news))?
      | related(?:\s+(?:stories|articles|coverage|content|news|links))? | (?:read|see)\s+(?:more|also)
      | more\s+(?:stories|from\b.{0,40}) | you\s+(?:may|might)\s+also\s+like | trending(?:\s+now)?
      | recommended(?:\s+(?:stories|for\s+you))? | top\s+stories""",
    re.IGNORECASE | re.VERBOSE,
)


_OPEN_ENDING = re.compile(
    r"\b(?:on|in|at|of|to|the|a|an|and|or|but|for|by|with|from|that|than|as|into|about|its|his|"
    r"her|their|our|said|says)$"
)


@dataclass(frozen=True)
class CleanText:
    paragraphs: tuple[str, ...]
    dropped: int  # how many paragraphs were removed as furniture or repeats


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs from raw text: blank lines and indents separate them, wrapped lines are joined."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        longest = max(len(line) for line in lines)
        # Hard-wrapped text (wire copy, plain-text mail) has every line near one fixed width.
        near_width = sum(len(line) >= 0.7 * longest for line in lines[:-1])
        hard_wrapped = (
            len(lines) >= 3 and 40 <= longest <= 100 and near_width >= 0.6 * (len(lines) - 1)
        )
        current = lines[0].strip()
        for previous, line in itertools.pairwise(lines):
            stripped = line.strip()
            starts_new = bool(_INDENTED.match(line) or _LIST_ITEM.match(line))
            if hard_wrapped:
                ended_short = bool(_TERMINAL.search(previous)) and len(previous) < 0.6 * longest
                continues = not starts_new and not ended_short
            else:
                # A line that stops on "on" or "the" goes on, whatever case the next one opens
                # with: "figures on / Friday."
                continues = (
                    not starts_new
                    and not _TERMINAL.search(previous)
                    and (stripped[:1].islower() or bool(_OPEN_ENDING.search(previous)))
                )
            if continues:
                current = f"{current} {stripped}"
            else:
                paragraphs.append(current)
                current = stripped
        paragraphs.append(current)
    return paragraphs


def _is_prose(paragraph: str) -> bool:
    return (
        len(paragraph.split()) >= 12
        and bool(_TERMINAL.search(paragraph))
        and not _LIST_ITEM.match(paragraph)
    )


def _fingerprint(paragraph: str) -> str:
    return re.sub(r"\W+", " ", paragraph.casefold()).strip()


# A news agency's sign-off after the last sentence ("... said.  REUTER"): furniture, not text.
_SIGN_OFF = re.compile(
    r"(?:(?<=[.!?)\]\"”’])|^)\s*(?:REUTERS?|Reuters?|AP|AFP|UPI|XINHUA|Xinhua|DPA|KYODO|Kyodo)\s*$"
)


def clean_paragraphs(paragraphs: list[str]) -> CleanText:
    kept: list[str] = []
    seen: set[str] = set()
    in_furniture = False
    owns_next_prose = False  # a disclaimer heading is followed by the disclaimer itself
    for paragraph in paragraphs:
        stripped = paragraph.strip()
        heading = stripped.rstrip(":").strip()
        if _FURNITURE_HEADING.fullmatch(heading):
            in_furniture = True
            owns_next_prose = "disclaimer" in heading.lower()
            continue
        if in_furniture:
            if not _is_prose(stripped):
                continue
            if owns_next_prose:
                owns_next_prose = False
                continue
            in_furniture = False
        if _SEPARATOR.match(stripped) or _FURNITURE.match(stripped):
            continue
        key = _fingerprint(stripped)
        if len(key) >= 30 and key in seen:
            continue
        seen.add(key)
        kept.append(stripped)
    if kept:
        last = _SIGN_OFF.sub("", kept[-1]).rstrip()
        kept[-1:] = [last] if last else []
    return CleanText(tuple(kept), len(paragraphs) - len(kept))
