"""A scanned Urdu page read by the Nastaliq CRNN, as the words with boxes that the scan stage is made of.

Tesseract gives :func:`broadsheet.ocr.content.scan_content` words with boxes and the line each is in;
this gives the same from the CRNN, so that everything after it (lines, blocks, articles, search, the
reader) runs unchanged: the page is cut into lines (:mod:`broadsheet.ocr.line_finder`, or Tesseract's
own layout, ``layout="tesseract"``), each line is cut after its full stops in mid-line
(:mod:`broadsheet.ocr.full_stops`: the network learned a ``۔`` only at a line's end), all of the pieces
are read by the network in a few batches, and each word read is placed in its line's box, between the
spaces the network read on either side of it (:func:`broadsheet.ocr.crnn_lines.decode_placed`),
narrowed to its ink; a line's pieces stay one line.

A word's top and bottom are its line's *band*, not its ink: Nastaliq's tails and dots reach a line or
more into its neighbours' rows, and boxes that overlap from line to line would make the line stage
merge them. The band is the rows holding the middle :data:`BAND` of the line's ink.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

import numpy as np
from PIL import Image

from broadsheet.geometry import Box
from broadsheet.ocr.crnn import CrnnReader
from broadsheet.ocr.full_stops import sentence_pieces
from broadsheet.ocr.line_finder import INK, TextLine, find_lines
from broadsheet.ocr.tesseract import DEFAULT_OCR_LIMITS, OcrLimits, OcrWord, read_words

LAYOUTS = ("finder", "tesseract")
# A line's band: the rows between these quantiles of its ink pixels' rows.
BAND = (0.03, 0.97)
# Tesseract's line boxes are widened by this share of their height above and below (its boxes hug the
# letters' bodies; Nastaliq's marks and tails reach further).
TESSERACT_SLACK = 0.15


def crnn_words(
    image: Image.Image, reader: CrnnReader, layout: str = "finder", limits: OcrLimits = DEFAULT_OCR_LIMITS
) -> list[OcrWord]:
    """Every word the CRNN reads on the page ``image``, line by line (columns right to left, lines top
    to bottom), each line's words right to left, with its box in the image's pixels; the line
    ``layout`` is the line finder's or Tesseract's (its Urdu model's page segmentation, within ``limits``)."""
    grey = image.convert("L")
    lines = find_lines(grey) if layout == "finder" else tesseract_lines(grey, limits)
    pieces = [sentence_pieces(line.image) for line in lines]
    reads = iter(reader.read_placed([piece for parts in pieces for _, piece in parts]))
    words: list[OcrWord] = []
    for n, (line, parts) in enumerate(zip(lines, pieces, strict=True)):
        read = [replace(w, x0=w.x0 + left, x1=w.x1 + left) for left, _ in parts for w in next(reads)]
        ink = np.asarray(line.image.convert("L")) < INK
        if not read or not ink.any():
            continue
        top, bottom = _band(ink)
        columns = np.flatnonzero(ink.any(axis=0))
        for word in read:
            inside = columns[(columns >= word.x0) & (columns < word.x1)]
            x0, x1 = (float(inside[0]), float(inside[-1] + 1)) if inside.size else (word.x0, word.x1)
            box = (line.box[0] + x0, line.box[1] + top, line.box[0] + x1, line.box[1] + bottom)
            words.append(OcrWord(box, word.text, 100.0 * word.confidence, (0, 0, n)))
    return words


def _band(ink: np.ndarray) -> tuple[float, float]:
    """The rows (top, bottom excluded) that hold the middle :data:`BAND` of a line's ink."""
    rows = np.repeat(np.arange(ink.shape[0]), ink.sum(axis=1))
    top, bottom = np.quantile(rows, BAND)
    return float(top), float(max(bottom + 1, top + 1))


def tesseract_lines(grey: Image.Image, limits: OcrLimits = DEFAULT_OCR_LIMITS) -> list[TextLine]:
    """The page's lines as Tesseract's ``urd`` model segments it: each line's words' box, a little taller,
    cut out of the page (with whatever of its neighbours' ink reaches in)."""
    boxes: dict[tuple[int, int, int], list[Box]] = defaultdict(list)
    for word in read_words(grey, "urd", limits):
        boxes[word.line].append(word.box)
    lines = []
    for members in boxes.values():
        x0, y0 = min(b[0] for b in members), min(b[1] for b in members)
        x1, y1 = max(b[2] for b in members), max(b[3] for b in members)
        slack = TESSERACT_SLACK * (y1 - y0)
        box = (int(x0), max(0, int(y0 - slack)), int(x1), min(grey.height, int(y1 + slack)))
        lines.append(TextLine(box, grey.crop(box)))
    return lines
