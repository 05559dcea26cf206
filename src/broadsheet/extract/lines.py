"""Stage 2: glyphs → words → lines.

Glyphs are first chained into runs in content-stream order (publishers' software writes a line's
glyphs together), then runs sitting on the same baseline are merged into line fragments unless a
gap as wide as a column gutter — or a vertical rule — separates them. Words come from the PDF's own
space characters and, where a PDF has none (LaTeX), from gaps between glyphs.

A page holds tens of thousands of glyphs, so glyph-level work runs on the numpy arrays of
:class:`Glyphs` for the whole page at once; Python loops run over runs, rows and lines only.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import DisjointSet

from broadsheet.extract.line import Line, Word, sideways_lines
from broadsheet.extract.rtl import mirror_brackets, right_joining, rtl_by_position, rtl_flags, rtl_word
from broadsheet.extract.word_breaks import spaces_before, word_starts
from broadsheet.geometry import Box
from broadsheet.pdf.arrays import BoolArray, FloatArray, Index
from broadsheet.pdf.content import Glyphs
from broadsheet.pdf.fonts import FontStyle, font_family

# A gap wider than this many font sizes separates two line fragments (column gutters)...
FRAGMENT_GAP = 0.75
# ...or, on a scan, this many: OCR already put the two in separate lines, and old papers set
# columns with gutters narrower than a PDF's gap test allows.
OCR_FRAGMENT_GAP = 0.3
# ...unless the PDF wrote the two glyphs one after the other: then only a gap this wide does
# (justified text in narrow columns stretches word spaces).
STREAM_GAP = 1.6
# Two fragments of a row that the stream wrote one after the other stay one line across a gap up to
# this many font sizes: a word space stretched to justify a short line (beside a drop cap or a
# photo, in a narrow column).
WRITTEN_NEXT_GAP = 6.0
# Runs in type sizes this far apart (as a ratio) are two lines when a gap of this many font sizes
# parts them: a caption's line level with a line of the column beside it. Written one after the
# other, they need a gap of STREAM_GAP (a trademark's superscript and the next word of a justified
# line are one line; a date and the price beside it in a name plate are not).
SIZE_STEP = 1.15
SIZE_STEP_GAP = 0.3
# Runs written apart (neither right before nor right after the other; or, in sizes this far apart,
# not in turn as a line's words are) are two lines across a gap of this many font sizes, wider than a
# word space: two heads side by side over neighbouring columns ("A Survey of Flooding" at 13.5 pt,
# "The so-called" at 15 pt; or two in one size), the gutter between them narrower than FRAGMENT_GAP
# of their size.
SIZE_NUDGE = 1.05
WRITTEN_APART_GAP = 0.5


def find_lines(
    glyphs: Glyphs, vrules: list[Box] | None = None, gutter: float = FRAGMENT_GAP, ocr: bool = False
) -> list[Line]:
    """Group the page's glyphs into lines (unordered; later stages decide the reading order).

    Runs that were not written one after the other are separate fragments across a gap of
    ``gutter`` font sizes. ``ocr``: the glyphs are OCR's words, whose lines OCR has already found
    (a scan's narrow gutters and skew put other columns' words against a line's end).
    """
    if len(glyphs) == 0:
        return []
    if glyphs.sideways is not None:
        return find_lines(glyphs.subset(~glyphs.sideways), vrules, gutter, ocr) + sideways_lines(
            glyphs.subset(glyphs.sideways)
        )
    runs = _Runs.of(glyphs)
    rows = [_split_row(runs, row, vrules or [], gutter) for row in _rows(runs)]
    fragments = [fragment for row in rows for fragment in row] if ocr else _join_touching(runs, rows)
    return _make_lines(glyphs, runs.glyph_order(fragments), ocr)


@dataclass(slots=True)
class _Runs:
    """Runs of glyphs written one after another on one baseline: run ``r`` holds glyphs
    ``bounds[r]`` to ``bounds[r + 1] - 1``. Rows and fragments are made of whole runs, so the
    geometry they need is computed once per run here, as plain floats for the loops over runs.
    """

    bounds: Index
    cy: list[float]  # median glyph centre
    size: list[float]  # median font size
    first_size: list[float]  # font size of the run's first glyph
    first_family: list[str]  # and its font's family
    drawn_line: list[int]  # the line its glyphs were drawn in, in one sweep (Glyphs.drawn_line; -1: not known)
    length: list[int]
    x0: list[float]
    y0: list[float]
    x1: list[float]
    y1: list[float]

    @classmethod
    def of(cls, glyphs: Glyphs) -> _Runs:
        box, size = glyphs.box, glyphs.size
        bounds = _stream_runs(glyphs)
        families = [font_family(f.name) for f in glyphs.fonts]
        starts = bounds[:-1]
        return cls(
            bounds=bounds,
            cy=_segment_medians((box[:, 1] + box[:, 3]) / 2, bounds).tolist(),
            size=_segment_medians(size, bounds).tolist(),
            first_size=size[starts].tolist(),
            first_family=[families[f] for f in glyphs.font[starts].tolist()],
            drawn_line=glyphs.drawn_line[starts].tolist() if glyphs.drawn_line is not None else [-1] * len(starts),
            length=np.diff(bounds).tolist(),
            x0=np.minimum.reduceat(box[:, 0], starts).tolist(),
            y0=np.minimum.reduceat(box[:, 1], starts).tolist(),
            x1=np.maximum.reduceat(box[:, 2], starts).tolist(),
            y1=np.maximum.reduceat(box[:, 3], starts).tolist(),
        )

    def glyph_order(self, fragments: list[list[int]]) -> tuple[Index, Index]:
        """The glyphs of all fragments, one after another, and where each fragment starts (plus the end)."""
        runs = np.array([r for fragment in fragments for r in fragment], dtype=np.intp)
        lengths = np.diff(self.bounds)[runs]
        offsets = np.concatenate(([0], np.cumsum(lengths)))
        order = np.repeat(self.bounds[runs] - offsets[:-1], lengths) + np.arange(offsets[-1])
        per_fragment = np.cumsum([len(fragment) for fragment in fragments])
        return order, offsets[np.concatenate(([0], per_fragment))]


def _segment_medians(values: FloatArray, bounds: Index) -> FloatArray:
    """``np.median`` of each segment ``values[bounds[k]:bounds[k + 1]]``, all segments in one sort."""
    lengths = np.diff(bounds)
    segment = np.repeat(np.arange(len(lengths)), lengths)
    ordered = values[np.lexsort((values, segment))]
    low, high = bounds[:-1] + (lengths - 1) // 2, bounds[:-1] + lengths // 2
    medians: FloatArray = (ordered[low] + ordered[high]) / 2
    return medians


def _stream_runs(glyphs: Glyphs) -> Index:
    """Where runs start (plus the end): a glyph continues the run of the glyph the PDF wrote before it
    when it sits on the same baseline, in a similar size, close by (each glyph compared with its
    predecessor, all at once)."""
    box, size = glyphs.box, glyphs.size
    cy = (box[:, 1] + box[:, 3]) / 2
    x0, x1 = box[:, 0], box[:, 2]
    s = np.maximum(np.minimum(size[1:], size[:-1]), 1.0)
    ratio = size[1:] / np.maximum(size[:-1], 0.1)
    same_row = (np.abs(cy[1:] - cy[:-1]) < 0.3 * s) & (ratio > 0.7) & (ratio < 1.43)
    # onwards to the right (or, for right-to-left text, to the left), never back to a line start
    rightwards = (x0[1:] > x0[:-1] - 0.3 * s) & (x0[1:] - x1[:-1] < STREAM_GAP * s)
    leftwards = (x1[1:] < x1[:-1] + 0.3 * s) & (x0[:-1] - x1[1:] < STREAM_GAP * s)
    together = same_row & (rightwards | leftwards)
    if glyphs.drawn_line is not None:
        together &= glyphs.drawn_line[1:] == glyphs.drawn_line[:-1]
    breaks = np.flatnonzero(~together) + 1
    return np.concatenate(([0], breaks, [len(glyphs)])).astype(np.intp)


_Row = tuple[float, float, list[int]]  # baseline, font size, runs

# Fragments of two rows, side by side at one height in one size, this many font sizes apart or less
# touch: they are one line.
TOUCHING_GAP = 0.3
# ...when they overlap by this share of the shorter one's height, and side by side by no more than
# this many font sizes (kerning; a line of another column reaching under a line's end is no part of it).
TOUCHING_OVERLAP = 0.7
TOUCHING_OVERLAP_X = 0.1


def _rows(runs: _Runs) -> list[list[int]]:
    """Gather runs that share a baseline band and a font size into rows."""
    rows: list[_Row] = []
    open_rows: list[int] = []
    for r in np.argsort(np.array(runs.cy), kind="stable").tolist():
        cy, s = runs.cy[r], runs.size[r]
        target = None
        for k in reversed(open_rows):
            rcy, rs, _ = rows[k]
            if abs(cy - rcy) < 0.3 * min(s, rs) and 0.75 < s / max(rs, 0.1) < 1.33:
                target = k
                break
        if target is None:
            rows.append((cy, s, [r]))
            open_rows.append(len(rows) - 1)
        else:
            rows[target][2].append(r)
        # rows far above the current baseline can no longer receive runs
        open_rows = [k for k in open_rows if cy - rows[k][0] < 2 * max(rows[k][1], s)]
    return _attach_superscripts(runs, rows)


def _join_touching(runs: _Runs, rows: list[list[list[int]]]) -> list[list[int]]:
    """The fragments of all rows, those of different rows that touch side by side joined into one.

    A row's band is its first run's baseline: where the runs of several columns' lines sit a point
    or two apart, the two halves of one line can fall into two rows, and the line is cut in two
    with no gap between (Echorouk 7977 p9: a standfirst's last line, whose start became a headline).
    """
    fragments = [fragment for row in rows for fragment in row]
    row_of = [k for k, row in enumerate(rows) for _ in row]
    boxes = [_fragment_box(runs, fragment) for fragment in fragments]
    lines = DisjointSet(range(len(fragments)))
    for i, j in _side_by_side(boxes):
        top, bottom, size = boxes[i][1], boxes[i][3], boxes[i][4]
        other = boxes[j]
        if row_of[j] == row_of[i] or max(size, other[4]) > SIZE_STEP * min(size, other[4]):
            continue
        overlap = min(bottom, other[3]) - max(top, other[1])
        if overlap >= TOUCHING_OVERLAP * min(bottom - top, other[3] - other[1]):
            lines.merge(i, j)
    joined: dict[int, list[int]] = {}
    for i, fragment in enumerate(fragments):
        joined.setdefault(lines[i], []).extend(fragment)
    return [sorted(group, key=lambda r: runs.x0[r]) for group in joined.values()]  # as _split_row orders them


def _side_by_side(boxes: list[tuple[float, float, float, float, float]]) -> Iterator[tuple[int, int]]:
    """Pairs (i, j) of boxes where j starts right where i ends, level with it: looked up by start
    (in whole points) and then by top, so that a page of many short fragments is no quadratic search."""
    by_start: dict[int, list[tuple[float, int]]] = {}
    for j, box in enumerate(boxes):
        by_start.setdefault(math.floor(box[0]), []).append((box[1], j))
    for band in by_start.values():
        band.sort()
    for i, (x0, top, x1, bottom, size) in enumerate(boxes):
        first, last = x1 - TOUCHING_OVERLAP_X * size, x1 + TOUCHING_GAP * size
        for start in range(math.floor(first), math.floor(last) + 1):
            band = by_start.get(start, [])
            lo = bisect.bisect_left(band, (top - 2 * (bottom - top), -1))
            hi = bisect.bisect_right(band, (bottom, len(boxes)))
            yield from ((i, j) for _, j in band[lo:hi] if x0 < boxes[j][0] and first <= boxes[j][0] <= last)


def _fragment_box(runs: _Runs, fragment: list[int]) -> tuple[float, float, float, float, float]:
    """A fragment's box and font size (its first run's)."""
    return (
        min(runs.x0[r] for r in fragment),
        min(runs.y0[r] for r in fragment),
        max(runs.x1[r] for r in fragment),
        max(runs.y1[r] for r in fragment),
        runs.first_size[fragment[0]],
    )


def _attach_superscripts(runs: _Runs, rows: list[_Row]) -> list[list[int]]:
    """Short runs in smaller type beside a line ("17th", "TM") join that line's row."""
    kept: list[_Row] = []
    small = []
    for row in rows:
        if sum(runs.length[r] for r in row[2]) <= 4:
            small.append(row)
        else:
            kept.append(row)
    for cy, s, members in small:
        left = min(runs.x0[r] for r in members)
        right = max(runs.x1[r] for r in members)
        host = None
        for row in kept:
            rcy, rs, hosts = row
            if not (0.45 < s / max(rs, 0.1) <= 0.8 and abs(cy - rcy) < 0.6 * rs):
                continue
            if any(-0.3 * rs < left - runs.x1[r] < 0.3 * rs for r in hosts) or any(
                -0.3 * rs < runs.x0[r] - right < 0.5 * rs for r in hosts
            ):
                host = row
                break
        if host is None:
            kept.append((cy, s, members))
        else:
            host[2].extend(members)
    return [row[2] for row in kept]


def _split_row(runs: _Runs, row: list[int], vrules: list[Box], gutter: float) -> list[list[int]]:
    """Split a row at gutters: wide gaps, or vertical rules crossing the row.

    Runs keep their stream order inside (ligatures and kerning can put glyphs out of x order).
    """
    ordered = sorted(row, key=lambda r: runs.x0[r])
    s = _median([runs.first_size[r] for r in ordered])
    top = min(runs.y0[r] for r in ordered)
    bottom = max(runs.y1[r] for r in ordered)
    cuts = [(v[0] + v[2]) / 2 for v in vrules if v[1] < bottom and v[3] > top]
    fragments: list[list[int]] = [[ordered[0]]]
    current = {ordered[0]}
    right = runs.x1[ordered[0]]
    previous = ordered[0]
    for r in ordered[1:]:
        left = runs.x0[r]
        gap = left - right
        crosses = gap > 0 and any(right - 1 <= x <= left + 1 for x in cuts)
        # written right after the run before it, or right before it in the same type (runs are
        # numbered in stream order; a right-to-left line's next word is on the left, and a caption
        # written after a column's line may stand on its left): a stretched word space, not a gutter
        adjacent = r - 1 in current or (r + 1 in current and _same_type(runs, r, r + 1))
        written_next = adjacent and gap < WRITTEN_NEXT_GAP * s
        sizes = sorted((runs.first_size[previous], runs.first_size[r]))
        least = STREAM_GAP if adjacent else SIZE_STEP_GAP
        other_type = sizes[1] > SIZE_STEP * sizes[0] and gap > least * s
        # neither written right before nor right after it (whatever its type: a right-to-left brief's
        # bold head, written first, stands right of its paragraph), or a size apart and not in turn
        apart = not (r - 1 in current or r + 1 in current) or (not adjacent and sizes[1] > SIZE_NUDGE * sizes[0])
        limit = min(gutter, WRITTEN_APART_GAP) if apart else gutter
        if (gap > limit * s and not written_next) or crosses or other_type or _drawn_apart(runs, previous, r):
            fragments.append([r])
            current = {r}
        else:
            fragments[-1].append(r)
            current.add(r)
        right = max(right, runs.x1[r])
        previous = r
    return fragments


def _drawn_apart(runs: _Runs, left: int, right: int) -> bool:
    """Whether two runs side by side were drawn as two lines, each in a sweep of its own (a cascade's,
    :mod:`broadsheet.pdf.cascade`): two columns' lines, whatever the gap between their ink. Two sweeps
    drawn one right after the other are one line drawn in two pieces (Chromium draws a line's text
    apart where it changes element, a sentence in a span of its own); a column's lines are drawn one
    after another, so the line level with one of them in the next column is drawn lines later."""
    on_left, on_right = runs.drawn_line[left], runs.drawn_line[right]
    return on_left >= 0 and on_right >= 0 and abs(on_left - on_right) > 1


def _same_type(runs: _Runs, a: int, b: int) -> bool:
    """Whether two runs start in one family at one size (a brief's bold run-in head and its regular
    text are one line; a caption in another face beside a column's line is not)."""
    return runs.first_family[a] == runs.first_family[b] and runs.first_size[a] == runs.first_size[b]


def _median(values: list[float]) -> float:
    """What ``np.median`` gives, without the cost of an array for a handful of values."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _make_lines(glyphs: Glyphs, layout: tuple[Index, Index], ocr: bool = False) -> list[Line]:
    """One line per fragment; ``layout`` lays the fragments' glyphs out one after another (the
    glyph order, and where each fragment starts plus the end), so every step runs over all lines
    at once. ``ocr``: the glyphs are OCR's words, whose spaces are where OCR saw them, not in a stream."""
    order, bounds = layout
    counts = np.diff(bounds)
    line_of = np.repeat(np.arange(len(counts)), counts)
    size = _segment_medians(glyphs.size[order], bounds)
    codes = np.frombuffer("".join(glyphs.text).encode("utf-32-le"), dtype="<u4")  # one character a glyph
    rtl = np.add.reduceat(rtl_flags(codes)[order].astype(np.int64), bounds[:-1]) > 0.3 * counts
    order = rtl_by_position(codes, glyphs.box[:, 0], order, line_of, rtl)
    spaces = spaces_before(glyphs.space_before, order, bounds, line_of, rtl, written=not ocr)
    leading_space = spaces[bounds[:-1]].tolist()  # the PDF wrote a space right before the line
    inferred = None
    if glyphs.inferred_space is not None:
        inferred = spaces_before(glyphs.inferred_space, order, bounds, line_of, rtl)
    unjoined = rtl[line_of] & right_joining(codes[order]) if rtl.any() else None
    word_start = np.flatnonzero(word_starts(glyphs.box, order, bounds, size, spaces, inferred, unjoined))
    ordered = codes[order].tobytes().decode("utf-32-le")
    words = _words(glyphs, order, ordered, word_start, rtl[line_of[word_start]])
    first_word = np.searchsorted(line_of[word_start], np.arange(len(counts) + 1)).tolist()
    box = _segment_boxes(glyphs.box[order], bounds[:-1])
    style, bold, italic = _line_styles(glyphs, order, bounds, line_of)
    lines = []
    for k, is_rtl in enumerate(rtl.tolist()):
        line_words = words[first_word[k] : first_word[k + 1]]
        line_words = line_words[::-1] if is_rtl else line_words
        line = Line(box[k], line_words, size[k], style[k], bold[k], italic[k], is_rtl)
        line.space_before = leading_space[k]
        lines.append(line)
    return mirror_brackets(lines) if rtl.any() else lines


