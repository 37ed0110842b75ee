"""Words the reader's messages share."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """'1 article', '2,224 articles': a count and its noun, in the plural unless it is one."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
