"""Both index engines give the same answers: the same hit counts for every kind of query on a
corpus of a few thousand articles, and the same articles where a query matches few.

Where the engines must differ, this says so: scores (Whoosh ranks with BM25F, tantivy with BM25)
and so the order of a relevance ranking, and the order of articles filed under the same day.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from search.engines import ENGINES, make_engine
from search.pipeline import prepare_document
from search.query import Ids, parse
from search.sources.files import discover

from ..conftest import write_article

ARTICLES = 2500
TOPICS = [
    "election ballot voters campaign candidate polling turnout",
    "markets shares investors trading stocks bonds inflation",
    "football match goal striker league season coach",
    "storm flooding rainfall rescue evacuation coast winds",
    "hospital patients doctors vaccine health outbreak clinic",
    "technology software startup chips computing network users",
]
PEOPLE = [
    "Maria Lopez",
    "John Okafor",
    "Anna Berg",
    "Li Wei",
    "Pedro Alves",
    "Sarah Connolly",
    "Tom Becker",
]
SOURCES = ["Daily Wire Service", "Morning Post", "City Herald", "Global News"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September"]
COMMON = [
    "the",
    "of",
    "and",
    "said",
    "on",
    "in",
    "a",
    "to",
    "was",
    "that",
    "for",
    "it",
    "with",
    "as",
    "after",
]

QUERIES = [
    "election",
    "markets shares",
    "storm OR flooding",
    "football AND NOT coach",
    "NOT hospital",
    '"software startup"',
    '"goal striker" coach',
    "electi*",
    "sh*es",
    "vacine~",
    "rainfal~2",
    "invest?rs",
    "title:markets",
    "title:storm body:rescue",
    "source:herald",
    'source:"global news"',
    'person:"Maria Lopez"',
    "person:okafor",
    "person:Berg OR person:Becker",
    "date:2024",
    "date:2024-03",
    "date:[2023-06-01 TO 2024-02-29]",
    "date:>2024-05",
    "date:*",
    "(election OR markets) AND date:2024",
    "person:lopez AND NOT storm",
    "(football OR technology) -goal",
    "chips^3 computing",
    "the",
    "zzzunknownword",
    "electio~1 OR marke*",
]


def _article(rng: random.Random, number: int) -> tuple[str, str]:
    topic = rng.choice(TOPICS).split()
    person = rng.choice(PEOPLE)
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(700))
    title = " ".join(word.capitalize() for word in rng.sample(topic, 3)) + f" Report {number}"
    sentences = []
    for _ in range(rng.randrange(3, 7)):
        words = rng.sample(topic, 4) + rng.sample(COMMON, 4)
        rng.shuffle(words)
        sentences.append(" ".join(words).capitalize() + ".")
    sentences.insert(
        rng.randrange(len(sentences)),
        f"{person} said on {MONTHS[day.month % len(MONTHS)]} {day.day}, {day.year} that the "
        f"{topic[0]} would go on.",
    )
    if rng.random() < 0.5:  # many days in one article, as news names them
        sentences.append(f"It recalled {MONTHS[rng.randrange(8)]} {rng.randrange(1960, 2022)}.")
    front = f"---\nsource: {rng.choice(SOURCES)}\n"
    if rng.random() < 0.8:  # some articles have no date of their own
        front += f"date: {day.isoformat()}\n"
    return f"{number:05d}.md", front + f"---\n{title}\n\n" + " ".join(sentences)


@pytest.fixture(scope="module")
def engines(tmp_path_factory) -> dict[str, object]:
    """Both engines holding the same documents, analysed once."""
    base = tmp_path_factory.mktemp("parity")
    rng = random.Random(2026)
    for number in range(ARTICLES):
        name, text = _article(rng, number)
        write_article(base / "corpus", name, text)
    documents = [prepare_document(stamp) for stamp in discover([base / "corpus"]).stamps]
    opened = {}
    for name in ENGINES:
        engine = make_engine(name, base / name)
        engine.open()
        writer = engine.writer()
        for document in documents:
            writer.add(document)
        writer.commit(last=True)
        engine.refresh()
        opened[name] = engine
    return opened


def test_the_corpus_is_whole_in_both(engines):
    assert {name: engine.count() for name, engine in engines.items()} == dict.fromkeys(
        ENGINES, ARTICLES
    )


@pytest.mark.parametrize("text", QUERIES)
def test_both_engines_count_the_same_hits(engines, text):
    query = parse(text)
    found = {name: engine.search(query, False, 20) for name, engine in engines.items()}
    totals = {name: result.total for name, result in found.items()}
    assert len(set(totals.values())) == 1, totals
    marked = {name: result.terms for name, result in found.items()}
    assert len({frozenset(terms) for terms in marked.values()}) == 1, marked
    if totals["whoosh"] <= 60:  # few enough to compare whole: the same articles
        every = {name: engine.search(query, False, None) for name, engine in engines.items()}
        ids = {name: {a.id for a, _ in result.articles} for name, result in every.items()}
        assert ids["whoosh"] == ids["tantivy"]


def test_both_engines_list_by_date_the_same_way(engines):
    """Newest first, the undated after every dated one; articles filed under one day may come in
    either order."""
    for query in (None, parse("election OR storm")):
        listed = {
            name: [(a.date_kind == "file", -a.date.toordinal(), a.id) for a, _ in r.articles]
            for name, engine in engines.items()
            if (r := engine.search(query, True, None))
        }
        for rows in listed.values():
            assert [row[:2] for row in rows] == sorted(row[:2] for row in rows)
        assert sorted(listed["whoosh"]) == sorted(listed["tantivy"])


def test_both_engines_find_articles_by_identity_and_count_people(engines):
    some = sorted(engines["whoosh"].article_ids())[:7]
    for engine in engines.values():
        assert engine.search(Ids(frozenset(some)), False, None).total == 7
        assert engine.article(some[0]).id == some[0]
        assert len(engine.article_ids()) == ARTICLES
    assert engines["whoosh"].people() == engines["tantivy"].people()


def test_an_article_replaced_is_counted_once_in_both(engines, tmp_path):
    for name, engine in engines.items():
        article = engine.article(sorted(engine.article_ids())[0])
        document = prepare_document(discover([Path(article.path)]).stamps[0])
        writer = engine.writer()
        writer.add(document)
        writer.delete([article.id])  # the old version goes in the commit that adds the new one
        writer.commit(last=True)
        engine.refresh()
        assert engine.count() == ARTICLES, name
        assert engine.article(article.id) is not None, name
