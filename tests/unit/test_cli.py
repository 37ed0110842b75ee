import json
import subprocess
import sys

import pytest

from tui.cli import main

from ..conftest import write_article


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_prints_ranked_json_and_exits_zero(capsys, seed_corpus, tmp_path):
    code, out, _ = run(
        capsys, "search", "Pelosi", str(seed_corpus), "--json", "--index-dir", str(tmp_path / "ix")
    )
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 3
    assert set(rows[0]) == {
        *("id", "title", "path", "score", "snippet"),
        *("url", "published", "source", "author"),
    }
    assert rows[0]["score"] >= rows[-1]["score"]


def test_search_limit(capsys, seed_corpus, tmp_path):
    code, out, _ = run(
        capsys,
        "search",
        "talks",
        str(seed_corpus),
        "--json",
        "--limit",
        "2",
        "--index-dir",
        str(tmp_path / "ix"),
    )
    assert code == 0 and len(out.splitlines()) == 2


def test_search_with_no_results_exits_one(capsys, seed_corpus, tmp_path):
    code, out, err = run(
        capsys, "search", "zebra", str(seed_corpus), "--index-dir", str(tmp_path / "ix")
    )
    assert code == 1 and out == "" and "0 results" in err


def test_malformed_query_exits_two_with_message(capsys, seed_corpus, tmp_path):
    code, out, err = run(
        capsys, "search", '"Pelosi', str(seed_corpus), "--index-dir", str(tmp_path / "ix")
    )
    assert code == 2 and out == "" and "unclosed quote" in err


def test_skipped_files_are_reported_on_stderr(capsys, tmp_path):
    write_article(tmp_path / "c", "ok.txt", "Fine Story Title Goes Here\nText about zebras.")
    write_article(tmp_path / "c", "bad.txt", b"\x00\x00")
    code, _, err = run(
        capsys, "search", "zebras", str(tmp_path / "c"), "--index-dir", str(tmp_path / "ix")
    )
    assert code == 0 and "skipped" in err and "bad.txt" in err and "binary" in err


def test_extract_follows_the_json_lines_contract(capsys, monkeypatch):
    import io

    docs = [
        {"id": "a", "text": "Sen. Elizabeth Warren spoke on Tuesday.", "reference": "2025-12-17"},
        {"id": "b", "text": "Nothing here.", "reference": None},
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(json.dumps(d) + "\n" for d in docs)))
    code, out, _ = run(capsys, "extract")
    first, second = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert first["id"] == "a" and second == {"id": "b", "dates": [], "people": []}
    assert first["dates"] == [
        {"start": 31, "end": 38, "text": "Tuesday", "type": "DATE", "value": "2025-12-16"}
    ]
    assert first["people"] == [
        {"start": 5, "end": 21, "text": "Elizabeth Warren", "name": "Elizabeth Warren"}
    ]


def test_extract_reports_bad_lines_and_goes_on(capsys, monkeypatch):
    import io

    monkeypatch.setattr(
        sys, "stdin", io.StringIO('not json\n{"id": "x", "text": "In 2020.", "reference": null}\n')
    )
    code, out, err = run(capsys, "extract")
    bad, good = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and "line 1" in err
    assert bad["id"] is None and "line 1" in bad["error"]
    assert good["dates"][0]["value"] == "2020"


@pytest.mark.parametrize(
    "line",
    [
        '{"id": "far", "text": "Prices rose next year and yesterday.", "reference": "9999-12-31"}',
        '{"id": "early", "text": "Prices rose next year and yesterday.", "reference": "0001-01-01"}',
        "[" * 100_000,
        '{"id": "\\ud800", "text": "Sen. Elizabeth Warren spoke.", "reference": null}',
        '{"id": "no text"}',
    ],
)
def test_extract_answers_every_line_and_goes_on(capsys, monkeypatch, line):
    import io

    after = '{"id": "after", "text": "Sen. Elizabeth Warren spoke.", "reference": null}'
    monkeypatch.setattr(sys, "stdin", io.StringIO(line + "\n" + after + "\n"))
    _, out, _ = run(capsys, "extract")
    first, second = [json.loads(row) for row in out.splitlines()]
    assert "error" in first or "dates" in first
    assert second["id"] == "after" and second["people"][0]["name"] == "Elizabeth Warren"


