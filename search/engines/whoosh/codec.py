"""Whoosh's own codec, with the field lengths of a segment being written read once per field.

When a writer flushes a segment, Whoosh asks for the length of the field of the document behind
every single posting: a column lookup each time and, for a field that keeps no lengths (the
identity, the dates, the people's keys), a stat() of a file that does not exist. That was a sixth
of the time of indexing an article. Here each field's lengths are read into a list the first time
they are asked for, and a field without them is remembered as such.

The segments written record Whoosh's plain codec, so an index reads the same with or without this
module.
"""

from __future__ import annotations

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3PerDocReader, W3Segment, _lenfield
from whoosh.util.numeric import byte_to_length


class _LengthsReadOnce(W3PerDocReader):
    def __init__(self, storage, segment) -> None:
        super().__init__(storage, segment)
        self._lengths: dict[str, list[int | None] | None] = {}

    def doc_field_length(self, docnum, fieldname, default=0):
        if fieldname not in self._lengths:
            column = self._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            self._lengths[fieldname] = (
                None if column is None else [byte_to_length(b) if b else None for b in column]
            )
        lengths = self._lengths[fieldname]
        return default if lengths is None else lengths[docnum]


class WritingCodec(W3Codec):
    """For writers only: what they flush is read back with the lengths read once."""

    def per_document_reader(self, storage, segment):
        return _LengthsReadOnce(storage, segment)

    def new_segment(self, storage, indexname):
        return W3Segment(W3Codec(), indexname)
