from search.text.cleaning import clean_paragraphs, split_paragraphs


def clean(text: str) -> tuple[str, ...]:
    return clean_paragraphs(split_paragraphs(text)).paragraphs


def test_hard_wrapped_wire_copy_is_joined_and_indents_start_paragraphs():
    text = (
        "Standard Oil Co and BP North America\nInc said they plan to form a venture to manage the money market\n"
        "borrowing and investment activities of both companies.\n    BP North America is a subsidiary of British Petroleum Co\n"
        "Plc, which also owns a 55 pct interest in Standard Oil.\n"
    )
    assert clean(text) == (
        "Standard Oil Co and BP North America Inc said they plan to form a venture to manage the money market "
        "borrowing and investment activities of both companies.",
        "BP North America is a subsidiary of British Petroleum Co Plc, which also owns a 55 pct interest in Standard Oil.",
    )


def test_one_line_paragraphs_stay_apart_and_broken_lines_rejoin():
    text = "First paragraph ends here.\nSecond paragraph starts\nand continues in lower case."
    assert clean(text) == (
        "First paragraph ends here.",
        "Second paragraph starts and continues in lower case.",
    )


def test_furniture_is_dropped():
    text = "\n".join(
        [
            "The story begins with a long enough sentence about the talks held this week in the capital city.",
            "Get breaking National news",
            "For news impacting Canada and around the world, sign up for breaking news alerts delivered directly to you.",
            "The story goes on with another long sentence about what the officials said after the meeting ended.",
            "© 2025 The Canadian Press",
            "Legal Disclaimer:",
            "MENAFN provides the",
            "information “as is” without warranty of any kind. We do not accept any responsibility.",
            "Most popular stories",
            "Market Research",
            "",
            "- Kucoin Presents Kumining: Embodying Simple Mining",
            "- Japan Buy Now Pay Later Market Size To Surpass USD 145.5 Billion By 2033",
            "Comments",
            "No comment",
        ]
    )
    assert clean(text) == (
        "The story begins with a long enough sentence about the talks held this week in the capital city.",
        "The story goes on with another long sentence about what the officials said after the meeting ended.",
    )


def test_repeated_paragraphs_are_kept_once():
    paragraph = (
        "Hegseth reaffirmed that Washington considers the region its primary strategic focus."
    )
    result = clean_paragraphs(
        [paragraph, "Something else happened that day in the region.", paragraph]
    )
    assert result.paragraphs == (paragraph, "Something else happened that day in the region.")
    assert result.dropped == 1


def test_short_repeated_lines_are_not_treated_as_duplicates():
    assert clean("Yes.\nNo.\nYes.") == ("Yes.", "No.", "Yes.")


def test_a_news_agency_sign_off_after_the_last_sentence_is_dropped():
    assert clean("Rates rose 5 pct, the bank said.\n Reuter") == (
        "Rates rose 5 pct, the bank said.",
    )
    assert clean("Output was 55.8 (33.7).        REUTER") == ("Output was 55.8 (33.7).",)
    # a sentence, not a sign-off
    assert clean("The figures came from the AP") == ("The figures came from the AP",)
