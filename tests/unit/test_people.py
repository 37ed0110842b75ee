import pytest

from search.extractors.people import extract_people


def people(text: str) -> dict[str, list[str]]:
    return {p.name: [m.text for m in p.mentions] for p in extract_people(text)}


@pytest.mark.parametrize(
    "text, name",
    [
        ("Adm. Dong Jun said the talks went well.", "Dong Jun"),
        ("Dr. Michael Jhung of the CDC spoke.", "Michael Jhung"),
        ("China's Major General Ye Jiang attended.", "Ye Jiang"),
        ("Sen. Elizabeth Warren objected.", "Elizabeth Warren"),
        ("Gov. Gavin Newsom signed it.", "Gavin Newsom"),
        ("Pope Francis visited.", "Francis"),
        ("The summit with Xi Jinping ended.", "Xi Jinping"),
        ("Kim Jong-un and aides met.", "Kim Jong-un"),
        ("Charles de Gaulle returned.", "Charles de Gaulle"),
        ("Jean-Claude Juncker spoke.", "Jean-Claude Juncker"),
        ("Abu Bakr al-Baghdadi was killed.", "Abu Bakr al-Baghdadi"),
        ("J.R.R. Tolkien wrote it.", "J.R.R. Tolkien"),
        ("Narendra Modi met aides.", "Narendra Modi"),
        ("Vladimir Putin met aides.", "Vladimir Putin"),
    ],
)
def test_kinds_of_names(text, name):
    assert name in people(text)


def test_surname_and_possessive_mentions_merge_into_the_full_name():
    found = people(
        "Defense Secretary Pete Hegseth met officials. Hegseth's aides said Hegseth would return."
    )
    assert found == {"Pete Hegseth": ["Pete Hegseth", "Hegseth", "Hegseth"]}


def test_surname_before_the_full_name_still_merges():
    found = people("Trump's return was discussed. Donald John Trump is an American politician.")
    assert found == {"Donald Trump": ["Trump", "Donald John Trump"]}


def test_legal_name_merges_with_the_common_name():
    found = people(
        "Pete Hegseth spoke. Pete Hegseth left. Peter Brian Hegseth (born 1980) is an official."
    )
    assert list(found) == ["Pete Hegseth"]


def test_east_asian_family_name_comes_first():
    found = people(
        "Defence Minister Dong Jun spoke. Dong said the talks helped. Xi-Trump talks followed Xi Jinping's visit."
    )
    assert found["Dong Jun"] == ["Dong Jun", "Dong"]
    assert found["Xi Jinping"] == ["Xi", "Xi Jinping"]


def test_title_only_reference_merges_with_the_full_name():
    found = people("Donald Trump spoke. Later President Trump left.")
    assert found == {"Donald Trump": ["Donald Trump", "Trump"]}


def test_roles_are_kept():
    [person] = extract_people("U.S. Defense Secretary Pete Hegseth told reporters.")
    assert person.role == "U.S. Defense Secretary"
    [person] = extract_people(
        "According to the Pentagon, Alvaro Smith, the US Deputy Assistant Secretary of Defence, spoke."
    )
    assert (
        person.name == "Alvaro Smith" and person.role == "US Deputy Assistant Secretary of Defence"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The South China Morning Post reported it.",
        "The Pentagon said so.",
        "Ships sailed through the Taiwan Strait near Kuala Lumpur.",
        "Chinese and American officials met.",
        "The parade marked the end of World War II.",
        "SOUTH CHINA MORNING POST",
        "Legal Disclaimer: Market Research. Most popular stories.",
        "Princeton University and the Central Military Commission.",
        "What Are the Goals of US-China Military Talks?",
    ],
)
def test_things_that_are_not_people(text):
    assert people(text) == {}


def test_offsets_exclude_the_possessive():
    text = "Nancy Pelosi’s visit angered Beijing."
    [person] = extract_people(text)
    mention = person.mentions[0]
    assert text[mention.start : mention.end] == "Nancy Pelosi" == mention.text


def test_an_ambiguous_name_is_decided_by_the_rest_of_the_article():
    place = people(
        "Talks resumed in Washington on Monday. Washington and Beijing agreed to meet again."
    )
    assert place == {}
    person = people("George Washington crossed the river. Washington said the army would advance.")
    assert person == {"George Washington": ["George Washington", "Washington"]}
    country = people("King Abdullah of Jordan met officials. Jordan has hosted refugees for years.")
    assert "Jordan" not in " ".join(country)
    player = people("Michael Jordan scored 40 points. Jordan said the team played well.")
    assert player == {"Michael Jordan": ["Michael Jordan", "Jordan"]}


def test_months_and_number_words_alone_are_not_people():
    text = "Soybean oil prev 3.7, Feb 21.1, Mar nil, Apr 2.0.\n\nNine of the ten ships docked. Mar 20.4, Jun 13.0."
    assert [p.name for p in extract_people(text)] == []
    assert [p.name for p in extract_people("Theresa May spoke. May said the talks were over.")] == [
        "Theresa May"
    ]
