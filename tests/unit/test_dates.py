import datetime as dt

import pytest

from search.extractors.dates import extract_dates, infer_reference, period_start, tag

REF = dt.date(2025, 12, 17)  # a Wednesday


def found(text: str, reference: dt.date | None = REF) -> list[tuple[str, str, str]]:
    return [(e.text, e.type, e.value) for e in tag(text, reference)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("born June 6, 1980 in", ("June 6, 1980", "DATE", "1980-06-06")),
        ("on Dec. 15, 2025 the", ("Dec. 15, 2025", "DATE", "2025-12-15")),
        ("on 16 December 2025 the", ("16 December 2025", "DATE", "2025-12-16")),
        ("filed 2025-12-15 in", ("2025-12-15", "DATE", "2025-12-15")),
        ("dated 15/12/2025 in", ("15/12/2025", "DATE", "2025-12-15")),
        ("since December 2023 he", ("December 2023", "DATE", "2023-12")),
        ("in mid-2024 they", ("mid-2024", "DATE", "2024")),
        ("in the 1990s there", ("the 1990s", "DATE", "199")),
        ("in fiscal 2025 sales", ("fiscal 2025", "DATE", "2025")),
        ("in the third quarter of 2024 profit", ("the third quarter of 2024", "DATE", "2024-Q3")),
        ("a 2022 visit", ("2022", "DATE", "2022")),
    ],
)
def test_absolute_dates(text, expected):
    assert expected in found(text, None)


def test_a_range_is_one_expression_keeping_both_ends():
    [expression] = tag("held from December 15 to 16, 2025.", None)
    assert (expression.text, expression.value, expression.end_value) == (
        "December 15 to 16, 2025",
        "2025-12-15",
        "2025-12-16",
    )


def test_year_ranges_give_both_years():
    assert [e.value for e in tag("served from 2017 to 2021 and in 2025-2033", None)] == [
        "2017",
        "2021",
        "2025",
        "2033",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the talks last year", ("last year", "DATE", "2024")),
        ("due next month", ("next month", "DATE", "2026-01")),
        ("met this week", ("this week", "DATE", "2025-W51")),
        ("two weeks ago", ("two weeks ago", "DATE", "2025-W49")),
        ("three years ago", ("three years ago", "DATE", "2022")),
        ("earlier this year", ("earlier this year", "DATE", "2025")),
        ("said yesterday", ("yesterday", "DATE", "2025-12-16")),
        ("is now open", ("now", "DATE", "PRESENT_REF")),
        ("recently said", ("recently", "DATE", "PAST_REF")),
    ],
)
def test_relative_dates_resolve_against_the_reference(text, expected):
    assert expected in found(text)


def test_weekday_direction_follows_tense():
    assert found("the Pentagon said on Tuesday") == [("Tuesday", "DATE", "2025-12-16")]
    assert found("they will meet on Tuesday") == [("Tuesday", "DATE", "2025-12-23")]
    assert found("talks held Wednesday and Thursday")[:2] == [
        ("Wednesday", "DATE", "2025-12-17"),
        ("Thursday", "DATE", "2025-12-11"),
    ]


def test_bare_month_takes_the_year_named_in_its_sentence():
    values = [
        e.value
        for e in tag("Talks resumed only last year, with meetings in January and September.", REF)
    ]
    assert values == ["2024", "2024-01", "2024-09"]
    values = [
        e.value
        for e in tag(
            "Talks resumed only last year, with meetings held in January and September.", REF
        )
    ]
    assert values == ["2024", "2024-01", "2024-09"]


def test_a_year_named_in_another_clause_with_its_own_verb_is_not_borrowed():
    reference = dt.date(1999, 2, 27)
    assert found(
        "Poland, who was invited to join in July 1997, will join NATO on March 12.", reference
    )[-1] == ("March 12", "DATE", "1999-03-12")
    assert found(
        "Under a plan approved in 1987 that set no limit, it had bought shares through Sept. 29.",
        dt.date(1989, 10, 30),
    )[-1] == ("Sept. 29", "DATE", "1989-09-29")


def test_bare_month_after_the_reference_month_is_last_year_in_past_tense():
    assert found("the summit was held in October") == [("October", "DATE", "2025-10")]
    assert found("the talks took place in July", dt.date(2025, 3, 1)) == [
        ("July", "DATE", "2024-07")
    ]


