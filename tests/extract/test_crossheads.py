"""Crossheads and small bold heads (``broadsheet.extract.crossheads``): unit checks of its helpers."""

from __future__ import annotations

import threading

from broadsheet.extract.blocks import Block, TypeScale
from broadsheet.extract.crossheads import _foot_of_stack


def test_the_foot_of_a_stack_ends_over_a_sliver_ending_above_it() -> None:
    """Regression (The Cutpaste p3, OCR, labelled blind): a sliver of a picture starting a little
    above a head's foot and ending above it too held the foot still, and the search for the foot of
    the head's stack never ended: the page's extraction hung."""
    head = Block(lines=[], box=(0.0, 0.0, 100.0, 10.0))
    sliver = (0.0, 9.5, 100.0, 9.8)
    found: list[float] = []
    search = threading.Thread(
        target=lambda: found.append(_foot_of_stack(head, [head], [sliver], TypeScale(9.0, 11.0))),
        daemon=True,
    )
    search.start()
    search.join(timeout=30)  # a guard against the hang, not a speed target: the search takes microseconds
    assert found == [10.0]