def test_extract_keeps_the_dates_it_can_resolve_near_the_calendars_end(capsys, monkeypatch):
    import io

    doc = '{"id": "far", "text": "Prices rose next year and yesterday.", "reference": "9999-12-31"}'
    monkeypatch.setattr(sys, "stdin", io.StringIO(doc + "\n"))
    code, out, _ = run(capsys, "extract")
    values = [d["value"] for d in json.loads(out)["dates"]]
    assert code == 0 and values == ["XXXX", "9999-12-30"]


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0 and capsys.readouterr().out.startswith("newsreader ")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "newsreader search QUERY" in capsys.readouterr().out


def test_console_script_is_installed():
    result = subprocess.run(
        ["newsreader", "extract"],
        input='{"id": "1", "text": "in 1999", "reference": null}\n',
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and json.loads(result.stdout)["dates"][0]["value"] == "1999"


def test_a_query_may_start_with_a_dash(capsys, seed_corpus, tmp_path):
    code, out, err = run(
        capsys, "search", "-Pelosi", str(seed_corpus), "--index-dir", str(tmp_path / "ix"), "--json"
    )
    assert code in (0, 1) and "unrecognized" not in err
    code, out, _ = run(
        capsys, "search", "--json", "Pelosi", str(seed_corpus), "--index-dir", str(tmp_path / "ix")
    )
    assert code == 0 and len(out.splitlines()) == 3


def test_search_batch_answers_each_query_with_its_time(capsys, monkeypatch, seed_corpus, tmp_path):
    import io

    monkeypatch.setattr(
        sys, "stdin", io.StringIO('Pelosi\n\nperson:"Pete Hegseth"\n"unclosed\nzebra\n')
    )
    code, out, _ = run(
        capsys,
        "search",
        "--batch",
        str(seed_corpus),
        "--limit",
        "2",
        "--index-dir",
        str(tmp_path / "ix"),
    )
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["query"] for r in rows] == ["Pelosi", 'person:"Pete Hegseth"', '"unclosed', "zebra"]
    pelosi, hegseth, bad, zebra = rows
    assert (
        pelosi["hits"] == 3
        and len(pelosi["results"]) == 2
        and "Pelosi" in pelosi["results"][0]["snippet"]
    )
    assert hegseth["hits"] >= 1
    assert "error" in bad and zebra["hits"] == 0 and zebra["results"] == []
    assert all(r["elapsed_ms"] >= 0 for r in rows)
    assert code == 2  # a query was malformed


def test_limit_zero_counts_and_a_negative_limit_is_refused(capsys, seed_corpus, tmp_path):
    index = ["--index-dir", str(tmp_path / "ix")]
    code, out, err = run(capsys, "search", "talks", str(seed_corpus), "--limit", "0", *index)
    assert code == 0 and out == "" and "5 results" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "talks", str(seed_corpus), "--limit", "-3", *index])
    assert exit_info.value.code == 2 and "0 or more" in capsys.readouterr().err


def test_a_folder_holding_other_files_is_refused_as_the_index_folder(capsys, seed_corpus, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "talks", str(seed_corpus), "--index-dir", str(folder)])
    assert exit_info.value.code == 2 and "not a newsreader index" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize("engine", ["whoosh", "tantivy"])
def test_the_engine_is_chosen_on_the_command_line_before_or_after_the_query(
    capsys, seed_corpus, tmp_path, engine
):
    index = str(tmp_path / "ix")
    first = ["--engine", engine, "--index-dir", index]
    code, out, _ = run(capsys, "search", *first, "Pelosi", str(seed_corpus), "--json")
    assert code == 0 and len(out.splitlines()) == 3
    after = ["--index-dir", index, "--engine", engine]
    code, _, err = run(capsys, "search", "Pelosi", str(seed_corpus), *after)
    assert code == 0 and "3 results" in err and "rebuilding" not in err


def test_an_unknown_engine_is_a_message_and_exit_code_two(capsys, seed_corpus):
    with pytest.raises(SystemExit) as stopped:
        main(["search", "Pelosi", str(seed_corpus), "--engine", "lucene"])
    assert stopped.value.code == 2
    assert "unknown engine 'lucene': the engines are whoosh, tantivy" in capsys.readouterr().err
