"""Stage 1, part: display type drawn as outlines, read by OCR.

Some publishers convert a headline, a kicker or a section's label to outlines (a display face they
may not embed): its words are filled shapes with no glyph behind them. Left so, the story under such a
headline has none, and is joined to the story above or cut in pieces at its deck and photo. Rows of
shapes the size of display type, where no glyph is, are found here (:func:`outlined_rows`), read by
OCR off the page's rendering by the caller (one Tesseract call a page,
:func:`broadsheet.ocr.strips.read_strip`), and the words read with confidence join the page's glyphs
as a display face's would (:func:`with_outlined_words`). A page drawn all in outlines is a scan to
this project and is read by OCR whole (:mod:`broadsheet.extract.textlayer`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from broadsheet.geometry import Box, inside, union
from broadsheet.ocr.tesseract import OcrWord
from broadsheet.pdf.content import Glyphs, PageContent
from broadsheet.pdf.fonts import FontStyle

# A shape is a letter (or a word, or a line) of outlined type when it is at least this many body sizes
# tall, and at most this many: a name plate's letters are the biggest type a page has.
LETTER_MIN = 0.5
LINE_MAX = 12.0
# A row is read only in display type, this many body sizes at least: a chart's figures drawn as
# outlines are no text of any story.
DISPLAY_SIZE = 1.2
# Letters of one line overlap vertically by this share of the shorter one, differ in height by this
# ratio at most ("o" beside "T"), and stand at most this many of the taller one's heights apart.
ROW_OVERLAP = 0.5
ROW_HEIGHTS = 3.0
LETTER_GAP = 0.8
# A row of shapes is a line of type when it is this many times as wide as it is tall: an icon, a
# logo's mark or an empty box is not.
LINE_ASPECT = 2.0
# A page of more shapes than this is a map, a chart or a drawing, not a page with a few outlined heads;
# and at most this many rows a page are read.
MAX_SHAPES = 2000
MAX_ROWS = 40
# OCR's words in a row are kept when their mean confidence (0–100) is this high at least: a drawing
# read as letters scores low.
MIN_CONFIDENCE = 60.0
# ...and they hold this many letters or digits at least, and reach across this share of the row's
# width at least.
MIN_LETTERS = 3
ROW_READ = 0.6
# A capital or an ascender reaches this share of the type's size over the baseline; a glyph's box
# (its font's ascent and descent) these shares over and under it.
CAP_HEIGHT = 0.72
ASCENT, DESCENT = 0.9, 0.25
# The page is rendered for OCR so that the smallest row's letters are this many pixels tall (Tesseract
# reads letters best some 30 to 50 pixels tall): display type needs far less than a page's 300 dpi.
INK_PIXELS = 48.0
# ...and each row cut out with this share of its height as margin (letters touching the cut are misread).
ROW_PAD = 0.2
# What the glyphs read off outlines are set in: a display face, whose weight OCR does not tell.
OUTLINES = FontStyle("(outlines)", bold=True, italic=False, invisible=False)


@dataclass(frozen=True, slots=True)
class OutlinedRow:
    """A row of shapes that looks like a line of display type (or a few lines drawn as one shape): its
    ink's box, and the baseline and type size its letters tell — most stand on the baseline, the
    tallest reach a capital's height over it."""

    box: Box
    baseline: float
    size: float

    @classmethod
    def of(cls, letters: list[Box]) -> OutlinedRow:
        baseline = float(np.median([b[3] for b in letters]))
        return cls(union(letters), baseline, max(baseline - min(b[1] for b in letters), 1.0) / CAP_HEIGHT)


def outlined_rows(content: PageContent) -> list[OutlinedRow]:
    """The rows of shapes on the page that look like a line of display type, with no glyph in them,
    the biggest first; none on a scan or a page with no text of its own."""
    if content.ocr or not content.shapes or not len(content.glyphs) or len(content.shapes) > MAX_SHAPES:
        return []
    body = float(np.median(content.glyphs.size))
    shapes = np.array(content.shapes, dtype=np.float64).reshape(-1, 4)
    height = shapes[:, 3] - shapes[:, 1]
    letters = shapes[(height >= LETTER_MIN * body) & (height <= LINE_MAX * body)]
    letters = letters[~_holding(letters, content.glyphs.box) & ~_centres_on(letters, content.images)]
    rows = [OutlinedRow.of(row) for row in _rows(letters)]
    wide = [row for row in rows if row.box[2] - row.box[0] >= LINE_ASPECT * (row.box[3] - row.box[1])]
    lines = [row for row in wide if row.size >= DISPLAY_SIZE * body]
    return sorted(lines, key=lambda r: (r.box[2] - r.box[0]) * (r.box[3] - r.box[1]), reverse=True)[:MAX_ROWS]


