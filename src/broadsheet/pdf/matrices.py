"""PDF matrices as plain tuples: a form XObject's objects are placed on the page through its matrix."""

from __future__ import annotations

Matrix = tuple[float, float, float, float, float, float]  # a, b, c, d, e, f as PDF writes them


def then(inner: Matrix, outer: Matrix | None) -> Matrix:
    """``inner`` followed by ``outer``: a nested form's space mapped through its parents'."""
    if outer is None:
        return inner
    a1, b1, c1, d1, e1, f1 = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def mapped(box: tuple[float, ...], m: Matrix) -> tuple[float, float, float, float]:
    """The bounding box of ``box`` (left, bottom, right, top) mapped by ``m``."""
    left, bottom, right, top = box
    xs = [m[0] * x + m[2] * y + m[4] for x in (left, right) for y in (bottom, top)]
    ys = [m[1] * x + m[3] * y + m[5] for x in (left, right) for y in (bottom, top)]
    return (min(xs), min(ys), max(xs), max(ys))
