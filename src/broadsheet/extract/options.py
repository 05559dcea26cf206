"""Extraction options, declared once with their defaults (one options object, not many kwargs)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from broadsheet.extract.model import Direction
from broadsheet.extract.profile import Profile
from broadsheet.ocr.tesseract import DEFAULT_OCR_LIMITS, OcrLimits


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """How to extract. Every field has a default that suits a publisher's print PDF."""

    direction: Direction | None = None  # None: decided per page from the script
    language: str | None = None  # ISO 639-1; None: guessed from the text
    max_file_mb: int = 2048  # refuse larger files
    max_glyphs_per_page: int = 400_000  # a page beyond this is refused as hostile
    ocr: bool = True  # read scanned pages (image-only PDF pages, page images) with Tesseract
    ocr_languages: str | None = None  # Tesseract's -l, e.g. "deu+frk"; None: from ``language`` (English)
    ocr_dpi: int = 300  # an image-only PDF page is rendered at this resolution for OCR
    ocr_limits: OcrLimits = DEFAULT_OCR_LIMITS  # memory and seconds each Tesseract run may take
    # Urdu scans: auto (the Nastaliq CRNN when built, else Tesseract), crnn or tesseract (broadsheet.ocr.engine)
    ocr_engine: str = "auto"
    crnn_models: Path | None = None  # the CRNN's folder; None: build/ocr-models/crnn (make ocr-model-ur-crnn)
    max_image_pixels: int = 120_000_000  # a page image beyond this is refused (decompression bombs)
    explain: bool = False  # record why each line got its role and its item (PageResult.decisions)
    profile: Profile | None = None  # the publication's learned styles (broadsheet profile)