def _words(glyphs: Glyphs, order: Index, ordered: str, start: Index, rtl: BoolArray) -> list[Word]:
    """The words of the glyphs in ``order`` (whose characters are ``ordered``), beginning at
    ``start``; right-to-left ones (``rtl``) spelled in reading order."""
    starts, ends = start.tolist(), np.append(start[1:], len(order)).tolist()
    texts = [ordered[a:b] for a, b in zip(starts, ends, strict=True)]
    boxes = _segment_boxes(glyphs.box[order], start)
    in_bold = np.array([f.bold for f in glyphs.fonts], dtype=np.int64)[glyphs.font[order]]
    bold = (2 * np.add.reduceat(in_bold, start) > np.diff(np.append(start, len(order)))).tolist()
    styles = [glyphs.fonts[k] for k in glyphs.font[order][start].tolist()]
    words = list(map(Word, boxes, texts, bold, styles))
    if rtl.any():
        x0 = glyphs.box[order, 0].tolist()
        for w in np.flatnonzero(rtl).tolist():
            words[w] = rtl_word(boxes[w], texts[w], x0[starts[w] : ends[w]], bold[w])
            words[w].style = styles[w]
    return words


def _segment_boxes(box: FloatArray, starts: Index) -> list[Box]:
    """The box around each segment of ``box`` rows beginning at ``starts``."""
    columns = (
        np.minimum.reduceat(box[:, 0], starts),
        np.minimum.reduceat(box[:, 1], starts),
        np.maximum.reduceat(box[:, 2], starts),
        np.maximum.reduceat(box[:, 3], starts),
    )
    return list(zip(*(c.tolist() for c in columns), strict=True))


