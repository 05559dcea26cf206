"""Urdu Nastaliq OCR: word and character accuracy on text not seen in training, and OCR seconds a page.

    .venv/bin/python benchmarks/nastaliq_ocr.py [--lines 15] [--pages 1] [--variants urd,nastaliq] [--json out.json]
    .venv/bin/python benchmarks/nastaliq_ocr.py --lines 0 --pages 3 --variants 'pipeline,pipeline urd,crnn,urd'

The text is the test side of :mod:`broadsheet.synthetic.urdu_text`: sentences from templates of its own,
with content words that the training side never has (``make ocr-model-ur`` trains on the other side).
It is rendered in the Nastaliq faces Debian ships (Noto Nastaliq Urdu, Awami Nastaliq) at 300 dpi:

- lines as a column sets them (3–8 words, now and then a whole sentence), ``--lines`` of each face at
  10, 12 and 14 pt (body sizes of Urdu papers) and 24 pt (a headline);
- ``--pages`` pages of each face: three columns of 12 pt body text, 150 pt wide, read right to left
  (with ``--headlines``, under a 28 pt headline across the columns).

Each is read through the same path as ``broadsheet ocr`` (:func:`broadsheet.ocr.text.read_text`) with
each variant's settings, and scored by :func:`broadsheet.evaluate.ocr_text.score_text`. Variants: the
project's current reading (``urd``: Tesseract's Urdu model on the image as it is, page segmentation
mode 3, as scans are read) and the levers on it (other models: the Arabic script model, Urdu with
Arabic; line segmentation, scale, binarisation), the project's own Tesseract model (``nastaliq``) and
its Nastaliq CRNN (``crnn``: lines read as one line, pages cut into lines by
:mod:`broadsheet.ocr.line_finder`; ``crnn found``: lines cut by it too), each when it has been built;
``pipeline`` and ``pipeline urd``: pages only, through the real extraction path (page image in,
articles out, as ingest reads a scan) with the CRNN and with Tesseract's ``urd``.
OCR seconds are wall clock for the OCR call (Tesseract or onnxruntime), one thread, on this machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from common import emit
from PIL import Image

from broadsheet.evaluate.ocr_text import TextScore, score_text
from broadsheet.ocr.crnn import model_path
from broadsheet.ocr.engine import MODELS_FOLDER as CRNN_FOLDER
from broadsheet.ocr.text import CRNN_MODEL, OcrSettings, check_model, read_text
from broadsheet.synthetic.nastaliq import NASTALIQ_FONTS, render_line, render_page
from broadsheet.synthetic.urdu_text import column_lines, paragraphs

MODELS = Path("build/ocr-models")  # where make ocr-model-ur puts the project's model
MODEL = "urd_nastaliq"
LINE_SIZES = (10.0, 12.0, 14.0, 24.0)
PAGE_SIZE = 12.0
HEADLINE_SIZE = 28.0
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


def page_samples(per_font: int, headlines: bool = False) -> list[Sample]:
    """Three-column pages; with ``headlines``, each under a headline of 28 pt across its columns (a
    story's headline, set over its columns as papers do), which comes first in its text."""
    samples = []
    for f, font in enumerate(NASTALIQ_FONTS):
        for k in range(per_font):
            page = render_page(paragraphs("test", 8, seed=200 + 10 * f + k), font, PAGE_SIZE, columns=3, width=150)
            image, text = page.image, page.text
            if headlines:
                words = " ".join(column_lines("test", 3, seed=300 + 10 * f + k)).split()
                head = render_line(" ".join(words[:8]), font, HEADLINE_SIZE)
                image = Image.new("L", (page.image.width, page.image.height + head.height + 40), 255)
                image.paste(head, (max(0, image.width - head.width - 60), 30))
                image.paste(page.image, (0, head.height + 40))
                text = " ".join(words[:8]) + "\n" + page.text
            samples.append(Sample(image, text, font, PAGE_SIZE))
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
    return _figures(total, seconds, len(samples), by)


def _figures(total: TextScore, seconds: float, count: int, by: dict[str, TextScore]) -> dict[str, object]:
    """A variant's accuracy, seconds per sample and accuracy by font (and size)."""
    return {
        "word_accuracy": round(total.word_accuracy, 4),
        "char_accuracy": round(total.char_accuracy, 4),
        "words": total.words,
        "seconds_each": round(seconds / max(1, count), 3),
        "by": {k: {"word": round(v.word_accuracy, 4), "char": round(v.char_accuracy, 4)} for k, v in by.items()},
    }


# Pages read through the real extraction path (a page image in, its articles' text out), by engine.
PIPELINE = {"pipeline": "crnn", "pipeline urd": "tesseract"}


def measure_pipeline(samples: list[Sample], engine: str) -> dict[str, object]:
    """Pages as ingest reads them: each saved as a 300 dpi page image and extracted in Urdu
    (:func:`broadsheet.extract.extract_pages`: OCR, lines, blocks, articles), its articles' headlines
    and bodies scored in reading order; seconds are the whole extraction's."""
    from broadsheet.extract import ExtractOptions, extract_pages

    options = ExtractOptions(language="ur", ocr_engine=engine)
    total, seconds = TextScore(), 0.0
    by: dict[str, TextScore] = {}
    with tempfile.TemporaryDirectory(prefix="nastaliq-bench-") as folder:
        for k, sample in enumerate(samples):
            path = Path(folder) / f"page{k}.png"
            sample.image.save(path, dpi=(300, 300))
            start = time.perf_counter()
            (result,) = extract_pages(path, options=options)
            seconds += time.perf_counter() - start
            read = " ".join(part for item in result.items for part in (item.headline, item.body) if part)
            score = score_text(sample.text, read)
            total += score
            by[sample.font] = by.get(sample.font, TextScore()) + score
    return _figures(total, seconds, len(samples), by)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=15, help="test lines per face and size")
    parser.add_argument("--pages", type=int, default=1, help="test pages per face")
    parser.add_argument("--variants", help="comma-separated names (default: all whose model is here)")
    parser.add_argument("--headlines", action="store_true", help="pages under a headline across their columns")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    chosen = variants()
    names = args.variants.split(",") if args.variants else list(chosen)
    lines, pages = line_samples(args.lines), page_samples(args.pages, args.headlines)
    figures: dict[str, object] = {"lines": len(lines), "pages": len(pages), "target_word_accuracy": TARGET}
    for name in (n for n in names if n in PIPELINE):
        if PIPELINE[name] == "crnn" and not model_path(CRNN_FOLDER).is_file():
            print(f"{name}: skipped (the CRNN is not built: make ocr-model-ur-crnn)", file=sys.stderr)
            continue
        on_pages = measure_pipeline(pages, PIPELINE[name])
        figures[name] = {"pages": on_pages}
        print(
            f"{name:16} pages through extraction: words {on_pages['word_accuracy']:.1%} "
            f"chars {on_pages['char_accuracy']:.1%} ({on_pages['seconds_each']:.1f} s a page)",
            file=sys.stderr,
        )
    chosen = {name: chosen[name] for name in names if name not in PIPELINE}
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
