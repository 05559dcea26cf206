"""Lines and words from the glyphs of generated pages."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from broadsheet.extract import extract_pages
from broadsheet.extract.lines import OCR_FRAGMENT_GAP, find_lines
from broadsheet.geometry import Box
from broadsheet.pdf.content import Glyphs, read_page_content
from broadsheet.pdf.document import open_pdf
from broadsheet.pdf.fonts import FontStyle
from broadsheet.synthetic import SyntheticOptions, generate_edition
from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn
from tests.pdfs import Draw, column, combine, make_pdf, photo, sideways, text_at


def test_right_to_left_words_split_at_the_pdf_spaces(tmp_path: Path) -> None:
    """PDFium hands right-to-left text over in reading order, so the space the PDF wrote before a
    word sits on that word's right: words must not take the first letter of the next one."""
    edition = generate_edition(SyntheticOptions(seed=11, pages=1, direction="rtl", language="ar"), tmp_path, "rtl")
    truth = json.loads(edition.ground_truth[0].read_text())
    expected = {w for item in truth["items"] if item["type"] == "article" for w in (item["headline"] or "").split()}
    (page,) = extract_pages(edition.pdf)
    texts = [t for i in page.items for t in (i.kicker, i.headline, i.subheadline, i.byline, i.body) if t]
    found = {w for text in texts for w in text.split()}
    assert expected and len(expected & found) >= 0.9 * len(expected)


def test_a_lam_alef_ligature_stays_whole_at_the_start_of_a_word() -> None:
    """The letters of a lam-alef ligature (لإ) share one glyph box; the space written before the
    word must not land between them ("خطة لإعادة", not "خطةإ لعادة")."""
    # written in reading order, right to left, as PDFium hands it over (boxes from a generated page)
    letters = ["خ", "ط", "ة", "ل", "إ", "ع", "ا", "د", "ة"]
    x = [381.7, 375.9, 372.1, 360.1, 360.1, 355.9, 353.8, 350.6, 346.9]
    width = [4.4, 5.9, 3.9, 4.1, 4.1, 4.2, 2.2, 3.2, 3.7]
    glyphs = Glyphs(
        text=letters,
        box=np.array([(x0, 243.2, x0 + w, 251.1) for x0, w in zip(x, width, strict=True)]),
        size=np.full(len(letters), 8.0),
        font=np.zeros(len(letters), dtype=np.int32),
        space_before=np.array([k == 3 for k in range(len(letters))]),
        fonts=[FontStyle("Amiri", bold=False, italic=False, invisible=False)],
    )
    (line,) = find_lines(glyphs)
    assert line.text == "خطة لإعادة"


def _with_ligature(letters: str, at: int, reading_order: bool) -> Glyphs:
    """A word's glyphs, 6 points each, written in reading order or from the left, its letters ``at``
    and ``at + 1`` one glyph as PDFium gives a glyph its font maps to two letters: reversed."""
    boxes = []
    x = 200.0
    for k in range(len(letters)):
        if k != at + 1:
            x -= 6.0
        boxes.append((x, 95.0, x + 6.0, 105.0))
    text = list(letters)
    text[at], text[at + 1] = text[at + 1], text[at]
    if not reading_order:
        text, boxes = text[::-1], boxes[::-1]
    return _written((list(zip(text, boxes, strict=True)), False))


def test_a_ligature_glyph_mapped_to_two_letters_reads_lam_before_alef() -> None:
    """Regression (an Arabic daily printed by Chromium, its Kufi kicker "الفالحين"; Echorouk 7977 p1
    "االتفاقية"): a glyph whose font maps it to "لا" comes from PDFium reversed with the run around
    it, "ال", whichever order the run was written in; an alef never joins the letter after it."""
    for reading_order in (True, False):
        (line,) = find_lines(_with_ligature("الفلاحين", 3, reading_order))
        assert line.text == "الفلاحين"


