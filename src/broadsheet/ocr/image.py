"""What a scanned page's pixels tell besides its words: rules, pictures, and how heavy each word's ink is.

A PDF states its rules and images; a scan only shows them. Rules are long thin runs of ink, pictures
are dense ink where no word was read, and bold type has thicker strokes than the text around it.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from PIL import Image
from scipy import ndimage

from broadsheet.geometry import Box

# A rule may run this much off the level (in rise over run, about 1.7°): pages are scanned a little askew.
SKEW = 0.03

BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]


def ink_mask(image: Image.Image) -> BoolArray:
    """Dark pixels, with the threshold chosen by Otsu's method (scans differ in paper and ink tone)."""
    grey = np.asarray(image.convert("L"), dtype=np.uint8)
    counts = np.bincount(grey.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    weight = np.cumsum(counts)
    mean = np.cumsum(counts * levels)
    total_weight, total_mean = weight[-1], mean[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (total_mean * weight - mean * total_weight) ** 2 / (weight * (total_weight - weight))
    threshold = int(np.nanargmax(between))
    mask: BoolArray = grey <= threshold
    return mask


def find_rules(ink: BoolArray, min_length: int, max_thickness: int) -> tuple[list[Box], list[Box]]:
    """Horizontal and vertical rules: ink runs at least ``min_length`` long and at most ``max_thickness`` thick.

    Gaps of a pixel or two (worn type, scanning noise) are bridged; a slightly skewed rule stays one
    rule because its runs touch diagonally.
    """
    return _rules(ink, min_length, max_thickness), [_transpose(b) for b in _rules(ink.T, min_length, max_thickness)]


def find_gutters(ink: BoolArray, min_span: int, min_width: int, top: int, bottom: int) -> list[Box]:
    """Vertical strips of paper between columns: for each x, the longest run of rows without ink
    between ``top`` and ``bottom`` (the text's extent: under the last line, every x is clear down to
    the page's edge); strips at least ``min_width`` wide of x whose run is at least ``min_span`` tall,
    each as a one-pixel-wide box in the middle of those with its longest run. Narrower strips are
    the gaps between letters that line up where a ragged column's lines end at different places. A
    gutter stays clear however OCR joins the lines beside it; the white between words in a column
    does not line up over many lines."""
    width = ink.shape[1]
    run = np.zeros(width, dtype=np.int32)
    best = np.zeros(width, dtype=np.int32)
    best_end = np.zeros(width, dtype=np.int32)
    for y in range(max(top, 0), min(bottom, ink.shape[0])):
        run = np.where(ink[y], 0, run + 1)
        longer = run > best
        best[longer] = run[longer]
        best_end[longer] = y + 1
    clear = best >= min_span
    gutters: list[Box] = []
    x = 0
    while x < width:
        if not clear[x]:
            x += 1
            continue
        start = x
        while x < width and clear[x]:
            x += 1
        if x - start < min_width:
            continue
        longest = np.flatnonzero(best[start:x] == best[start:x].max())
        k = start + int(longest[len(longest) // 2])  # the middle of the clearest part of the strip
        gutters.append((float(k), float(best_end[k] - best[k]), float(k + 1), float(best_end[k])))
    return gutters


def _rules(ink: BoolArray, length: int, thickness: int) -> list[Box]:
    if ink.shape[1] <= length:
        return []  # no run that long fits (an empty image too)
    bridged = ndimage.maximum_filter1d(ink, size=3, axis=1)
    sums = np.cumsum(bridged, axis=1, dtype=np.int32)
    window = sums[:, length:] - sums[:, :-length]
    labels, count = ndimage.label(_in_long_runs(window == length, length), structure=np.ones((3, 3)))
    areas = ndimage.sum_labels(labels > 0, labels, np.arange(1, count + 1)) if count else []
    rules = []
    for found, area in zip(ndimage.find_objects(labels), areas, strict=True):
        if found is None:
            continue
        rows, cols = found
        height, width = rows.stop - rows.start, cols.stop - cols.start
        # thin on average, not over its box: a rule scanned askew spans more rows than it is thick
        if area / width <= thickness and height <= thickness + SKEW * width:
            rules.append((float(cols.start), float(rows.start), float(cols.stop), float(rows.stop)))
    return rules


def _in_long_runs(full: BoolArray, length: int) -> BoolArray:
    """The pixels inside some run of ``length`` ink pixels (``full[:, k]``: the run starting at column
    k + 1). Whole runs, so that the runs of a rule scanned askew, one on each row, overlap and join."""
    starts = np.zeros((full.shape[0], full.shape[1] + length), dtype=np.int32)  # the image's width
    starts[:, 1 : full.shape[1] + 1] = full
    seen = np.cumsum(starts, axis=1, dtype=np.int32)
    covered = seen.copy()
    covered[:, length:] -= seen[:, :-length]
    inside: BoolArray = covered > 0
    return inside


def _transpose(box: Box) -> Box:
    return (box[1], box[0], box[3], box[2])


def find_pictures(ink: BoolArray, words: list[Box], cell: int, min_size: int) -> list[Box]:
    """Pictures: regions at least ``min_size`` on each side whose ``cell``-sized squares are mostly
    ink, and where words cover little (text, even bold, leaves most of a square white; reverse type
    on a dark panel is covered by the words read on it, a photo at most by a few misreadings)."""
    height, width = ink.shape
    rows, cols = height // cell, width // cell
    if rows == 0 or cols == 0:
        return []
    density = ink[: rows * cell, : cols * cell].reshape(rows, cell, cols, cell).mean(axis=(1, 3))
    dense = ndimage.binary_closing(density > 0.3, structure=np.ones((3, 3)))
    labels, _ = ndimage.label(dense)
    pictures = []
    for found in ndimage.find_objects(labels):
        if found is None:
            continue
        r, c = found
        box = (float(c.start * cell), float(r.start * cell), float(c.stop * cell), float(r.stop * cell))
        if box[2] - box[0] >= min_size and box[3] - box[1] >= min_size and _word_cover(box, words) < 0.1:
            pictures.append(box)
    return pictures


def _word_cover(box: Box, words: list[Box]) -> float:
    covered = sum(
        max(0.0, min(box[2], w[2]) - max(box[0], w[0])) * max(0.0, min(box[3], w[3]) - max(box[1], w[1])) for w in words
    )
    return covered / ((box[2] - box[0]) * (box[3] - box[1]))


def stroke_widths(ink: BoolArray, boxes: list[Box]) -> list[float]:
    """The mean length of horizontal ink runs inside each box: the thickness of its vertical strokes.

    Two summed-area tables (ink pixels, run starts) answer every box in constant time.
    """
    starts = ink.copy()
    starts[:, 1:] &= ~ink[:, :-1]
    ink_sum, start_sum = _integral(ink), _integral(starts)
    widths = []
    for x0, y0, x1, y1 in boxes:
        a, b, c, d = int(y0), int(x0), int(y1), int(x1)
        pixels = ink_sum[c, d] - ink_sum[a, d] - ink_sum[c, b] + ink_sum[a, b]
        runs = start_sum[c, d] - start_sum[a, d] - start_sum[c, b] + start_sum[a, b]
        widths.append(float(pixels) / runs if runs else 0.0)
    return widths


def _integral(mask: BoolArray) -> IntArray:
    table = np.zeros((mask.shape[0] + 1, mask.shape[1] + 1), dtype=np.int64)
    table[1:, 1:] = mask.cumsum(axis=0, dtype=np.int64).cumsum(axis=1)
    return table
