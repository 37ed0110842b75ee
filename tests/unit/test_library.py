import datetime as dt
import os
import shutil
import sqlite3

import pytest

from search import NEWEST, Library, QuerySyntaxError
from search.index_folder import MANIFEST, MARKER

from ..conftest import FIXED_MTIME, write_article

# Every test here runs against both index engines (conftest.engine).
pytestmark = pytest.mark.usefixtures("engine")


def titles(results) -> list[str]:
    return [hit.article.path.rsplit("/", 1)[1] for hit in results.hits]


def test_pelosi_is_in_exactly_three_articles(seed_library):
    results = seed_library.search("Pelosi")
    assert sorted(titles(results)) == [
        "001_a8052af941d37aa2.txt",
        "002_44731091837c877e.txt",
        "003_7f76c3b10e6f9d84.txt",
    ]
    for hit in results.hits:
        marked = [hit.snippet.text[s:e] for s, e in hit.snippet.spans]
        assert marked and set(marked) == {"Pelosi"}


def test_empty_query_lists_every_article_newest_first_and_the_undated_last(tmp_path):
    corpus = tmp_path / "c"
    for name, day in (("a", "2024-03-05"), ("b", None), ("c", "2025-01-20"), ("d", "2023-11-02")):
        front = f"---\ndate: {day}\n---\n" if day else ""
        write_article(corpus, f"{name}.md", f"{front}Talks {name} resume\n\nThe talks went on.")
    write_article(corpus, "e.md", "Talks e resume\n\nThe talks went on.")
    library = Library([corpus], tmp_path / "index")
    library.update()
    results = library.search("")
    assert results.total == 5
    assert [hit.article.date_label for hit in results.hits[:3]] == [
        "2025-01-20",
        "2024-03-05",
        "2023-11-02",
    ]
    assert {hit.article.title for hit in results.hits[3:]} == {"Talks b resume", "Talks e resume"}
    assert not any(hit.article.date_label for hit in results.hits[3:])
    by_date = library.search("talks", sort="date")
    titles = [hit.article.title for hit in by_date.hits]
    assert titles[:3] == [hit.article.title for hit in results.hits[:3]]
    assert set(titles[3:]) == {"Talks b resume", "Talks e resume"}  # undated: in no set order


def test_stemming_matches_and_marks_other_forms(seed_library):
    results = seed_library.search("talk")
    assert results.total == 5 and "talk" in results.terms
    article = results.hits[0].article
    spans = [span for paragraph in seed_library.marks(article, results.terms) for span in paragraph]
    marked = {word.lower() for p in article.paragraphs for word in [p[s:e] for s, e in spans]}
    assert marked >= {"talks"}


def test_person_field_and_surname(seed_library):
    assert seed_library.search('person:"Pete Hegseth"').total == 5
    assert seed_library.search("person:hegseth").total == 5
    assert titles(seed_library.search('person:"Alvaro Smith"')) and all(
        "Smith" in hit.article.body for hit in seed_library.search('person:"Alvaro Smith"').hits
    )
    assert seed_library.search('person:"Wang Yi"').total == 1


def test_date_ranges_use_the_dates_in_the_text(seed_library):
    results = seed_library.search("date:[2023-12-01 TO 2023-12-31]")
    assert titles(results) == ["001_a8052af941d37aa2.txt"]
    assert seed_library.search("date:1980").total == 1


def test_fuzzy_prefix_phrase_and_boolean(seed_library):
    assert seed_library.search("Pelosy~").total == 3
    assert seed_library.search("Hegseht~2").total == 5
    assert seed_library.search("Pelo*").total == 3
    assert titles(seed_library.search('"Group of Two"')) == ["003_7f76c3b10e6f9d84.txt"]
    assert seed_library.search("Pelosi NOT Rubio").total == 3
    assert seed_library.search("Rubio OR Pelosi").total == 4


