"""People named in news: found, merged under their full names, with the roles given them."""

from .merge import Person, PersonMention, extract_people, mentions

__all__ = ["Person", "PersonMention", "extract_people", "mentions"]