def _line_styles(
    glyphs: Glyphs, order: Index, bounds: Index, line_of: Index
) -> tuple[list[FontStyle], list[float], list[float]]:
    """Each line's most common style (the first one met on a tie) and its shares of bold and italic glyphs."""
    font = glyphs.font[order].astype(np.int64)
    n_fonts = max(len(glyphs.fonts), 1)
    pairs, first, count = np.unique(line_of * n_fonts + font, return_index=True, return_counts=True)
    line = pairs // n_fonts
    best = np.lexsort((first, -count, line))  # within each line: the most glyphs, then the first met
    leads = np.ones(len(best), dtype=np.bool_)
    leads[1:] = line[best][1:] != line[best][:-1]
    style = [glyphs.fonts[f] for f in (pairs[best[leads]] % n_fonts).tolist()]
    counts = np.diff(bounds)
    shares = []
    for flag in ("bold", "italic"):
        flagged = np.array([getattr(f, flag) for f in glyphs.fonts], dtype=np.int64)[font]
        shares.append((np.add.reduceat(flagged, bounds[:-1]) / counts).tolist())
    return style, shares[0], shares[1]


# A rule under a line is its underline when it lies within this many of the line's sizes of the
# line's foot, and each of its ends within this many sizes (plus a point) of a word's edge.
UNDERLINE_DROP = 0.35
UNDERLINE_EDGE = 0.1


