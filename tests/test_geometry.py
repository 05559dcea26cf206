"""Overlaps of boxes: written for speed (conditional expressions), checked against their definition."""

from __future__ import annotations

import itertools

from broadsheet.geometry import Box, x_overlap, y_overlap


def _share(a0: float, a1: float, b0: float, b1: float) -> float:
    """The overlap of two spans as a share of the shorter, as defined (0 when one has no length)."""
    shorter = min(a1 - a0, b1 - b0)
    return (min(a1, b1) - max(a0, b0)) / shorter if shorter > 0 else 0.0


def test_overlaps_match_their_definition_on_every_arrangement_of_two_spans() -> None:
    """Disjoint (a negative share: how far apart), touching, nested, equal, and empty spans."""
    ends = (0.0, 1.0, 2.5, 4.0, 7.0)
    spans = [(a, b) for a, b in itertools.product(ends, ends) if a <= b]
    for (a0, a1), (b0, b1) in itertools.product(spans, spans):
        expected = _share(a0, a1, b0, b1)
        across: tuple[Box, Box] = ((a0, 10.0, a1, 20.0), (b0, 30.0, b1, 35.0))
        down: tuple[Box, Box] = ((10.0, a0, 20.0, a1), (30.0, b0, 35.0, b1))
        assert x_overlap(*across) == expected
        assert y_overlap(*down) == expected


def test_a_box_half_over_a_narrower_one_covers_it_wholly() -> None:
    assert x_overlap((0, 0, 100, 10), (40, 0, 60, 10)) == 1.0
    assert x_overlap((0, 0, 10, 10), (5, 0, 25, 10)) == 0.5
    assert x_overlap((0, 0, 10, 10), (20, 0, 30, 10)) == -1.0