def render_scale(rows: list[OutlinedRow], most: float) -> float:
    """Pixels a page unit to render the page at for OCR to read ``rows``: their smallest letters
    :data:`INK_PIXELS` tall, at least a pixel a unit and at most ``most``."""
    return min(most, max(1.0, INK_PIXELS / min(row.box[3] - row.box[1] for row in rows)))


def ocr_boxes(rows: list[OutlinedRow], scale: float) -> list[Box]:
    """Where to cut each row out of the page rendered at ``scale`` pixels a unit, with a margin of
    :data:`ROW_PAD` of its height."""
    boxes = []
    for x0, y0, x1, y1 in (row.box for row in rows):
        pad = ROW_PAD * (y1 - y0)
        boxes.append(((x0 - pad) * scale, (y0 - pad) * scale, (x1 + pad) * scale, (y1 + pad) * scale))
    return boxes


def _holding(boxes: np.ndarray, others: np.ndarray) -> np.ndarray:
    """For each of ``boxes``, whether it holds the centre of any of ``others``: looked up in the
    centres sorted by x, so that a page of many glyphs is no quadratic search."""
    held = np.zeros(len(boxes), dtype=np.bool_)
    if not len(boxes) or not len(others):
        return held
    cx, cy = (others[:, 0] + others[:, 2]) / 2, (others[:, 1] + others[:, 3]) / 2
    order = np.argsort(cx)
    cx, cy = cx[order], cy[order]
    first, last = np.searchsorted(cx, boxes[:, 0], "left"), np.searchsorted(cx, boxes[:, 2], "right")
    for k, (a, b) in enumerate(zip(first.tolist(), last.tolist(), strict=True)):
        ys = cy[a:b]
        held[k] = bool(np.any((ys >= boxes[k, 1]) & (ys <= boxes[k, 3])))
    return held


def _centres_on(boxes: np.ndarray, images: list[Box]) -> np.ndarray:
    """Which ``boxes`` have their centre on one of ``images``: marks drawn over a photo are no headline."""
    if not images or not len(boxes):
        return np.zeros(len(boxes), dtype=np.bool_)
    pictures = np.array(images, dtype=np.float64)
    cx, cy = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    x0, y0, x1, y1 = (pictures[:, k, None] for k in range(4))
    on = (x0 <= cx) & (cx <= x1) & (y0 <= cy) & (cy <= y1)
    found: np.ndarray = on.any(axis=0)
    return found


def _rows(letters: np.ndarray) -> list[list[Box]]:
    """The shapes gathered into rows: each joined to the shapes level with it and close beside it.
    Swept left to right, each shape meets only those starting within reach of its right edge; the
    rows are the connected parts of those pairs (no quadratic loop in Python on a page of many)."""
    ordered = letters[np.argsort(letters[:, 0], kind="stable")]
    x0, y0, x1, y1 = ordered.T
    h = y1 - y0
    reach = np.searchsorted(x0, x1 + LETTER_GAP * ROW_HEIGHTS * h, "right")
    pairs = []
    for i in range(len(ordered)):
        j = np.arange(i + 1, reach[i])
        low, high = np.minimum(h[i], h[j]), np.maximum(h[i], h[j])
        level = np.minimum(y1[i], y1[j]) - np.maximum(y0[i], y0[j]) >= ROW_OVERLAP * low
        near = level & (x0[j] - x1[i] <= LETTER_GAP * high) & (high <= ROW_HEIGHTS * np.maximum(low, 1e-6))
        pairs.append(np.column_stack([np.full(np.count_nonzero(near), i), j[near]]))
    edges = np.concatenate(pairs) if pairs else np.zeros((0, 2), dtype=np.intp)
    graph = coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(len(ordered), len(ordered)))
    _, label = connected_components(graph, directed=False)
    boxes = [tuple(b) for b in ordered.tolist()]
    return [[boxes[k] for k in np.flatnonzero(label == row).tolist()] for row in range(label.max(initial=-1) + 1)]