def test_sort_by_date(seed_library):
    results = seed_library.search("talks", sort=NEWEST)
    dates = [hit.article.date for hit in results.hits if hit.article.date_label]
    assert dates == sorted(dates, reverse=True) and all(hit.score == 0.0 for hit in results.hits)


def test_malformed_query_raises_with_message(seed_library):
    with pytest.raises(QuerySyntaxError, match="unclosed quote"):
        seed_library.search('"Pelosi')


def test_boilerplate_is_not_indexed(seed_library):
    assert seed_library.search("Kucoin").total == 0
    assert seed_library.search('"Legal Disclaimer"').total == 0


def test_stored_article_has_people_with_counts_and_roles(seed_library):
    [hit] = seed_library.search('person:"Wang Yi"').hits
    people = {p.name: p for p in hit.article.people}
    assert people["Wang Yi"].role == "Chinese Foreign Minister"
    assert people["Pete Hegseth"].mentions >= 2


def test_corpus_people_counts_articles(seed_library):
    counts = dict(seed_library.people())
    assert counts["Pete Hegseth"] == 5 and counts["Nancy Pelosi"] == 3


def test_incremental_update_reads_only_what_changed(seed_corpus, tmp_path):
    library = Library([seed_corpus], tmp_path / "index")
    first = library.update()
    assert (first.added, first.unchanged) == (5, 0)
    again = library.update()
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 5)
    write_article(
        seed_corpus, "new.txt", "Zebras Escape From The City Zoo\nThe zebras ran through town."
    )
    changed = seed_corpus / "000_c822bf9b4a3e4314.txt"
    changed.write_text(changed.read_text() + "\nA late paragraph about aardvarks.\n")
    os.utime(changed, (FIXED_MTIME + 100, FIXED_MTIME + 100))
    (seed_corpus / "004_5e0faf17412602bb.txt").unlink()
    report = library.update()
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 1, 1, 3)
    assert library.search("zebras").total == 1
    assert library.search("aardvarks").total == 1
    assert library.search("Rubio").total == 0
    assert library.search("").total == 5


def test_a_catch_up_compares_folder_by_folder_and_misses_no_change(tmp_path):
    corpus = tmp_path / "c"
    for folder in ("kept", "changed", "gone"):
        for n in range(3):
            write_article(corpus / folder, f"{n}.txt", f"Story {folder} {n}\n\nAbout {folder}.")
    write_article(corpus / "changed", "binary.txt", b"\x00binary")
    library = Library([corpus], tmp_path / "index")
    assert library.update().added == 9
    shutil.rmtree(corpus / "gone")
    write_article(corpus / "changed", "1.txt", "Story changed again\n\nAbout walruses.")
    os.utime(corpus / "changed" / "1.txt", (FIXED_MTIME + 100, FIXED_MTIME + 100))
    write_article(corpus / "new" / "deeper", "0.txt", "Story new\n\nAbout narwhals.")
    report = library.update()
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 1, 3, 5)
    assert [os.path.basename(s.path) for s in report.skipped] == ["binary.txt"]
    assert library.search("walruses OR narwhals").total == 2
    assert library.search("gone").total == 0 and library.search("").total == 7
    again = library.update()
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 7)


def test_unreadable_files_are_skipped_and_remembered(seed_corpus, tmp_path):
    write_article(seed_corpus, "binary.txt", b"\x00\x01\x02binary")
    write_article(seed_corpus, "empty.md", "")
    library = Library([seed_corpus], tmp_path / "index")
    report = library.update()
    assert sorted((os.path.basename(s.path), s.reason) for s in report.skipped) == [
        ("binary.txt", "binary file (contains NUL bytes)"),
        ("empty.md", "empty file"),
    ]
    assert library.search("").total == 5
    assert len(library.update().skipped) == 2  # still reported, not re-read