def test_a_date_weeks_ahead_is_the_coming_one_unless_a_past_verb_governs_it():
    # The reporting verb is past; the deadline it reports is ahead.
    assert found("officials said he must be returned by Jan. 14", dt.date(2025, 12, 20)) == [
        ("Jan. 14", "DATE", "2026-01-14")
    ]
    assert found("the bid was extended to Nov. 16, the company said", dt.date(2025, 10, 30)) == [
        ("Nov. 16", "DATE", "2025-11-16")
    ]
    # A past verb right before it, or a date months ahead, still reads as past.
    assert found("the offer expired Nov. 16, the company said", dt.date(2025, 10, 30)) == [
        ("Nov. 16", "DATE", "2024-11-16")
    ]
    assert found("the company said it was founded on June 2", dt.date(2025, 3, 1)) == [
        ("June 2", "DATE", "2024-06-02")
    ]


def test_a_deadline_days_behind_a_future_sentence_is_this_years():
    # Reported the day after: "would" looks ahead from when it was said, not a year ahead.
    assert found(
        "they would ask for the child to be returned by Jan. 14", dt.date(2026, 1, 15)
    ) == [("Jan. 14", "DATE", "2026-01-14")]
    assert found("they will hold a vote on Jan. 2", dt.date(2026, 1, 15)) == [
        ("Jan. 2", "DATE", "2027-01-02")
    ]


def test_a_month_named_as_a_deadline_a_quarter_ahead_is_the_coming_one():
    assert found("Lenders have extended the loans through January.", dt.date(1989, 10, 30)) == [
        ("January", "DATE", "1990-01")
    ]
    assert found("In January, the lenders extended the loans.", dt.date(1989, 10, 30)) == [
        ("January", "DATE", "1989-01")
    ]
    assert found(
        "The sale is part of a plan to pay down the loan by February.", dt.date(1989, 10, 30)
    ) == [("February", "DATE", "1990-02")]


def test_the_following_period_comes_after_the_one_last_named():
    assert found("He was elected in 1995 and resigned the following year.")[-1] == (
        "the following year",
        "DATE",
        "1996",
    )
    assert found("On May 22, 1995, he was promoted, and the following year he left.")[-1] == (
        "the following year",
        "DATE",
        "1996",
    )
    assert found("They met on March 3, 2024. The following day they signed.")[-1] == (
        "The following day",
        "DATE",
        "2024-03-04",
    )


def test_earnings_years_and_quarters_named_without_a_date():
    reference = dt.date(1989, 10, 30)
    assert found("net income for the year ended Aug. 31 rose", reference)[0] == (
        "the year",
        "DURATION",
        "P1Y",
    )
    assert found("For the year, volume was flat.", reference) == [("the year", "DATE", "1989")]
    assert found("a loss for the quarter ended Sept. 30", reference)[0] == (
        "the quarter",
        "DATE",
        "1989-Q3",
    )
    assert found("the year of the dragon", reference) == []


def test_a_year_named_before_a_quarter_is_that_quarters_year():
    assert found("profit in last year's fourth quarter") == [
        ("last year's fourth quarter", "DATE", "2024-Q4")
    ]
    assert found("in the 1988 second quarter") == [("the 1988 second quarter", "DATE", "1988-Q2")]
    assert found("2024's third quarter") == [("2024's third quarter", "DATE", "2024-Q3")]


def test_month_and_day_without_year():
    assert found("a breakthrough on October 31, when") == [("October 31", "DATE", "2025-10-31")]
    assert found("a breakthrough on October 31, when", None) == [
        ("October 31", "DATE", "XXXX-10-31")
    ]


def test_the_same_day_refers_back_to_the_last_day_mentioned():
    assert found("On Tuesday they called. Later the same day he spoke.")[-1] == (
        "the same day",
        "DATE",
        "2025-12-16",
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("at 3 p.m. local", ("3 p.m.", "TIME", "2025-12-17T15:00")),
        ("at 15:30 GMT", ("15:30 GMT", "TIME", "2025-12-17T15:30")),
        ("at midnight", ("midnight", "TIME", "2025-12-17T24:00")),
        ("said on Tuesday morning", ("Tuesday morning", "TIME", "2025-12-16TMO")),
        ("arrived Saturday night", ("Saturday night", "TIME", "2025-12-13TNI")),
        ("said it began at 10 p.m. Monday", ("10 p.m. Monday", "TIME", "2025-12-15T22:00")),
        ("the vote, at noon on Friday, will", ("noon on Friday", "TIME", "2025-12-19T12:00")),
        ("at 5 p.m. EST", ("5 p.m. EST", "TIME", "2025-12-17T17:00")),
        ("the match kicks off at 1930 GMT", ("1930 GMT", "TIME", "2025-12-17T19:30")),
        ("trading resumes at 0930 local time", ("0930 local time", "TIME", "2025-12-17T09:30")),
    ],
)
def test_times(text, expected):
    assert expected in found(text)


