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