def test_index_lives_in_the_cache_dir_and_never_in_the_corpus(seed_corpus, isolated_user_dirs):
    before = sorted(os.listdir(seed_corpus))
    library = Library([seed_corpus])
    library.update()
    assert str(library.index_dir).startswith(str(isolated_user_dirs / "cache" / "newsreader"))
    assert (library.index_dir / MANIFEST).exists()
    assert sorted(os.listdir(seed_corpus)) == before


def test_schema_change_rebuilds_with_a_notice(seed_corpus, tmp_path):
    Library([seed_corpus], tmp_path / "index").update()
    with sqlite3.connect(tmp_path / "index" / MANIFEST) as manifest:
        manifest.execute("UPDATE about SET value = 14 WHERE key = 'format'")  # before SQLite
    library = Library([seed_corpus], tmp_path / "index")
    library.open()
    assert any("another version" in notice for notice in library.notices)
    assert library.update().added == 5 and library.search("").total == 5


def test_corrupt_index_is_rebuilt_with_a_notice(seed_corpus, tmp_path):
    Library([seed_corpus], tmp_path / "index").update()
    newsreaders_own = (MANIFEST, MARKER, "stories.sqlite")
    for path in (tmp_path / "index").rglob("*"):
        if path.is_file() and not path.name.startswith(newsreaders_own):  # the engine's files
            path.write_bytes(b"garbage")
    library = Library([seed_corpus], tmp_path / "index")
    library.open()
    assert any("damaged" in notice for notice in library.notices)
    library.update()
    assert library.search("Pelosi").total == 3


def test_a_locked_index_reports_busy_and_still_searches(seed_corpus, tmp_path, engine):
    library = Library([seed_corpus], tmp_path / "index")
    library.update()
    write_article(seed_corpus, "new.txt", "Another Story About Something New\nIt happened.")
    from search.engines import make_engine

    writer = make_engine(engine, tmp_path / "index").writer()  # as another process writing
    try:
        report = library.update()
        assert report.busy
        assert library.search("Pelosi").total == 3
    finally:
        writer.cancel()
    assert library.update().added == 1  # the lock was released, the work is done


def test_published_date_from_front_matter_sorts_and_resolves(tmp_path):
    corpus = tmp_path / "c"
    write_article(
        corpus,
        "a.md",
        "---\ndate: 2024-02-10\nsource: Wire\n---\nVote Count Begins Across The Country\nOfficials said on Tuesday the count would end next month.",
    )
    library = Library([corpus], tmp_path / "index")
    library.update()
    [hit] = library.search("vote").hits
    assert hit.article.published == dt.date(2024, 2, 10) and hit.article.date_label == "2024-02-10"
    assert library.search("date:2024-03").total == 1  # "next month"
    extraction, problem = library.analyse(hit.article)
    assert problem is None
    assert ("Tuesday", "2024-02-06") in [(d.text, d.value) for d in extraction.dates]


def test_opening_an_article_uses_the_extraction_kept_in_the_index(
    seed_corpus, tmp_path, monkeypatch
):
    from search import extract
    from search.extractors import extraction as extraction_module

    library = Library([seed_corpus], tmp_path / "index")
    library.update()
    articles = [hit.article for hit in library.search("").hits]
    fresh = {a.id: extract(a.body, a.published) for a in articles}

    def must_not_run(*args):
        raise AssertionError("opening an indexed article extracted it again")

    monkeypatch.setattr(extraction_module, "extract_dates", must_not_run)
    for article in articles:
        extraction, problem = library.analyse(article)
        assert problem is None and extraction == fresh[article.id]


