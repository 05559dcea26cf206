"""Glyph boxes as tall as their type where PDFium's "loose" boxes of a font are only its glyphs' ink.

PDFium's loose box of a glyph spans its font's ascent and descent, so a line's glyphs line up in one
band whatever their shapes, and every glyph of one font and size has a box of one height. Where the
embedded font gives PDFium no such metrics (Chromium's subsets of Noto Naskh Arabic), each box is the
glyph's own ink instead: a dot's height for "ى", a tall letter's for "ا", each at its own height, and
a line falls apart into pieces. A font and size whose boxes' heights spread that widely (INK_SPREAD
between the tallest and the shortest tenth) has its boxes set from each glyph's origin on its baseline
instead: ASCENT font sizes over it, DESCENT under it (a typical face's loose box).

So has a face whose ascent and descent, and so every loose box, are more than TALL_TYPE font sizes
apart: Noto Kufi Arabic leaves room for marks stacked over and under its letters, and a two-line
headline's boxes reached into each other and over the kicker above it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from broadsheet.pdf import calls
from broadsheet.pdf.arrays import FloatArray
from broadsheet.pdf.frame import PageFrame

INK_SPREAD = 1.5
INK_GLYPHS = 20  # a font and size with fewer glyphs on the page is not judged
ASCENT, DESCENT = 0.8, 0.25
# Typical faces' loose boxes are 0.9 to 1.4 font sizes tall (Minion Pro's 1.36); Noto Kufi's, 1.8.
TALL_TYPE = 1.6


def on_baselines(
    textpage: Any,  # the text page as a pointer argument (broadsheet.pdf.calls.pointer)
    chars: npt.NDArray[np.intp],
    boxes: FloatArray,
    sizes: FloatArray,
    fonts: npt.NDArray[np.int32],
    sideways: npt.NDArray[np.bool_],
    frame: PageFrame,
) -> FloatArray:
    """``boxes`` (top-down, of the characters ``chars``, set in ``fonts`` and ``sizes``) with the boxes
    of each font and size whose boxes are its glyphs' ink, and those of a tall face, set on the glyphs'
    baselines. Upright glyphs
    on an unturned page only: a glyph set sideways, or a page stored turned, has its baseline across
    the page's height."""
    if frame.rotation != 0 or len(chars) == 0:
        return boxes
    heights = boxes[:, 3] - boxes[:, 1]
    inked = (_inked(heights, sizes, fonts) | (heights > TALL_TYPE * sizes)) & ~sideways
    if not inked.any():
        return boxes
    which = np.flatnonzero(inked)
    origins, found = calls.char_origins(textpage, chars[which].tolist())
    which, origins = which[found], origins[found]
    size = sizes[which]
    ox, oy = origins[:, 0], origins[:, 1]
    _, top, _, bottom = frame.boxes(ox, oy - DESCENT * size, ox, oy + ASCENT * size)
    fixed = boxes.copy()
    fixed[which, 1], fixed[which, 3] = top, bottom
    return fixed


def _inked(heights: FloatArray, sizes: FloatArray, fonts: npt.NDArray[np.int32]) -> npt.NDArray[np.bool_]:
    """The glyphs of each font and size (of INK_GLYPHS or more) whose boxes' heights spread by
    INK_SPREAD or more: boxes of ink, not of type. The heights are sorted once, by group and height,
    so each group's tenths are read off its own stretch (a hostile page's thousands of groups cost
    no more than one)."""
    keys = np.round(sizes * 10).astype(np.int64) * 100_000 + fonts.astype(np.int64)
    order = np.lexsort((heights, keys))
    groups, starts, counts = np.unique(keys[order], return_index=True, return_counts=True)
    ranked = heights[order]
    low, high = (_percentile(ranked, starts, counts, q) for q in (0.1, 0.9))
    inked_group = (counts >= INK_GLYPHS) & (high > INK_SPREAD * np.maximum(low, 1e-6))
    out: npt.NDArray[np.bool_] = inked_group[np.searchsorted(groups, keys)]
    return out


def _percentile(ranked: FloatArray, starts: npt.NDArray[np.intp], counts: npt.NDArray[np.intp], q: float) -> FloatArray:
    """The ``q`` quantile of each group of ``ranked`` (sorted within groups starting at ``starts``),
    interpolated between ranks as ``np.percentile`` does."""
    position = q * (counts - 1)
    below = np.floor(position).astype(np.intp)
    above = np.minimum(below + 1, counts - 1)
    share = position - below
    lower, upper = ranked[starts + below], ranked[starts + above]
    result: FloatArray = lower + share * (upper - lower)
    return result