def confident_words(words: list[OcrWord], row: Box) -> list[OcrWord]:
    """The words OCR read in one row (``row``: where it was cut out, in the same pixels), if it read
    them with confidence, across most of the row, and they hold a few letters or digits: a row of
    printer's marks or icons is read, if at all, as a short word of two letters in a corner of it."""
    words = [w for w in words if any(ch.isalnum() for ch in w.text)]  # OCR reads a stray mark as "[" or "|"
    if not words or sum(w.confidence for w in words) / len(words) < MIN_CONFIDENCE:
        return []
    letters = sum(ch.isalnum() for w in words for ch in w.text)
    across = (max(w.box[2] for w in words) - min(w.box[0] for w in words)) / max(row[2] - row[0], 1e-6)
    return words if letters >= MIN_LETTERS and across >= ROW_READ else []


def with_outlined_words(
    content: PageContent, rows: list[OutlinedRow], cuts: list[Box], words: list[list[OcrWord]], scale: float
) -> PageContent:
    """``content`` with the words read in each of ``rows`` (cut out at ``cuts``, :func:`ocr_boxes`; the
    words' boxes in those pixels, ``scale`` pixels a unit) added as glyphs in the display face
    :data:`OUTLINES`, and the rows' letters no longer taken for frames."""
    read = zip(rows, cuts, words, strict=True)
    found = [(row, kept) for row, cut, row_words in read if (kept := confident_words(row_words, cut))]
    if not found:
        return content
    added = [glyph for row, kept in found for glyph in _row_glyphs(row, kept, scale)]
    rows_read = [row.box for row, _ in found]
    frames = [f for f in content.frames if not any(inside(f, row, slack=1.0) for row in rows_read)]
    return replace(content, glyphs=_joined(content.glyphs, added), frames=frames)


_Glyph = tuple[str, Box, float, bool]  # character, box, size, with a space before it


def _row_glyphs(row: OutlinedRow, words: list[OcrWord], scale: float) -> list[_Glyph]:
    """The glyphs of the words OCR read in a row (``scale`` pixels a unit), each word's characters
    spread evenly over its box, as tall as a glyph of the row's type; each word's first with a space
    before it. A row OCR read as several lines (a head drawn as one shape) has its lines' baselines
    and their common size from OCR's words; a row of one line, the baseline and size its letters tell."""
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    if len(lines) == 1:
        placed = [(row.baseline, words)]
        size = row.size
    else:
        placed = [(float(np.median([w.box[3] for w in line])) / scale, line) for line in lines.values()]
        size = float(np.median([(base - min(w.box[1] for w in line) / scale) / CAP_HEIGHT for base, line in placed]))
    glyphs = []
    for baseline, line in placed:
        top, bottom = baseline - ASCENT * size, baseline + DESCENT * size
        for word in line:
            x0, x1 = word.box[0] / scale, word.box[2] / scale
            step = (x1 - x0) / len(word.text)
            glyphs += [
                (ch, (x0 + k * step, top, x0 + (k + 1) * step, bottom), size, k == 0) for k, ch in enumerate(word.text)
            ]
    return glyphs


def _joined(glyphs: Glyphs, new: list[_Glyph]) -> Glyphs:
    """``glyphs`` and, written after them, ``new`` ones in the face :data:`OUTLINES`."""
    fonts = [*glyphs.fonts, OUTLINES]
    sideways = glyphs.sideways
    return Glyphs(
        text=[*glyphs.text, *(g[0] for g in new)],
        box=np.vstack([glyphs.box.reshape(-1, 4), np.array([g[1] for g in new], dtype=np.float64)]),
        size=np.concatenate([glyphs.size, np.array([g[2] for g in new], dtype=np.float64)]),
        font=np.concatenate([glyphs.font, np.full(len(new), len(fonts) - 1, dtype=glyphs.font.dtype)]),
        space_before=np.concatenate([glyphs.space_before, np.array([g[3] for g in new], dtype=np.bool_)]),
        fonts=fonts,
        sideways=np.concatenate([sideways, np.zeros(len(new), dtype=np.bool_)]) if sideways is not None else None,
        inferred_space=(
            np.concatenate([glyphs.inferred_space, np.zeros(len(new), dtype=np.bool_)])
            if glyphs.inferred_space is not None
            else None
        ),
        drawn_line=(
            np.concatenate([glyphs.drawn_line, np.full(len(new), -1, dtype=glyphs.drawn_line.dtype)])
            if glyphs.drawn_line is not None
            else None
        ),
    )
