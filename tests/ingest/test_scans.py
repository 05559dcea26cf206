"""An edition delivered as scanned page images: made into an image-only PDF, then ingested with OCR."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from broadsheet.errors import UsageError
from broadsheet.ingest.scans import scans_to_pdf
from tests.ocr.scans import HEADLINES, old_column, scan_of, two_stories

LIMITS = (2**30, 10**8)


def _pages(tmp_path: Path) -> list[Path]:
    paths = []
    for k, draw in enumerate((two_stories(), old_column(("SAD NEWS FROM THE HARBOUR.",)))):
        path = tmp_path / f"page{k + 1}.png"
        scan_of(tmp_path, draw).save(path, dpi=(200, 200))
        paths.append(path)
    return paths


def test_page_images_become_an_image_only_pdf_at_their_own_resolution(tmp_path: Path) -> None:
    pdf = scans_to_pdf(_pages(tmp_path), tmp_path / "edition.pdf", *LIMITS)
    doc = pdfium.PdfDocument(pdf)
    try:
        assert len(doc) == 2
        width, height = doc[0].get_size()
        assert (round(width), round(height)) == (612, 792)  # 1700 × 2200 px at 200 dpi
        assert doc[0].get_textpage().count_chars() == 0
    finally:
        doc.close()


def test_a_pdf_among_page_images_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="either one PDF or page images"):
        scans_to_pdf([*_pages(tmp_path), tmp_path / "other.pdf"], tmp_path / "edition.pdf", *LIMITS)


def test_the_ingest_command_takes_scanned_page_images(site: Path, tmp_path: Path) -> None:
    from broadsheet.cli import build_parser
    from broadsheet.editions.models import Article, Edition
    from broadsheet.site.commands import run_ingest

    pages = [str(page) for page in _pages(tmp_path)]
    options = ["--publication", "old-gazette", "--date", "1850-06-15", "--language", "en", "--workers", "2", "--quiet"]
    args = build_parser().parse_args(["ingest", *pages, *options])
    assert run_ingest(args, env={}) == 0
    edition = Edition.objects.get(status="published")
    assert edition.page_count == 2 and set(edition.pages.values_list("text_layer", flat=True)) == {"ocr"}
    headlines = set(Article.objects.values_list("headline", flat=True))
    assert {*HEADLINES, "SAD NEWS FROM THE HARBOUR."} <= headlines
