"""A line of Urdu cut after each full stop (``۔``) that has more of the line after it, for the CRNN.

The CRNN learned from lines as a column sets them: runs of a sentence's words, a sentence's ``۔`` only
ever at a line's end. A page's body lines run on from one sentence into the next, and a ``۔`` in the
middle of a line, followed by a space and the next sentence, is a sight the network never had: it read
it as ``ہ`` (Noto Nastaliq Urdu) or not at all, the space after it with it (Awami Nastaliq: ``کیا۔ شہر``
read ``کیاشہر``, three words wrong for one). Read as two lines, each piece is what training showed: a
sentence's end with its ``۔`` last, and a line beginning with a word.

A ``۔`` is found by its shape, in both faces: a short flat dash of ink on its own, lying on the line's
baseline (the densest rows of its ink), wider than twice its height — Nastaliq's dots are about square,
two dots fused are less flat, and a letter's flat stroke is joined to the letter. A false find costs
little: the line is cut in a gap between words, and both pieces are still read as lines.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from PIL import Image
from scipy import ndimage

INK = 160  # grey below this is ink (as the line finder's)
# A full stop's shape, in shares of the line's height (its ink's, tails and dots included).
FLAT = 2.0  # width at least this many times its height
MAX_HEIGHT = 0.18
MIN_WIDTH, MAX_WIDTH = 0.08, 0.6
MIN_FILL = 0.4  # a solid dash, not a thin stroke's corner
BASELINE_REACH = 0.15  # its middle row this near the baseline


def sentence_pieces(image: Image.Image) -> list[tuple[int, Image.Image]]:
    """``image`` (one line, its own ink on white) as pieces to read one by one, each the line's ink from
    one full stop's left to the next's, as (its left edge in ``image``'s pixels, its image), in reading
    order (the rightmost first); the line whole when it has no full stop with words after it."""
    grey = np.asarray(image.convert("L"))
    ink = grey < INK
    labels, count = ndimage.label(ink, structure=np.ones((3, 3), dtype=bool))
    if count < 2:
        return [(0, image)]
    slices = ndimage.find_objects(labels)
    stop = _FullStop.of(ink)
    cuts = sorted((s[1].start for k, s in enumerate(slices) if stop.matches(labels, k + 1, s)), reverse=True)
    if not cuts:
        return [(0, image)]
    centres = np.array([(s[1].start + s[1].stop) / 2 for s in slices])
    pieces = []
    for right, left in itertools.pairwise([np.inf, *cuts, -np.inf]):
        members = np.flatnonzero((centres >= left) & (centres < right)) + 1
        if members.size:
            pieces.append(_piece(grey, labels, members))
    return pieces if len(pieces) > 1 else [(0, image)]


@dataclass(frozen=True, slots=True)
class _FullStop:
    """What a full stop looks like on one line: the line's baseline row and height (pixels)."""

    ink: np.ndarray
    baseline: float
    body: float

    @classmethod
    def of(cls, ink: np.ndarray) -> _FullStop:
        rows = np.flatnonzero(ink.any(axis=1))
        body = float(rows[-1] - rows[0] + 1)
        profile = ndimage.uniform_filter1d(ink.sum(axis=1).astype(np.float64), size=max(3, round(body / 8)))
        return cls(ink, float(np.argmax(profile)), body)

    def matches(self, labels: np.ndarray, label: int, where: tuple[slice, slice]) -> bool:
        """Whether component ``label`` (its box ``where``) is a full stop, with ink of the line to its
        left (a ``۔`` that ends the line needs no cut)."""
        height = where[0].stop - where[0].start
        width = where[1].stop - where[1].start
        if width < FLAT * height or height > MAX_HEIGHT * self.body:
            return False
        if not MIN_WIDTH * self.body <= width <= MAX_WIDTH * self.body:
            return False
        if (labels[where] == label).sum() < MIN_FILL * width * height:
            return False
        if abs((where[0].start + where[0].stop) / 2 - self.baseline) > BASELINE_REACH * self.body:
            return False
        return bool(self.ink[:, : where[1].start].any())


def _piece(grey: np.ndarray, labels: np.ndarray, members: np.ndarray) -> tuple[int, Image.Image]:
    """The ink of components ``members`` on white, cropped to their columns (all of the line's rows)."""
    mine = np.isin(labels, members)
    cols = np.flatnonzero(mine.any(axis=0))
    left, right = int(cols[0]), int(cols[-1]) + 1
    crop = np.where(mine[:, left:right], grey[:, left:right], 255).astype(np.uint8)
    return left, Image.fromarray(crop)
