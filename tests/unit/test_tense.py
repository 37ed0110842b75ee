import pytest

from search.extractors.dates.tense import clause_span, tense_at
from search.extractors.sentences import Sentences


def tense_of(text: str, expression: str) -> int:
    start = text.index(expression)
    return tense_at(text, Sentences(text).span(start), start, start + len(expression))


@pytest.mark.parametrize(
    "text, expression, expected",
    [
        ("The team planned to leave Nairobi on Thursday for Dar es Salaam.", "Thursday", 1),
        ("Protesters were planning to drive around the airport on Monday.", "Monday", 1),
        ("The attorney has scheduled a news conference Thursday.", "Thursday", 1),
        ("The father would be traveling to the United States Thursday.", "Thursday", 1),
        ("The group might come to the U.S. as soon as Tuesday.", "Tuesday", 1),
        ("Officials postponed until Tuesday morning any action on the case.", "Tuesday morning", 1),
        ("Analysts expect the trend to continue into the fourth quarter.", "the fourth quarter", 1),
        ("The union signed a pact effective June 1.", "June 1", 1),
        # "closed" after "stay" is a state, not a past verb; "will ... until" looks ahead.
        ("The road will stay closed until Saturday, the authority said.", "Saturday", 1),
        ("The museum stayed closed until Saturday.", "Saturday", -1),
        (
            "Protesters planned a large demonstration on Saturday and were planning to drive around the airport.",
            "Saturday",
            1,
        ),
        # Past, though a future word is near.
        (
            "The carrier has been on patrol since March and was scheduled to return to port.",
            "March",
            -1,
        ),
        ("In September, it announced plans to acquire the fruit business.", "September", -1),
        ("A bomb ripped through a building next to the embassy on Friday.", "Friday", -1),
        ("The offer had been due to expire Friday evening.", "Friday evening", -1),
        (
            "The offer previously had been scheduled to expire at midnight Friday.",
            "midnight Friday",
            -1,
        ),
        ("In January, the company brought in a new chief executive.", "January", -1),
        (
            "Unisys's announcement Friday of a loss showed that the company is moving faster than expected to cut costs.",
            "Friday",
            -1,
        ),
        (
            "It said new flights would leave on Mondays, with the third departing each Thursday from August 6.",
            "August 6",
            1,
        ),
        # A day that owns an event has had it, whatever is said of what comes next.
        ("The relatives said they would look for ways around Wednesday's ruling.", "Wednesday", -1),
        # Nothing says.
        (
            "The stock split, which is subject to approval, would be paid on an unspecified date in January.",
            "January",
            1,
        ),
        ("Talks on trade resume in January.", "January", 0),
    ],
)
def test_tense_of_the_words_that_govern_an_expression(text, expression, expected):
    assert tense_of(text, expression) == expected


def test_an_adjective_or_a_passive_participle_is_no_past_verb():
    assert tense_of("The proposed merger is expected in March.", "March") == 0
    assert tense_of("The dividend is based on results for March.", "March") == 0


def test_the_clause_decides_before_the_rest_of_the_sentence():
    text = "Officials said on Monday that the ministers will meet again on Thursday."
    assert tense_of(text, "Monday") == -1
    assert tense_of(text, "Thursday") == 1


def test_clauses_are_cut_at_punctuation_and_subordinators():
    text = "Nashua, under a program approved in 1987 that set no limit, had bought shares through Sept. 29."
    start = text.index("Sept. 29")
    left, right = clause_span(text, (0, len(text)), start, start + 8)
    assert text[left:right].strip() == "had bought shares through Sept. 29."


def test_a_passive_to_come_is_no_past_verb():
    assert tense_of("Options to be relaunched on May 18 will see growth.", "May 18") >= 0