def test_a_vowel_mark_sharing_its_alefs_box_stays_after_it() -> None:
    """A fathatan over a final alef may share the alef's box; a mark is no ligature's letter, so the
    alef, which joins no letter after it, is still read first."""
    glyphs = _with_ligature("شكرًا"[:3] + "اً", 3, reading_order=True)
    glyphs.text[3], glyphs.text[4] = glyphs.text[4], glyphs.text[3]  # written as read: alef, then mark
    (line,) = find_lines(glyphs)
    assert line.text == "شكراً"


def test_a_stretched_word_space_written_in_sequence_stays_in_its_line(tmp_path: Path) -> None:
    """A short justified line (beside a drop cap, in a narrow column) stretches its spaces to four or
    five font sizes; the next word, written right after, is still the same line."""
    page = combine(text_at(60, 170, "welcomed", size=8), text_at(128, 170, "the", size=8))  # 4.4 sizes apart
    with open_pdf(make_pdf(tmp_path / "p.pdf", page)) as doc:
        content = read_page_content(doc[0], 1)
    assert [line.text for line in find_lines(content.glyphs)] == ["welcomed the"]


def test_a_right_to_left_lines_stretched_word_space_written_in_sequence_stays_in_its_line() -> None:
    """Regression (justified Arabic printed by Chromium, each word in a run of its own): the next word
    of a right-to-left line is written right after the one before it but stands on its left, and a
    space stretched past a gutter's width split the line in two: only a run written right after the
    one on its left counted as written in sequence."""
    first = _glyph_run("ابدأ"[::-1], 160, 100.0)[::-1]  # the line's first word, on its right, written first
    second = _glyph_run("الآن"[::-1], 100, 100.0)[::-1]  # 3.6 font sizes of white on its left
    (line,) = find_lines(_written((first, False), (second, True)))
    assert [w.text for w in line.words] == ["ابدأ", "الآن"]


def test_a_caption_written_after_a_right_to_left_line_and_set_on_its_left_in_another_face_is_apart() -> None:
    """Regression (generated Urdu page s2041 p1): a photo's caption, written right after the last line
    of the column on its right and level with it a gutter away, joined that line: a run written right
    before the one on its left counts as written in sequence only in the same face and size."""
    line = _glyph_run("کیا؟"[::-1], 160, 100.0)[::-1]
    caption = _glyph_run("منظر"[::-1], 120, 100.0)[::-1]  # 1.6 font sizes of white on the line's left
    glyphs = _written((line, False), (caption, True))
    glyphs.font[len(line) :] = 1
    glyphs.fonts.append(FontStyle("Sans", bold=False, italic=False, invisible=False))
    assert sorted(ln.text for ln in find_lines(glyphs)) == sorted(["کیا؟", "منظر"])


def test_a_right_to_left_briefs_head_in_another_face_written_first_joins_its_paragraph() -> None:
    """Regression (generated Arabic page a27 p1, while heads written apart were parted across two thirds
    of a gutter): a brief's bold head, written first and standing right of its paragraph in another
    face, was no run written in turn with it, and the two thirds of a font size of white between them
    split the line; the next briefs' heads were lost."""
    head = _glyph_run("خطة"[::-1], 160, 100.0)  # written in the order it is seen, a run of its own
    text = _glyph_run("وافق"[::-1], 130, 100.0)[::-1]  # its paragraph, 0.6 font sizes of white on the head's left
    glyphs = _written((head, False), (text, True))
    glyphs.font[: len(head)] = 1
    glyphs.fonts.append(FontStyle("Sans", bold=True, italic=False, invisible=False))
    (line,) = find_lines(glyphs)
    assert [w.text for w in line.words] == ["خطة", "وافق"]


def _lines_of(tmp_path: Path, *draws: Draw) -> list[str]:
    with open_pdf(make_pdf(tmp_path / "p.pdf", combine(*draws))) as doc:
        content = read_page_content(doc[0], 1)
    return sorted(line.text for line in find_lines(content.glyphs))


