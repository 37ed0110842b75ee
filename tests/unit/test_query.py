import pytest

from search.index import build_schema
from search.query import QuerySyntaxError, check_syntax, make_parser, parse


@pytest.fixture(scope="module")
def parser():
    return make_parser(build_schema())


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
def test_well_formed_queries_parse(parser, text):
    assert parse(text, parser) is not None


def test_empty_query_means_everything(parser):
    assert parse("   ", parser) is None


def test_lower_case_operators_work_like_notmuch(parser):
    assert "OR" in str(parse("talks or summit", parser))
    assert "NOT" in str(parse("talks not summit", parser))


def test_person_phrase_is_one_keyword(parser):
    assert str(parse('person:"Pete Hegseth"', parser)) == "person:pete hegseth"
