"""The one place where a source's item, the article made of it, its extraction and the index
document meet: read, clean and analyse a file into the fields the engine stores."""

from __future__ import annotations

import datetime as dt

from .extractors.dates import TemporalExpression, period_start
from .extractors.extraction import extract_or_nothing
from .query import person_keys
from .sources.files import FileStamp, read_article
from .text.safety import path_text

DATE_PUBLISHED, DATE_INFERRED, DATE_FROM_FILE = "published", "inferred", "file"


def _date_values(
    dates: tuple[TemporalExpression, ...], published: dt.date | None
) -> list[dt.datetime]:
    """Each day the article names or was published on, once: Whoosh indexes a value given twice as
    two postings of one document, which breaks its matchers (an AssertionError in an AND)."""
    days = {period_start(d.value) for d in dates if d.names_a_time} | {published}
    return sorted(dt.datetime.combine(d, dt.time()) for d in days if d is not None)


def _file_date(mtime_ns: int) -> dt.datetime:
    """The day a file was saved, for ordering only; a clock set to the year 33658 (or before 1970)
    gives the epoch instead of stopping the indexing."""
    try:
        return dt.datetime.fromtimestamp(mtime_ns // 1_000_000_000).replace(microsecond=0)
    except (ValueError, OverflowError, OSError):
        return dt.datetime(1970, 1, 1)


def prepare_document(stamp: FileStamp) -> dict[str, object]:
    """Read, clean and analyse one file into the fields of its index document."""
    article = read_article(stamp.path)
    extraction, problem = extract_or_nothing(article.body, article.published)
    reference = extraction.reference
    if article.published:
        sort_date, date_kind = dt.datetime.combine(article.published, dt.time()), DATE_PUBLISHED
    elif reference:
        sort_date, date_kind = dt.datetime.combine(reference.date, dt.time()), DATE_INFERRED
    else:
        # Only for ordering: a file's mtime says when it was saved, not when the story was written.
        sort_date, date_kind = _file_date(stamp.mtime_ns), DATE_FROM_FILE
    keys = set()
    for person in extraction.people:
        keys |= person_keys(person.name)
    dates = _date_values(extraction.dates, article.published)
    return {
        "path": stamp.path,
        "path_key": path_text(stamp.path),
        "id": article.id,
        "title": article.title,
        "body": article.body,
        "source": article.source or "",
        "published": dt.datetime.combine(article.published, dt.time())
        if article.published
        else None,
        "sort_date": sort_date,
        "date_kind": date_kind,
        "date": dates or None,
        "person": ",".join(sorted(k.replace(",", " ") for k in keys)),
        "person_name": ",".join(sorted({p.name.replace(",", " ") for p in extraction.people})),
        "people": [
            (p.name, len(p.mentions), p.role)
            for p in sorted(extraction.people, key=lambda p: -len(p.mentions))
        ],
        # None after a failure: the reader extracts again when the article is opened, and says why.
        "analysis": None if problem else extraction.to_record(),
    }