def test_four_digits_before_a_time_zone_are_a_time_of_day_not_a_year():
    # A fixture list: the kick-off time after the day was read as the year 1600, and the whole
    # article was then dated to the seventeenth century.
    assert found("Stade de France  Saturday, 20 December  1600 GMT  Live on BBC1") == [
        ("Saturday, 20 December", "DATE", "2025-12-20"),
        ("1600 GMT", "TIME", "2025-12-20T16:00"),
    ]
    assert infer_reference("Paris, Saturday, 26 February 1600 GMT. The teams are named.") is None


def test_a_weekday_before_a_day_and_month_is_one_date_the_day_named():
    assert found("The final is on Saturday, 20 December.") == [
        ("on Saturday, 20 December", "DATE", "2025-12-20")
    ]
    assert found("They met on Monday 15 December 2025.") == [
        ("on Monday 15 December 2025", "DATE", "2025-12-15")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("for three years", ("three years", "DURATION", "P3Y")),
        ("in the past 24 hours", ("the past 24 hours", "DURATION", "PT24H")),
        ("for several months", ("several months", "DURATION", "PXM")),
        ("for a decade", ("a decade", "DURATION", "P10Y")),
        ("prices rose in recent years", ("recent years", "DURATION", "PXY")),
        ("over the next few days", ("the next few days", "DURATION", "PXD")),
    ],
)
def test_durations(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("every Monday", ("every Monday", "SET", "XXXX-WXX-1")),
        ("held annually", ("annually", "SET", "P1Y")),
        ("twice a year", ("twice a year", "SET", "P1Y")),
        ("the semi-annual talks", ("semi-annual", "SET", "P6M")),
        ("Tourists flock there each July.", ("each July", "SET", "XXXX-07")),
    ],
)
def test_sets(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Trump 2.0 and the G2 meeting",
        "Theresa May said",
        "protesters march on the capital",
        "They may march in protest",
        "2,000 troops",
        "a 1-0 win",
        "World War II",
        "call 555-1234",
        "it cost $2025",
        "Defence Minister Dong Jun spoke",
        "Iraq imports about three-quarters of its food",
        "more than a quarter of the vote",
        "it would be a second betrayal",
        "a poster from the film High Noon",
    ],
)
def test_things_that_are_not_dates(text):
    assert found(text) == []


def test_nothing_resolves_against_todays_clock():
    # Without a reference date and nothing in the text to infer one from, relative dates stay open.
    assert found("The deal was signed last year on Tuesday.", None) == [
        ("last year", "DATE", "PAST_REF"),
        ("Tuesday", "DATE", "XXXX-WXX-2"),
    ]


def test_reference_is_inferred_from_a_dateline_or_the_latest_full_date():
    reference = infer_reference("LONDON 1996-08-30\nSimmons took four wickets on Friday.")
    assert reference is not None and reference.date == dt.date(1996, 8, 30) and reference.inferred
    dates, ref = extract_dates("LONDON 1996-08-30\nSimmons took four wickets on Friday.", None)
    assert ref.inferred and dates[-1].value == "1996-08-30"


def test_a_birth_date_is_no_reference_for_a_recent_article():
    assert infer_reference("He was born June 6, 1980. He has served since 2025.") is None


def test_period_start():
    assert period_start("2025-W51") == dt.date(2025, 12, 15)
    assert period_start("2025-Q3") == dt.date(2025, 7, 1)
    assert period_start("199") == dt.date(1990, 1, 1)
    assert period_start("19") == dt.date(1900, 1, 1)  # the twentieth century
    assert period_start("2025-W10-WE") == dt.date(2025, 3, 8)  # that week's Saturday
    assert period_start("2025-12-16TMO") == dt.date(2025, 12, 16)
    assert period_start("XXXX-10-31") is None and period_start("P3Y") is None


