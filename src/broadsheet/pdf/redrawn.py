"""Glyphs drawn twice: text a PDF prints again over itself is read once.

Some producers draw a line of type twice: a drop shadow under a headline (the same words in grey a
point or two off), bold made by printing a face twice a fraction of a point apart, a page's text
layer repeated by a layered or merged export. PDFium reads every glyph it is given, so such a head
read "Third Years HomelessThird Years Homeless" and a story's body came twice over. A glyph is a
redrawing when an earlier one of another text object has the same character at nearly the same place
and size; the earlier one is kept. Within one text object the same character may share its box with
its neighbour (a ligature "ff" given as two letters), so those are left alone.

Rules, frames and pictures drawn again in the same place are one too (:func:`drawn_once`): two
rules in one place were taken for a double rule between stories, and split a story at a paragraph.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy.spatial import cKDTree

from broadsheet.geometry import Box
from broadsheet.pdf.arrays import BoolArray, FloatArray

# A redrawing's centre stands at most this share of its glyph's height off the first drawing's (a
# drop shadow of 2 pt under 24 pt type, bold struck twice 0.3 pt apart), and its height differs by this
# share at most. Two letters set side by side stand a letter's width apart: some 0.2 of a glyph's
# height (its box takes in the face's ascent and descent) for the narrowest, a full stop or an "i".
SHIFT = 0.12
SIZE = 0.1
# Glyphs up to this many times the page's median height are looked for among themselves, and bigger
# ones among the big: a head's reach is many times a body glyph's.
BAND = 2.0
# The sweep for redrawn glyphs compares each with at most this many of its character after it in x
# order; more, and a k-d tree finds the pairs.
SWEEP_STEPS = 64
# Graphics whose boxes agree to this many points are drawn in the same place.
SAME_PLACE = 0.5


def redrawn(codes: npt.NDArray[np.uint32], boxes: FloatArray, objects: npt.NDArray[np.uint64]) -> BoolArray:
    """Which glyphs (in drawing order: characters, boxes, text objects) draw again an earlier glyph."""
    found = np.zeros(len(codes), dtype=np.bool_)
    if len(codes) < 2:
        return found
    height = np.maximum(boxes[:, 3] - boxes[:, 1], 1e-6)
    cx, cy = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    # looked for among the page's small type and among its big type apart (a head's reach is many
    # times a body glyph's); type sizes near the border between them are in both
    border = BAND * float(np.median(height))
    bands = [np.flatnonzero(height <= border), np.flatnonzero(height >= border / (1 + SIZE))]
    pairs = np.concatenate([_near(codes, cx, cy, SHIFT * float(height[band].max(initial=0.0)), band) for band in bands])
    if not len(pairs):
        return found
    first, again = pairs.min(axis=1), pairs.max(axis=1)
    tall = np.maximum(height[first], height[again])
    same = (codes[first] == codes[again]) & (objects[first] != objects[again])
    same &= np.abs(cx[first] - cx[again]) <= SHIFT * tall
    same &= np.abs(cy[first] - cy[again]) <= SHIFT * tall
    same &= np.abs(height[first] - height[again]) <= SIZE * tall
    found[again[same]] = True
    return found


def _near(
    codes: npt.NDArray[np.uint32], cx: FloatArray, cy: FloatArray, reach: float, index: npt.NDArray[np.intp]
) -> npt.NDArray[np.intp]:
    """The pairs (as ``index``'s values) of the glyphs ``index`` of one character whose centres lie
    within ``reach`` of each other on both axes: swept (:func:`_swept`), or, where the sweep would
    run long, looked up in a k-d tree."""
    pairs = _swept(codes[index], cx[index], cy[index], reach)
    if pairs is None:
        pairs = _looked_up(codes[index], cx[index], cy[index], reach)
    found: npt.NDArray[np.intp] = index[pairs]
    return found


def _swept(code: npt.NDArray[np.uint32], x: FloatArray, y: FloatArray, reach: float) -> npt.NDArray[np.intp] | None:
    """The pairs of glyphs of one character within ``reach`` on both axes, in order of character and
    then of x, each glyph compared with the next one, the one after it and so on, at once for all
    glyphs that still have one of their character within ``reach`` across after them. A k-d tree cost
    a tenth of a page's extraction; a character stands at one x a few times in a column at most, so
    the sweep ends in a few steps. None when it would take more than SWEEP_STEPS (a column of one
    character down a table, or a hostile page of one glyph drawn down a line thousands of times)."""
    order = np.lexsort((x, code))
    code, x, y = code[order], x[order], y[order]
    found = []
    glyph = np.arange(len(order) - 1)  # those with a glyph ``step`` places on still to compare
    step = 1
    while len(glyph):
        if step > SWEEP_STEPS:
            return None
        glyph = glyph[glyph + step < len(order)]
        other = glyph + step
        within = (code[other] == code[glyph]) & (x[other] - x[glyph] <= reach)
        glyph, other = glyph[within], other[within]
        near = np.abs(y[other] - y[glyph]) <= reach
        found.append(np.column_stack([order[glyph[near]], order[other[near]]]))
        step += 1
    return np.concatenate(found) if found else np.zeros((0, 2), dtype=np.intp)


def _looked_up(code: npt.NDArray[np.uint32], x: FloatArray, y: FloatArray, reach: float) -> npt.NDArray[np.intp]:
    """The same pairs, looked up in a k-d tree, whatever the glyphs' number in one place."""
    if len(code) < 2:
        return np.zeros((0, 2), dtype=np.intp)
    # characters apart by far more than any page's size, so that only the same character is near
    points = np.column_stack([x, y + 1e6 * code.astype(np.float64)])
    tree = cKDTree(points, balanced_tree=False, compact_nodes=False)  # built once, asked once: no balancing
    pairs: npt.NDArray[np.intp] = tree.query_pairs(reach, p=np.inf, output_type="ndarray")
    return pairs


def drawn_once(boxes: list[Box]) -> list[Box]:
    """``boxes`` (in drawing order) less those drawn again in the place of an earlier one."""
    seen: dict[tuple[int, ...], Box] = {}
    for box in boxes:
        seen.setdefault(tuple(round(v / SAME_PLACE) for v in box), box)
    return list(seen.values())
