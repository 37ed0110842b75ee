"""Dates and people found in an article's text: the temporal tagger, the person tagger and
the record they make together."""
