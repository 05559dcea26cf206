"""Text a PDF draws again over itself (a drop shadow, bold struck twice) is read once."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from broadsheet.pdf.content import read_page_content
from broadsheet.pdf.document import load_page, open_pdf
from broadsheet.pdf.redrawn import _looked_up, _swept, drawn_once, redrawn
from tests.pdfs import column, combine, drawn_twice, make_pdf, photo, text_at


def _found(glyphs: list[tuple[str, tuple[float, float, float, float], int]]) -> list[bool]:
    codes = np.array([ord(ch) for ch, _, _ in glyphs], dtype=np.uint32)
    boxes = np.array([box for _, box, _ in glyphs], dtype=np.float64)
    objects = np.array([obj for _, _, obj in glyphs], dtype=np.uint64)
    return redrawn(codes, boxes, objects).tolist()


def test_a_glyph_drawn_again_by_another_object_is_found() -> None:
    a = ("A", (10.0, 10.0, 17.0, 22.0), 1)
    assert _found([a, ("A", (10.3, 10.0, 17.3, 22.0), 2)]) == [False, True]  # bold struck twice
    assert _found([a, ("A", (11.2, 11.2, 18.2, 23.2), 2)]) == [False, True]  # a shadow 0.1 of a height off
    assert _found([a, ("A", (10.0, 10.0, 17.0, 22.0), 2), ("A", (10.0, 10.0, 17.0, 22.0), 3)]) == [False, True, True]


def test_letters_that_only_look_alike_are_kept() -> None:
    ell = ("l", (10.0, 10.0, 13.0, 22.0), 1)
    assert _found([ell, ("l", (13.0, 10.0, 16.0, 22.0), 2)]) == [False, False]  # "ll": side by side
    assert _found([ell, ("l", (10.0, 10.0, 13.0, 22.0), 1)]) == [False, False]  # one object's ligature "ll"
    assert _found([ell, ("I", (10.0, 10.0, 13.0, 22.0), 2)]) == [False, False]  # another letter
    assert _found([ell, ("l", (10.0, 10.0, 13.0, 25.0), 2)]) == [False, False]  # another size
    assert _found([ell, ("l", (10.0, 14.0, 13.0, 26.0), 2)]) == [False, False]  # the line under


@pytest.mark.parametrize("offset", [(0.3, 0.0), (1.0, -1.0), (0.0, 0.0)], ids=["struck-twice", "shadow", "same-place"])
def test_a_page_drawn_again_over_itself_reads_once(offset: tuple[float, float], tmp_path: Path) -> None:
    page = combine(
        text_at(72, 72, "Floods close the valley road", "Times-Bold", 28),
        column(72, 120, 200, 12),
        photo(300, 120, 120, 90),
        lambda canvas: canvas.line(72, 500, 420, 500),
    )
    pdf = make_pdf(tmp_path / "page.pdf", page)
    with open_pdf(pdf) as doc:
        once = read_page_content(load_page(doc, 1), 1)
    with open_pdf(drawn_twice(pdf, 1, tmp_path / "twice.pdf", offset)) as doc:
        twice = read_page_content(load_page(doc, 1), 1)
    assert twice.glyphs.text == once.glyphs.text
    if offset == (0.0, 0.0):  # the rule and the picture drawn again in their place are one each
        assert (twice.hrules, twice.images) == (once.hrules, once.images)


def test_graphics_drawn_again_in_one_place_are_one() -> None:
    rule, moved = (10.0, 100.0, 300.0, 100.5), (10.0, 120.0, 300.0, 120.5)
    assert drawn_once([rule, moved, (10.1, 100.0, 300.0, 100.4), rule]) == [rule, moved]


def test_the_sweep_finds_the_pairs_a_k_d_tree_finds() -> None:
    """The sweep over glyphs in order of character and x (:func:`_swept`) finds the same pairs within
    reach as the k-d tree it replaced, on a page-like scatter of a few characters, many redrawn."""
    rng = np.random.default_rng(7)
    code = rng.integers(65, 70, 3000).astype(np.uint32)
    x, y = rng.uniform(0, 500, 3000), rng.integers(0, 60, 3000) * 12.0 + rng.uniform(0, 0.5, 3000)
    code, x, y = np.concatenate([code, code[:500]]), np.concatenate([x, x[:500] + 0.3]), np.concatenate([y, y[:500]])
    swept = _swept(code, x, y, 1.2)
    assert swept is not None and len(swept) >= 500
    looked_up = _looked_up(code, x, y, 1.2)
    assert {tuple(sorted(p)) for p in swept.tolist()} == {tuple(sorted(p)) for p in looked_up.tolist()}


def test_one_character_down_a_column_thousands_of_times_is_looked_up_not_swept() -> None:
    """A hostile page (or a table) of one glyph drawn at one x on every line: the sweep would compare
    each with all the others under it, so it gives way past SWEEP_STEPS, and the glyphs drawn twice
    are still found."""
    n = 5000
    glyphs = [(".", (10.0, 12.0 * k, 12.0, 12.0 * k + 10.0), k) for k in range(n)]
    glyphs.append((".", (10.2, 0.0, 12.2, 10.0), n))  # the first one drawn again
    code = np.full(n + 1, ord("."), dtype=np.uint32)
    assert _swept(code, np.full(n + 1, 11.0), np.arange(n + 1) * 12.0, 1.2) is None
    found = _found(glyphs)
    assert found[-1] and not any(found[:-1])