def test_a_captions_line_level_with_a_column_line_in_bigger_type_is_a_line_of_its_own(tmp_path: Path) -> None:
    """Regression (generated Urdu pages): a 7 pt caption line ending half a font size short of a
    9 pt line of the column beside it was read as one line with it, and so as body text."""
    end = 60 + stringWidth("The mayor at the opening", "Times-Roman", 7)
    caption = text_at(60, 300, "The mayor at the opening", size=7)
    other = text_at(60, 100, "elsewhere on the page", size=9)  # written between the two
    body = text_at(end + 4.5, 299, "of the bridge", size=9)
    assert _lines_of(tmp_path, caption, other, body) == [
        "The mayor at the opening",
        "elsewhere on the page",
        "of the bridge",
    ]


def test_a_superscript_written_with_its_line_stays_in_it(tmp_path: Path) -> None:
    """A trademark's superscript in small type, then the next word of a justified line a stretched
    space (0.7 font sizes) away, written one after the other: one line."""
    end = 60 + stringWidth("Gazette", "Times-Roman", 10)
    mark_end = end + stringWidth("TM", "Times-Roman", 5.8)
    word = text_at(60, 200, "Gazette", size=10)
    mark = text_at(end, 199, "TM", size=5.8)
    after = text_at(mark_end + 7, 200, "reporters", size=10)
    assert _lines_of(tmp_path, word, mark, after) == ["GazetteTM reporters"]


def test_text_set_sideways_is_one_line_read_in_the_order_written(tmp_path: Path) -> None:
    """Regression (generated daily pages): a photo credit set up the side of a picture was read
    letter by letter, backwards, into a story's body."""
    pdf = make_pdf(
        tmp_path / "credit.pdf",
        combine(text_at(72, 72, "Council Approves Bridge"), sideways(300, 300, "PHOTO: Helena Costa")),
    )
    with open_pdf(pdf, 2**30) as doc:
        content = read_page_content(doc[0], 1)
    lines = find_lines(content.glyphs)
    (credit,) = [line for line in lines if line.sideways]
    assert credit.text == "PHOTO: Helena Costa"
    assert [line.text for line in lines if not line.sideways] == ["Council Approves Bridge"]


def test_a_sideways_credit_beside_a_photo_stays_out_of_the_story_body(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 26),
        photo(COLUMNS[0], 100, 300, 150),
        sideways(COLUMNS[0] + 308, 250, "PHOTO: Helena Costa"),
        *(column(x, 270, WIDTH, 30, seed=k) for k, x in enumerate(COLUMNS)),
    )
    (article,) = articles(result)
    assert "Helena" not in (article.body or "") and "Costa" not in (article.body or "")
    assert any("Helena Costa" in caption for caption in article.captions)


def _glyph_run(text: str, x: float, cy: float, size: float = 10.0, width: float = 6.0) -> list[tuple[str, Box]]:
    return [(ch, (x + k * width, cy - size / 2, x + (k + 1) * width, cy + size / 2)) for k, ch in enumerate(text)]


def test_a_line_whose_halves_sit_a_point_apart_stays_one_line() -> None:
    """Regression (Echorouk 7977 p9): a row's band is set by its first run, so where another
    column's line sits two or three points higher, one half of a line joined that row and the other
    half a row of its own; the line was cut in two with no gap between, and its start became a
    headline. Halves that touch side by side at one height are one line."""
    assert sorted(line.text for line in find_lines(_halves_a_point_apart())) == ["Hello world", "Left"]


def test_ocr_lines_are_not_joined_by_touching() -> None:
    """Regression (Deseret News 1850 p6, a scan): OCR has found its lines itself, and on a scan
    a line's last letters and the next column's line, skewed under them, touch; joined, the story
    ran across the gutter into the next column's."""
    lines = find_lines(_halves_a_point_apart(), gutter=OCR_FRAGMENT_GAP, ocr=True)
    assert sorted(line.text for line in lines) == ["Hello", "Left", "world"]


