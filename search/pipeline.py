"""The one place where a source's item, the article made of it, its extraction and the index
document meet: read, clean and analyse a file into the document an engine indexes."""

from __future__ import annotations

import datetime as dt

from .extractors.dates import TemporalExpression, period_start
from .extractors.extraction import Extraction, extract_or_nothing
from .query import person_keys
from .records import (
    DATE_FROM_FILE,
    DATE_INFERRED,
    DATE_PUBLISHED,
    IndexDocument,
    PersonCount,
)
from .sources.files import FileStamp, SkippedFile, UnreadableFile, read_article
from .stories.features import story_terms

MENTIONS_COUNTED = 20


def _days(dates: tuple[TemporalExpression, ...], published: dt.date | None) -> tuple[dt.date, ...]:
    """Each day the article names or was published on, once."""
    days = {period_start(d.value) for d in dates if d.names_a_time} | {published}
    return tuple(sorted(day for day in days if day is not None))


def _file_date(mtime_ns: int) -> dt.date:
    """The day a file was saved, for ordering only; a clock set to the year 33658 (or before 1970)
    gives the epoch instead of stopping the indexing."""
    try:
        return dt.datetime.fromtimestamp(mtime_ns // 1_000_000_000).date()
    except (ValueError, OverflowError, OSError):
        return dt.date(1970, 1, 1)


def prepare_document(stamp: FileStamp, analyse: bool = True) -> IndexDocument:
    """Read, clean and analyse one file into its index document (raises UnreadableFile).

    Without `analyse`, the document has the article's words and what the file says of it, and no
    dates, people or story terms: a large archive is searchable by its words first, and analysed
    after (see indexing.py)."""
    article = read_article(stamp.path)
    saved = _file_date(stamp.mtime_ns)
    if analyse:
        extraction, problem = extract_or_nothing(article.body, article.published, not_after=saved)
    else:
        extraction, problem = Extraction((), (), None), "not analysed yet"
    reference = extraction.reference
    if article.published:
        sort_date, date_kind = article.published, DATE_PUBLISHED
    elif reference:
        sort_date, date_kind = reference.date, DATE_INFERRED
    else:
        # Only for ordering: a file's mtime says when it was saved, not when the story was written.
        sort_date, date_kind = saved, DATE_FROM_FILE
    # Each key as often as the person is named (up to a point), so that person: ranks the
    # articles about someone above those that name them once.
    days = _days(extraction.dates, article.published)
    keys: list[str] = []
    for person in extraction.people:
        keys += sorted(person_keys(person.name)) * min(len(person.mentions), MENTIONS_COUNTED)
    return IndexDocument(
        id=article.id,
        content_hash=article.content_hash,
        path=stamp.path,
        title=article.title,
        body=article.body,
        source=article.source or "",
        url=article.url or "",
        author=article.author or "",
        feed=article.feed or "",
        published=article.published,
        sort_date=sort_date,
        date_kind=date_kind,
        days=days,
        person_keys=tuple(sorted(keys)),
        person_names=tuple(sorted({p.name for p in extraction.people})),
        people=tuple(
            PersonCount(p.name, len(p.mentions), p.role)
            for p in sorted(extraction.people, key=lambda p: -len(p.mentions))
        ),
        analysis=None if problem else extraction.to_record(),
        story_terms=story_terms(
            article.title,
            article.body,
            ((p.name, len(p.mentions)) for p in extraction.people),
            days,
        )
        if analyse
        else {},
    )


def document_or_skipped(stamp: FileStamp, analyse: bool = True) -> IndexDocument | SkippedFile:
    """The file's index document, or why it cannot have one."""
    try:
        return prepare_document(stamp, analyse)
    except UnreadableFile as error:
        return SkippedFile(stamp.path, str(error), error.retry)