def test_a_large_update_indexes_in_worker_processes_like_a_small_one(
    seed_corpus, tmp_path, monkeypatch
):
    from search import indexing
    from search.engines import worker_pool

    serial = Library([seed_corpus], tmp_path / "serial")
    serial.update()
    monkeypatch.setattr(indexing, "PARALLEL_FROM", 1)
    monkeypatch.setattr(worker_pool, "FIRST_BATCH_FILES", 2)
    monkeypatch.setattr(worker_pool, "BATCH_FILES", 2)
    progress = []
    parallel = Library([seed_corpus], tmp_path / "parallel")
    report = parallel.update(progress.append)
    assert report.added == 5 and parallel.count() == 5
    assert progress[-1].done == progress[-1].total == 5
    for query in (
        "Pelosi",
        "Taiwan",
        'person:"Pete Hegseth"',
        "date:[2025-01-01 TO 2025-12-31]",
        "",
    ):
        assert {h.article.id for h in parallel.search(query).hits} == {
            h.article.id for h in serial.search(query).hits
        }
    assert not list((tmp_path / "parallel").glob(".incoming-*"))
    # Changing a file and adding one later replaces and adds, never doubles.
    first = sorted(seed_corpus.iterdir())[0]
    first.write_text(
        first.read_text(encoding="utf-8") + "\n\nA closing paragraph about zebras.\n",
        encoding="utf-8",
    )
    write_article(
        seed_corpus, "new.txt", "Zebra Herd Seen\n\nA herd of zebras crossed the road on Monday."
    )
    report = parallel.update()
    assert (report.added, report.updated) == (1, 1) and parallel.count() == 6
    assert parallel.search("zebras").total == 2
    listed = [hit.article.path for hit in parallel.search("").hits]
    assert len(listed) == len(set(listed)) == 6  # the replaced copy is not listed


def test_a_large_update_is_searchable_by_its_words_first_and_analysed_after_even_if_stopped(
    seed_corpus, tmp_path, monkeypatch
):
    from search import indexing
    from search.engines import worker_pool
    from search.manifest import Manifest

    monkeypatch.setattr(indexing, "PARALLEL_FROM", 1)
    monkeypatch.setattr(worker_pool, "FIRST_BATCH_FILES", 2)
    monkeypatch.setattr(worker_pool, "BATCH_FILES", 2)
    in_workers = indexing.Indexer._run_in_workers

    def killed_when_analysis_starts(self, commits, stamps, analyse, take, on_progress):
        if analyse:
            raise KeyboardInterrupt
        in_workers(self, commits, stamps, analyse, take, on_progress)

    monkeypatch.setattr(indexing.Indexer, "_run_in_workers", killed_when_analysis_starts)
    library = Library([seed_corpus], tmp_path / "index")
    progress = []
    with pytest.raises(KeyboardInterrupt):
        library.update(progress.append)
    assert {p.stage for p in progress} == {"words"}
    library.refresh()
    # Every article is searchable by its words; person: and the dates wait for the analysis,
    # which the reading view's side panel does itself when an article is opened meanwhile.
    assert library.count() == 5 and library.search("Pelosi").total == 3
    assert library.search('person:"Pete Hegseth"').total == 0
    article = library.search("Pelosi").hits[0].article
    assert article.analysis is None and article.people == ()
    extraction, problem = library.analyse(article)
    assert problem is None and "Pete Hegseth" in {p.name for p in extraction.people}
    assert len(Manifest.load(tmp_path / "index" / MANIFEST).pending) == 5

    # The next run goes on where the last one stopped: it analyses, and re-reads nothing else.
    monkeypatch.setattr(indexing.Indexer, "_run_in_workers", in_workers)
    progress = []
    report = library.update(progress.append)
    assert (report.added, report.updated, report.removed, report.analysed) == (0, 0, 0, 5)
    assert {p.stage for p in progress} == {"analysis"} and progress[-1].done == 5
    assert library.count() == 5 and library.search("Pelosi").total == 3
    assert library.search('person:"Pete Hegseth"').total == 5
    assert library.search("Pelosi").hits[0].article.analysis is not None
    assert not Manifest.load(tmp_path / "index" / MANIFEST).pending
    assert len(library.stories()) >= 1
    assert library.update().analysed == 0


