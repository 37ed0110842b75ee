"""newsreader's query tree as a Whoosh query, each word analysed as its field was indexed."""

from __future__ import annotations

from array import array
from collections import OrderedDict

from whoosh import matching
from whoosh import query as wq
from whoosh.reading import SegmentReader

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
from .analysis import phrase_forms, query_forms
from .words import FuzzyWord

# The articles of recent ranges, per segment: a segment never changes but for its deletions, so
# its articles in a range are read once, and the next search with that range (the words refined,
# the sort changed) takes them from here. Bounded by the articles held, least recently used first
# out: counted in entries, a few ranges over an index of many segments pushed each other out.
_RANGE_ARTICLES: OrderedDict[tuple[str, int, str], array] = OrderedDict()
RANGE_ARTICLES_KEPT = 2_000_000


def _remember(key: tuple[str, int, str], ids: array) -> None:
    _RANGE_ARTICLES[key] = ids
    held = sum(map(len, _RANGE_ARTICLES.values()))
    while held > RANGE_ARTICLES_KEPT and len(_RANGE_ARTICLES) > 1:
        held -= len(_RANGE_ARTICLES.popitem(last=False)[1])


class DistinctArticles(wq.ConstantScoreQuery):
    """Each article once, at a constant score. Whoosh's range over a field holding many days per
    article lists an article once per tier term that holds it: `date:>1990` counted 24,176
    articles of 100,000 where 23,380 name such a day."""

    def _articles(self, searcher, context) -> array | None:
        reader = searcher.reader()
        if isinstance(self.child, wq.NumericRange):
            # Term by term into one set: the range's union of matchers over its hundreds of tier
            # terms spent ten times as long stepping through its tree of pairs.
            ids: set[int] = set()
            for fieldname, text in self.child.simplify(reader).existing_terms(reader, expand=True):
                ids.update(reader.postings(fieldname, text).all_ids())
        else:
            inner = self.child.matcher(searcher, context)
            if isinstance(inner, matching.NullMatcherClass):
                return None
            ids = set(inner.all_ids())
        return array("I", sorted(ids)) if ids else None

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        if not isinstance(reader, SegmentReader):
            ids = self._articles(searcher, context)
        else:
            segment = reader.segment()
            key = (segment.segment_id(), segment.deleted_count(), repr(self.child))
            if key in _RANGE_ARTICLES:
                _RANGE_ARTICLES.move_to_end(key)
                ids = _RANGE_ARTICLES[key]
            else:
                ids = self._articles(searcher, context)
                _remember(key, ids if ids is not None else array("I"))
        if not ids:
            return matching.NullMatcher()
        return matching.ListMatcher(ids, all_weights=self.score)


class _LiveInverse(matching.InverseMatcher):
    def _find_next(self) -> None:
        super()._find_next()
        # Whoosh's stops skipping deleted articles once the child runs out of matches, and
        # listed one after the last article the child matched.
        while self._id < self.limit and self.missing(self._id):
            self._id += 1


class NotLive(wq.Not):
    """NOT x at the root of a query: every live article that x does not match. (Under AND and OR,
    Whoosh makes NOT a difference of matchers, which never lists a deleted article.)"""

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        child = self.query.matcher(searcher, searcher.boolean_context())
        return _LiveInverse(child, reader.doc_count_all(), missing=reader.is_deleted)


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
        return NotLive(child) if child is not None else None
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
            return DistinctArticles(wq.Every("date"), score=node.boost)
        days = wq.NumericRange(
            "date",
            node.first.toordinal() if node.first else None,
            node.last.toordinal() if node.last else None,
        )
        return DistinctArticles(days, score=node.boost)
    return _leaf(node)


def whoosh_query(tree: Query) -> wq.Query:
    """The Whoosh query for `tree`; one that can match nothing (stop words alone) is NullQuery."""
    return (_node(tree) or wq.NullQuery).normalize()
