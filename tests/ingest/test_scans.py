"""An edition delivered as scanned page images: made into an image-only PDF, then ingested with OCR."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from broadsheet.errors import OcrModelMissingError, UsageError
from broadsheet.ingest.scans import scans_to_pdf
from broadsheet.ocr.crnn import model_path
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


def _urdu_scans(tmp_path: Path, pages: int) -> tuple[list[Path], list[str]]:
    """Urdu pages in the two Nastaliq faces, rendered from words the CRNN never trained on."""
    from broadsheet.synthetic.nastaliq import NASTALIQ_FONTS, render_page
    from broadsheet.synthetic.urdu_text import paragraphs

    paths, texts = [], []
    for k in range(pages):
        font = list(NASTALIQ_FONTS)[k % len(NASTALIQ_FONTS)]
        page = render_page(paragraphs("test", 6, seed=400 + k), font, 12.0, columns=3, width=150)
        paths.append(tmp_path / f"urdu{k + 1}.png")
        page.image.save(paths[-1], dpi=(300, 300))
        texts.append(page.text)
    return paths, texts


def _ingest_urdu(tmp_path: Path, pages: int, warned: list[str]) -> list[str]:
    """The scans ingested as an Urdu edition, in worker processes; each page's printed text, in order."""
    import datetime as dt

    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition

    paths, texts = _urdu_scans(tmp_path, pages)
    pdf = scans_to_pdf(paths, tmp_path / "edition.pdf", *LIMITS)
    request = IngestRequest(pdf=pdf, publication="nawa-test", date=dt.date(2026, 12, 3), language="ur")
    ingest_edition(request, IngestOptions(workers=2, warn=warned.append))
    return texts


def _page_texts(pages: int) -> list[str]:
    from broadsheet.editions.models import Article

    return [
        " ".join(f"{a.headline or ''} {a.body or ''}" for a in Article.objects.filter(page__number=n))
        for n in range(1, pages + 1)
    ]


@pytest.mark.skipif(not model_path().is_file(), reason="the Nastaliq CRNN is not built: make ocr-model-ur-crnn")
def test_an_urdu_edition_of_scans_is_read_by_the_nastaliq_crnn_in_the_workers(site: Path, tmp_path: Path) -> None:
    from django.test import override_settings

    from broadsheet.evaluate.ocr_text import TextScore, score_text

    warned: list[str] = []
    with override_settings(BROADSHEET_CRNN_MODELS=model_path().parent.resolve()):
        printed = _ingest_urdu(tmp_path, 2, warned)
    assert not warned
    score = sum((score_text(p, r) for p, r in zip(printed, _page_texts(2), strict=True)), TextScore())
    assert score.word_accuracy > 0.8, score  # Tesseract's urd reads about 40 % of these words


def test_without_the_crnn_an_urdu_edition_is_read_by_tesseract_with_one_warning(site: Path, tmp_path: Path) -> None:
    from django.test import override_settings

    from broadsheet.editions.models import Edition

    empty = tmp_path / "no-model"
    empty.mkdir()
    warned: list[str] = []
    with override_settings(BROADSHEET_CRNN_MODELS=empty):
        _ingest_urdu(tmp_path, 1, warned)
    assert len(warned) == 1 and "make ocr-model-ur-crnn" in warned[0], warned
    edition = Edition.objects.get(status="published")
    assert edition.pages.get().text_layer == "ocr" and _page_texts(1)[0].strip()
    required = override_settings(BROADSHEET_CRNN_MODELS=empty, BROADSHEET_URDU_OCR="crnn")
    with required, pytest.raises(OcrModelMissingError, match="make ocr-model-ur-crnn"):
        _ingest_urdu(tmp_path, 1, warned)
