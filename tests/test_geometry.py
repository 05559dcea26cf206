"""Overlaps of boxes: written for speed (conditional expressions), checked against their definition."""

from __future__ import annotations

import itertools

from broadsheet.geometry import Box, foot_of_what_hangs_under, x_overlap, y_overlap


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


def test_the_foot_of_what_hangs_under_a_box_follows_its_parts_down_and_stops_at_a_gap() -> None:
    head: Box = (0, 0, 100, 20)
    byline: Box = (0, 22, 60, 30)  # right under the head
    photo: Box = (0, 31, 100, 90)  # right under the byline
    sliver: Box = (0, 60, 100, 62)  # inside the photo: moves nothing
    text: Box = (0, 120, 100, 300)  # too far under the photo
    beside: Box = (200, 92, 300, 200)  # under it, in another column
    parts = [text, sliver, photo, beside, byline]
    assert foot_of_what_hangs_under(head, parts, overlap=1.0, step=10.0) == 90
    assert foot_of_what_hangs_under(head, parts, overlap=1.0, step=40.0) == 300
    assert foot_of_what_hangs_under(head, [], overlap=1.0, step=10.0) == 20
