"""Right-to-left words set in a cascade (Nastaliq): read in the order they were drawn.

A Nastaliq face (Noto Nastaliq Urdu, as Chromium's PDF output sets it) draws each word as a cascade:
its first letters high on the right, stepping down to its last on the line's baseline, each glyph an
object of its own at its own height, overlapping its neighbours and the next word's. By position a
line falls apart into rows and its letters into disorder; PDFium's own text is as scrambled. But the
producer drew each line's glyphs in one sweep from left to right, the shaper's visual order:
reversed, that sweep is the reading order.

So the runs of right-to-left letters drawn one after another from left to right (each within
RUN_BACKSTEP font sizes left of the one before, within RUN_DROP of its height) are found, and a face
whose glyphs in them stand above their run's baseline (CASCADE_STEP) in CASCADE_SHARE of cases or more
sets its words in cascades (judged by face over the page: a run of Nastaliq may sit on its baseline
for a few words, a run of Naskh step off it at a mark). A run of such a face is read as drawn: each
glyph set on the run's baseline as a typical face's box (:data:`~broadsheet.pdf.baselines.ASCENT`,
:data:`~broadsheet.pdf.baselines.DESCENT`), the boxes narrowed to follow the drawing order without
overlapping (a word's glyphs abutting, a gap between two words kept), a cluster's letter that PDFium
gives twice read once, the glyphs put in reading order (the digits and Latin words drawn among them
kept as drawn), a space before each word that a space glyph parts from the word before (:class:`Clues`,
read off the PDF by :mod:`broadsheet.pdf.cascade_clues`), and each glyph told the line it was drawn in
(:attr:`~broadsheet.pdf.content.Glyphs.drawn_line`). Runs of Naskh and other faces are left as they are.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from broadsheet.pdf.arrays import BoolArray, FloatArray, Index
from broadsheet.pdf.baselines import ASCENT, DESCENT

# Drawn left to right: the next glyph's left edge at most this many font sizes left of the one
# before's (a cascade's glyphs overlap their neighbours; a new line starts a column's width back).
RUN_BACKSTEP = 1.0
# ... and its origin at most this many font sizes above or below the one before's (a cascade's steps
# measure up to 0.95; the next line of a page drawn right to left stands a line's pitch away, 1.1 or more).
RUN_DROP = 1.0
# A glyph whose origin stands this many font sizes above its run's baseline is stepped; a face with
# this share of its glyphs in runs stepped, of FACE_GLYPHS glyphs or more, sets its words in cascades
# (Noto Nastaliq Urdu's faces on Chromium's pages: 0.23 to 0.32; Noto Naskh, Sans and Kufi Arabic's:
# 0.06 at most).
CASCADE_STEP = 0.15
CASCADE_SHARE = 0.15
# A stepped glyph stands above its baseline, at most this many font sizes (a cascade rises to 0.93).
CASCADE_RISE = 1.0
FACE_GLYPHS = 12
MIN_RUN = 3


@dataclass(frozen=True, slots=True)
class Cascades:
    """What reading the cascades changes: the glyphs' boxes (in their old order), the glyphs to keep
    in their new order (``order[i]``: the glyph that goes to position ``i``; a cluster's letter read
    twice is left out), the glyphs in cascades, and whether each has a word space before it in
    reading order, and the line each was drawn in."""

    box: FloatArray
    order: Index
    in_cascade: BoolArray
    space_before: BoolArray
    line: npt.NDArray[np.int32]  # the line each glyph was drawn in, one sweep (-1: none read)


@dataclass(frozen=True, slots=True)
class Clues:
    """What the PDF tells of each glyph beyond its place (:mod:`broadsheet.pdf.cascade_clues`): whether
    a word space was drawn as a glyph of its own right after it in the stream, whether one was drawn in
    one string with it, and the cluster it was drawn in (its ``/Span`` of ``/ActualText``; 0: none)."""

    space_drawn_after: BoolArray
    space_drawn_with: BoolArray
    cluster: npt.NDArray[np.int64]


def cascade_letters(codes: npt.NDArray[np.uint32]) -> BoolArray:
    """Which glyphs are right-to-left letters (Arabic script's; not its marks or digits)."""
    found = np.zeros(len(codes), dtype=np.bool_)
    beyond_latin = np.flatnonzero(codes >= 0x590)  # Hebrew's block and after: most pages have none
    unique, inverse = np.unique(codes[beyond_latin], return_inverse=True)
    letters = [_rtl_letter(chr(c)) for c in unique.tolist()]
    found[beyond_latin] = np.array(letters, dtype=np.bool_)[inverse.reshape(-1)]
    return found


def _rtl_letter(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("AL", "R") and unicodedata.category(ch).startswith("L")


def read_cascades(
    drawn: Index,
    codes: npt.NDArray[np.uint32],
    letters: BoolArray,
    box: FloatArray,
    size: FloatArray,
    baseline: FloatArray,
    face: npt.NDArray[np.int32],
    clues: Callable[[], Clues],
) -> Cascades | None:
    """The cascades among glyphs drawn in the order ``drawn`` (each glyph's place in the stream; -1:
    not known), with their code points, which are right-to-left letters (:func:`cascade_letters`),
    their boxes (top-down), font sizes, origins' heights (``baseline``, top-down: where the shaper set
    them) and faces; ``clues()``, asked only where there is a cascade. None where there is none."""
    letters = letters & (drawn >= 0)
    # the glyphs in drawing order; the right-to-left characters of one glyph (a ligature's: "وی") last
    # first, so that read backwards they come in their own order (a string of digits' come as written)
    ltr = _left_to_right(codes)
    place = np.arange(len(drawn))
    stream = np.lexsort((np.where(ltr, place, -place), drawn))
    runs = _runs(stream, drawn >= 0, letters, box, size, baseline)
    cascading = _cascading_faces(runs, letters, face, size, baseline)
    runs = [run for run in runs if np.isin(face[run[letters[run]]], cascading).mean() > 0.5]
    if not runs:
        return None
    told = clues()
    fixed, order = box.copy(), np.arange(len(box))
    kept = np.ones(len(box), dtype=np.bool_)
    line = np.full(len(box), -1, dtype=np.int32)
    space_before = np.zeros(len(box), dtype=np.bool_)
    lines = _run_baselines(runs, size, baseline).tolist()
    for number, whole in enumerate(runs):
        again = _again_in_cluster(whole, codes, told.cluster, fixed)
        run = whole[~again]
        places = np.flatnonzero(~again)  # where each glyph read is in the whole run
        parted = np.logical_or.reduceat(_parted(whole, told), places[:-1]) if len(run) > 1 else np.zeros(0, np.bool_)
        _set_on_baseline(run, lines[number], fixed, size)
        _narrow(run, fixed, parted)
        line[whole] = number
        kept[whole[again]] = False
        reading, spaced = _reading_order(run, ltr, parted)
        order[np.sort(whole)] = np.concatenate([reading, whole[again]])
        space_before[reading] = spaced
        space_before[reading[0]] = True
    return Cascades(fixed, order[kept[order]], line >= 0, space_before, line)


def _left_to_right(codes: npt.NDArray[np.uint32]) -> BoolArray:
    """Which glyphs read left to right inside a right-to-left line: Latin letters, digits."""
    unique, inverse = np.unique(codes, return_inverse=True)
    ltr = [unicodedata.bidirectional(chr(c)) in ("L", "EN", "AN") for c in unique.tolist()]
    return np.array(ltr, dtype=np.bool_)[inverse.reshape(-1)]


def _reading_order(run: Index, ltr: BoolArray, parted: BoolArray) -> tuple[Index, BoolArray]:
    """A run drawn from left to right, in reading order — backwards, but for its stretches of glyphs
    that read left to right (a date's digits, a Latin name), each kept as drawn — and which glyphs of
    it a word space comes before (``parted``: between each two glyphs in drawing order)."""
    reading = run[::-1].copy()
    spaced = np.concatenate([[False], parted[::-1]])  # spaced[i]: a space between reading[i - 1] and reading[i]
    flags = ltr[reading]
    starts = np.flatnonzero(flags & ~np.concatenate([[False], flags[:-1]]))
    ends = np.flatnonzero(flags & ~np.concatenate([flags[1:], [False]])) + 1
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        reading[start:end] = reading[start:end][::-1]
        spaced[start + 1 : end] = spaced[start + 1 : end][::-1]
    return reading, spaced


def _runs(
    stream: Index, known: BoolArray, letters: BoolArray, box: FloatArray, size: FloatArray, baseline: FloatArray
) -> list[Index]:
    """The runs of glyphs drawn one after another from left to right (module doc), in drawing order,
    each a line's sweep: of ``MIN_RUN`` right-to-left ``letters`` or more, with the punctuation, digits
    and Latin words drawn among them (``known``: glyphs whose place in the stream is known). A
    producer that draws its words in reading order, right to left, has each glyph a step left of the
    one before, within RUN_BACKSTEP too, so a run must end right of where it began."""
    a, b = stream[:-1], stream[1:]
    reach = np.maximum(size[a], size[b])
    together = known[a] & known[b]
    together &= np.abs(size[a] - size[b]) <= 0.1 * reach
    together &= box[b, 0] >= box[a, 0] - RUN_BACKSTEP * reach
    together &= np.abs(baseline[b] - baseline[a]) <= RUN_DROP * reach
    cuts = np.flatnonzero(~together) + 1
    runs = [run for run in np.split(stream, cuts) if np.count_nonzero(letters[run]) >= MIN_RUN]
    return [run for run in runs if box[run[-1], 2] > box[run[0], 2]]


def _run_baselines(runs: list[Index], size: FloatArray, baseline: FloatArray) -> FloatArray:
    """The height most of each run's glyphs stand on (a cascade's words each end on it): the lowest of
    its most common heights in steps of CASCADE_STEP of its median font size, and their median there.
    All runs at once — a page of Naskh has thousands of runs, and one at a time cost a fifth of
    reading its glyphs."""
    lengths = np.array([len(run) for run in runs])
    glyphs = np.concatenate(runs)
    which = np.repeat(np.arange(len(runs)), lengths)
    bins = np.round(baseline[glyphs] / (CASCADE_STEP * _medians(size[glyphs], which, len(runs))[which])).astype(
        np.int64
    )
    # each run's bins and their counts, the run's chosen one last: the most common, the lowest of those
    ordered = np.lexsort((bins, which))
    first = np.flatnonzero(
        np.diff(np.concatenate([[-1], which[ordered]])) | np.diff(np.concatenate([[-1], bins[ordered]]))
    )
    counts = np.diff(np.append(first, len(ordered)))
    run_of, bin_of = which[ordered][first], bins[ordered][first]
    chosen = np.lexsort((bin_of, counts, run_of))
    last = np.flatnonzero(np.append(run_of[chosen][1:] != run_of[chosen][:-1], True))
    line_bin = np.empty(len(runs), dtype=np.int64)
    line_bin[run_of[chosen][last]] = bin_of[chosen][last]
    on_line = bins == line_bin[which]
    return _medians(baseline[glyphs][on_line], which[on_line], len(runs))


def _medians(values: FloatArray, group: Index, groups: int) -> FloatArray:
    """``np.median`` of ``values`` in each of ``groups`` groups (each holds one value or more)."""
    ordered = np.lexsort((values, group))
    starts = np.searchsorted(group[ordered], np.arange(groups))
    lengths = np.bincount(group, minlength=groups)
    low, high = starts + (lengths - 1) // 2, starts + lengths // 2
    medians: FloatArray = (values[ordered][low] + values[ordered][high]) / 2
    return medians


def _cascading_faces(
    runs: list[Index], letters: BoolArray, face: npt.NDArray[np.int32], size: FloatArray, baseline: FloatArray
) -> Index:
    """The faces whose glyphs, over all the runs, stand above their runs' baselines (:func:`_run_baselines`) in
    CASCADE_SHARE of cases or more. Judged by face, not by run: a run of Nastaliq may sit on its baseline for a few
    words (letters that join no letter after them), and a run of Naskh step off it at a few marks."""
    if not runs:
        return np.zeros(0, dtype=np.intp)
    runs = [run[letters[run]] for run in runs]  # the letters: a run's punctuation and digits are not judged
    glyphs = np.concatenate(runs)
    lines = np.repeat(_run_baselines(runs, size, baseline), [len(run) for run in runs])
    rise = (lines - baseline[glyphs]) / size[glyphs]
    stepped = (rise > CASCADE_STEP) & (rise <= CASCADE_RISE)  # CASCADE_STEP to CASCADE_RISE font sizes up
    faces = face[glyphs]
    counts = np.bincount(faces)
    steps = np.bincount(faces, weights=stepped.astype(np.float64), minlength=len(counts))
    judged = np.flatnonzero(counts >= FACE_GLYPHS)
    found: Index = judged[steps[judged] >= CASCADE_SHARE * counts[judged]]
    return found


def _again_in_cluster(
    run: Index, codes: npt.NDArray[np.uint32], cluster: npt.NDArray[np.int64], box: FloatArray
) -> BoolArray:
    """Which glyphs of ``run`` give again the letter of the glyph drawn before them in the same cluster:
    PDFium may give a ``/Span``'s ``/ActualText`` once for each of its glyphs ("فیصلے" read "فیصلےے").
    The letter read takes in the boxes of those left out."""
    again = np.zeros(len(run), dtype=np.bool_)
    same = (cluster[run[1:]] != 0) & (cluster[run[1:]] == cluster[run[:-1]]) & (codes[run[1:]] == codes[run[:-1]])
    for k in np.flatnonzero(same).tolist():
        first = k
        while again[first]:
            first -= 1
        again[k + 1] = True
        read, dropped = run[first], run[k + 1]
        box[read, :2] = np.minimum(box[read, :2], box[dropped, :2])
        box[read, 2:] = np.maximum(box[read, 2:], box[dropped, 2:])
    return again


def _parted(run: Index, told: Clues) -> BoolArray:
    """Between each two glyphs of ``run`` (in drawing order), whether a word space parts them: one drawn
    as a glyph of its own after the first, or one drawn in one string with the second, before it
    ("<0003 00EF> Tj": a word's last letter, on the baseline, needs no move from the space before it;
    its first, set high, does)."""
    parted: BoolArray = told.space_drawn_after[run[:-1]] | told.space_drawn_with[run[1:]]
    return parted


def _set_on_baseline(run: Index, line: float, box: FloatArray, size: FloatArray) -> None:
    box[run, 1] = line - ASCENT * size[run]
    box[run, 3] = line + DESCENT * size[run]


def _narrow(run: Index, box: FloatArray, parted: BoolArray) -> None:
    """Boxes that follow the drawing order: two glyphs meet halfway between their centres where they
    overlap or between their edges where they do not — unless a word space parts them and their ink
    does too, when the gap is kept.

    A word's last glyph drawn then reaches as far as the word's ink (short of the next word's): a
    letter drawn after a long tail (the dot of "نے" after its yeh barree) would otherwise cut the
    word short, and the word space after it would look a gutter wide."""
    x0, x1 = box[run, 0].tolist(), box[run, 2].tolist()
    ink = x1.copy()
    for k in range(len(run) - 1):
        gap = x0[k + 1] > x1[k]
        if gap and parted[k]:
            continue
        meet = (x1[k] + x0[k + 1]) / 2 if gap else (x0[k] + x1[k] + x0[k + 1] + x1[k + 1]) / 4
        meet = max(meet, x0[k])
        x1[k], x0[k + 1] = meet, meet
        x1[k + 1] = max(x1[k + 1], meet)
    ends = np.flatnonzero(parted).tolist()
    for start, end in zip([0] + [k + 1 for k in ends], ends, strict=False):
        x1[end] = max(x1[end], min(max(ink[start : end + 1]), x0[end + 1]))
    box[run, 0], box[run, 2] = x0, x1
