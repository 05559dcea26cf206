"""The text OCR reads in an image — a line or a page — as lines of words in reading order.

What ``broadsheet ocr`` prints, and what the Urdu OCR evaluation (``benchmarks/nastaliq_ocr.py``) calls,
so that the figures it reports are those of the command. The image is prepared (scaled, optionally
binarised) and read by one of two engines: Tesseract, with the model for the language or one the project
trained (``make ocr-model-ur``), or the project's Nastaliq CRNN (``make ocr-model-ur-crnn``,
:mod:`broadsheet.ocr.crnn`), which Urdu is read with by default because it reads Nastaliq far better.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from broadsheet.errors import OcrModelMissingError, UsageError
from broadsheet.ocr.image import ink_mask
from broadsheet.ocr.tesseract import (
    OcrWord,
    installed_languages,
    read_words,
    require_known_language,
    require_models,
    tesseract_languages,
)


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """How an image is read: the model(s), where they are, and how the image is prepared.

    ``model``: Tesseract's ``-l`` (``urd``, ``script/Arabic``, ``urd+ara``, ``urd_nastaliq``); ``tessdata``:
    the folder of a model the project trained (None: the system's); ``psm``: page segmentation mode
    (3 a page, 6 a block, 7 one line); ``scale``: the image is resized by this factor first (Tesseract
    reads best when a line's letters are some 20–40 pixels tall); ``binarise``: Otsu's threshold first;
    ``engine``: ``tesseract`` or ``crnn`` (the Nastaliq CRNN, whose model folder is ``tessdata`` when
    given; it reads an image as one line in mode 7 and finds the lines itself otherwise)."""

    model: str
    tessdata: Path | None = None
    psm: int = 3
    scale: float = 1.0
    binarise: bool = False
    engine: str = "tesseract"

    @classmethod
    def for_language(cls, language: str | None, **overrides: object) -> OcrSettings:
        """The settings for text in ``language`` (ISO 639-1), with any field given overriding them. Urdu
        is read by the CRNN unless a Tesseract model or the Tesseract engine is asked for."""
        if language is not None:
            require_known_language(language)
        fields: dict[str, object] = {"model": tesseract_languages(language)}
        if language == "ur" and overrides.get("model") is None and overrides.get("engine") in (None, "crnn"):
            fields.update(model=CRNN_MODEL, engine="crnn")
        fields.update({k: v for k, v in overrides.items() if v is not None})
        if fields.setdefault("engine", "tesseract") not in ENGINES:
            raise UsageError(f"--engine: {fields.get('engine')!r} is not one of {', '.join(ENGINES)}")
        return cls(**fields)  # type: ignore[arg-type]


ENGINES = ("tesseract", "crnn")
CRNN_MODEL = "urd_nastaliq_crnn"


def check_model(settings: OcrSettings, asked: str) -> None:
    """Refuse at once when the model is not there (before an image is prepared)."""
    if settings.engine == "crnn":
        from broadsheet.ocr.crnn import require_model

        require_model(settings.tessdata)
        return
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
    if settings.engine == "crnn":
        from broadsheet.ocr.crnn import load_reader

        return load_reader(settings.tessdata).read_image(prepare(image, settings), one_line=settings.psm == 7)
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
