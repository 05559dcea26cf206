"""Display type drawn as outlines: found as rows of shapes where no glyph is, read by OCR."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from broadsheet.extract import extract_pages
from broadsheet.extract.model import TextLayer
from broadsheet.extract.options import ExtractOptions
from broadsheet.extract.outlined import outlined_rows
from broadsheet.geometry import Box
from broadsheet.pdf.content import Glyphs, PageContent
from broadsheet.pdf.fonts import FontStyle
from tests.extract.layouts import articles, story
from tests.pdfs import box, combine, make_pdf, outlined_copy

HEADLINES = ("Harbour Plan Wins Its Vote", "Library Opens New Wing")


def _two_stories(tmp_path: Path) -> Path:
    page = combine(*story(50, HEADLINES[0], seed=1, lines=18), *story(380, HEADLINES[1], seed=5, lines=18))
    return outlined_copy(make_pdf(tmp_path / "page.pdf", page), tmp_path / "outlined.pdf", min_size=20)


def test_headlines_drawn_as_outlines_are_read_by_ocr(tmp_path: Path) -> None:
    """A publisher that converts its display face to outlines leaves its headlines no glyphs: each
    story lost its headline, and the second was read as the end of the first. OCR reads them back."""
    (page,) = extract_pages(_two_stories(tmp_path))
    assert [a.headline for a in articles(page)] == list(HEADLINES)


def test_with_ocr_off_outlined_headlines_stay_unread(tmp_path: Path) -> None:
    """Without OCR the outlines are only shapes: no headline is made up."""
    (page,) = extract_pages(_two_stories(tmp_path), options=ExtractOptions(ocr=False))
    assert not any(a.headline in HEADLINES for a in articles(page))


def test_a_row_of_ornaments_is_not_read_as_words(tmp_path: Path) -> None:
    """A row of drawn squares between two stories looks like a line of outlined type; OCR reads no
    word in it with confidence, so the page's text is what it was."""
    squares = [box(60 + 30 * k, 345, 16, 16, fill=(0, 0, 0)) for k in range(12)]
    plain = make_pdf(tmp_path / "plain.pdf", combine(*story(50, HEADLINES[0], seed=1, lines=18)))
    ornamented = make_pdf(tmp_path / "ornaments.pdf", combine(*story(50, HEADLINES[0], seed=1, lines=18), *squares))
    (before,) = extract_pages(plain)
    (after,) = extract_pages(ornamented)
    assert [(a.headline, a.body) for a in articles(after)] == [(a.headline, a.body) for a in articles(before)]


def _page(shapes: list[Box], glyph_boxes: list[Box], images: list[Box] | None = None) -> PageContent:
    glyphs = Glyphs(
        text=["x"] * len(glyph_boxes),
        box=np.array(glyph_boxes, dtype=np.float64).reshape(-1, 4),
        size=np.full(len(glyph_boxes), 9.0),
        font=np.zeros(len(glyph_boxes), dtype=np.int32),
        space_before=np.zeros(len(glyph_boxes), dtype=np.bool_),
        fonts=[FontStyle("Times", bold=False, italic=False, invisible=False)],
    )
    return PageContent(1, 612, 792, glyphs, shapes=shapes, images=images or [])


LETTERS = [(50 + 16 * k, 100, 62 + 16 * k, 120) for k in range(8)]  # 20 pt letters, 4 pt apart
BODY = [(50 + 5 * k, 300, 55 + 5 * k, 309) for k in range(40)]  # a line of 9 pt text elsewhere


def test_letters_side_by_side_where_no_glyph_is_are_one_row() -> None:
    (row,) = outlined_rows(_page(LETTERS, BODY))
    assert row.box == (50, 100, 174, 120)
    assert 25 < row.size < 30  # 20 pt capitals: type of about 28 pt


def test_shapes_behind_text_over_a_photo_or_alone_are_no_row() -> None:
    """Panels behind text, marks drawn over a photo and one icon are not outlined type."""
    text_on_each = [(54 + 16 * k, 105, 58 + 16 * k, 114) for k in range(8)]
    assert outlined_rows(_page(LETTERS, BODY + text_on_each)) == []
    assert outlined_rows(_page(LETTERS, BODY, images=[(40, 90, 200, 130)])) == []
    assert outlined_rows(_page(LETTERS[:1], BODY)) == []
    assert outlined_rows(_page(LETTERS, [])) == []  # no text of its own: a scan or a page in outlines


def test_figures_in_the_bodys_size_are_not_read() -> None:
    """Regression (The Hindu's editorial page, 19 Aug): a chart's figures, drawn as outlines in type
    smaller than the body's, were read into the story's body; only display type is looked at."""
    figures = [(50 + 5 * k, 100, 54 + 5 * k, 106.5) for k in range(8)]  # 9 pt type: 6.5 pt digits
    assert outlined_rows(_page(figures, BODY)) == []


def _text_outlined_but_headlines(tmp_path: Path) -> Path:
    page = combine(*story(50, HEADLINES[0], seed=1, lines=18), *story(380, HEADLINES[1], seed=5, lines=18))
    return outlined_copy(make_pdf(tmp_path / "page.pdf", page), tmp_path / "body.pdf", max_size=20)


def test_a_page_whose_body_is_outlines_and_headlines_text_is_read_by_ocr_whole(tmp_path: Path) -> None:
    """A page whose running text was exported as outlines and only some type as glyphs (an Urdu page's
    body, the English of its adverts) was taken for a page with a text layer: only its few glyphs were
    read, and its stories had no body. More little paths than glyphs make it a scan, read whole."""
    (page,) = extract_pages(_text_outlined_but_headlines(tmp_path))
    found = articles(page)
    assert [a.headline for a in found] == list(HEADLINES)
    assert all(a.body and len(a.body.split()) > 100 for a in found)


def test_with_ocr_off_a_page_mostly_in_outlines_says_so(tmp_path: Path) -> None:
    (page,) = extract_pages(_text_outlined_but_headlines(tmp_path), options=ExtractOptions(ocr=False))
    assert page.text_layer is TextLayer.OUTLINES
    assert page.problems and "outlines" in page.problems[0]
