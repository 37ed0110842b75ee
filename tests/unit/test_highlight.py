from hypothesis import given
from hypothesis import strategies as st
from whoosh.analysis import StemmingAnalyzer

from search import bundled_seeds_dir
from search.engines.whoosh.analysis import indexed_words
from search.highlight import hit_spans as engine_hit_spans
from search.highlight import make_snippet

ANALYZER = StemmingAnalyzer()  # the title and body fields' analyser (engines/whoosh/schema.py)


def hit_spans(text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
    return engine_hit_spans(text, terms, indexed_words)


def analyser_spans(text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
    return [
        (t.startchar, t.endchar)
        for t in ANALYZER(text, chars=True, mode="index")
        if t.text in terms
    ]


def every_term(text: str) -> frozenset[str]:
    return frozenset(t.text for t in ANALYZER(text))


def test_hit_spans_mark_exactly_the_words_whoosh_indexed_under_the_terms():
    for path in sorted(bundled_seeds_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        terms = every_term(text)
        assert hit_spans(text, terms) == analyser_spans(text, terms)
        some = frozenset(sorted(terms)[::7])
        assert hit_spans(text, some) == analyser_spans(text, some)


@given(
    st.text(alphabet=st.sampled_from(list("aeiouy bcdlmnrst.*'-ÉéßI\n0123456789")), max_size=80),
    st.lists(
        st.sampled_from(["will", "us", "a", "run", "happi", "i", "the", "be", "ran", "s"]),
        max_size=4,
    ),
)
def test_hit_spans_agree_with_the_analyser_on_any_text(text, words):
    terms = frozenset(words) | every_term(text)
    assert hit_spans(text, terms) == analyser_spans(text, terms)


def test_stop_words_are_not_marked_even_when_their_stem_is_a_term():
    # "willing" is indexed as "will"; the stop word "will" is not indexed at all.
    assert hit_spans("We will be willing.", frozenset({"will"})) == [(11, 18)]


def test_snippet_is_the_sentence_with_most_hits():
    text = "Nothing here. Oil prices rose as oil demand grew. Then rain."
    snippet = make_snippet(text, hit_spans(text, frozenset({"oil"})))
    assert snippet.text == "Oil prices rose as oil demand grew."
    assert [snippet.text[s:e] for s, e in snippet.spans] == ["Oil", "oil"]
