"""Where words begin in a PDF that writes no spaces."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from broadsheet.extract.lines import find_lines
from broadsheet.extract.word_breaks import spaces_before, word_starts
from broadsheet.pdf.content import read_page_content
from broadsheet.pdf.document import open_pdf
from tests.pdfs import combine, glyph_by_glyph, make_pdf

ITALIC = "The football club presented a programme of repairs in front of the town hall"


def _words(pdf: Path) -> list[list[str]]:
    with open_pdf(pdf) as doc:
        content = read_page_content(doc[0], 1)
    lines = sorted(find_lines(content.glyphs), key=lambda line: line.top)
    return [[w.text for w in line.words] for line in lines]


def test_an_italics_narrow_word_spaces_part_its_words_where_the_pdf_wrote_no_space(tmp_path: Path) -> None:
    """Chromium's PDFs write no spaces; an italic's letters lean over the gap between two words
    ("The football" left 0.07 font sizes), which ran them together ("Thefootball", "ofrepairs")."""
    pdf = make_pdf(tmp_path / "italic.pdf", glyph_by_glyph(72, 100, ITALIC, "Times-Italic", 17))
    assert _words(pdf) == [ITALIC.split()]


def test_a_letter_spaced_heading_stays_in_words(tmp_path: Path) -> None:
    """A heading spaced out keeps its words whether or not PDFium infers spaces between its letters."""
    heading = "LETTERS TO THE EDITOR"
    page = combine(
        glyph_by_glyph(72, 100, heading, "Times-Roman", 12, tracking=0.1),
        glyph_by_glyph(72, 140, heading, "Times-Italic", 12, tracking=0.08),
    )
    assert _words(make_pdf(tmp_path / "spaced.pdf", page)) == [heading.split(), heading.split()]


def _spaced_out(words: list[str], size: float, tracking: float, word_space: float) -> tuple[np.ndarray, str]:
    """Boxes of ``words`` set in letters half a font size wide, ``tracking`` font sizes apart, the words
    ``word_space`` apart; and the letters."""
    boxes, x = [], 0.0
    for word in words:
        for _ in word:
            boxes.append((x, 0.0, x + 0.5 * size, size))
            x += (0.5 + tracking) * size
        x += (word_space - tracking) * size
    return np.array(boxes), "".join(words)


def test_spaces_pdfium_infers_between_letters_spaced_out_part_no_words() -> None:
    """PDFium infers a space at every letter of some headings spaced out (The Hindu's "LETTERS TO
    THE EDITOR", 0.1 font sizes apart): the line's usual gap is that wide, so only the wider gaps
    between its words part it."""
    boxes, letters = _spaced_out(["LETTERS", "TO", "THE"], 12.0, tracking=0.1, word_space=0.2)
    order, bounds = np.arange(len(letters)), np.array([0, len(letters)])
    none, every = np.zeros(len(letters), dtype=np.bool_), np.ones(len(letters), dtype=np.bool_)
    starts = word_starts(boxes, order, bounds, np.array([12.0]), none, inferred=every)
    assert np.flatnonzero(starts).tolist() == [0, 7, 9]


def test_a_space_parts_the_two_glyphs_written_either_side_of_it_whichever_way_each_word_was_written() -> None:
    """Regression (Arabic printed by Chromium, which writes one word in reading order and the next in
    position order): a right-to-left line's spaces were shifted, or not, for the whole line by how most
    of its glyphs were written, so the space before a word written the other way fell inside it
    ("خط ة"). Three words read right to left: A written left to right, B in reading order, C left to
    right; in position order C, B, A, each of three touching glyphs, a word's space apart."""
    order = np.array([6, 7, 8, 5, 4, 3, 0, 1, 2])  # stream numbers, left to right
    space_before = np.zeros(9, dtype=np.bool_)
    space_before[[3, 6]] = True  # written before B's first glyph (its rightmost) and C's
    bounds, line_of, rtl = np.array([0, 9]), np.zeros(9, dtype=np.intp), np.array([True])
    spaces = spaces_before(space_before, order, bounds, line_of, rtl)
    boxes = np.array([(x, 0.0, x + 5.0, 10.0) for x in (0, 5, 10, 18, 23, 28, 36, 41, 46)], dtype=np.float64)
    starts = word_starts(boxes, np.arange(9), bounds, np.array([10.0]), spaces)
    assert np.flatnonzero(starts).tolist() == [0, 3, 6]


def test_a_space_parts_right_to_left_words_each_written_left_to_right_in_reading_order() -> None:
    """Regression (an Arabic deck in an obliqued face printed by Chromium, "دافععنالمجلس"): each word
    written left to right, the words in reading order; the glyphs either side of a word space were
    written a word apart, and the oblique's boxes close the gap, so the space was lost. Three words of
    three touching glyphs: A on the right written first, then B, then C; in position order C, B, A."""
    order = np.array([6, 7, 8, 3, 4, 5, 0, 1, 2])  # stream numbers, left to right
    space_before = np.zeros(9, dtype=np.bool_)
    space_before[[3, 6]] = True  # written before B's first glyph (its leftmost) and C's
    bounds, line_of, rtl = np.array([0, 9]), np.zeros(9, dtype=np.intp), np.array([True])
    spaces = spaces_before(space_before, order, bounds, line_of, rtl)
    boxes = np.array([(5.0 * x, 0.0, 5.0 * x + 5.0, 10.0) for x in range(9)], dtype=np.float64)
    starts = word_starts(boxes, np.arange(9), bounds, np.array([10.0]), spaces)
    assert np.flatnonzero(starts).tolist() == [0, 3, 6]


def test_a_space_written_before_another_columns_line_does_not_part_a_line_written_in_two_pieces() -> None:
    """A right-to-left line written in two pieces with another column's line written between them:
    the space before that other line is no space of this line's."""
    order = np.array([6, 7, 8, 0, 1, 2, 3, 4, 5])  # line one: 6-8 then 0-2; line two: 3-5
    space_before = np.zeros(9, dtype=np.bool_)
    space_before[3] = True
    bounds, line_of, rtl = np.array([0, 6, 9]), np.array([0] * 6 + [1] * 3), np.array([True, True])
    spaces = spaces_before(space_before, order, bounds, line_of, rtl)
    assert not spaces[:6].any()


def test_the_gap_left_of_a_letter_joining_no_letter_after_it_is_no_word_space() -> None:
    """Regression (Arabic printed by Chromium, boxes of the glyphs' ink): an alef never joins the letter
    after it, and Noto Naskh leaves 0.135 font sizes of ink-free white between it and a final lam, over
    WORD_GAP: "الوكالة" was read "الوكا لة". Left of such a letter a word space is wider; a gap of 0.3
    font sizes still parts two words."""
    # "لة" then "الوكا", each glyph 5 points wide, left to right; 1.35 points of white left of the alef
    letters = ["ة", "ل", "ا", "ك", "و", "ل", "ا"]
    x0 = [0.0, 5.0, 11.35, 16.35, 21.35, 26.35, 31.35]
    boxes = np.array([(x, 0.0, x + 5.0, 10.0) for x in x0], dtype=np.float64)
    order, bounds = np.arange(7), np.array([0, 7])
    none = np.zeros(7, dtype=np.bool_)
    unjoined = np.array([ch in "اد" for ch in letters])
    size = np.array([10.0])
    assert np.flatnonzero(word_starts(boxes, order, bounds, size, none, unjoined=unjoined)).tolist() == [0]
    wide = boxes.copy()
    wide[2:] += 1.65  # 3 points of white: a word space
    assert np.flatnonzero(word_starts(wide, order, bounds, size, none, unjoined=unjoined)).tolist() == [0, 2]
