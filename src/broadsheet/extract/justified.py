"""Stage 2, part: a justified line stretched apart — two pieces of one line far apart on its baseline.

A line of running text justified across a narrow column may hold two words with a gap of many word
spaces between them ("terça-feira.            Em"); the line stage, which parts a row at gaps as
wide as a gutter, cuts it in two. The line right over or under it, in its type, spans the same
measure, from the first piece's start to the second's end: the two pieces are one line. Two heads
side by side over neighbouring columns have no such line by them.
"""

from __future__ import annotations

import bisect

from broadsheet.extract.drop_caps import DROP_CAP_SIZE, initial_shaped
from broadsheet.extract.line import Line
from broadsheet.geometry import union

# Two pieces of a row this many font sizes apart at most may be one stretched line...
STRETCHED_MOST = 12.0
# ...when the line over or under them ends within this many font sizes of the second piece's end (a
# justified column's edge)...
MEASURE_EDGE = 0.5
# ...and starts within this many font sizes of the first piece's start (one of the two indented)...
INDENT_MOST = 3.0
# ...their baselines within this many font sizes of the line's (the next line up and down).
NEXT_LINE = 1.8
# Pieces on one baseline: their feet within this share of a font size.
SAME_BASELINE = 0.2
# Lines in one type: sizes within this share.
SAME_SIZE = 0.05
# A line set in past a drop cap starts at most this many of its sizes after the initial's edge.
CAP_GAP = 1.5


def join_stretched_lines(lines: list[Line]) -> list[Line]:
    """``lines`` with each stretched line's two pieces made one line (see the module's docstring)."""
    by_foot = sorted(lines, key=lambda ln: ln.bottom)
    feet = [ln.bottom for ln in by_foot]
    joined: dict[int, Line] = {}  # by id of the left piece
    taken: set[int] = set()
    initials = [ln for ln in lines if initial_shaped(ln)]
    for left in by_foot:
        if id(left) in taken or left.initial or left.sideways:
            continue
        right = _piece_on_the_right(left, by_foot, feet)
        if right is None or id(right) in taken or not _in_a_measure(left, right, by_foot, feet, initials):
            continue
        joined[id(left)] = _joined(left, right)
        taken.update((id(left), id(right)))
    if not joined:
        return lines
    return [joined.get(id(ln), ln) for ln in lines if id(ln) not in taken or id(ln) in joined]


def _near_baseline(line: Line, by_foot: list[Line], feet: list[float], lo: float, hi: float) -> list[Line]:
    """The lines whose feet lie from ``lo`` to ``hi`` (font sizes from ``line``'s foot), in any type:
    the callers ask first where a line stands, which most fail, and only then :func:`_in_its_type`
    (a cheaper order, the tests being pure)."""
    start = bisect.bisect_left(feet, line.bottom + lo * line.size)
    end = bisect.bisect_right(feet, line.bottom + hi * line.size)
    return by_foot[start:end]


def _in_its_type(other: Line, line: Line) -> bool:
    """Whether ``other`` is another line set in ``line``'s type (and not on its side)."""
    return (
        other is not line
        and abs(other.size - line.size) <= SAME_SIZE * line.size
        and other.style == line.style
        and not other.sideways
    )


def _piece_on_the_right(left: Line, by_foot: list[Line], feet: list[float]) -> Line | None:
    """The nearest line in ``left``'s type on its baseline to its right, up to STRETCHED_MOST sizes away."""
    end, reach = left.box[2], STRETCHED_MOST * left.size
    row = _near_baseline(left, by_foot, feet, -SAME_BASELINE, SAME_BASELINE)
    right = [ln for ln in row if ln.box[0] > end and ln.box[0] - end <= reach and _in_its_type(ln, left)]
    return min(right, key=lambda ln: ln.x0, default=None)


def _in_a_measure(left: Line, right: Line, by_foot: list[Line], feet: list[float], initials: list[Line]) -> bool:
    """Whether the next line up or down, in the pieces' type, spans from the left piece's start (or
    an indent away, INDENT_MOST sizes either way: a paragraph's first line) to the right piece's end:
    one column's measure, justified (a paragraph's first line has no line over it in the
    paragraph, its last a short one under it); and no line next to them starts in the gap between
    the pieces (a gutter, two columns' lines under a wide line), but for a line set in past a drop
    cap (one of ``initials``, the line under the cap's foot stretched across the measure)."""
    edge = MEASURE_EDGE * left.size
    indent = INDENT_MOST * left.size

    def spans(other: Line) -> bool:
        overlaps = other.x0 < right.x1 and other.x1 > left.x0
        return overlaps and abs(left.x0 - other.x0) <= indent and abs(other.x1 - right.x1) <= edge

    def in_the_gap(other: Line) -> bool:  # a column's line starting there: the gap is a gutter
        return left.x1 - edge <= other.x0 < right.x1 and not any(_past(cap, other) for cap in initials)

    near = _near_baseline(left, by_foot, feet, -NEXT_LINE, -SAME_BASELINE)
    near += _near_baseline(left, by_foot, feet, SAME_BASELINE, NEXT_LINE)
    # the gap asked first: most pairs are two columns' lines, whose neighbours start in it at once
    if any(in_the_gap(ln) and _in_its_type(ln, left) for ln in near):
        return False
    return any(spans(ln) and _in_its_type(ln, left) for ln in near)


def _past(initial: Line, line: Line) -> bool:
    """Whether ``line`` is set in past a drop cap (``initial``, DROP_CAP_SIZE its size or more), level
    with it, starting right after it."""
    size = line.size
    return (
        initial.size >= DROP_CAP_SIZE * size
        and initial.top - size <= line.top <= initial.bottom
        and 0 <= line.x0 - initial.x1 < CAP_GAP * size
    )


def _joined(left: Line, right: Line) -> Line:
    """One line of two pieces (a right-to-left line keeps its words right to left)."""
    words = right.words + left.words if left.rtl else left.words + right.words
    chars = [max(1, len(left.text)), max(1, len(right.text))]
    share = sum(chars)
    return Line(
        box=union([left.box, right.box]),
        words=words,
        size=left.size,
        style=left.style,
        bold=(left.bold * chars[0] + right.bold * chars[1]) / share,
        italic=(left.italic * chars[0] + right.italic * chars[1]) / share,
        rtl=left.rtl,
        space_before=left.space_before,
    )
