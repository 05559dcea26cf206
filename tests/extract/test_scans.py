"""Scanned pages through the whole extractor: page images and image-only PDFs are read by OCR."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.errors import InputFileError, TooLargeError
from broadsheet.extract import ExtractOptions, extract_pages
from broadsheet.extract.model import ItemType, PageResult, TextLayer
from tests.ocr.scans import DPI, HEADLINES, image_only_pdf, legacy_font, old_column, outlined, scan_of, two_stories
from tests.pdfs import WORDS, make_pdf


def _check_two_stories(result: PageResult, width: float) -> None:
    assert result.error is None and result.text_layer is TextLayer.OCR
    articles = [i for i in result.items if i.type is ItemType.ARTICLE]
    assert sorted(a.headline or "" for a in articles) == sorted(HEADLINES)
    left = next(a for a in articles if a.headline == HEADLINES[0])
    assert max(r[2] for r in left.regions) < width / 2  # the left story stays in the left half
    body = (left.body or "").split()
    assert len(body) > 200
    known = sum(1 for w in body if w in WORDS)
    assert known > 0.9 * len(body)  # what was printed, read back


def test_a_page_image_is_read_by_ocr_in_pixels(tmp_path: Path) -> None:
    path = tmp_path / "page.png"
    scan_of(tmp_path, two_stories()).save(path)
    (result,) = extract_pages(path)
    assert result.unit == "px" and result.width == pytest.approx(612 * DPI / 72, abs=1)
    _check_two_stories(result, result.width)


def test_an_image_only_pdf_page_is_read_by_ocr_in_points(tmp_path: Path) -> None:
    pdf = image_only_pdf(tmp_path, scan_of(tmp_path, two_stories()))
    (result,) = extract_pages(pdf)
    assert result.unit == "pt" and result.width == pytest.approx(612, abs=1)
    _check_two_stories(result, result.width)


def test_a_page_scanned_in_tiles_is_read_by_ocr(tmp_path: Path) -> None:
    """Regression: a page held as several images, none of them covering half of it, was taken as empty."""
    pdf = image_only_pdf(tmp_path, scan_of(tmp_path, two_stories()), tiles=3)
    (result,) = extract_pages(pdf)
    _check_two_stories(result, result.width)
    (unread,) = extract_pages(pdf, options=ExtractOptions(ocr=False))
    assert unread.text_layer is TextLayer.IMAGE_ONLY and "turn OCR on" in unread.problems[0]


def test_without_ocr_a_scan_is_reported_not_read(tmp_path: Path) -> None:
    pdf = image_only_pdf(tmp_path, scan_of(tmp_path, two_stories(), dpi=72), dpi=72)
    (result,) = extract_pages(pdf, options=ExtractOptions(ocr=False))
    assert result.text_layer is TextLayer.IMAGE_ONLY
    assert "turn OCR on" in result.problems[0]
    assert not result.articles


def test_a_broken_image_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "page.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"not really a png" * 10)
    with pytest.raises(InputFileError, match=r"page\.png"):
        list(extract_pages(path))


def test_a_huge_image_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "page.png"
    scan_of(tmp_path, two_stories(), dpi=72).save(path)
    with pytest.raises(TooLargeError, match="more than the limit"):
        list(extract_pages(path, options=ExtractOptions(max_image_pixels=10_000)))


def test_headings_in_the_body_size_centred_over_their_story_open_stories(tmp_path: Path) -> None:
    """Old papers: a short centred line in the body size, capitals or not, is a story's headline."""
    headings = ("SAD NEWS FROM THE HARBOUR.", "Poland.", "Sweden.")
    path = tmp_path / "page.png"
    scan_of(tmp_path, old_column(headings)).save(path)
    (result,) = extract_pages(path)
    assert [a.headline for a in result.articles] == list(headings)
    assert all(len((a.body or "").split()) > 60 for a in result.articles)


def test_text_converted_to_outlines_is_read_by_ocr(tmp_path: Path) -> None:
    """A page whose words are vector outlines (no text layer) is rendered and read like a scan."""
    pdf = make_pdf(tmp_path / "outlines.pdf", outlined(two_stories()))
    (result,) = extract_pages(pdf)
    _check_two_stories(result, result.width)