def test_offsets_point_into_the_text():
    text = "Officials met on Tuesday, December 16, 2025, in Washington."
    for expression in tag(text, None):
        assert text[expression.start : expression.end] == expression.text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a loss for the quarter", ("the quarter", "DATE", "1989-Q3")),
        ("in the latest quarter", ("the latest quarter", "DATE", "1989-Q3")),
        ("the current quarter", ("the current quarter", "DATE", "1989-Q4")),
        ("against the year-earlier quarter", ("the year-earlier quarter", "DATE", "1988-Q3")),
        ("up from a year ago in the quarter", ("a year ago", "DATE", "1988-Q3")),
        ("up from a year ago", ("a year ago", "DATE", "1988")),
    ],
)
def test_earnings_report_conventions(text, expected):
    assert expected in found(text, dt.date(1989, 11, 2))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("in nineteen ninety-six", ("nineteen ninety-six", "DATE", "1996")),
        ("by the year two thousand", ("the year two thousand", "DATE", "2000")),
        ("on Thanksgiving Day", ("Thanksgiving Day", "DATE", "2025-11-27")),
        ("at Easter 2024", ("Easter 2024", "DATE", "2024-03-31")),
        ("in the 20th century", ("the 20th century", "DATE", "19")),
        ("in the nineties", ("the nineties", "DATE", "199")),
        ("nearly four years ago", ("nearly four years ago", "DATE", "2021")),
        ("in the last twenty four hours", ("the last twenty four hours", "DURATION", "PT24H")),
        ("this September", ("this September", "DATE", "2025-09")),
        ("last February", ("last February", "DATE", "2025-02")),
        ("the current account", ("current", "DATE", "PRESENT_REF")),
    ],
)
def test_more_kinds_of_dates(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "a 6-year-old boy",
        "she is 52 years old",
        "all children ages 6 months and older should be vaccinated",
        "people aged 65 years and over",
        "adults 50 years and older",
        "children under 5 years of age",
        "the annual report",
        "Sun Microsystems said",
        "as previously reported",
        "quarterly earnings rose",
    ],
)
def test_ages_names_and_adjectives_are_not_dates(text):
    assert found(text) == []


def test_a_month_with_no_tense_is_the_nearest_one():
    assert found("payable Dec. 15 to holders", dt.date(1989, 11, 2)) == [
        ("Dec. 15", "DATE", "1989-12-15")
    ]
    assert found("the January figures", dt.date(1989, 11, 2)) == [("January", "DATE", "1990-01")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("over the weekend", ("the weekend", "DATE", "2025-W50-WE")),
        ("results for the full year", ("the full year", "DATE", "2025")),
        ("by year-end", ("year-end", "DATE", "2025-12-31")),
    ],
)
def test_periods_named_without_a_date(text, expected):
    assert expected in found(text)


def test_bare_future_and_recent_are_adjectives_not_dates():
    assert found("future growth and recent gains") == []


def test_the_past_and_coming_weekend():
    assert found("over the past weekend") == [("the past weekend", "DATE", "2025-W50-WE")]
    assert found("during the coming weekend") == [("the coming weekend", "DATE", "2025-W52-WE")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("after a 5 1/2 hours flight", ("5 1/2 hours", "DURATION", "PT5H30M")),
        ("It took two and a half years.", ("two and a half years", "DURATION", "P2Y6M")),
        ("in a minute and a half", ("a minute and a half", "DURATION", "PT1M30S")),
        ("for one and a half days", ("one and a half days", "DURATION", "P1DT12H")),
        ("for 2.5 hours", ("2.5 hours", "DURATION", "PT2H30M")),
    ],
)
def test_fractions_of_a_unit_are_written_in_the_next_finer_unit(text, expected):
    assert expected in found(text)


def test_a_stretch_before_an_event_is_a_duration_not_a_date():
    assert found("the banks must wait at least 30 days before closing the purchase") == [
        ("at least 30 days", "DURATION", "P30D")
    ]
    assert found("It happened two days before.") == [("two days before", "DURATION", "P2D")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Three days later, the index was down 6%.", ("Three days later", "DURATION", "P3D")),
        ("A day earlier, trucks streamed out of Aqaba.", ("A day earlier", "DURATION", "P1D")),
        (
            "Just over an hour later, he was declared dead.",
            ("Just over an hour later", "DURATION", "PT1H"),
        ),
        ("A few days later, it announced lower earnings.", ("A few days later", "DURATION", "PXD")),
        ("He left two days ago.", ("two days ago", "DATE", "2025-12-15")),
        ("Profit rose from $3 million a year earlier.", ("a year earlier", "DATE", "2024")),
    ],
)
def test_later_and_earlier_count_from_the_event_told_ago_from_the_article(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He was shot last Oct. 23 at his home.", ("last Oct. 23", "DATE", "2025-10-23")),
        ("The park opens next March 3.", ("next March 3", "DATE", "2026-03-03")),
        ("It rained this past spring.", ("this past spring", "DATE", "2025-SP")),
        ("It rained last spring.", ("last spring", "DATE", "2024-SP")),
        (
            "We vote this coming Sunday, March eighth.",
            ("this coming Sunday, March eighth", "DATE", "2026-03-08"),
        ),
        ("on March twenty-first", ("March twenty-first", "DATE", "2026-03-21")),
        ("Last Tuesday he left.", ("Last Tuesday", "DATE", "2025-12-16")),
    ],
)
def test_relative_words_before_a_named_day_or_season(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kirschner earned $376,000 in the 1988 quarter.", ("the 1988 quarter", "DATE", "1988-Q3")),
        (
            "National Intergroup in the year-ago third quarter earned $22.5 million.",
            ("the year-ago third quarter", "DATE", "1988-Q3"),
        ),
        (
            "For the quarter a year ago, Columbia reported earnings.",
            ("the quarter a year ago", "DATE", "1988-Q3"),
        ),
        (
            "U.K. sales for last year's quarter were about $3 million.",
            ("last year's quarter", "DATE", "1988-Q3"),
        ),
    ],
)
def test_the_reported_quarter_in_other_years(text, expected):
    assert expected in found(text, dt.date(1989, 10, 30))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("until 5 p.m. EST, Nov. 6.", ("5 p.m. EST, Nov. 6", "TIME", "1989-11-06T17:00")),
        (
            "The blast occurred at 10:35 a.m. (0735 GMT) Friday.",
            ("10:35 a.m. (0735 GMT) Friday", "TIME", "1989-10-27T10:35"),
        ),
        ("during the week of March 6", ("the week of March 6", "DATE", "1989-W10")),
        ("in the last half of 1989", ("the last half of 1989", "DATE", "1989-H2")),
        (
            "sales in the first half of next year",
            ("the first half of next year", "DATE", "1990-H1"),
        ),
        ("The percentage change is since year-end.", ("year-end", "DATE", "1988-12-31")),
        ("The loans fall due by year-end.", ("year-end", "DATE", "1989-12-31")),
        # The end of the year is one expression, the year as TimeML writes it: gone by in a past
        # sentence, the coming one otherwise.
        (
            "Prices rose sharply at the end of the year, the report showed.",
            ("the end of the year", "DATE", "1988"),
        ),
        ("It expects to finish by the end of the year.", ("the end of the year", "DATE", "1989")),
        ("Sales will recover by end of year.", ("end of year", "DATE", "1989")),
        (
            "In 1987 the plant ran at a loss until the end of the year.",
            ("the end of the year", "DATE", "1987"),
        ),
    ],
)
def test_times_on_named_days_weeks_and_halves(text, expected):
    assert expected in found(text, dt.date(1989, 10, 30))


