"""Each Tesseract run has limits of its own (memory, CPU and wall seconds), not its ingest worker's: an
image that needs more fails its page with a message naming the limit and the setting that raises it.
The hostile images are made here, far past limits the tests set (no timed assertions)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PIL import Image

from broadsheet.errors import OcrError
from broadsheet.extract import ExtractOptions, extract_pages
from broadsheet.ocr.tesseract import OcrLimits, read_words
from tests.ocr.scans import DPI, image_only_pdf, scan_of, two_stories

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's limits as Linux sets them")
TINY_MEMORY = OcrLimits(memory_mb=120)
MEMORY = "Tesseract needed more than the limit of 120 MiB of memory on the page: raise BROADSHEET_OCR_MEMORY_MB"


def _huge(tmp_path: Path) -> Image.Image:
    """A page of text pasted onto a sheet of 64 megapixels: Tesseract holds it several times over."""
    sheet = Image.new("L", (8000, 8000), 255)
    sheet.paste(scan_of(tmp_path, two_stories()).convert("L"), (0, 0))
    return sheet


def test_a_run_past_the_memory_limit_fails_with_a_message_naming_it(tmp_path: Path) -> None:
    page = scan_of(tmp_path, two_stories())
    assert "Council" in [w.text for w in read_words(page, "eng", TINY_MEMORY)]  # a page within it is read
    with pytest.raises(OcrError) as blown:
        read_words(_huge(tmp_path), "eng", TINY_MEMORY)
    assert str(blown.value) == f"{MEMORY} to allow it more"


def test_a_run_past_the_time_limit_fails_with_a_message_naming_it(tmp_path: Path) -> None:
    page = scan_of(tmp_path, two_stories())
    sheet = Image.new("L", (page.width * 3, page.height * 3), 255)
    for k in range(9):  # nine pages of text: many seconds of work
        sheet.paste(page.convert("L"), (page.width * (k % 3), page.height * (k // 3)))
    with pytest.raises(OcrError, match=r"the limit of 1 (CPU seconds|s) on the page: raise BROADSHEET_OCR_SECONDS"):
        read_words(sheet, "eng", OcrLimits(seconds=1))


def test_a_scanned_page_past_the_ocr_limits_is_a_failed_page_with_the_message(tmp_path: Path) -> None:
    pdf = image_only_pdf(tmp_path, _huge(tmp_path), dpi=DPI)
    options = ExtractOptions(language="en", ocr_limits=TINY_MEMORY, ocr_dpi=DPI)
    (result,) = extract_pages(pdf, options=options)
    assert result.error is not None and MEMORY in result.error
