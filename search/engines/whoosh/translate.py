"""newsreader's query tree as a Whoosh query, each word analysed as its field was indexed."""

from __future__ import annotations

from whoosh import query as wq

from ...query import (
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
from .analysis import phrase_forms, query_forms
from .schema import DEFAULT_FIELDS
from .words import FuzzyWord


def _in_field(
    field: str, node: Word | Phrase | Prefix | Wildcard | Fuzzy, boost: float
) -> wq.Query | None:
    if isinstance(node, Phrase):
        return wq.Phrase(field, phrase_forms(field, node.text), slop=node.slop, boost=boost)
    if isinstance(node, Word):
        texts = query_forms(field, node.text, whole=False)
        if len(texts) > 1:  # "U.S.-led": each part must occur
            return wq.And([wq.Term(field, text, boost=boost) for text in texts])
        return wq.Term(field, texts[0], boost=boost) if texts else None
    text = node.pattern if isinstance(node, Wildcard) else node.text
    forms = query_forms(field, text, whole=True)
    if not forms:
        return None
    if isinstance(node, Prefix):
        return wq.Prefix(field, forms[0], boost=boost)
    if isinstance(node, Wildcard):
        return wq.Wildcard(field, forms[0], boost=boost)
    if isinstance(node, Fuzzy):
        return FuzzyWord(field, forms[0], boost=boost, maxdist=node.edits, prefixlength=node.prefix)
    raise TypeError(f"not a word of a field: {node!r}")


def _leaf(node: Word | Phrase | Prefix | Wildcard | Fuzzy) -> wq.Query | None:
    if node.field is not None:
        return _in_field(node.field, node, node.boost)
    # No field named: the title and the body, each with its weight; the user's on the two.
    either = [
        query
        for field, weight in DEFAULT_FIELDS
        if (query := _in_field(field, node, weight)) is not None
    ]
    return wq.Or(either, boost=node.boost)


def _node(node: Query) -> wq.Query | None:
    if isinstance(node, Not):
        child = _node(node.child)
        if child is wq.NullQuery:  # not one of no articles (is:unread, nothing read yet): all
            return wq.Every()
        return wq.Not(child) if child is not None else None
    if isinstance(node, And | Or):
        children = [q for child in node.children if (q := _node(child)) is not None]
        if isinstance(node, And) and len(children) > 1:
            # Whoosh normalises And([x, Every()]) to Every(): "all of x and everything" is x.
            children = [q for q in children if not isinstance(q, wq.Every)] or [wq.Every()]
        if not children:
            return None
        if len(children) == 1 and node.boost == 1.0:
            # Whoosh's normalize() would fold a weighted child into its parent, weighing its
            # words instead of it: keep it whole.
            return children[0]
        return (wq.And if isinstance(node, And) else wq.Or)(children, boost=node.boost)
    if isinstance(node, Ids):
        terms = [wq.Term(field, i) for i in sorted(node.ids) for field in ("id", "content_hash")]
        return wq.Or(terms, boost=node.boost) if terms else wq.NullQuery
    if isinstance(node, State):
        raise TypeError("the library resolves is: and tag: before the engine sees them")
    if isinstance(node, DateRange):
        if node.first is None and node.last is None:
            return wq.Every("date", boost=node.boost)
        return wq.NumericRange(
            "date",
            node.first.toordinal() if node.first else None,
            node.last.toordinal() if node.last else None,
            boost=node.boost,
        )
    return _leaf(node)


def whoosh_query(tree: Query) -> wq.Query:
    """The Whoosh query for `tree`; one that can match nothing (stop words alone) is NullQuery."""
    return (_node(tree) or wq.NullQuery).normalize()
