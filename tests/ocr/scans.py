"""Scanned pages made on the fly: a generated PDF page rendered to pixels, as a scanner would give it."""

from __future__ import annotations

import random
import string
import tempfile
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from tests.pdfs import WORDS, Draw, centred, combine, make_pdf, text_at

DPI = 200
HEADLINES = ("Council Backs Bridge Plan", "Harvest Fair Opens Today")


def prose_column(x: float, y_top: float, width: float, lines: int, seed: int, size: float = 9) -> Draw:
    """A column of words in random order: repeating prose lines up into vertical rivers of white,
    which OCR takes for gutters; real text does not."""
    rng = random.Random(seed)

    def draw(canvas: Canvas) -> None:
        canvas.setFont("Times-Roman", size)
        for n in range(lines):
            words: list[str] = []
            while canvas.stringWidth(" ".join(words), "Times-Roman", size) < width - 30:
                words.append(rng.choice(WORDS))
            canvas.drawString(x, canvas._pagesize[1] - y_top - size - n * 1.2 * size, " ".join(words))

    return draw


def two_stories() -> Draw:
    """Two stories side by side, each a bold headline over two columns of body text."""
    left = [
        text_at(40, 60, HEADLINES[0], "Helvetica-Bold", 20),
        prose_column(40, 100, 125, 30, seed=1),
        prose_column(180, 100, 125, 30, seed=2),
    ]
    right = [
        text_at(330, 60, HEADLINES[1], "Helvetica-Bold", 20),
        prose_column(330, 100, 115, 30, seed=3),
        prose_column(460, 100, 115, 30, seed=4),
    ]
    return combine(*left, *right)


def scan_of(tmp_path: Path, draw: Draw, dpi: int = DPI) -> Image.Image:
    """The page ``draw`` makes, rendered in grey at ``dpi`` as a scanner would see it."""
    pdf = make_pdf(tmp_path / "printed.pdf", draw)
    doc = pdfium.PdfDocument(pdf)
    try:
        image: Image.Image = doc[0].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        doc.close()
    return image


def image_only_pdf(tmp_path: Path, image: Image.Image, dpi: float = DPI, tiles: int = 1) -> Path:
    """A PDF whose only page is ``image``, full page: a scanned edition as archives deliver it.

    With ``tiles``, the image is cut into tiles × tiles pieces placed side by side, as some publishers'
    PDFs hold a page: no one image covers much of it.
    """
    width, height = image.width * 72 / dpi, image.height * 72 / dpi
    path = tmp_path / "scanned.pdf"
    canvas = Canvas(str(path), pagesize=(width, height))
    for row in range(tiles):
        for col in range(tiles):
            box = [round(image.width * col / tiles), round(image.height * row / tiles)]
            box += [round(image.width * (col + 1) / tiles), round(image.height * (row + 1) / tiles)]
            png = tmp_path / f"scan-{row}-{col}.png"
            image.crop(tuple(box)).save(png)
            x, top = box[0] * 72 / dpi, box[1] * 72 / dpi
            w, h = (box[2] - box[0]) * 72 / dpi, (box[3] - box[1]) * 72 / dpi
            canvas.drawImage(str(png), x, height - top - h, w, h)
    canvas.showPage()
    canvas.save()
    return path


def old_column(headings: tuple[str, ...], x: float = 60, width: float = 230, lines: int = 12) -> Draw:
    """Stories one under another in a column, each under a heading in the body size centred over
    it, as papers were set before display type."""
    draws: list[Draw] = []
    top = 60.0
    for k, heading in enumerate(headings):
        draws.append(centred(x, top, width, heading))
        draws.append(prose_column(x, top + 16, width, lines, seed=10 + k))
        top += 16 + lines * 10.8 + 14
    return combine(*draws)


