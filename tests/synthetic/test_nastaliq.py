"""Nastaliq rendering: a line is one row of ink, a page's first column is its rightmost, and Awami
Nastaliq's letters are joined (Graphite shaping through Pango), as a printed word's are."""

from __future__ import annotations

import numpy as np
from PIL import Image

from broadsheet.synthetic.nastaliq import render_column, render_line, render_page

WORD = "حکومت"


def _ink_columns(image: Image.Image) -> np.ndarray:
    return (np.asarray(image) < 128).any(axis=0)


def _runs(ink: np.ndarray) -> int:
    """Separate runs of inked pixel columns: a joined word is one or two, unjoined letters are many."""
    return int(np.count_nonzero(ink[1:] & ~ink[:-1]) + int(ink[0]))


def test_both_faces_join_their_letters() -> None:
    for font in ("Noto Nastaliq Urdu", "Awami Nastaliq"):
        image = render_line(WORD, font, 24)
        assert _runs(_ink_columns(image)) <= 2, font


def test_a_line_grows_with_its_size_and_text() -> None:
    small, big = render_line(WORD, "Noto Nastaliq Urdu", 10), render_line(WORD, "Noto Nastaliq Urdu", 20)
    assert big.height > 1.6 * small.height and big.width > 1.6 * small.width
    assert (
        render_line(f"{WORD} {WORD}", "Awami Nastaliq", 10).width > 1.6 * render_line(WORD, "Awami Nastaliq", 10).width
    )


def test_a_page_reads_from_its_rightmost_column() -> None:
    page = render_page([WORD, "اخبار", "دفتر"], "Noto Nastaliq Urdu", 12, columns=3, width=100)
    assert page.text.split("\n") == [WORD, "اخبار", "دفتر"]
    third = page.image.width // 3
    right = page.image.crop((2 * third, 0, page.image.width, page.image.height))
    alone = render_column(WORD, "Noto Nastaliq Urdu", 12, width=100)
    assert abs(int(_ink_columns(right).sum()) - int(_ink_columns(alone).sum())) <= 4
