"""Dates and times in English news, found and resolved to TimeML values."""

from .expressions import Reference, TemporalExpression
from .reference import extract_dates, infer_reference
from .tagger import tag
from .values import period_start

__all__ = [
    "Reference",
    "TemporalExpression",
    "extract_dates",
    "infer_reference",
    "period_start",
    "tag",
]
