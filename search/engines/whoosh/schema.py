"""The Whoosh schema of an article index, and the conversions between its fields and records."""

from __future__ import annotations

import datetime as dt

from whoosh.analysis import StandardAnalyzer, StemmingAnalyzer
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from ...records import DATE_FROM_FILE, IndexDocument, StoredArticle
from ...stories.features import StoryFeatures
from .. import engine


class DayField(DATETIME):
    """Dates to the day, indexed as day numbers.

    Whoosh's DATETIME indexes microseconds in eight tiers of terms, so that ranges stay fast over
    any spread of timestamps. Articles name days: as day numbers (some 740,000, twenty bits) the
    same tiers hold a handful of distinct terms each, and a range of decades walks a few of them.
    With one term per value instead, a range such as date:>1990 had to join some 10,000 days.
    """

    def prepare_datetime(self, x):
        if isinstance(x, dt.datetime):
            return x.toordinal()
        return super().prepare_datetime(x)

    def from_column_value(self, x):
        return dt.datetime.fromordinal(x)

    def from_bytes(self, bs):
        return dt.datetime.fromordinal(NUMERIC.from_bytes(self, bs))

    def index(self, value, **kwargs):
        # The days of one article share their coarser tiers' terms: Whoosh yields such a term once
        # per day, and posted the article under it as often. One posting per term.
        postings = {}
        for posting in super().index(value, **kwargs):
            postings.setdefault(posting[0], posting)
        return iter(postings.values())


def build_schema() -> Schema:
    return Schema(
        # The article's identity (for a file, a valid-Unicode form of its path): what a changed
        # article is replaced by.
        id=ID(stored=True, unique=True),
        content_hash=ID(stored=True),  # searchable: read marks of older versions name it
        path=STORED,  # exact, even when the file name is not UTF-8
        title=TEXT(analyzer=StemmingAnalyzer(), stored=True, field_boost=2.0),
        body=TEXT(analyzer=StemmingAnalyzer(), stored=True),
        source=TEXT(analyzer=StandardAnalyzer(stoplist=None), stored=True),
        url=STORED,
        author=STORED,
        feed=TEXT(analyzer=StandardAnalyzer(stoplist=None), stored=True),
        published=STORED,
        sort_date=DayField(stored=True, sortable=True),
        # "yes" when the article has a date of its own (published or inferred), "no" when only its
        # file's: listed by date, undated articles come after every dated one.
        dated=ID(sortable=True),
        date_kind=STORED,
        date=DayField(),
        person=KEYWORD(commas=True, lowercase=True, scorable=True),
        # Canonical names as written: its lexicon lists the corpus's people, with article counts.
        person_name=KEYWORD(commas=True),
        people=STORED,
        # The dates and people found at indexing, so that opening an article does not extract them
        # again.
        analysis=STORED,
        story_terms=STORED,
    )


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def _keywords(values: tuple[str, ...]) -> str:
    """Whoosh's comma-separated keywords: a comma inside a value would split it."""
    return ",".join(sorted(value.replace(",", " ") for value in values))


def document_fields(document: IndexDocument) -> dict[str, object]:
    """The fields Whoosh adds for `document`; none is None (Whoosh would index "None")."""
    fields: dict[str, object] = {
        **engine.stored_values(document),
        "sort_date": _midnight(document.sort_date),
        "dated": "no" if document.date_kind == DATE_FROM_FILE else "yes",
    }
    # Left out when empty, as an article is before its analysis: Whoosh runs a field's analyser
    # and records its length even for nothing (3% of indexing an article by its words).
    if document.person_keys:
        fields["person"] = _keywords(document.person_keys)
    if document.person_names:
        fields["person_name"] = _keywords(document.person_names)
    if document.published:
        fields["published"] = _midnight(document.published)
    # Each day once: Whoosh indexes a value given twice as two postings of one document, which
    # breaks its matchers (an AssertionError in an AND).
    if document.days:
        fields["date"] = [_midnight(day) for day in sorted(set(document.days))]
    if document.story_terms:
        fields["story_terms"] = document.story_terms
    if document.analysis is not None:
        fields["analysis"] = document.analysis
    return fields


def story_features(fields: dict) -> StoryFeatures:
    return engine.story_features(stored_article(fields), fields.get("story_terms"))


def stored_article(fields: dict) -> StoredArticle:
    published, sort_date = fields.get("published"), fields.get("sort_date")
    return engine.stored_article(
        fields,
        published.date() if published else None,
        sort_date.date() if sort_date else None,
    )
