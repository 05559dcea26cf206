"""Reading given lines of a page again, in one Tesseract call.

Tesseract's page segmentation sometimes skips a line it should read (the last lines of a column
squeezed against a rule, a line under a picture). When the PDF says where every line is (a page in
legacy fonts: the geometry is right, only the characters are wrong), the skipped lines can be read
on their own: each line is cut out of the page image and laid on a strip, one line per row with
white space between, and the strip is read as a block of uniform text (``--psm 6``). Words come
back in page pixels, by the row they were read in.
"""

from __future__ import annotations

from PIL import Image

from broadsheet.geometry import Box
from broadsheet.ocr.tesseract import DEFAULT_OCR_LIMITS, OcrLimits, OcrWord, read_words

# White space around and between the lines on the strip, in line heights.
STRIP_GAP = 0.8
# At most this many lines are read again on one page (one strip): a page missing more than that
# has a bigger problem than skipped lines.
STRIP_LINES = 200


def read_strip(
    image: Image.Image,
    boxes: list[Box],
    languages: str,
    limits: OcrLimits = DEFAULT_OCR_LIMITS,
    line_height: float | None = None,
) -> list[list[OcrWord]]:
    """The words Tesseract reads in each of ``boxes`` (pixels of ``image``), one list per box, each
    word's box in ``image``'s pixels. ``line_height``: each box is scaled to about this many pixels
    tall on the strip (lines of very different sizes, a page's display type), else cut as it is."""
    boxes = boxes[:STRIP_LINES]
    crops = [image.crop(tuple(round(v) for v in box)) for box in boxes]  # type: ignore[arg-type]
    if not crops:
        return []
    zoom = [line_height / max(c.height, 1) if line_height else 1.0 for c in crops]
    crops = [
        c.resize((max(1, round(c.width * z)), max(1, round(c.height * z))), Image.Resampling.LANCZOS) if z != 1 else c
        for c, z in zip(crops, zoom, strict=True)
    ]
    gap = round(STRIP_GAP * max(c.height for c in crops))
    strip = Image.new(
        image.mode, (max(c.width for c in crops) + 2 * gap, sum(c.height + gap for c in crops) + gap), "white"
    )
    rows: list[tuple[int, int]] = []  # each crop's top and bottom on the strip
    y = gap
    for crop in crops:
        strip.paste(crop, (gap, y))
        rows.append((y, y + crop.height))
        y += crop.height + gap
    found: list[list[OcrWord]] = [[] for _ in boxes]
    for word in read_words(strip, languages, limits, psm=6):
        middle = (word.box[1] + word.box[3]) / 2
        row = next((k for k, (top, bottom) in enumerate(rows) if top - gap / 2 <= middle < bottom + gap / 2), None)
        if row is None:
            continue
        z, (left, top) = zoom[row], (gap, rows[row][0])  # the crop's place on the strip
        x0, y0 = boxes[row][0], boxes[row][1]
        shifted = (
            x0 + (word.box[0] - left) / z,
            y0 + (word.box[1] - top) / z,
            x0 + (word.box[2] - left) / z,
            y0 + (word.box[3] - top) / z,
        )
        found[row].append(OcrWord(shifted, word.text, word.confidence, word.line))
    return found