def justified_column(x: float, y_top: float, width: float, lines: int, seed: int, size: float = 9) -> Draw:
    """A column of random words set flush to both edges, as old papers set theirs: its lines end
    exactly at the column's right edge, however narrow the gutter beside it."""
    rng = random.Random(seed)

    def draw(canvas: Canvas) -> None:
        for n in range(lines):
            words: list[str] = []
            while canvas.stringWidth(" ".join([*words, "council"]), "Times-Roman", size) < width:
                words.append(rng.choice(WORDS))
            line = " ".join(words)
            natural = canvas.stringWidth(line, "Times-Roman", size)
            text = canvas.beginText(x, canvas._pagesize[1] - y_top - size - n * 1.2 * size)
            text.setFont("Times-Roman", size)
            text.setCharSpace((width - natural) / max(len(line) - 1, 1))  # spread over the letters
            text.textLine(line)
            canvas.drawText(text)

    return draw


GUTTER_X = 261.25  # the middle of narrow_gutter_page's gutter, in points


def narrow_gutter_page(gutter: float = 3.0) -> Draw:
    """Two stories side by side under centred headings, their justified columns ``gutter`` points
    apart (around GUTTER_X): narrower than the line stage's gap for a scan, as in a paper of 1850."""
    width = GUTTER_X - 60 - gutter / 2
    right = 60 + width + gutter
    return combine(
        centred(60, 60, width, "Harbour."),
        justified_column(60, 76, width, 40, seed=41),
        centred(right, 60, width, "Markets."),
        justified_column(right, 76, width, 40, seed=42),
    )


def rule(x0: float, x1: float, y: float, weight: float = 1.2) -> Draw:
    """A horizontal rule from ``x0`` to ``x1`` at ``y`` (top-left coordinates)."""
    return _stroke(x0, y, x1, y, weight)


def vrule(x: float, y0: float, y1: float, weight: float = 1.0) -> Draw:
    """A vertical rule at ``x`` from ``y0`` down to ``y1`` (top-left coordinates)."""
    return _stroke(x, y0, x, y1, weight)


def _stroke(x0: float, y0: float, x1: float, y1: float, weight: float) -> Draw:
    def draw(canvas: Canvas) -> None:
        canvas.setLineWidth(weight)
        height = canvas._pagesize[1]
        canvas.line(x0, height - y0, x1, height - y1)

    return draw


OLD_TITLE = "THE WEEKLY COURIER"
OLD_CONTENTS = "Parliament. Harbour. Markets. Shipping. Notices."
OLD_HEADINGS = ("Parliament.", "Harbour.", "Markets.", "Shipping.")
_OLD_COLUMNS = (40.0, 218.0, 396.0)
_OLD_WIDTH = 166.0
_PITCH = 10.8  # prose_column's line pitch at 9 pt


def old_front_page() -> Draw:
    """An old paper's front page: a title block over a rule across the page, a strip of contents
    between that rule and a second one, then three columns of stories under centred headings in
    the body size. The second story runs from the foot of the first column on at the top of the
    second, with no heading there, as old papers poured their text (level with the first story's
    heading, which must not claim it); a column rule parts the second column from the third."""
    x1, x2, x3 = _OLD_COLUMNS
    top = 150.0
    second = top + 16 + 8 * _PITCH + 14
    third = top + 14 * _PITCH + 14
    draws = [
        centred(40, 40, 532, OLD_TITLE, "Times-Bold", 16),
        centred(40, 70, 532, "Printed and published every Saturday by J. Smith, Market Street.", size=9),
        rule(40, 572, 88),
        centred(40, 94, 532, OLD_CONTENTS, size=9),
        rule(40, 572, 112),
        centred(x1, top, _OLD_WIDTH, OLD_HEADINGS[0]),
        prose_column(x1, top + 16, _OLD_WIDTH, 8, seed=21),
        centred(x1, second, _OLD_WIDTH, OLD_HEADINGS[1]),
        prose_column(x1, second + 16, _OLD_WIDTH, 40, seed=22),
        prose_column(x2, top, _OLD_WIDTH, 14, seed=23),
        centred(x2, third, _OLD_WIDTH, OLD_HEADINGS[2]),
        prose_column(x2, third + 16, _OLD_WIDTH, 34, seed=24),
        vrule(x3 - 6, top, top + 50 * _PITCH),
        centred(x3, top, _OLD_WIDTH, OLD_HEADINGS[3]),
        prose_column(x3, top + 16, _OLD_WIDTH, 50, seed=25),
    ]
    return combine(*draws)