def drop_underlines(hrules: list[Box], lines: list[Line]) -> list[Box]:
    """The page's horizontal rules without the underlines of its lines.

    An underlined deck ("The U.S. has been emboldened…", a rule under each line) is one block of
    text; taken as rules, its underlines would part it line from line, as a rule parts stories.
    A rule under a name plate reaches past its letters: that one stays.

    Each rule is tested only against the lines whose foot lies near it (found for all lines at once,
    with a point to spare): testing every line cost a page's rules times its thousand lines of calls.
    """
    if not hrules or not lines:
        return list(hrules)
    feet = np.array([ln.bottom for ln in lines], dtype=np.float64)
    reach = UNDERLINE_DROP * np.array([ln.size for ln in lines], dtype=np.float64) + 1.0
    low, high = feet - reach, feet + reach
    kept = []
    for rule in hrules:
        centre = (rule[1] + rule[3]) / 2
        near = np.flatnonzero((low <= centre) & (centre <= high)).tolist()
        if not any(_underlines(rule, lines[k]) for k in near):
            kept.append(rule)
    return kept


def _underlines(rule: Box, line: Line) -> bool:
    centre = (rule[1] + rule[3]) / 2
    if not line.bottom - UNDERLINE_DROP * line.size <= centre <= line.bottom + UNDERLINE_DROP * line.size:
        return False
    edge = UNDERLINE_EDGE * line.size + 1.0
    starts = any(abs(rule[0] - w.box[0]) <= edge for w in line.words)
    ends = any(abs(rule[2] - w.box[2]) <= edge for w in line.words)
    return starts and ends
