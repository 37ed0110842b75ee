"""What a date rule is: a pattern, the trigger that finds where it may match, and the function
that turns a match into a candidate expression."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .context import Candidate

Handler = Callable[[re.Match[str]], Candidate | None]


@dataclass(frozen=True)
class DateRule:
    """One rule of the tagger, callable on a match of its own pattern, as the function it wraps.

    Every match of the rule holds a match of one of its `triggers`, short lower-case patterns found
    in the lower-cased text; `reach` says how far a match may extend before and after one.
    """

    name: str
    triggers: tuple[re.Pattern[str], ...]
    reach: tuple[int, int]
    pattern: re.Pattern[str]
    handler: Handler

    def __call__(self, match: re.Match[str]) -> Candidate | None:
        return self.handler(match)

    def candidates(self, text: str) -> list[Candidate]:
        """What this rule alone finds in `text`, unresolved: for testing one rule by itself."""
        found = (self.handler(match) for match in self.pattern.finditer(text))
        return [candidate for candidate in found if candidate is not None]


def rule(
    pattern: str,
    flags: int = 0,
    *,
    trigger: str | tuple[str, ...],
    reach: tuple[int, int] = (100, 100),
) -> Callable[[Handler], DateRule]:
    def make(handler: Handler) -> DateRule:
        return DateRule(
            handler.__name__.lstrip("_"),
            tuple(map(re.compile, (trigger,) if isinstance(trigger, str) else trigger)),
            reach,
            re.compile(pattern, flags),
            handler,
        )

    return make
