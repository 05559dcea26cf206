"""Right-to-left lines: the order their glyphs read in, and the letters that shape their words.

The line stage (:mod:`broadsheet.extract.lines`) lays a right-to-left line's glyphs out by position,
whichever order the PDF wrote them in, and reads each word from the right; a ligature's letters
share one box, and PDFium gives them in one order or the other (:func:`rtl_by_position`).
"""

from __future__ import annotations

import unicodedata

import numpy as np
import numpy.typing as npt

from broadsheet.extract.line import Line, Word
from broadsheet.geometry import Box
from broadsheet.pdf.arrays import BoolArray, FloatArray, Index

# Arabic-script letters that join the letter before them but never the one after (Unicode's joining
# type R): alef and its hamza and madda forms, dal, thal, reh, zain, waw, teh marbuta, and Persian
# and Urdu's jeh, ddal, rreh and yeh barree; and their presentation forms (U+FB50-U+FDFF,
# U+FE70-U+FEFF), which some producers' fonts map their glyphs to.
_RIGHT_JOINING_LETTERS = "آأؤإاةدذرزوٱژڈڑۀےۓ"
RIGHT_JOINING = frozenset(_RIGHT_JOINING_LETTERS) | {
    chr(c)
    for c in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]
    if len(form := unicodedata.normalize("NFKC", chr(c))) == 1 and form in _RIGHT_JOINING_LETTERS
}
_RIGHT_JOINING_CODES = np.array(sorted(map(ord, RIGHT_JOINING)), dtype=np.uint32)


