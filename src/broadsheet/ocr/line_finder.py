"""Text lines of a page or column image, for a recogniser that reads one line at a time (the Nastaliq CRNN).

The page is cut across at wide empty bands of rows first (a headline over several columns is a slab of
its own), and then each slab into columns, the strips between wide empty vertical gutters, read right
to left (an Urdu page); lines
are the peaks of a column's ink profile. Nastaliq is hard on profiles: a line's ink is some two ems tall
and its tails and dots reach into the next line's rows, so there is often no white row between lines.
Each line is found by its core (the densest rows, about its baseline: peaks of the smoothed profile a
line pitch apart), and its image is made of *ink components*, not of a strip of rows: the letters with
most of their ink about its core (a neighbour's tail that reaches in is left out), and the dots, bars
and marks nearest those letters (see :func:`_owners`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from PIL import Image
from scipy import ndimage, signal

from broadsheet.geometry import Box

INK = 160  # grey below this is ink
# Rows without ink over this many line pitches part the page into slabs, each with columns of its own.
SLAB_GAP = 0.5
# A line's letters are the ink components with ink this many line pitches or less from its core.
CORE_REACH = 0.08


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line found: its box on the page and its image (its own ink only, on white)."""

    box: Box
    image: Image.Image


def find_lines(image: Image.Image, right_to_left: bool = True) -> list[TextLine]:
    """The text lines of ``image``, column by column (the rightmost first when ``right_to_left``), top
    to bottom in each."""
    grey = image.convert("L")
    ink = np.asarray(grey) < INK
    if not ink.any():
        return []
    pitch = _pitch(ink.sum(axis=1).astype(np.float64))
    lines: list[TextLine] = []
    for y0, y1 in _slabs(ink, gap=max(4, round(SLAB_GAP * pitch))):
        columns = _columns(ink[y0:y1], gutter=max(4, round(0.35 * pitch)))
        for x0, x1 in sorted(columns, reverse=right_to_left):
            lines.extend(_column_lines(grey, ink, x0, x1, y0, y1))
    return lines