def test_a_commit_whose_manifest_was_never_written_is_replaced_not_doubled(seed_corpus, tmp_path):
    library = Library([seed_corpus], tmp_path / "index")
    library.update()
    # As if the process was killed after committing two articles but before saving the manifest.
    from search.manifest import Manifest

    manifest = Manifest.load(tmp_path / "index" / MANIFEST)
    for path in sorted(manifest.paths())[:2]:
        manifest.forget(path)
    manifest.save(tmp_path / "index" / MANIFEST)
    report = Library([seed_corpus], tmp_path / "index").update()
    assert report.added == 2
    assert Library([seed_corpus], tmp_path / "index").count() == 5


def test_a_date_named_in_the_text_and_published_on_is_indexed_once(tmp_path):
    corpus = tmp_path / "c"
    for number in range(40):
        day = 1 + number % 20
        write_article(
            corpus,
            f"{number:02d}.md",
            f"---\ndate: 2024-02-{day:02d}\n---\nVote Count Report {number}\n\n"
            f"On February {day}, 2024 the vote count went on.",
        )
    # Two postings of one document for one day made Whoosh's AND fail with an AssertionError.
    from search.engines.whoosh.schema import document_fields
    from search.pipeline import prepare_document
    from search.sources.files import discover

    for stamp in discover([corpus]).stamps:
        days = document_fields(prepare_document(stamp))["date"]
        assert len(days) == len(set(days))
    library = Library([corpus], tmp_path / "index")
    library.update()
    assert library.search("vote date:[2024-02-01 TO 2024-02-29]").total == 40
    assert library.search("count AND date:2024-02-05").total == 2


