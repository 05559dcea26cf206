"""Urdu Nastaliq OCR: word and character accuracy on text not seen in training, and OCR seconds a page.

    .venv/bin/python benchmarks/nastaliq_ocr.py [--lines 15] [--pages 1] [--variants urd,nastaliq] [--json out.json]

The text is the test side of :mod:`broadsheet.synthetic.urdu_text`: sentences from templates of its own,
with content words that the training side never has (``make ocr-model-ur`` trains on the other side).
It is rendered in the Nastaliq faces Debian ships (Noto Nastaliq Urdu, Awami Nastaliq) at 300 dpi:

- lines as a column sets them (3–8 words, now and then a whole sentence), ``--lines`` of each face at
  10, 12 and 14 pt (body sizes of Urdu papers) and 24 pt (a headline);
- ``--pages`` pages of each face: three columns of 12 pt body text, 150 pt wide, read right to left.

Each is read through the same path as ``broadsheet ocr`` (:func:`broadsheet.ocr.text.read_text`) with
each variant's settings, and scored by :func:`broadsheet.evaluate.ocr_text.score_text`. Variants: the
project's current reading (``urd``: Tesseract's Urdu model on the image as it is, page segmentation
mode 3, as scans are read) and the levers on it (other models: the Arabic script model, Urdu with
Arabic; line segmentation, scale, binarisation), the project's own Tesseract model (``nastaliq``) and
its Nastaliq CRNN (``crnn``: lines read as one line, pages cut into lines by
:mod:`broadsheet.ocr.line_finder`; ``crnn found``: lines cut by it too), each when it has been built.
OCR seconds are wall clock for the OCR call (Tesseract or onnxruntime), one thread, on this machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

from common import emit
from PIL import Image

from broadsheet.evaluate.ocr_text import TextScore, score_text
from broadsheet.ocr.crnn import DEFAULT_FOLDER as CRNN_FOLDER
from broadsheet.ocr.text import CRNN_MODEL, OcrSettings, check_model, read_text
from broadsheet.synthetic.nastaliq import NASTALIQ_FONTS, render_line, render_page
from broadsheet.synthetic.urdu_text import column_lines, paragraphs

MODELS = Path("build/ocr-models")  # where make ocr-model-ur puts the project's model
MODEL = "urd_nastaliq"
LINE_SIZES = (10.0, 12.0, 14.0, 24.0)
PAGE_SIZE = 12.0
TARGET = 0.90


@dataclass(frozen=True, slots=True)
class Variant:
    """How lines and pages are read."""

    line: OcrSettings
    page: OcrSettings


def variants() -> dict[str, Variant]:
    urd = OcrSettings("urd")
    own = OcrSettings(MODEL, tessdata=MODELS)
    crnn = OcrSettings(CRNN_MODEL, tessdata=CRNN_FOLDER, engine="crnn")
    return {
        "urd": Variant(urd, urd),
        "Arabic": Variant(OcrSettings("Arabic"), OcrSettings("Arabic")),  # script/Arabic, as Debian installs it
        "urd+ara": Variant(OcrSettings("urd+ara"), OcrSettings("urd+ara")),
        "urd psm7": Variant(replace(urd, psm=7), urd),
        "urd x0.5": Variant(replace(urd, scale=0.5), replace(urd, scale=0.5)),
        "urd x0.75": Variant(replace(urd, scale=0.75), replace(urd, scale=0.75)),
        "urd x1.5": Variant(replace(urd, scale=1.5), replace(urd, scale=1.5)),
        "urd binarised": Variant(replace(urd, binarise=True), replace(urd, binarise=True)),
        "nastaliq": Variant(own, own),
        "nastaliq psm7": Variant(replace(own, psm=7), own),
        "crnn": Variant(replace(crnn, psm=7), crnn),
        "crnn found": Variant(crnn, crnn),
    }


@dataclass(frozen=True, slots=True)
class Sample:
    image: Image.Image
    text: str
    font: str
    size: float


def line_samples(per_size: int) -> list[Sample]:
    samples = []
    for f, font in enumerate(NASTALIQ_FONTS):
        for s, size in enumerate(LINE_SIZES):
            for text in column_lines("test", per_size, seed=100 + 10 * f + s):
                samples.append(Sample(render_line(text, font, size), text, font, size))
    return samples


def page_samples(per_font: int) -> list[Sample]:
    samples = []
    for f, font in enumerate(NASTALIQ_FONTS):
        for k in range(per_font):
            page = render_page(paragraphs("test", 8, seed=200 + 10 * f + k), font, PAGE_SIZE, columns=3, width=150)
            samples.append(Sample(page.image, page.text, font, PAGE_SIZE))
    return samples


def measure(samples: list[Sample], settings: OcrSettings) -> dict[str, object]:
    total, seconds = TextScore(), 0.0
    by: dict[str, TextScore] = {}
    for sample in samples:
        start = time.perf_counter()
        read = read_text(sample.image, settings)
        seconds += time.perf_counter() - start
        score = score_text(sample.text, read)
        total += score
        for key in (sample.font, f"{sample.size:g} pt"):
            by[key] = by.get(key, TextScore()) + score
    return {
        "word_accuracy": round(total.word_accuracy, 4),
        "char_accuracy": round(total.char_accuracy, 4),
        "words": total.words,
        "seconds_each": round(seconds / max(1, len(samples)), 3),
        "by": {k: {"word": round(v.word_accuracy, 4), "char": round(v.char_accuracy, 4)} for k, v in by.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=15, help="test lines per face and size")
    parser.add_argument("--pages", type=int, default=1, help="test pages per face")
    parser.add_argument("--variants", help="comma-separated names (default: all whose model is here)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    chosen = variants()
    if args.variants:
        chosen = {name: chosen[name] for name in args.variants.split(",")}
    lines, pages = line_samples(args.lines), page_samples(args.pages)
    figures: dict[str, object] = {"lines": len(lines), "pages": len(pages), "target_word_accuracy": TARGET}
    for name, variant in chosen.items():
        try:
            check_model(variant.page, name)
        except Exception as e:  # a model not built or installed: say so, measure the others
            print(f"{name}: skipped ({e})", file=sys.stderr)
            continue
        on_lines, on_pages = measure(lines, variant.line), measure(pages, variant.page)
        figures[name] = {"lines": on_lines, "pages": on_pages}
        print(
            f"{name:16} lines: words {on_lines['word_accuracy']:.1%} chars {on_lines['char_accuracy']:.1%} "
            f"({on_lines['seconds_each']:.2f} s each) | pages: words {on_pages['word_accuracy']:.1%} "
            f"chars {on_pages['char_accuracy']:.1%} ({on_pages['seconds_each']:.1f} s a page)",
            file=sys.stderr,
        )
    emit(figures, args.json)


if __name__ == "__main__":
    main()
