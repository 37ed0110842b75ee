"""Dates as a reader of real news expects them: one expression stays one entry, ranges keep both
ends, Reuters' shorthand is read, and words that only look like dates are left alone. Sentences
of our own that show the patterns seen on BBC and Reuters articles."""

from __future__ import annotations

import datetime as dt

import pytest

from search import extract

IN_2005 = dt.date(2005, 3, 10)
IN_1987 = dt.date(1987, 3, 10)


def dates(text: str, reference: dt.date) -> list[tuple[str, str, str | None]]:
    return [(d.text, d.value, d.end_value) for d in extract(text, reference).dates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Profits will rise in the third quarter of this year.",
            [("the third quarter of this year", "2005-Q3", None)],
        ),
        (
            "Sales fell in the final three months of 2004.",
            [("the final three months of 2004", "2004-Q4", None)],
        ),
        (
            "Output rose in the first six months of last year.",
            [("the first six months of last year", "2004-H1", None)],
        ),
        # "Of the year": the year the sentence names, else the reference's, or the one before
        # for a part not begun yet that a past sentence tells of.
        (
            "Output will rise in the first six months of the year.",
            [("the first six months of the year", "2005-H1", None)],
        ),
        (
            "In 2003 sales rose in the third quarter of the year.",
            [("2003", "2003", None), ("the third quarter of the year", "2003-Q3", None)],
        ),
        (
            "Sales fell in the last quarter of the year.",
            [("the last quarter of the year", "2004-Q4", None)],
        ),
        ("The flight took two hours 15 minutes.", [("two hours 15 minutes", "PT2H15M", None)]),
        # "last" the verb is not the stretch's: "the last three months" keeps it.
        ("Repairs will last three months.", [("three months", "P3M", None)]),
        (
            "The war lasted three years and six months.",
            [("three years and six months", "P3Y6M", None)],
        ),
        ("The show runs Nov 20-Dec 10.", [("Nov 20-Dec 10", "2004-11-20", "2004-12-10")]),
    ],
)
def test_one_expression_is_one_entry(text, expected):
    assert dates(text, IN_2005) == expected


def test_a_range_written_with_to_across_months_stays_two_dates_as_timeml_writes_it():
    assert [value for _, value, _ in dates("It rained from Aug. 26 to Oct. 20.", IN_2005)] == [
        "2004-08-26",
        "2004-10-20",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nine mths net profit 1.2 mln dlrs.", [("Nine mths", "P9M", None)]),
        ("The Mar/Apr shipment was sold.", [("Mar/Apr", "1987-03", "1987-04-30")]),
        ("Qtly div 12 cts Pay May Eight", [("May Eight", "1987-05-08", None)]),
    ],
)
def test_reuters_shorthand(text, expected):
    assert dates(text, IN_1987) == expected


@pytest.mark.parametrize(
    "text",
    [
        "May's chairman said sales rose.",
        "The September futures contract rose two cents.",
        "Wales led 10-3 at the end of the first quarter of the match.",
        "The 20th Century Fox film studio released it.",
    ],
)
def test_words_that_only_look_like_dates(text):
    assert dates(text, IN_2005) == []


def test_a_day_broken_across_a_wrapped_line_is_read_as_one_sentence():
    text = "The Commerce Department said it would publish the trade figures on\nFriday, as planned."
    assert dates(text, IN_1987) == [("Friday", "1987-03-13", None)]


def test_the_month_figures_are_of_is_gone_by_whatever_the_tense_of_their_release():
    text = "The Federal Reserve said it would release April consumer instalment credit figures."
    assert dates(text, dt.date(1987, 6, 2)) == [("April", "1987-04", None)]


def test_a_wrapped_line_that_stops_on_a_preposition_goes_on_in_the_file(tmp_path):
    from search.sources.files import read_article

    path = tmp_path / "fed.txt"
    path.write_text(
        "FED TO RELEASE CREDIT FIGURES\n\nThe Federal Reserve Board said it\n"
        "would release April consumer instalment credit figures on\nFriday.\n"
        "    No fixed time was set for the release.\n",
        encoding="utf-8",
    )
    body = read_article(path).body
    assert "figures on Friday." in body
    assert ("Friday", "1987-06-05", None) in dates(body, dt.date(1987, 6, 2))


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders meet separately Monday.",
        "He meets Albright on Monday.",
        "Talks resume on Monday.",
        "The agency has given the family until Monday to answer.",
        "Lenders have until Monday to reply.",
    ],
)
def test_a_scheduled_event_told_in_the_present_looks_ahead(text):
    assert dates(text, dt.date(1998, 5, 1)) == [("Monday", "1998-05-04", None)]


@pytest.mark.parametrize(
    "text", ["The two leaders met Monday.", "The shop stayed open until Monday."]
)
def test_the_past_tense_still_looks_back(text):
    assert dates(text, dt.date(1998, 5, 1)) == [("Monday", "1998-04-27", None)]


def test_a_month_beside_the_same_month_with_its_year_is_another_years():
    text = "Receipts in May fell to 521 mln stg, compared with 500 mln in May 1986, figures showed."
    assert dates(text, dt.date(1987, 6, 10))[0] == ("May", "1987-05", None)
    assert dates(text, None)[0] == ("May", "XXXX-05", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He crossed the ice in the expedition of 1957-58.",
            [("1957", "1957", None), ("58", "1958", None)],
        ),
        ("The 1999-00 season was his best.", [("1999", "1999", None), ("00", "2000", None)]),
        ("Part number 1957-12 was recalled.", []),
    ],
)
def test_a_season_of_two_years_gives_both(text, expected):
    assert dates(text, IN_2005) == expected


def test_this_or_last_fiscal_year_is_a_year():
    assert dates("It will cut costs this fiscal year after a loss last fiscal year.", IN_2005) == [
        ("this fiscal year", "2005", None),
        ("last fiscal year", "2004", None),
    ]


def test_a_modifier_before_a_relative_date_belongs_to_it():
    assert dates("He vanished late last July, and sales rose early last year.", IN_2005) == [
        ("late last July", "2004-07", None),
        ("early last year", "2004", None),
    ]