def test_the_first_half_of_a_game_is_no_date():
    assert found("in the first half of the game") == []


def test_the_previous_and_following_day_count_from_the_last_day_named():
    assert found(
        "Prices rose on Oct. 27 after falling the previous Friday.", dt.date(1989, 10, 30)
    )[-1] == ("the previous Friday", "DATE", "1989-10-20")
    assert found("They met on March 3, 2024. The following Monday they signed.")[-1] == (
        "The following Monday",
        "DATE",
        "2024-03-04",
    )
    assert found(
        "The deal was signed in March. The following month it collapsed.", dt.date(1989, 10, 30)
    )[-1] == ("The following month", "DATE", "1989-04")


def test_an_amount_a_year_is_a_rate():
    assert found("a dividend of $1.76 a year") == [("a year", "SET", "P1Y")]
    assert found("four flights a week to Bombay") == [("a week", "SET", "P1W")]
    assert found("Profit rose 5% in a year.") == [("a year", "DURATION", "P1Y")]
    assert found("interest of 5.5 pct a year") == [("a year", "SET", "P1Y")]
    assert found("about 1.369 mln dlrs in revenues a year") == [("a year", "SET", "P1Y")]


def test_that_day_month_and_year_are_the_ones_last_named():
    assert found("He was elected in 1995 and resigned later that year.")[-1] == (
        "that year",
        "DATE",
        "1995",
    )
    assert found("They met on March 3, 2024. Later that day they signed.")[-1] == (
        "that day",
        "DATE",
        "2024-03-03",
    )
    assert found("The deal was signed in March. Later that month it collapsed.")[-1] == (
        "that month",
        "DATE",
        "2025-03",
    )
    assert [e[0] for e in found("He said that year-end results were good.")] == ["year-end"]


def test_a_part_of_day_before_or_after_a_deictic_day():
    assert found("The stock fell by mid-afternoon yesterday.") == [
        ("mid-afternoon yesterday", "TIME", "2025-12-16TAF")
    ]
    assert found("late evening tomorrow") == [("late evening tomorrow", "TIME", "2025-12-18TEV")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The campaign will run until Election Day.", ("Election Day", "DATE", "2026-11-03")),
        ("Funds may have to sell in the weeks ahead.", ("the weeks ahead", "DURATION", "PXW")),
        ("It will be financed at a later date.", ("a later date", "DATE", "FUTURE_REF")),
        (
            "Over the next couple of years we will grow.",
            ("the next couple of years", "DURATION", "P2Y"),
        ),
    ],
)
def test_more_named_days_and_vague_stretches(text, expected):
    assert expected in found(text)


