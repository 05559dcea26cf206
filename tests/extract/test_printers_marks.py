"""A press-ready PDF: its printer's marks, colour bar and slug line lie outside its TrimBox, and the
page reads as the same items as without them, in the same places on the page as cut (its CropBox,
marks and all, stays the page of the results), and the slug line as furniture.
Without OCR: the outlined display type a page may have is read off a render, whose pixels fall
otherwise on a page moved by the margin."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.extract import extract_pages
from broadsheet.extract.model import ItemType, PageResult
from broadsheet.extract.options import ExtractOptions
from broadsheet.synthetic import SyntheticOptions, generate_edition
from tests.extract.test_no_text_lost import CORPUS
from tests.pdfs import SLUG, printers_copy

MARGIN = 36.0


def _reading(result: PageResult, shift: float = 0.0) -> list[tuple[object, ...]]:
    return [
        (item.type, item.headline, item.body, [tuple(round(v - shift, 1) for v in box) for box in item.regions])
        for item in result.items
    ]


def _same_reading(pdf: Path, page: int, tmp_path: Path) -> None:
    options = ExtractOptions(ocr=False)
    (original,) = extract_pages(pdf, pages=[page], options=options)
    (printed,) = extract_pages(printers_copy(pdf, tmp_path / "press.pdf", MARGIN), pages=[page], options=options)
    assert (printed.width, printed.height) == (original.width + 2 * MARGIN, original.height + 2 * MARGIN)
    *items, slug = printed.items
    assert _reading(PageResult(printed.source, page, 0, 0, items=items), MARGIN) == _reading(original)
    assert slug.type is ItemType.FURNITURE and len(slug.regions) == 1
    x0, y0, x1, y1 = slug.regions[0]
    assert x1 - x0 > 200  # the whole line
    assert x0 >= MARGIN - 1 and y0 > printed.height - MARGIN and y1 < printed.height  # under the cut
    assert not any(SLUG.split()[0] in (item.body or "") + (item.headline or "") for item in items)


def test_a_generated_daily_page_with_printers_marks_reads_as_without(tmp_path: Path) -> None:
    edition = generate_edition(SyntheticOptions(seed=401, pages=1, daily=True), tmp_path, "daily")
    _same_reading(edition.pdf, 1, tmp_path)


@pytest.mark.parametrize("path", ["born-digital-more/IE-EDITORIAL-15-08-26.pdf"], ids=lambda v: Path(v).stem)
def test_a_real_page_with_printers_marks_reads_as_without(path: str, tmp_path: Path) -> None:
    _same_reading(CORPUS / path, 1, tmp_path)