def test_a_legacy_font_page_keeps_its_layout_and_gets_its_text_from_ocr(tmp_path: Path) -> None:
    """Glyphs in the right places with the wrong characters (old Urdu/Arabic fonts): the lines stay,
    their words are read by OCR."""
    pdf = make_pdf(tmp_path / "legacy.pdf", legacy_font(two_stories()))
    (without,) = extract_pages(pdf, options=ExtractOptions(ocr=False))
    assert without.text_layer is TextLayer.LEGACY_FONT and not without.has_text
    (result,) = extract_pages(pdf, options=ExtractOptions(language="en"))
    _check_two_stories(result, result.width)
    assert "legacy 8-bit" in result.problems[0] and result.direction == "ltr"


def test_a_legacy_font_page_without_tesseract_still_gives_its_regions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = make_pdf(tmp_path / "legacy.pdf", legacy_font(two_stories()))
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on it
    (result,) = extract_pages(pdf)
    assert result.error is None and result.text_layer is TextLayer.LEGACY_FONT and not result.has_text
    assert len([i for i in result.items if i.type is ItemType.ARTICLE]) == 2
    assert "OCR failed: Tesseract is not installed" in result.problems[0]


def test_a_legacy_font_page_too_big_for_ocr_still_gives_its_regions(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "legacy.pdf", legacy_font(two_stories()))
    (result,) = extract_pages(pdf, options=ExtractOptions(max_image_pixels=10_000))
    assert result.error is None and result.text_layer is TextLayer.LEGACY_FONT
    assert len([i for i in result.items if i.type is ItemType.ARTICLE]) == 2
    assert "too large to read by OCR" in result.problems[0]


def test_a_huge_scanned_pdf_page_is_refused_before_it_is_rendered(tmp_path: Path) -> None:
    """A scanned page 190 inches wide would be 4 billion pixels at the OCR resolution."""
    image = scan_of(tmp_path, two_stories(), dpi=20)
    pdf = image_only_pdf(tmp_path, image, dpi=image.width / 190)
    (result,) = extract_pages(pdf)
    assert result.error is not None and "too large to read by OCR" in result.error


def test_a_large_scanned_pdf_page_is_read_at_a_lower_resolution(tmp_path: Path) -> None:
    pdf = image_only_pdf(tmp_path, scan_of(tmp_path, two_stories()))
    (result,) = extract_pages(pdf, options=ExtractOptions(max_image_pixels=5_000_000))  # 200 dpi, not 300
    _check_two_stories(result, result.width)


def test_a_scanned_leads_headline_under_the_pages_ruled_head_over_a_pale_picture_is_no_title(
    tmp_path: Path,
) -> None:
    """Regression (generated pages rendered as scans, seed 1521 page 2): a lead headline in big type
    under the page's ruled head (the paper's name and the date over a rule across the page), over a
    pale picture OCR does not see as one, was taken for the paper's title once a small bold head lower
    down opened a story. A small bold head whose words OCR measured bold only in part opens its story."""
    from tests.ocr.scans import prose_column
    from tests.pdfs import box, combine, text_at

    page = combine(
        text_at(250, 20, "Northport Herald", "Helvetica", 9),
        text_at(460, 20, "Sunday, June 28, 2025", "Helvetica-Bold", 9),
        box(36, 34, 540, 1.2, fill=(0, 0, 0)),
        text_at(40, 50, "Committee Says", "Times-Bold", 40),
        text_at(40, 94, "Yes to the Plan", "Times-Bold", 40),
        text_at(40, 142, "From page 1", "Times-Italic", 9),
        box(40, 160, 330, 150, fill=(0.8, 0.8, 0.8)),
        text_at(40, 315, "A view of the site from the river", "Helvetica", 7.5),
        prose_column(40, 335, 160, 30, seed=1),
        prose_column(210, 335, 160, 30, seed=2),
        prose_column(390, 60, 180, 28, seed=3),
        text_at(390, 400, "Harbour Works Begin Again", "Times-Bold", 11),
        prose_column(390, 418, 180, 25, seed=4),
    )
    path = tmp_path / "page.png"
    scan_of(tmp_path, page).save(path)
    (result,) = extract_pages(path)
    heads = [" ".join((a.headline or "").split()) for a in result.items if a.type is ItemType.ARTICLE]
    assert "Committee Says Yes to the Plan" in heads, heads
    assert "Harbour Works Begin Again" in heads, heads