def test_the_fiscal_year_ended_is_a_years_span_and_years_end_is_year_end():
    reference = dt.date(1989, 10, 31)
    assert found("In the fiscal year ended Jan. 31, sales rose.", reference)[0] == (
        "the fiscal year",
        "DURATION",
        "P1Y",
    )
    assert found("rules that should be in place by year's end.", reference) == [
        ("year's end", "DATE", "1989-12-31")
    ]
    assert found("rules that regulators said should be in place by year's end.", reference)[-1] == (
        "year's end",
        "DATE",
        "1989-12-31",
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("They seem to hurt more these days.", ("these days", "DATE", "PRESENT_REF")),
        (
            "It will sell the unit as soon as possible.",
            ("as soon as possible", "DATE", "FUTURE_REF"),
        ),
        ("Islam will one day be the second largest religion.", ("one day", "DATE", "FUTURE_REF")),
        ("He hopes to one day run for office.", ("one day", "DATE", "FUTURE_REF")),
        ("Then, a week or so ago, he chose Saturday.", ("a week or so ago", "DATE", "2025-W50")),
        ("Average hourly earnings rose.", ("hourly", "SET", "PT1H")),
    ],
)
def test_vague_and_deictic_words(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The loan may be extended for an additional year.",
            ("an additional year", "DURATION", "P1Y"),
        ),
        (
            "Eight trading days after the plunge, it rose.",
            ("Eight trading days", "DURATION", "P8D"),
        ),
        ("He has five business days to reply.", ("five business days", "DURATION", "P5D")),
        ("their third day-long meeting", ("day-long", "DURATION", "P1D")),
        ("a decades-long battle", ("decades-long", "DURATION", "PXDE")),
        ("a centuries-long feud", ("centuries-long", "DURATION", "PXCE")),
        ("over three centuries", ("over three centuries", "DURATION", "P300Y")),
        (
            "more than two thousand years of history",
            ("more than two thousand years", "DURATION", "P2000Y"),
        ),
        ("for two hundred years", ("two hundred years", "DURATION", "P200Y")),
        ("Over the years many more patients died.", ("the years", "DURATION", "PXY")),
        ("In the years that followed, they fought on.", ("the years", "DURATION", "PXY")),
    ],
)
def test_more_durations(text, expected):
    assert expected in found(text)


def test_years_named_by_a_following_phrase_are_no_stretch():
    assert found("His car was seen in the weeks before the shooting.") == []
    assert found("the years of war") == []


def test_a_season_of_a_spelled_year_and_a_holiday_week():
    assert found("in the winter of nineteen ninety-four") == [
        ("winter of nineteen ninety-four", "DATE", "1994-WI")
    ]
    assert found("Elian will spend Easter week with his father.", dt.date(2000, 4, 17)) == [
        ("Easter week", "DATE", "2000-W16")
    ]


def test_the_first_two_quarters_are_the_first_half():
    assert found("through the first two quarters of 1990, when", dt.date(1989, 10, 26)) == [
        ("the first two quarters of 1990", "DATE", "1990-H1")
    ]
    # The year belongs to the phrase that names it, not to the quarter before it.
    assert found(
        "into the fourth quarter and through the first two quarters of 1990", dt.date(1989, 10, 26)
    )[0] == ("the fourth quarter", "DATE", "1989-Q4")


def test_the_day_before_or_after_a_named_day():
    assert found("They met the day before last Tuesday.", dt.date(2000, 2, 24)) == [
        ("the day before last Tuesday", "DATE", "2000-02-21")
    ]
    assert found("on the day after Christmas, 2001") == [
        ("the day after Christmas, 2001", "DATE", "2001-12-26")
    ]


def test_two_days_of_one_month_are_two_expressions():
    assert found("at the summit on April 24 and 25.", dt.date(1999, 2, 10)) == [
        ("April 24", "DATE", "1999-04-24"),
        ("25", "DATE", "1999-04-25"),
    ]
    assert found("on 24 and 25 April 2001") == [
        ("24", "DATE", "2001-04-24"),
        ("25 April 2001", "DATE", "2001-04-25"),
    ]
    assert found("held on June 6 and 12 people came", dt.date(1999, 2, 10)) == [
        ("June 6", "DATE", "1998-06-06")
    ]


def test_a_part_of_day_alone_is_the_day_in_view():
    assert found("By mid afternoon, official sources were saying") == [
        ("mid afternoon", "TIME", "2025-12-17TAF")
    ]
    assert found("Hopes were dashed Friday. Dealers placed buy orders in the morning.")[-1] == (
        "the morning",
        "TIME",
        "2025-12-12TMO",
    )
    assert found("attacks at night") == []


def test_an_hour_in_a_part_of_the_day():
    assert found("He will leave at 4 in the morning.") == [
        ("4 in the morning", "TIME", "2025-12-17T04:00")
    ]
    assert found("at eight in the evening") == [
        ("eight in the evening", "TIME", "2025-12-17T20:00")
    ]