def is_rtl_char(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def is_ltr_char(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("L", "EN", "AN")


def right_joining(codes: npt.NDArray[np.uint32]) -> BoolArray:
    """Which glyphs are letters that never join the letter after them (:data:`RIGHT_JOINING`)."""
    return np.isin(codes, _RIGHT_JOINING_CODES)


def rtl_flags(codes: npt.NDArray[np.uint32]) -> BoolArray:
    """Which code points are right-to-left letters, asking unicodedata once per distinct character.

    The answers are kept in a table indexed by code point: a page's tens of thousands of characters
    cost less to mark in it than to sort for their distinct values."""
    if len(codes) == 0:
        return np.zeros(0, dtype=np.bool_)
    table = np.zeros(int(codes.max()) + 1, dtype=np.bool_)
    table[codes] = True
    distinct = np.flatnonzero(table)
    table[distinct] = [is_rtl_char(chr(c)) for c in distinct.tolist()]
    flags: BoolArray = table[codes]
    return flags


def rtl_by_position(
    codes: npt.NDArray[np.uint32], x0: FloatArray, order: Index, line_of: Index, rtl: BoolArray
) -> Index:
    """Right-to-left runs may be written in either order: their lines' glyphs go by position, left
    to right; the letters of one glyph (a ligature's, sharing its box) in the order they read,
    rightmost first (:func:`_ligature_reading`)."""
    moved = np.flatnonzero(rtl[line_of])
    if len(moved) == 0:
        return order
    # at one x the first written goes right, to be read first
    perm = np.lexsort((-order[moved], x0[order[moved]]))
    perm = perm[np.argsort(line_of[moved][perm], kind="stable")]
    order = order.copy()
    order[moved] = _ligature_reading(codes, x0, order[moved][perm], line_of[moved][perm])
    return order


def _ligature_reading(codes: npt.NDArray[np.uint32], x0: FloatArray, placed: Index, line_of: Index) -> Index:
    """``placed`` (glyphs left to right, line by line) with each ligature's letters turned to read in
    order. PDFium gives a ligature's letters in the order its font maps them (a presentation form
    such as U+FEFB taken apart: "لا") or, where the font maps the glyph to several letters, reversed
    with the run around it ("ال"). A letter that never joins the next one (:data:`RIGHT_JOINING`)
    ends a ligature, so one read first tells a reversed ligature (a vowel mark sharing its letter's box
    is no ligature: "اً" stays)."""
    same = (x0[placed[1:]] == x0[placed[:-1]]) & (line_of[1:] == line_of[:-1])
    if not same.any():
        return placed
    placed = placed.copy()
    starts = np.flatnonzero(same & ~np.concatenate(([False], same[:-1])))
    ends = np.flatnonzero(same & ~np.concatenate((same[1:], [False]))) + 2
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        letters = [chr(codes[g]) for g in placed[start:end][::-1].tolist()]  # as they read now
        if letters[0] in RIGHT_JOINING and all(unicodedata.category(ch) == "Lo" for ch in letters):
            placed[start:end] = placed[start:end][::-1]
    return placed


def rtl_word(box: Box, text: str, xs: list[float], bold: bool) -> Word:
    """Right-to-left glyphs read from the right, except runs of digits and Latin inside them."""
    # glyphs come left to right, a ligature's letters last-written first: reversed, a stable sort
    # from the right keeps them in the order they are read
    ordered = [ch for _, ch in sorted(reversed(list(zip(xs, text, strict=True))), key=lambda t: -t[0])]
    out: list[str] = []
    ltr_run: list[str] = []
    for ch in ordered:
        if is_ltr_char(ch) or (ltr_run and ch in ".,:/-"):
            ltr_run.append(ch)
            continue
        out.extend(reversed(ltr_run))
        ltr_run = []
        out.append(ch)
    out.extend(reversed(ltr_run))
    return Word(box, "".join(out), bold)


# Brackets and quotation marks a right-to-left line draws mirrored (Unicode's Bidi_Mirrored pairs in
# news type): opening and closing of each pair.
MIRRORED_PAIRS = ("()", "[]", "{}", "<>", "«»", "‹›")
_MIRROR = str.maketrans({pair[0]: pair[1] for pair in MIRRORED_PAIRS} | {pair[1]: pair[0] for pair in MIRRORED_PAIRS})
_PAIR_OF = {ch: pair for pair in MIRRORED_PAIRS for ch in pair}


def mirror_brackets(lines: list[Line]) -> list[Line]:
    """Right-to-left lines with their brackets turned to face the way they read, where the page's
    producer named each bracket by the glyph it drew.

    A right-to-left line draws an opening bracket as the mirror image of its glyph (a "(" looks like
    ")"), and producers that name a glyph by the letter their font gives it (Chromium, and every PDF
    whose Arabic is copied out as "(كلمة)" reversed) name it by its look: read from the right, the
    line's brackets close before they open. Others name the letter typed, read the right way already,
    so the page decides: its right-to-left lines' bracket pairs are counted both ways round
    (:func:`_pairs_each_way`), and only where more are reversed than not are all of them turned."""
    rtl_lines = [line for line in lines if line.rtl]
    right_way, reversed_ = 0, 0
    for line in rtl_lines:
        right, wrong = _pairs_each_way("".join(word.text for word in line.words))
        right_way, reversed_ = right_way + right, reversed_ + wrong
    if reversed_ <= right_way:
        return lines
    for line in rtl_lines:
        for word in line.words:
            word.text = word.text.translate(_MIRROR)
    return lines


def _pairs_each_way(text: str) -> tuple[int, int]:
    """How many bracket pairs of ``text`` open before they close, and how many close before they open:
    each bracket pairs with the next one of its kind."""
    if _PAIR_OF.keys().isdisjoint(text):  # most lines: no walk through their characters
        return 0, 0
    open_ = {pair: "" for pair in MIRRORED_PAIRS}
    right, wrong = 0, 0
    for ch in text:
        pair = _PAIR_OF.get(ch)
        if pair is None:
            continue
        pending = open_[pair]
        if pending and pending != ch:
            right += pending == pair[0]
            wrong += pending == pair[1]
            open_[pair] = ""
        else:
            open_[pair] = ch
    return right, wrong