def test_a_manifest_cut_short_costs_a_re_read_and_doubles_nothing(seed_corpus, tmp_path):
    Library([seed_corpus], tmp_path / "index").update()
    manifest = tmp_path / "index" / MANIFEST
    manifest.write_bytes(manifest.read_bytes()[: len(manifest.read_bytes()) // 2])
    library = Library([seed_corpus], tmp_path / "index")
    assert library.update().added == 5
    assert library.count() == 5 and library.search("Pelosi").total == 3


def test_the_total_counts_every_match_beyond_the_results_asked_for(tmp_path):
    corpus = tmp_path / "c"
    for number in range(400):
        write_article(
            corpus,
            f"{number:03d}.txt",
            f"Harbour Note {number}\n\n" + "The harbour was busy. " * (1 + number % 7),
        )
    library = Library([corpus], tmp_path / "index")
    library.update()
    results = library.search("harbour", limit=5)
    assert len(results.hits) == 5 and results.total == 400


@pytest.mark.parametrize(
    "name", ['Dwayne "The Rock" Johnson', "Conan O'Brien", "Pete Hegseth", 'A "B" O\'C']
)
def test_the_person_query_is_valid_whatever_quotes_a_name_holds(seed_library, name):
    from search import person_query

    assert seed_library.search(person_query(name)).total >= 0
    assert seed_library.search(person_query("Pete Hegseth")).total == 5


def test_the_url_and_author_of_the_front_matter_are_kept(tmp_path):
    write_article(
        tmp_path / "c",
        "a.md",
        "---\ntitle: Harbour Reopens\nurl: https://example.com/harbour\nauthor: Ann Lee\n---\n"
        "The harbour reopened on Monday.",
    )
    library = Library([tmp_path / "c"], tmp_path / "index")
    library.update()
    article = library.search("harbour").hits[0].article
    assert (article.url, article.author) == ("https://example.com/harbour", "Ann Lee")
    assert library.article(article.id) == article


def test_person_ranks_the_article_about_someone_above_one_naming_them_once(tmp_path):
    about = (
        "Tony Blair spoke on Monday. Blair said the plan would work. Later Blair repeated it, "
        "and Blair's aides agreed. Blair left at noon."
    )
    once = "The minister spoke on Monday. Tony Blair was mentioned once. The plan would work."
    write_article(tmp_path / "c", "about.md", "---\ntitle: About Blair\n---\n" + about)
    write_article(tmp_path / "c", "once.md", "---\ntitle: Once Blair\n---\n" + once)
    library = Library([tmp_path / "c"], tmp_path / "index")
    library.update()
    ranked = [hit.article.title for hit in library.search("person:blair").hits]
    assert ranked == ["About Blair", "Once Blair"]


def test_switching_engines_rebuilds_the_index_with_a_notice(seed_corpus, tmp_path, engine):
    other = "tantivy" if engine == "whoosh" else "whoosh"
    Library([seed_corpus], tmp_path / "index", engine=other).update()
    library = Library([seed_corpus], tmp_path / "index")  # the engine setting's
    library.open()
    assert f"built by the {other} engine; rebuilding it for {engine}" in " ".join(library.notices)
    assert library.update().added == 5
    assert library.search("Pelosi").total == 3
    again = Library([seed_corpus], tmp_path / "index")
    assert again.update().unchanged == 5 and not again.notices


def test_an_engine_not_installed_is_a_message_naming_the_extra(monkeypatch, tmp_path):
    import builtins

    from search import EngineUnavailable

    real_import = builtins.__import__

    def no_tantivy(name, *args, **kwargs):
        if name == "tantivy":  # the library, and the engine's room (`from .tantivy import`)
            raise ImportError("No module named 'tantivy'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_tantivy)
    with pytest.raises(EngineUnavailable, match=r"pip install 'newsreader\[tantivy\]'"):
        Library([tmp_path], tmp_path / "index", engine="tantivy")
    with pytest.raises(EngineUnavailable, match="the engines are whoosh, tantivy"):
        Library([tmp_path], tmp_path / "index", engine="lucene")


def test_a_date_range_and_a_not_count_each_live_article_once(tmp_path):
    corpus = tmp_path / "c"
    for number in range(30):
        years = ", ".join(f"March {1 + number % 27}, {year}" for year in range(1950, 2021, 7))
        # Many days per article, two of them close together (they share Whoosh's coarser terms
        # for day numbers): each article is counted once.
        text = f"Anniversary Report {number}\n\nOn March 10, 1990, March 12, 1990, and {years}."
        write_article(corpus, f"{number:02d}.txt", text)
    library = Library([corpus], tmp_path / "index")
    library.update()
    assert library.search("date:>1960").total == 30
    assert library.search("date:[1949-01-01 TO 2021-12-31]").total == 30
    (corpus / "29.txt").unlink()
    library.update()
    # Whoosh's root NOT listed the deleted article after the last one its child matched.
    assert library.search("NOT date:1950").total == 0
    assert library.search("NOT zebra").total == 29
    assert library.search("date:>1960").total == 29  # the range leaves out the deleted article


def test_ranges_read_before_are_kept_by_the_articles_they_hold(tmp_path, monkeypatch, engine):
    if engine != "whoosh":
        pytest.skip("Whoosh's own range reading; tantivy answers ranges itself")
    from search.engines.whoosh import translate

    corpus = tmp_path / "c"
    for number in range(12):
        write_article(corpus, f"{number:02d}.txt", f"Report {number}\n\nOn May 3, {1990 + number}.")
    library = Library([corpus], tmp_path / "index")
    library.update()
    monkeypatch.setattr(translate, "_RANGE_ARTICLES", translate.OrderedDict())
    monkeypatch.setattr(translate, "RANGE_ARTICLES_KEPT", 20)
    reads = []
    read = translate.DistinctArticles._articles
    monkeypatch.setattr(
        translate.DistinctArticles,
        "_articles",
        lambda self, *args: reads.append(repr(self.child)) or read(self, *args),
    )
    for year in range(1990, 2002):
        assert library.search(f"date:>={year}").total == 2002 - year
        assert library.search("date:>=1995").total == 7
        assert sum(map(len, translate._RANGE_ARTICLES.values())) <= 20
    # Read once, then kept as the most recently used while twelve other ranges came and went.
    assert len(reads) == 12 and len(set(reads)) == 12