def test_the_latest_quarter_before_a_verb():
    assert found(
        "He expects revenue in the latest quarter to total $28 million.", dt.date(1989, 10, 26)
    ) == [("the latest quarter", "DATE", "1989-Q3")]


@pytest.mark.parametrize(
    "text",
    [
        'Baker, speaking on ABC News\' "This Week," said',
        "Gonzalez said on CBS's ''60 Minutes.''",
        "just a notch above its quarter-century low",
        "The quarter-to-quarter comparison was weak.",
        "tapes from the night the flight crashed",
        "He made a cameo in 24 Hour Party People.",
        "a report by the Forum for the Future",
        "A second Iranian blogger was held.",
    ],
)
def test_shows_and_compounds_are_not_times(text):
    assert found(text) == []


def test_a_year_later_counts_from_the_event_told():
    assert found("Yet, a year later the protesters are still here.") == [
        ("a year later", "DURATION", "P1Y")
    ]
    assert found("A year earlier, profit was $2 million.") == [("A year earlier", "DATE", "2024")]


def test_the_end_of_a_range_comes_after_its_start():
    reference = dt.date(1987, 3, 15)
    assert found("The second tranche is for the period April 14 to July 14.", reference) == [
        ("April 14", "DATE", "1987-04-14"),
        ("July 14", "DATE", "1987-07-14"),
    ]
    assert found("from Dec. 20, 1986 to Jan. 5", reference)[-1] == ("Jan. 5", "DATE", "1987-01-05")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1986 year net includes a charge", [("1986", "DATE", "1986")]),
        (
            "the price is to be set at 1000 hours local.",
            [("1000 hours local", "TIME", "2025-12-17T10:00")],
        ),
        ("the first decline in a quarter century", [("a quarter century", "DURATION", "P25Y")]),
        ("for 2000 years", [("2000 years", "DURATION", "P2000Y")]),
    ],
)
def test_numbers_before_units_that_are_not_stretches(text, expected):
    assert found(text) == expected


def test_a_year_after_a_month_belongs_to_that_month_and_to_the_list_it_ends():
    reference = dt.date(1987, 3, 19)
    assert [
        e[2]
        for e in found(
            "Prices in February rose 0.3 pct against 0.1 pct in February last year.", reference
        )
    ] == ["1987-02", "1986-02", "1986"]
    assert [
        e[2]
        for e in found(
            "a record marked in January 1987 and in April, August and December last year.",
            reference,
        )
    ] == ["1987-01", "1986-04", "1986-08", "1986-12", "1986"]


def test_a_year_after_since_belongs_to_its_own_clause():
    assert found(
        "The January level was the worst since the agency started counting in 1953.",
        dt.date(1987, 3, 10),
    )[0] == ("January", "DATE", "1987-01")


def test_a_year_that_bounds_a_span_is_not_borrowed():
    assert found(
        "Options to be relaunched on May 18 will see growth until 1990, Reed estimated.",
        dt.date(1987, 4, 3),
    )[0] == ("May 18", "DATE", "1987-05-18")


@pytest.mark.parametrize(
    "text", ["The office said the fall was due to lower prices.", "to stem the fall of the dollar"]
)
def test_the_fall_of_prices_is_no_season(text):
    assert found(text) == []


def test_the_week_ended_is_a_weeks_span():
    assert found("in the week ended March 7", dt.date(1987, 3, 16)) == [
        ("the week", "DURATION", "P1W"),
        ("March 7", "DATE", "1987-03-07"),
    ]


def resolve_alone(rule, text: str) -> list[tuple[str, str, str]]:
    """What one rule finds in `text`, resolved against REF without the other rules."""
    from search.extractors.dates.context import _Context
    from search.extractors.sentences import Sentences

    found = []
    for cand in rule.candidates(text):
        context = _Context(text, REF, Sentences(text), cand.start, cand.end, [], None)
        found.append((text[cand.start : cand.end], cand.type, cand.resolve(context)[0]))
    return found


def test_each_rule_is_a_named_function_that_runs_alone():
    from search.extractors.dates import absolute, clock, durations, relative, sets
    from search.extractors.dates.tagger import rules

    assert resolve_alone(absolute.iso_date, "Talks ended on 2025-12-16.") == [
        ("2025-12-16", "DATE", "2025-12-16")
    ]
    assert resolve_alone(relative.deictic_day, "He spoke yesterday.") == [
        ("yesterday", "DATE", "2025-12-16")
    ]
    assert resolve_alone(durations.duration_rule, "It lasted three years.") == [
        ("three years", "DURATION", "P3Y")
    ]
    assert [c.type for c in clock.clock_time.candidates("at 10:30 a.m. sharp")] == ["TIME"]
    assert [c.type for c in sets.every.candidates("every week")] == ["SET"]
    # Called on a match of its own pattern, a rule is the function it was written as.
    match = absolute.iso_date.pattern.search("on 2025-12-16")
    assert match and absolute.iso_date(match) is not None
    assert len({r.name for r in rules()}) == len(rules())


