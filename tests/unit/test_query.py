import datetime as dt

import pytest

from search.query import (
    And,
    DateRange,
    Fuzzy,
    Not,
    Or,
    Phrase,
    Prefix,
    QuerySyntaxError,
    Wildcard,
    Word,
    check_syntax,
    parse,
)


@pytest.mark.parametrize(
    "text, message",
    [
        ('"unclosed phrase', "unclosed quote"),
        ("(talks OR summit", "unclosed parenthesis"),
        ("talks)", "unmatched closing parenthesis"),
        ("foo:bar", "unknown field 'foo'"),
        ("title: summit", "title: needs a value"),
        ("date:[2025 TO", "unclosed date range"),
        ("date:[2025-01-01 2025-02-01]", "needs TO"),
        ("date:yesterday", "'yesterday' is not a date"),
        ("talks AND", "AND needs a search term after it"),
        ("OR talks", "OR needs a search term before it"),
        ("talks AND OR summit", "AND needs a search term after it"),
    ],
)
def test_malformed_queries_get_a_clear_message(text, message):
    with pytest.raises(QuerySyntaxError, match=message.replace("(", r"\(")):
        check_syntax(text)


@pytest.mark.parametrize(
    "text",
    [
        "talks",
        '"talks were"',
        "talks AND summit",
        "talks OR summit",
        "NOT summit",
        "talks not summit",
        "(talks OR summit) China",
        "talk*",
        "tlak~",
        "title:summit",
        'person:"Pete Hegseth"',
        "source:reuters",
        "date:2025-10",
        "date:[2025-10-01 TO 2025-12-31]",
        "date:>2025-06",
        "Title:summit",
    ],
)
def test_well_formed_queries_parse(text):
    assert parse(text) is not None


def test_empty_query_means_everything():
    assert parse("   ") is None


@pytest.mark.parametrize(
    "text, tree",
    [
        ("talks", Word(None, "talks")),
        ("talks summit", And((Word(None, "talks"), Word(None, "summit")))),
        # NOT binds tightest, then AND, then OR, and words side by side last.
        ("a b OR c", And((Word(None, "a"), Or((Word(None, "b"), Word(None, "c")))))),
        ("a AND b OR c", Or((And((Word(None, "a"), Word(None, "b"))), Word(None, "c")))),
        ("talks or summit", Or((Word(None, "talks"), Word(None, "summit")))),
        ("talks not summit", And((Word(None, "talks"), Not(Word(None, "summit"))))),
        ("NOT a AND b", And((Not(Word(None, "a")), Word(None, "b")))),
        # -word, as notmuch and web search read it; a hyphen inside a word stays in the word.
        ("talks -summit", And((Word(None, "talks"), Not(Word(None, "summit"))))),
        ("-person:Pelosi", Not(Word("person", "Pelosi"))),
        ('a -"b c"', And((Word(None, "a"), Not(Phrase(None, "b c"))))),
        ("U.S.-led well-known", And((Word(None, "U.S.-led"), Word(None, "well-known")))),
        ('"talks were"~3^2', Phrase(None, "talks were", 3, 2.0)),
        ("talk*", Prefix(None, "talk")),
        ("ta?k", Wildcard(None, "ta?k")),
        ("tlak~", Fuzzy(None, "tlak", 1)),
        ("Hegseht~2/1", Fuzzy(None, "Hegseht", 2, 1)),
        ("summit^3", Word(None, "summit", 3.0)),
        ("Title:summit", Word("title", "summit")),
        ('person:"Pete Hegseth"', Phrase("person", "Pete Hegseth")),
        ("person:'Dwayne \"The Rock\" Johnson'", Word("person", 'Dwayne "The Rock" Johnson')),
        (
            "title:(summit OR talks)",
            Or((Word("title", "summit"), Word("title", "talks"))),
        ),
        ("(a b)^2", And((Word(None, "a"), Word(None, "b")), 2.0)),
        ("10:30", Word(None, "10:30")),
        ("don't", Word(None, "don't")),
    ],
)
def test_queries_read_as_trees(text, tree):
    assert parse(text) == tree


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("date:2025-10", dt.date(2025, 10, 1), dt.date(2025, 10, 31)),
        ("date:2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("date:1990", dt.date(1990, 1, 1), dt.date(1990, 12, 31)),
        ("date:[2025-10-01 TO 2025-12-31]", dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
        ("date:[2025 to 2026-02]", dt.date(2025, 1, 1), dt.date(2026, 2, 28)),
        ("date:>=2025-06", dt.date(2025, 6, 1), None),
        ("date:>2025-06", dt.date(2025, 7, 1), None),
        ("date:>1990", dt.date(1991, 1, 1), None),
        ("date:<2025-06-10", None, dt.date(2025, 6, 9)),
        ("date:<2025", None, dt.date(2024, 12, 31)),
        ("date:<=2025", None, dt.date(2025, 12, 31)),
        ("date:*", None, None),
    ],
)
def test_date_values_are_ranges_of_days(text, first, last):
    assert parse(text) == DateRange(first, last)


def test_a_range_past_the_calendar_matches_nothing():
    assert parse("date:>9999-12-31") == Or(())


def test_fuzziness_beyond_two_edits_is_refused_even_with_a_prefix_length():
    with pytest.raises(QuerySyntaxError, match="at most 2 edits"):
        parse("word~9/1")
