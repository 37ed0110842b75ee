"""The tantivy schema of an article index, and the conversions between its documents and records.

Words are indexed in the forms Whoosh's analysers give them (engines/whoosh/analysis.py), joined by
spaces for tantivy's whitespace tokenizer: both engines stem, drop stop words and number positions
the same way, so a query matches the same articles whichever engine holds them.
"""

from __future__ import annotations

import datetime as dt
import json

import tantivy

from ...records import DATE_FROM_FILE, IndexDocument, StoredArticle
from ...stories.features import StoryFeatures
from .. import engine
from ..engine import IndexDamaged
from ..whoosh.analysis import indexed_words, query_forms

# Listed by date, dated articles come before undated ones, then the newest first: one number.
_DATED = 10_000_000  # above every day number (dt.date.max is 3,652,059)


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("content_hash", tokenizer_name="raw", index_option="basic")
    for name in ("title", "body", "source", "feed"):
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="position")
    # person: full names and surnames, lower case, each as often as the person is named (scored by
    # it); person_name: the canonical names as written, whose counts list the corpus's people.
    builder.add_text_field("person", tokenizer_name="raw", index_option="freq")
    builder.add_text_field("person_name", tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("date", indexed=True, fast=True)  # day numbers the article names
    builder.add_integer_field("sort_key", fast=True)
    builder.add_bytes_field("record", stored=True)  # the StoredArticle and story terms, as JSON
    return builder.build()


def _words(text: str) -> str:
    """The title's or body's indexed forms, one space apart."""
    return " ".join(form for _, _, form in indexed_words(text))


def _field_words(field: str, text: str) -> str:
    return " ".join(query_forms(field, text, whole=False))


def _record(document: IndexDocument) -> bytes:
    return json.dumps(
        {
            **engine.stored_values(document),
            "published": document.published.toordinal() if document.published else None,
            "sort_date": document.sort_date.toordinal(),
            "analysis": document.analysis,
            "story_terms": document.story_terms,
        }
    ).encode("utf-8")


def document_fields(document: IndexDocument) -> dict[str, object]:
    """What tantivy indexes for `document`, as plain values: a worker process makes them, and the
    writing process turns them into a tantivy Document."""
    dated = 0 if document.date_kind == DATE_FROM_FILE else _DATED
    return {
        "id": document.id,
        "content_hash": document.content_hash,
        "title": _words(document.title),
        "body": _words(document.body),
        "source": _field_words("source", document.source),
        "feed": _field_words("feed", document.feed),
        "person": [key.replace(",", " ").strip().lower() for key in document.person_keys],
        "person_name": [name.replace(",", " ").strip() for name in document.person_names],
        "date": sorted({day.toordinal() for day in document.days}),
        "sort_key": dated + document.sort_date.toordinal(),
        "record": _record(document),
    }


def tantivy_document(fields: dict[str, object], schema: tantivy.Schema) -> tantivy.Document:
    return tantivy.Document.from_dict(fields, schema)


def _stored(document: tantivy.Document) -> dict:
    raw = document.get_first("record")
    try:
        record = json.loads(raw or b"")
    except (TypeError, ValueError) as error:
        raise IndexDamaged(f"an article's stored record cannot be read ({error})") from error
    if not isinstance(record, dict):
        raise IndexDamaged("an article's stored record is not a record")
    return record


def _day(ordinal: int | None) -> dt.date | None:
    return dt.date.fromordinal(ordinal) if ordinal else None


def stored_article(document: tantivy.Document) -> StoredArticle:
    record = _stored(document)
    return engine.stored_article(
        record, _day(record.get("published")), _day(record.get("sort_date"))
    )


def story_features(document: tantivy.Document) -> StoryFeatures:
    return engine.story_features(stored_article(document), _stored(document).get("story_terms"))
