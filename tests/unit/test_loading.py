import datetime as dt

import pytest

from search.sources.files import (
    MAX_FILE_BYTES,
    UnreadableFile,
    decode_bytes,
    discover,
    read_article,
)
from search.text.articles import parse_article, split_front_matter

from ..conftest import write_article


def test_utf8_and_fallback_encodings():
    assert decode_bytes("Café “quoted”".encode()) == "Café “quoted”"
    assert decode_bytes("Café “quoted”".encode("cp1252")) == "Café “quoted”"
    assert decode_bytes("naïve".encode("utf-16")) == "naïve"
    assert decode_bytes(b"\xef\xbb\xbfwith bom") == "with bom"


def test_binary_is_refused():
    with pytest.raises(UnreadableFile, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")


def test_empty_and_missing_files_say_why(tmp_path):
    empty = write_article(tmp_path, "empty.txt", "   \n")
    with pytest.raises(UnreadableFile, match="empty"):
        read_article(empty)
    with pytest.raises(UnreadableFile):
        read_article(tmp_path / "missing.txt")


def test_oversized_file_is_skipped(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(UnreadableFile, match="too large"):
        read_article(path)


def test_front_matter_gives_metadata():
    meta, _ = split_front_matter(
        "---\ntitle: Storm hits coast\ndate: 2024-03-05\nsource: Wire\n---\nBody text here."
    )
    assert meta == {"title": "Storm hits coast", "date": "2024-03-05", "source": "Wire"}
    article = parse_article(
        "/x.md",
        "---\ntitle: Storm hits coast\ndate: 2024-03-05\nsource: Wire\nauthor: A. Writer\n---\nBody text here.",
    )
    assert article.title == "Storm hits coast"
    assert article.published == dt.date(2024, 3, 5)
    assert article.source == "Wire" and article.author == "A. Writer"
    assert article.paragraphs == ("Body text here.",)


def test_a_front_matter_date_is_the_day_written_in_any_common_form():
    for written, day in (
        ("2024-03-05T23:30:00-05:00", dt.date(2024, 3, 5)),  # the day as written, not UTC's
        ("2024-03-05 08:00", dt.date(2024, 3, 5)),
        ("Tue, 05 Mar 2024 10:00:00 GMT", dt.date(2024, 3, 5)),
        ("5 March 2024", dt.date(2024, 3, 5)),
        ("2024-02-30", None),
        ("soon", None),
    ):
        article = parse_article("/x.md", f"---\ndate: {written}\n---\nBody text here.")
        assert article.published == day, written


def test_headline_first_line_becomes_the_title():
    article = parse_article(
        "/a.txt",
        "Talks Resume In Washington As Sides Push For Ties\nSenior officials met on Tuesday.",
    )
    assert article.title == "Talks Resume In Washington As Sides Push For Ties"
    assert article.paragraphs == ("Senior officials met on Tuesday.",)


def test_prose_first_line_gives_a_short_title_from_its_first_sentence():
    text = (
        "U.S. and Chinese military officials have met for their first working-level talks since the "
        "president took office for the second time, with both sides sharing concerns. More follows."
    )
    article = parse_article("/a.txt", text)
    assert article.title.endswith("…") and len(article.title) <= 91
    assert article.title.startswith("U.S. and Chinese military officials")
    assert article.paragraphs[0].startswith("U.S. and Chinese")


def test_source_is_inferred_from_credit_lines():
    assert (
        parse_article("/a", "Some story text that runs on.\n\n© 2025 The Canadian Press").source
        == "The Canadian Press"
    )
    assert (
        parse_article("/a", "Story text.\n“Quote,” he said. -- SOUTH CHINA MORNING POST").source
        == "South China Morning Post"
    )
    assert (
        parse_article("/a", "Headline Of The Day Is Here\n(MENAFN) Officials met.").source
        == "MENAFN"
    )


def test_an_article_is_its_path_and_its_content_hash_says_when_it_changed():
    a = parse_article("/a.txt", "Same text.")
    assert a.id == parse_article("/a.txt", "Other text.").id == "/a.txt"
    assert a.id != parse_article("/b.txt", "Same text.").id
    assert a.content_hash == parse_article("/a.txt", "Same text.").content_hash
    assert a.content_hash != parse_article("/a.txt", "Other text.").content_hash
    assert a.content_hash != parse_article("/b.txt", "Same text.").content_hash


def test_discover_walks_folders_and_skips_hidden_and_other_files(tmp_path):
    write_article(tmp_path, "a.txt", "A story.")
    write_article(tmp_path, "sub/b.md", "B story.")
    write_article(tmp_path, ".hidden/c.txt", "hidden")
    write_article(tmp_path, "image.png", b"\x89PNG")
    found = discover([tmp_path, tmp_path / "nope"])
    assert [s.path.rsplit("/", 1)[1] for s in found.stamps] == ["a.txt", "b.md"]
    assert [s.reason for s in found.skipped] == ["no such file or folder"]
    assert found.unavailable == [str(tmp_path / "nope")]


def test_control_characters_become_visible(tmp_path):
    article = parse_article(
        "/a", "Title Line With Enough Words\nBefore \x1b[31mred\x1b[0m and \u202eevil after."
    )
    assert "\x1b" not in article.body and "␛[31m" in article.body
    assert "\u202e" not in article.body and "<U+202E>" in article.body


def test_a_web_page_in_a_corpus_is_read_as_an_article_with_its_metadata(tmp_path):
    from pathlib import Path

    page = Path(__file__).resolve().parents[1] / "fixtures" / "feeds" / "article.html"
    path = write_article(tmp_path, "lighthouse.html", page.read_bytes())
    article = read_article(path)
    assert article.title == "Lighthouse restored after ten years"
    assert (article.source, article.author, article.url) == (
        "Coast Herald",
        "Nora Vik",
        "http://coast.example/2025/02/lighthouse",
    )
    assert article.published.isoformat() == "2025-02-27"
    assert "lamp went dark" in article.body
    for boilerplate in ("Most read", "Buy a boat", "All rights reserved", "Sport"):
        assert boilerplate not in article.body
