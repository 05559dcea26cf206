"""Rectangles on a page: ``(x0, y0, x1, y1)`` in points, origin top-left, y downwards."""

from __future__ import annotations

from collections.abc import Iterable

Box = tuple[float, float, float, float]


def union(boxes: Iterable[Box]) -> Box:
    """The smallest box around all ``boxes`` (at least one)."""
    edges = list(zip(*boxes, strict=True))  # one pass, not four generators: asked thousands of times a page
    return (min(edges[0]), min(edges[1]), max(edges[2]), max(edges[3]))


def x_overlap(a: Box, b: Box) -> float:
    """Horizontal overlap as a share of the narrower box.

    Written with conditional expressions, not ``min`` and ``max``: the layout stages ask this of
    ten thousand pairs of boxes a page, and a builtin call costs three comparisons' time."""
    a0, a1, b0, b1 = a[0], a[2], b[0], b[2]
    inter = (a1 if a1 < b1 else b1) - (a0 if a0 > b0 else b0)
    narrower = a1 - a0 if a1 - a0 < b1 - b0 else b1 - b0
    return inter / narrower if narrower > 0 else 0.0


def y_overlap(a: Box, b: Box) -> float:
    """Vertical overlap as a share of the shorter box (as :func:`x_overlap`, across)."""
    a0, a1, b0, b1 = a[1], a[3], b[1], b[3]
    inter = (a1 if a1 < b1 else b1) - (a0 if a0 > b0 else b0)
    shorter = a1 - a0 if a1 - a0 < b1 - b0 else b1 - b0
    return inter / shorter if shorter > 0 else 0.0


def covered_share(box: Box, cover: Box) -> float:
    """How much of ``box``'s width lies within ``cover``'s x-range."""
    width = box[2] - box[0]
    inter = min(box[2], cover[2]) - max(box[0], cover[0])
    return max(inter, 0.0) / width if width > 0 else 0.0


def area(box: Box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def area_share(box: Box, cover: Box) -> float:
    """How much of ``box``'s area lies within ``cover``."""
    whole = area(box)
    w = min(box[2], cover[2]) - max(box[0], cover[0])
    h = min(box[3], cover[3]) - max(box[1], cover[1])
    return max(w, 0.0) * max(h, 0.0) / whole if whole > 0 else 0.0


def inside(box: Box, frame: Box, slack: float = 2.0) -> bool:
    return (
        box[0] >= frame[0] - slack
        and box[1] >= frame[1] - slack
        and box[2] <= frame[2] + slack
        and box[3] <= frame[3] + slack
    )


def centre_x(box: Box) -> float:
    return (box[0] + box[2]) / 2


def centred_in(inner: Box, outer: Box, margin: float) -> bool:
    """``inner`` lies within ``outer``'s width at least ``margin`` in from both edges, about as far
    from each (a stray mark at one end, as OCR may add, is allowed for)."""
    left, right = inner[0] - outer[0], outer[2] - inner[2]
    return min(left, right) >= margin and abs(left - right) < max(margin, 0.35 * (left + right))


def foot_of_what_hangs_under(box: Box, parts: Iterable[Box], overlap: float, step: float) -> float:
    """The foot of the parts hanging under ``box`` one under the other, across it: each starts less
    than ``step`` under the foot so far (its box may reach ``overlap`` up into it). Only a part
    reaching below the foot moves it, so the walk ends."""
    parts = list(parts)
    foot = box[3]
    while True:
        under = [p[3] for p in parts if p[3] > foot and x_overlap(p, box) > 0.5 and -overlap < p[1] - foot < step]
        if not under:
            return foot
        foot = max(under)
