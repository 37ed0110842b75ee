"""The word lists that say what a capitalised word may be: a given name, a title, a place ..."""

from __future__ import annotations

from ..resources import table, word_set

# The common given names, chosen by hand; a middle name among them is dropped ("Donald John Trump"
# is "Donald Trump"), while any other is kept ("Victor Paz Estenssoro").
COMMON_GIVEN_NAMES = word_set("given_names.txt")
GIVEN_NAMES = COMMON_GIVEN_NAMES | word_set("given_names_us.txt")
TITLES = word_set("titles.txt")
NATIONALITY_NOUNS = word_set("nationality_nouns.txt")
ORGANISATION_WORDS = word_set("organisation_words.txt")
PLACES = word_set("places.txt")
EAST_ASIAN_SURNAMES = word_set("east_asian_surnames.txt")
NAME_PARTICLES = word_set("name_particles.txt")
FUNCTION_WORDS = word_set("function_words.txt")
NICKNAMES = table("nicknames.tsv")
CALENDAR_AND_NUMBER_WORDS = (
    frozenset(table("months.tsv"))
    | frozenset(table("weekdays.tsv"))
    | frozenset(table("number_words.tsv"))
)
