"""newsreader's query tree as a tantivy query, each word in the form its field was indexed in, and
prefix, wildcard and fuzzy words expanded from the index's own words as the Whoosh engine expands
them (engines/word_expansion.py): both engines match the same articles."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import tantivy
from tantivy import Occur
from tantivy import Query as TQ

from ...query import (
    DEFAULT_FIELDS,
    And,
    DateRange,
    Fuzzy,
    Ids,
    Not,
    Or,
    Phrase,
    Prefix,
    Query,
    State,
    Wildcard,
    Word,
)
from ..whoosh.analysis import phrase_forms, query_forms
from ..whoosh.word_expansion import standing_for

# A query part that matches every article, or none: kept apart from tantivy's queries so that
# AND, OR and NOT can simplify them as the Whoosh engine does (NOT of nothing is everything).
Compiled = tantivy.Query | Literal["all", "nothing"] | None


@dataclass
class Translation:
    """One query tree, translated: the tantivy query and the words to mark in the text."""

    schema: tantivy.Schema
    field_words: Callable[[str], list[str]]  # a field's indexed words, sorted
    marked: dict[str, set[str]] = field(default_factory=dict)  # field -> words asked for

    def _mark(self, field_name: str, words: list[str], negated: bool) -> None:
        if not negated:
            self.marked.setdefault(field_name, set()).update(words)

    def _boosted(self, query: tantivy.Query, boost: float) -> tantivy.Query:
        return query if boost == 1.0 else TQ.boost_query(query, boost)

    def _boosted_terms(self, field_name: str, words: list[str], boost: float) -> Compiled:
        """Any of these words (a term set scores them alike, as one word)."""
        if not words:
            return "nothing"
        if len(words) == 1:
            return self._boosted(TQ.term_query(self.schema, field_name, words[0]), boost)
        return self._boosted(TQ.term_set_query(self.schema, field_name, words), boost)

    def _in_field(
        self,
        field_name: str,
        node: Word | Phrase | Prefix | Wildcard | Fuzzy,
        boost: float,
        negated: bool,
    ) -> Compiled:
        if isinstance(node, Phrase):
            words = phrase_forms(field_name, node.text)
            self._mark(field_name, words, negated)
            if len(words) < 2:
                return self._boosted_terms(field_name, words, boost)
            # Whoosh's slop counts the step to the next word (1: adjacent); tantivy's, the gaps.
            positioned: list[str | tuple[int, str]] = list(words)
            phrase = TQ.phrase_query(
                self.schema, field_name, positioned, slop=max(node.slop - 1, 0)
            )
            return self._boosted(phrase, boost)
        if isinstance(node, Word):
            texts = query_forms(field_name, node.text, whole=False)
            self._mark(field_name, texts, negated)
            if not texts:
                return None
            terms = [TQ.term_query(self.schema, field_name, text) for text in texts]
            if len(terms) == 1:  # "U.S.-led": each part must occur
                return self._boosted(terms[0], boost)
            return self._boosted(TQ.boolean_query([(Occur.Must, t) for t in terms]), boost)
        text = node.pattern if isinstance(node, Wildcard) else node.text
        forms = query_forms(field_name, text, whole=True)
        if not forms:
            return None
        words = self.field_words(field_name)
        if isinstance(node, Fuzzy):
            expanded = standing_for("fuzzy", forms[0], words, node.edits, node.prefix)
        else:
            kind = "prefix" if isinstance(node, Prefix) else "wildcard"
            expanded = standing_for(kind, forms[0], words)
        self._mark(field_name, expanded, negated)
        return self._boosted_terms(field_name, expanded, boost)

    def _leaf(self, node: Word | Phrase | Prefix | Wildcard | Fuzzy, negated: bool) -> Compiled:
        if node.field is not None:
            return self._in_field(node.field, node, node.boost, negated)
        # No field named: the title and the body, each with its weight; the user's on the two.
        either = [self._in_field(name, node, weight, negated) for name, weight in DEFAULT_FIELDS]
        return self._combined(Or, [part for part in either if part is not None], node.boost)

    def _combined(
        self, kind: type[And] | type[Or], parts: list[Compiled], boost: float
    ) -> Compiled:
        """AND or OR of the parts: "all" is nothing to AND and everything to OR, and "nothing"
        the other way round; parts that ask nothing (None) are left out."""
        present = [part for part in parts if part is not None]
        absorbing, neutral = ("nothing", "all") if kind is And else ("all", "nothing")
        if absorbing in present:
            return absorbing  # type: ignore[return-value]
        queries = [part for part in present if not isinstance(part, str)]
        if not queries:
            return neutral if present else None  # type: ignore[return-value]
        if len(queries) == 1 and boost == 1.0:
            return queries[0]
        occur = Occur.Must if kind is And else Occur.Should
        return self._boosted(TQ.boolean_query([(occur, q) for q in queries]), boost)

    def node(self, node: Query, negated: bool = False) -> Compiled:
        if isinstance(node, Not):
            child = self.node(node.child, not negated)
            if child is None:
                return None
            if child == "nothing":
                return "all"
            if child == "all":
                return "nothing"
            assert not isinstance(child, str)
            return TQ.boolean_query([(Occur.Must, TQ.all_query()), (Occur.MustNot, child)])
        if isinstance(node, And | Or):
            parts = [self.node(child, negated) for child in node.children]
            return self._combined(type(node), parts, node.boost)
        if isinstance(node, Ids):
            ids = sorted(node.ids)
            if not ids:
                return "nothing"
            either = [TQ.term_set_query(self.schema, name, ids) for name in ("id", "content_hash")]
            return self._boosted(TQ.boolean_query([(Occur.Should, q) for q in either]), node.boost)
        if isinstance(node, State):
            raise TypeError("the library resolves is: and tag: before the engine sees them")
        if isinstance(node, DateRange):
            if node.first is None and node.last is None:
                return self._boosted(TQ.exists_query("date"), node.boost)
            days = TQ.range_query(
                self.schema,
                "date",
                tantivy.FieldType.Integer,
                node.first.toordinal() if node.first else None,
                node.last.toordinal() if node.last else None,
            )
            return self._boosted(days, node.boost)
        return self._leaf(node, negated)


def tantivy_query(
    schema: tantivy.Schema, tree: Query, field_words: Callable[[str], list[str]]
) -> tuple[tantivy.Query, dict[str, set[str]]]:
    """The tantivy query for `tree`, and per field the indexed words it asks for (outside a NOT):
    what marks the hits in the text. One that can match nothing (stop words alone) matches none."""
    translation = Translation(schema, field_words)
    compiled = translation.node(tree)
    if compiled == "all":
        return TQ.all_query(), translation.marked
    if compiled is None or compiled == "nothing":
        return TQ.empty_query(), translation.marked
    return compiled, translation.marked
