"""Stage 2, part: where a line's words begin — at a space the PDF wrote, at a gap as wide as a word
space, and at a narrower gap where PDFium saw a word space the PDF did not write.

Most producers write their word spaces; LaTeX writes none and leaves gaps, and so does Chromium's PDF
output (Skia draws each glyph at its place and no space glyph at all). The gap between two words is
then all that parts them, and in an italic face it is narrow: the letters lean over it (an italic
"The football" leaves 0.07 font sizes between "e" and "f", under the :data:`WORD_GAP` a roman face
clears). PDFium's own layout puts a space there; it puts one between the letters of a heading set
letter-spaced too ("L E T T E R S"), so its space counts only where the gap is clearly wider than
the line's usual gap between letters.
"""

from __future__ import annotations

import numpy as np

from broadsheet.pdf.arrays import BoolArray, FloatArray, Index

# A gap wider than this many font sizes separates words, whether or not the PDF wrote a space
# there: some producers write word spaces as gaps only (LaTeX always, others in some runs). Gaps
# inside words measure under 0.03 font sizes on real pages, gaps at written spaces over 0.13.
WORD_GAP = 0.13
# Where PDFium inferred a space the PDF did not write, a gap this many font sizes wider than the
# line's median gap between neighbouring glyphs separates words (an italic's word spaces measure
# 0.07–0.2 font sizes, its letters' gaps about 0; a letter-spaced heading's letters, 0.1 apart
# and each with PDFium's space, have that median).
INFERRED_GAP_MARGIN = 0.05
# Right of a gap in right-to-left text, a letter that never joins the one after it (alef, dal, reh,
# waw: :data:`broadsheet.extract.rtl.RIGHT_JOINING`) leaves a gap inside its word where boxes are
# the glyphs' ink: 0.135 font sizes between Noto Naskh's alef and a final lam ("الوكا لة"). A word
# space there is wider than this.
UNJOINED_GAP = 0.2


def spaces_before(
    space_before: BoolArray, order: Index, bounds: Index, line_of: Index, rtl: BoolArray, written: bool = True
) -> BoolArray:
    """Which glyphs (in ``order``) have a space on their left (``space_before``, in stream order: one
    the PDF wrote, or one PDFium inferred).

    A ``written`` space (a PDF's or PDFium's, not OCR's) parts two glyphs side by side only when they
    were written one right after the other, and then it is the one before the later of the two in
    the stream: a word written left to right has its space before its first glyph, on its left; a
    right-to-left word written in reading order has it before its rightmost glyph, on its right, so
    on the left of the glyph after it in position order. The pair decides, not the line: a producer
    may write one word of a line in reading order and the next in position order (Chromium's justified
    Arabic). Where a line's pieces were written apart (a superscript, a hyphen or a word drawn in its
    own text object, in another order), the space the stream holds before a piece belongs to whatever
    was written before it, elsewhere on the page, and the gap alone tells whether a word begins there.
    A line's first glyph keeps its own space: whether the PDF wrote one right before the line.
    """
    if not written:
        return _ocr_spaces(space_before[order], order, bounds, line_of, rtl)
    same_line = np.ones(len(order), dtype=np.bool_)
    same_line[bounds[:-1]] = False
    before = np.concatenate([order[:1], order[:-1]])  # the glyph on the left of each, in its line
    together = np.abs(order - before) == 1
    paired = space_before[np.maximum(order, before)] & together
    if rtl.any():
        paired |= _words_written_apart(space_before, order, before, line_of) & rtl[line_of]
    spaces: BoolArray = np.where(same_line, paired, space_before[order])
    return spaces


def _words_written_apart(space_before: BoolArray, order: Index, before: Index, line_of: Index) -> BoolArray:
    """Which glyphs (in ``order``) start a word on the right of a space written out of step with the
    glyphs beside it: where each word is written left to right and the words in reading order
    (Chromium's Arabic in an obliqued face), the glyphs either side of a word space are the first
    written of the word on the right and the last of the word on the left, a word's length apart in
    the stream. They are parted when a space was written between them and all written between them
    is of their line (not a piece of the line drawn elsewhere in the stream)."""
    right, left = order, before  # each glyph and its neighbour on the left, in position order
    apart = left > right + 1
    if not apart.any():
        return apart
    line_of_glyph = np.empty(len(order), dtype=np.intp)
    line_of_glyph[order] = line_of
    same_as_next = np.concatenate([line_of_glyph[1:] == line_of_glyph[:-1], [False]]).astype(np.int64)
    joined = np.concatenate([[0], np.cumsum(same_as_next)])
    spaces = np.concatenate([[0], np.cumsum(space_before.astype(np.int64))])
    lo, hi = right[apart], left[apart]
    within = joined[hi] - joined[lo] == hi - lo  # every glyph written from lo to hi is of this line
    spaced = spaces[hi + 1] - spaces[lo + 1] > 0  # a space written before one of lo + 1 .. hi
    found = np.zeros(len(order), dtype=np.bool_)
    found[np.flatnonzero(apart)] = within & spaced
    return found


