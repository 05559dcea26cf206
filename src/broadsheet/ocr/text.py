"""The text OCR reads in an image — a line or a page — as lines of words in reading order.

What ``broadsheet ocr`` prints, and what the Urdu OCR evaluation (``benchmarks/nastaliq_ocr.py``) calls,
so that the figures it reports are those of the command. The image is prepared (scaled, optionally
binarised) and read by Tesseract with the model for the language, or with a model the project trained
(``make ocr-model-ur`` builds one for Urdu Nastaliq into its own folder).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from broadsheet.errors import OcrModelMissingError
from broadsheet.ocr.image import ink_mask
from broadsheet.ocr.tesseract import OcrWord, installed_languages, read_words, require_models, tesseract_languages


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """How an image is read: the model(s), where they are, and how the image is prepared.

    ``model``: Tesseract's ``-l`` (``urd``, ``script/Arabic``, ``urd+ara``, ``urd_nastaliq``); ``tessdata``:
    the folder of a model the project trained (None: the system's); ``psm``: page segmentation mode
    (3 a page, 6 a block, 7 one line); ``scale``: the image is resized by this factor first (Tesseract
    reads best when a line's letters are some 20–40 pixels tall); ``binarise``: Otsu's threshold first."""

    model: str
    tessdata: Path | None = None
    psm: int = 3
    scale: float = 1.0
    binarise: bool = False

    @classmethod
    def for_language(cls, language: str | None, **overrides: object) -> OcrSettings:
        """The settings for text in ``language`` (ISO 639-1), with any field given overriding them."""
        fields: dict[str, object] = {"model": tesseract_languages(language)}
        fields.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**fields)  # type: ignore[arg-type]


def check_model(settings: OcrSettings, asked: str) -> None:
    """Refuse at once when the model is not there (before an image is prepared)."""
    if settings.tessdata is None:
        require_models(settings.model, asked)
        return
    missing = [m for m in settings.model.split("+") if m and m not in installed_languages(settings.tessdata)]
    if missing:
        raise OcrModelMissingError(
            f"{asked}: no model {'+'.join(missing)} in {settings.tessdata} (make ocr-model-ur builds the Urdu one)"
        )


def prepare(image: Image.Image, settings: OcrSettings) -> Image.Image:
    """The image as Tesseract gets it: grey, scaled, and black on white if asked."""
    grey = image.convert("L")
    if settings.scale != 1.0:
        size = (max(1, round(grey.width * settings.scale)), max(1, round(grey.height * settings.scale)))
        grey = grey.resize(size, Image.Resampling.LANCZOS)
    if settings.binarise:
        grey = Image.fromarray(np.where(ink_mask(grey), 0, 255).astype(np.uint8))
    return grey


def read_lines(image: Image.Image, settings: OcrSettings) -> list[str]:
    """The lines of text read in ``image``, each its words in reading order joined by spaces."""
    words = read_words(prepare(image, settings), settings.model, psm=settings.psm, tessdata=settings.tessdata)
    return lines_of(words)


def lines_of(words: list[OcrWord]) -> list[str]:
    """Words grouped by the line Tesseract put them in, in its order."""
    lines: dict[tuple[int, int, int], list[str]] = defaultdict(list)
    for word in words:
        lines[word.line].append(word.text)
    return [" ".join(texts) for texts in lines.values()]


def read_text(image: Image.Image, settings: OcrSettings) -> str:
    """The text read in ``image``, one line of the image a line."""
    return "\n".join(read_lines(image, settings))