def old_inner_page() -> Draw:
    """An old paper's inner page, with no rule under a running head: the first column opens with
    the end of a story from the page before, under no heading, and the second with a heading in
    the body size at the very top of the page, level with the first column's text. A centred line
    of the running text ending in a comma ("The analysis yielded,") stands in the second story."""
    x1, x2, _ = _OLD_COLUMNS
    top = 30.0
    return combine(
        prose_column(x1, top, _OLD_WIDTH, 30, seed=31),
        centred(x1, top + 30 * _PITCH + 14, _OLD_WIDTH, "Sweden."),
        prose_column(x1, top + 30 * _PITCH + 30, _OLD_WIDTH, 30, seed=32),
        centred(x2, top, _OLD_WIDTH, "Poland."),
        prose_column(x2, top + 16, _OLD_WIDTH, 20, seed=33),
        centred(x2, top + 16 + 20 * _PITCH + 4, _OLD_WIDTH, "The analysis yielded,"),
        prose_column(x2, top + 16 + 21 * _PITCH + 8, _OLD_WIDTH, 30, seed=34),
    )


def outlined(draw: Draw, dpi: int = 150) -> Draw:
    """The page ``draw`` makes, with its text converted to outlines: a little filled rectangle per
    run of ink, so the PDF has thousands of paths and no text, as CorelDRAW exports leave it."""

    def redraw(canvas: Canvas) -> None:
        with tempfile.TemporaryDirectory() as folder:
            ink = np.asarray(scan_of(Path(folder), draw, dpi).convert("L")) < 128
        step = 72 / dpi
        height = canvas._pagesize[1]
        for row, line in enumerate(ink):
            edges = np.flatnonzero(np.diff(np.concatenate(([0], line.astype(np.int8), [0]))))
            for start, end in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
                canvas.rect(start * step, height - (row + 1) * step, (end - start) * step, step, stroke=0, fill=1)

    return redraw


# a made-up legacy encoding: a–z as À–Ù, A–Z as à–ù (accented Latin-1 letters, as such fonts leave)
LEGACY = str.maketrans(
    string.ascii_lowercase + string.ascii_uppercase,
    "".join(chr(0xC0 + i) for i in range(26)) + "".join(chr(0xE0 + i) for i in range(26)),
)


class _LegacyCanvas:
    """A canvas whose strings come out in a made-up 8-bit encoding, as legacy fonts store them."""

    def __init__(self, canvas: Canvas) -> None:
        self._canvas = canvas

    def __getattr__(self, name: str) -> object:
        return getattr(self._canvas, name)

    def drawString(self, x: float, y: float, text: str) -> None:  # noqa: N802 (reportlab's name)
        """The encoded string squeezed or stretched to the width of the real one, as each legacy glyph
        is as wide as the letter it shows."""
        c, coded = self._canvas, text.translate(LEGACY)
        width = c.stringWidth(coded, c._fontname, c._fontsize)
        line = c.beginText(x, y)
        line.setHorizScale(100 * c.stringWidth(text, c._fontname, c._fontsize) / max(width, 1e-6))
        line.textOut(coded)
        c.drawText(line)


def legacy_font(draw: Draw) -> Draw:
    """The page ``draw`` makes as a legacy-font PDF shows it: the words are seen (here as outlines) but
    the text layer under them, glyph for glyph in the same lines, reads as ``ÃÀ«ÍÉ``."""

    def redraw(canvas: Canvas) -> None:
        canvas.setFillColorRGB(1, 1, 1)  # under the outlines, unseen, as a real font's glyphs are seen
        draw(_LegacyCanvas(canvas))  # type: ignore[arg-type]
        canvas.setFillColorRGB(0, 0, 0)
        outlined(draw)(canvas)

    return redraw