def _slabs(ink: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """The page cut across at rows without ink over at least ``gap`` rows: a headline over several
    columns stands in a slab of its own, and the columns under it are found in theirs (across the whole
    page, the headline's ink would leave no gutter between them). No line is cut: its core is ink."""
    has_ink = np.asarray(ink.any(axis=1), dtype=bool)
    empty = [(a, b) for a, b in _runs(~has_ink) if b - a >= gap]
    cuts = [0, *[(a + b) // 2 for a, b in empty], ink.shape[0]]
    return [(a, b) for a, b in itertools.pairwise(cuts) if has_ink[a:b].any()]


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """Start and end (excluded) of each run of True."""
    padded = np.concatenate(([False], flags, [False]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _columns(ink: np.ndarray, gutter: int) -> list[tuple[int, int]]:
    """Strips of ink between empty runs of columns at least ``gutter`` wide (word spaces are narrower)."""
    has_ink = np.asarray(ink.any(axis=0), dtype=bool)
    empty = [(a, b) for a, b in _runs(~has_ink) if b - a >= gutter]
    cuts = [0, *[(a + b) // 2 for a, b in empty], ink.shape[1]]
    return [(a, b) for a, b in itertools.pairwise(cuts) if has_ink[a:b].any()]


def _bands(profile: np.ndarray) -> list[tuple[int, int]]:
    """Runs of rows with more than a trace of ink."""
    if profile.max() <= 0:
        return []
    return _runs(profile > 0.03 * profile.max())


def _pitch(profile: np.ndarray) -> float:
    """The distance between lines: the first strong repeat of the ink profile (the first peak of its
    autocorrelation, past its first fall below zero, of at least 0.6 of the highest: not a multiple of
    the pitch); the ink's whole height when nothing repeats (one line)."""
    rows = np.flatnonzero(profile > 0)
    if rows.size == 0:
        return float(len(profile))
    extent = float(rows[-1] - rows[0] + 1)
    centred = profile[rows[0] : rows[-1] + 1] - profile[rows[0] : rows[-1] + 1].mean()
    repeats = np.correlate(centred, centred, mode="full")[centred.size - 1 :]
    falls = np.flatnonzero(repeats < 0)
    end = round(0.75 * centred.size)
    if falls.size == 0 or falls[0] >= end:
        return extent
    peaks, _ = signal.find_peaks(repeats[falls[0] : end], height=0.2 * repeats[0])
    if peaks.size == 0:
        return extent
    heights = repeats[falls[0] + peaks]
    first = int(np.flatnonzero(heights >= 0.6 * heights.max())[0])  # the pitch, not a multiple of it
    return float(falls[0] + peaks[first])


def _cores(profile: np.ndarray) -> list[float]:
    """The rows where each line's ink is densest (around its baseline): peaks of the smoothed profile at
    least 0.6 of a line pitch apart — a short last line of a paragraph is a low peak, but a peak."""
    pitch = _pitch(profile)
    smooth = ndimage.uniform_filter1d(profile, size=max(3, round(pitch / 3)))
    peaks, _ = signal.find_peaks(smooth, distance=max(1, round(0.5 * pitch)), height=0.03 * smooth.max())
    return [float(p) for p in peaks]


def _column_lines(grey: Image.Image, ink: np.ndarray, x0: int, x1: int, y0: int, y1: int) -> list[TextLine]:
    part = ink[y0:y1, x0:x1]
    profile = part.sum(axis=1).astype(np.float64)
    cores = np.array(_cores(profile))
    labels, count = ndimage.label(part, structure=np.ones((3, 3), dtype=bool))
    if count == 0 or cores.size == 0:
        return []
    owner = _owners(labels, count, cores, _pitch(profile))
    pixels = np.asarray(grey)[y0:y1, x0:x1]
    lines = []
    for n in range(cores.size):
        mine = owner[labels] == n
        mine &= labels > 0
        rows, cols = np.flatnonzero(mine.any(axis=1)), np.flatnonzero(mine.any(axis=0))
        if rows.size == 0:
            continue
        top, bottom, left, right = int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1
        crop = np.where(mine[top:bottom, left:right], pixels[top:bottom, left:right], 255).astype(np.uint8)
        lines.append(TextLine((x0 + left, y0 + top, x0 + right, y0 + bottom), Image.fromarray(crop)))
    return lines


def _owners(labels: np.ndarray, count: int, cores: np.ndarray, pitch: float) -> np.ndarray:
    """The line (index into ``cores``) of each ink component (``owner[label]``; ``owner[0]`` is unused).

    A component with ink in the rows about a line's core is part of that line's letters — of the line
    where it has most ink there: a ج's tail that hangs through the next line's core leaves little of
    its ink there. A component with none (a dot, the bar of a گ, a mark) goes to the line of the letters
    nearest it: the bar of a گ and the dots under a پ sit nearer the next or the previous line's core
    than their own, by centre, and were given to it (a گ read ک, a پ read ب, and a dot or bar too many
    in the neighbour), but they are never far from the letter they belong to."""
    reach = max(1, round(CORE_REACH * pitch))
    at_core = np.zeros((cores.size, count + 1), dtype=np.int64)
    for n, core in enumerate(cores):
        window = labels[max(0, round(core) - reach) : round(core) + reach + 1]
        at_core[n] = np.bincount(window.ravel(), minlength=count + 1)
    owner = np.where(at_core.max(axis=0) > 0, at_core.argmax(axis=0), -1)
    owner[0] = -1
    loose = np.flatnonzero(owner[1:] < 0) + 1
    if loose.size == 0:
        return owner
    if (owner[1:] >= 0).any():
        _by_nearest_letters(labels, owner, loose)
    left = loose[owner[loose] < 0]  # no letters at all (a column of marks): the nearest core, as before
    if left.size:
        centres = np.array(ndimage.center_of_mass(labels > 0, labels, left))[:, 0]
        owner[left] = np.abs(cores[None, :] - centres[:, None]).argmin(axis=1)
    return owner


def _by_nearest_letters(labels: np.ndarray, owner: np.ndarray, loose: np.ndarray) -> None:
    """Give each component of ``loose`` the owner of the letters' ink nearest any of its pixels (at half
    resolution: the distance transform of a column at full size is the slow part)."""
    lines = owner[labels]  # each pixel's line: -1 off the letters
    height, width = (lines.shape[0] + 1) // 2 * 2, (lines.shape[1] + 1) // 2 * 2
    padded = np.full((height, width), -1, dtype=np.int64)
    padded[: lines.shape[0], : lines.shape[1]] = lines
    small = padded.reshape(height // 2, 2, width // 2, 2).max(axis=(1, 3))
    distance, (iy, ix) = ndimage.distance_transform_edt(small < 0, return_indices=True)
    ys, xs = np.nonzero(np.isin(labels, loose))
    which = labels[ys, xs]
    order = np.lexsort((distance[ys // 2, xs // 2], which))
    first = np.unique(which[order], return_index=True)[1]
    nearest = order[first]
    owner[which[nearest]] = small[iy[ys[nearest] // 2, xs[nearest] // 2], ix[ys[nearest] // 2, xs[nearest] // 2]]
