"""Wrapping the reading view's text: right, and linear in the text's length."""

from __future__ import annotations

import tui.widgets.reading_view as reading_view
from tui.widgets.reading_view import wrap_offsets


def test_a_long_run_of_chinese_without_spaces_is_measured_once(monkeypatch):
    """30,000 characters of Chinese were measured whole for each line they filled (14 s)."""
    measured = []
    real_cell_len = reading_view.cell_len

    def counting(text: str) -> int:
        measured.append(len(text))
        return real_cell_len(text)

    monkeypatch.setattr(reading_view, "cell_len", counting)
    text = "中" * 30_000
    lines = wrap_offsets(text, 80)
    assert len(lines) == 750 and all(end - start == 40 for start, end in lines)
    assert sum(measured) < 3 * len(text)


def test_wrapping_mixed_text_keeps_words_whole_and_cells_within_the_width():
    text = "新闻 reader " * 50 + "字" * 100
    for start, end in wrap_offsets(text, 20):
        assert reading_view.cell_len(text[start:end]) <= 20
    assert "".join(text[s:e] for s, e in wrap_offsets(text, 20)).replace(" ", "") == text.replace(
        " ", ""
    )


def test_plain_text_is_wrapped_by_the_fast_path_into_the_same_lines(monkeypatch):
    """Text of one-cell characters and single spaces takes a regular expression instead of the
    word loop: the lines must be the same, long words cut included."""
    import random

    rng = random.Random(3)
    words = ["a", "bb", "dddd", "x" * 7, "‘quote’", "—", "€5", "é", "y" * 30, "z" * 90]
    cases = [
        (" ".join(rng.choice(words) for _ in range(rng.randint(1, 40))), rng.randint(1, 60))
        for _ in range(3000)
    ]
    fast = [reading_view._wrap_line(text, width) for text, width in cases]
    monkeypatch.setattr(reading_view, "_ONE_CELL", frozenset())  # every text takes the loop
    assert fast == [reading_view._wrap_line(text, width) for text, width in cases]