def _halves_a_point_apart() -> Glyphs:
    """Another column's line, then a line's two halves written apart, each on its own baseline."""
    other_column = _glyph_run("Left", 20, 100.0)
    second_half = _glyph_run("world", 197, 102.8)  # written first, as PDFium hands a line over
    first_half = _glyph_run("Hello", 165, 103.2)
    written = other_column + second_half + first_half
    return Glyphs(
        text=[ch for ch, _ in written],
        box=np.array([box for _, box in written]),
        size=np.full(len(written), 10.0),
        font=np.zeros(len(written), dtype=np.int32),
        space_before=np.zeros(len(written), dtype=bool),
        fonts=[FontStyle("Times", bold=False, italic=False, invisible=False)],
    )


def _written(*runs: tuple[list[tuple[str, Box]], bool]) -> Glyphs:
    """Glyphs written run after run; a run's flag: the PDF wrote a space right before it."""
    text = [ch for run, _ in runs for ch, _ in run]
    spaces = [space and k == 0 for run, space in runs for k in range(len(run))]
    return Glyphs(
        text=text,
        box=np.array([box for run, _ in runs for _, box in run]),
        size=np.full(len(text), 10.0),
        font=np.zeros(len(text), dtype=np.int32),
        space_before=np.array(spaces),
        fonts=[FontStyle("Times", bold=False, italic=False, invisible=False)],
    )


def test_a_space_written_before_a_piece_of_a_line_written_apart_does_not_split_a_word() -> None:
    """Regression (The Hindu's editorial page with its text objects drawn in another order: "d ropout",
    "o ther", "a ccessibility" on every line): a space in the stream belongs between the glyphs
    written on either side of it; a word's first letter written apart from the rest of it does not
    make the space written before the rest a word space."""
    rest = _glyph_run("ropout", 26, 100.0, width=5.0)  # follows "Left " in the stream
    first = _glyph_run("d", 20, 100.0)
    glyphs = _written((_glyph_run("Left", 300, 100.0), False), (rest, True), (first, False))
    assert sorted(line.text for line in find_lines(glyphs)) == ["Left", "dropout"]


def test_a_space_written_between_glyphs_written_together_splits_words() -> None:
    """The PDF's own space still parts two words written one after the other, however tight."""
    glyphs = _written((_glyph_run("Hello", 20, 100.0), False), (_glyph_run("world", 50.5, 100.0), True))
    assert [line.text for line in find_lines(glyphs)] == ["Hello world"]


def test_an_alefs_ink_free_white_on_its_left_does_not_split_its_word() -> None:
    """Regression (Arabic printed by Chromium): "الوكالة" read "الوكا لة", split at the white an alef
    leaves on its left, a little over a Latin word space's least (:data:`UNJOINED_GAP`)."""
    x0 = [31.35, 26.35, 21.35, 16.35, 11.35, 5.0, 0.0]  # in reading order, right to left
    run = [(ch, (x, 95.0, x + 5.0, 105.0)) for ch, x in zip("الوكالة", x0, strict=True)]
    (line,) = find_lines(_written((run, False)))
    assert line.text == "الوكالة"


@pytest.mark.parametrize(("size", "gutter"), [(15, 10), (13.5, 8.5)], ids=["two sizes", "one size"])
def test_heads_side_by_side_across_a_narrow_gutter_are_two_lines(tmp_path: Path, size: float, gutter: float) -> None:
    """Regression (Chromium-printed daily pages, seed 165): two stories' heads side by side at the
    page's top, each set to fit its column (13.5 pt and 15 pt, sizes too close for a step), with a
    gutter under three quarters of their size between them, were read as one line. Then (seed 232)
    two in one size, across a gutter of two thirds of it."""
    end = 40 + stringWidth("A Survey of Flooding", "Times-Bold", 13.5)
    first = text_at(40, 100, "A Survey of Flooding", "Times-Bold", 13.5)
    second_line = text_at(40, 117, "Risks", "Times-Bold", 13.5)  # written between the two
    other = text_at(end + gutter, 99, "The so-called", "Times-Bold", size)
    assert _lines_of(tmp_path, first, second_line, other) == ["A Survey of Flooding", "Risks", "The so-called"]