def _ocr_spaces(spaces: BoolArray, order: Index, bounds: Index, line_of: Index, rtl: BoolArray) -> BoolArray:
    """OCR's spaces, set on the glyph that starts each word in reading order: in a right-to-left line
    whose glyphs were numbered in reading order (falling from left to right), on the right of that
    word's rightmost glyph, so on the left of the glyph after it in position order."""
    falling = np.zeros(len(order), dtype=np.bool_)
    falling[1:] = order[1:] < order[:-1]
    same_line = np.ones(len(order), dtype=np.bool_)
    same_line[bounds[:-1]] = False
    falls = np.add.reduceat((falling & same_line).astype(np.int64), bounds[:-1])
    logical = rtl & (2 * falls > np.diff(bounds) - 1)
    if not logical.any():
        return spaces
    shifted = np.zeros_like(spaces)
    shifted[1:] = spaces[:-1]
    out: BoolArray = np.where(logical[line_of], shifted, spaces)
    return out


def word_starts(
    box: FloatArray,
    order: Index,
    bounds: Index,
    size: FloatArray,
    spaces: BoolArray,
    inferred: BoolArray | None = None,
    unjoined: BoolArray | None = None,
) -> BoolArray:
    """Which glyphs (in ``order``, lines parted at ``bounds``, each line's font size in ``size``)
    start a word: the first of a line, one with a space the PDF wrote on its left (``spaces``), one
    where PDFium inferred a space (``inferred``, :func:`inferred_starts`), or one further than
    :data:`WORD_GAP` from the right edge of its word so far (:data:`UNJOINED_GAP` where the glyph
    right of the gap is ``unjoined``, a right-to-left letter joining no letter after it).

    That right edge depends on where the word started, so gaps are first measured from the
    starts known so far and measured again until no new start appears. Measuring from an earlier
    start can only shrink a gap, so each round finds true starts only, and the rounds end at the
    exact answer of a glyph-by-glyph walk.
    """
    x0, x1 = box[order, 0], box[order, 2]
    limit = np.repeat(WORD_GAP * size, np.diff(bounds))
    if unjoined is not None:
        limit = np.where(unjoined, limit * (UNJOINED_GAP / WORD_GAP), limit)
    starts = spaces.copy()
    if inferred is not None:
        starts |= inferred_starts(x0, x1, bounds, size, inferred)
    starts[bounds[:-1]] = True
    values, rank = np.unique(x1, return_inverse=True)
    while True:
        # running max of x1 within each word: words shifted apart so one accumulate serves them all
        offset = (np.cumsum(starts) - 1) * len(values)
        right = values[np.maximum.accumulate(offset + rank) - offset]
        grown = starts.copy()
        grown[1:] |= x0[1:] - right[:-1] > limit[1:]
        if np.array_equal(grown, starts):
            return starts
        starts = grown


def inferred_starts(x0: FloatArray, x1: FloatArray, bounds: Index, size: FloatArray, inferred: BoolArray) -> BoolArray:
    """Which glyphs start a word at a space PDFium inferred (``inferred``, in line order) where the
    gap is under :data:`WORD_GAP` but :data:`INFERRED_GAP_MARGIN` wider than its line's median gap
    between neighbours. Only the lines holding such a gap are measured: a PDF that writes its
    spaces has none."""
    counts = np.diff(bounds)
    line_of = np.repeat(np.arange(len(counts)), counts)
    gap = np.zeros(len(x0))
    gap[1:] = x0[1:] - x1[:-1]
    inner = np.ones(len(x0), dtype=np.bool_)
    inner[bounds[:-1]] = False
    glyph_size = size[line_of]
    narrow = inferred & inner & (gap > INFERRED_GAP_MARGIN * glyph_size) & (gap <= WORD_GAP * glyph_size)
    starts = np.zeros(len(x0), dtype=np.bool_)
    if not narrow.any():
        return starts
    measured = np.isin(line_of, np.unique(line_of[narrow])) & inner
    measured_gap = gap[measured]
    usual = np.full(len(counts), np.inf)
    for line, start, stop in _runs(line_of[measured]):
        usual[line] = float(np.median(measured_gap[start:stop]))
    starts[narrow] = gap[narrow] > usual[line_of[narrow]] + INFERRED_GAP_MARGIN * glyph_size[narrow]
    return starts


def _runs(values: Index) -> list[tuple[int, int, int]]:
    """Each run of equal ``values``: the value and where the run starts and stops."""
    edges = np.flatnonzero(np.diff(values)) + 1
    starts = np.concatenate([[0], edges]).tolist()
    stops = np.concatenate([edges, [len(values)]]).tolist()
    return [(int(values[a]), a, b) for a, b in zip(starts, stops, strict=True)]