def test_a_full_date_in_the_text_is_not_the_day_of_writing():
    # A maturity, a plan, a fiscal year's end, a past event: on real news the latest full date in
    # the text was rarely the day the article was written, so none is taken for it.
    for text in (
        "The company sold notes due January 1, 2047. Talks were held on March 3, 1987.",
        "The vote is scheduled for June 3, 1990. It was called on May 2, 1987.",
        "Net profit for the year ended December 31, 1986 rose 12 pct.",
        "The summit in Brussels begins on 16 December, the minister said on 9 December 2004.",
        "The company posted a loss on March 3, 1987.",
        # A hard-wrapped sentence that happens to begin a line with a date is no dateline.
        "Net profit rose for the year ended\nMarch 31, 1986 end of the year.",
        "Rates were set.\nOn September 8, the group offered more.",
    ):
        assert infer_reference(text) is None, text


def test_a_line_that_says_when_the_article_was_published_gives_its_date():
    for text, day in (
        ("Published: 5 March 2024\nThe storm hit the coast.", dt.date(2024, 3, 5)),
        ("Storm Hits Coast\n8:13 AM PDT 3/5/2024\nThe storm hit.", dt.date(2024, 3, 5)),
        ("POSTED: 1052 GMT (1852 HKT), March 5, 2024\n\nThe storm hit.", dt.date(2024, 3, 5)),
        ("Storm hits coast\n\n(March 5, 2024) - The storm hit.", dt.date(2024, 3, 5)),
        ("The storm hit.\nLast updated on: March 5, 2024 19:04 IST", dt.date(2024, 3, 5)),
    ):
        reference = infer_reference(text)
        assert reference is not None and reference.date == day and reference.inferred, text


def test_an_inferred_day_is_never_after_the_day_the_file_was_saved():
    ahead = "LONDON, March 4, 2031 - Shares rose."  # a typing error, or a clock set wrong
    assert infer_reference(ahead, not_after=dt.date(2026, 11, 30)) is None
    dated = "LONDON, March 4, 1987 - Shares rose. The bond matures on June 1, 2030."
    assert infer_reference(dated, not_after=dt.date(2026, 1, 1)).date == dt.date(1987, 3, 4)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare plural after a verb of spending time, or before "before" or "after"
        ("A ruling can take weeks, if it comes at all.", [("weeks", "DURATION", "PXW")]),
        ("They spent months in the hills.", [("months", "DURATION", "PXM")]),
        ("He left minutes before the blast.", [("minutes", "DURATION", "PTXM")]),
        ("It was a matter of days before the vote.", []),
        ("In the first days after the vote, they waited.", []),
        # the first number of a range is a length in the second's unit
        (
            "Repairs could take between 12 and 18 months.",
            [("12", "DURATION", "P12M"), ("18 months", "DURATION", "P18M")],
        ),
        (
            "a stay of two to six days",
            [("two", "DURATION", "P2D"), ("six days", "DURATION", "P6D")],
        ),
        ("children aged 6 to 12 years", []),
        # a time with seconds is a race's length, unless something places it in the day
        ("She won the race, finishing in 2:31:07.", [("2:31:07", "DURATION", "PT2H31M7S")]),
        ("The quake struck at 04:12:50 GMT.", [("04:12:50 GMT", "TIME", "2025-12-17T04:12:50")]),
        # over the next decade is ten years from now, not the calendar decade after this one
        ("Sales will double over the next decade.", [("the next decade", "DURATION", "P10Y")]),
        ("Sales will double over the next year.", [("the next year", "DATE", "2026")]),
        ("Prices fell in the last decade.", [("the last decade", "DATE", "201")]),
        # "at the time": then, in the story told
        ("The ship was in open water at the time.", [("the time", "DATE", "PAST_REF")]),
        ("He was 20 at the time of the crash.", []),
        ("She checks the sky every morning.", [("every morning", "SET", "XXXX-XX-XXTMO")]),
        # an anchored stretch: TimeML writes the stretch, and "now" apart
        (
            "It will be done two years from now.",
            [("two years", "DURATION", "P2Y"), ("now", "DATE", "PRESENT_REF")],
        ),
    ],
)
def test_stretches_ranges_race_times_and_then(text, expected):
    assert found(text) == expected
