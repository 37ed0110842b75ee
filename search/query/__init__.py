"""newsreader's query language: text to a query tree that any index engine can run, its bounds,
its help text, and the person queries the reader writes."""

from .checks import MAX_EXPANDED_WORDS, SEARCH_FIELDS, QuerySyntaxError, check_syntax
from .language import QUERY_HELP, field_query, person_keys, person_query
from .parser import parse
from .tree import (
    DEFAULT_FIELDS,
    And,
    DateRange,
    Fuzzy,
    Ids,
    Leaf,
    Not,
    Or,
    Phrase,
    Prefix,
    Query,
    State,
    Wildcard,
    Word,
)

__all__ = [
    "DEFAULT_FIELDS",
    "MAX_EXPANDED_WORDS",
    "QUERY_HELP",
    "SEARCH_FIELDS",
    "And",
    "DateRange",
    "Fuzzy",
    "Ids",
    "Leaf",
    "Not",
    "Or",
    "Phrase",
    "Prefix",
    "Query",
    "QuerySyntaxError",
    "State",
    "Wildcard",
    "Word",
    "check_syntax",
    "field_query",
    "parse",
    "person_keys",
    "person_query",
]
