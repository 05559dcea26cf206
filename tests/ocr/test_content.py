"""A scan becomes stage-1 page content: Tesseract's words as glyphs, sized and weighted from the pixels."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from broadsheet.errors import OcrError
from broadsheet.extract.lines import OCR_FRAGMENT_GAP, find_lines
from broadsheet.ocr import scan_content
from tests.ocr.scans import DPI, HEADLINES, scan_of, two_stories


def test_words_become_lines_with_sizes_and_weight_in_page_units(tmp_path: Path) -> None:
    scale = DPI / 72
    content = scan_content(scan_of(tmp_path, two_stories()), 1, "eng", scale)
    assert content.ocr
    assert abs(content.width - 612) < 1 and abs(content.height - 792) < 1
    lines = find_lines(content.glyphs, content.vrules, OCR_FRAGMENT_GAP, ocr=content.ocr)
    heads = [ln for ln in lines if ln.text in HEADLINES]
    assert len(heads) == 2, [ln.text for ln in lines[:10]]
    body = statistics.median(ln.size for ln in lines)
    # drawn at 20 pt and 9 pt; estimated from word heights
    assert 7.5 < body < 10.5
    assert all(17 < h.size < 23 and h.bold > 0.5 for h in heads)
    assert statistics.mean(ln.bold for ln in lines if ln not in heads) < 0.1
    # the four columns stay apart although their lines share baselines
    assert all(ln.width < 140 for ln in lines if ln not in heads)


def test_a_missing_tesseract_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on it
    with pytest.raises(OcrError, match="install the Debian package tesseract-ocr"):
        scan_content(scan_of(tmp_path, two_stories(), dpi=50), 1, "eng")


def test_a_missing_language_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OcrError, match="language"):
        scan_content(scan_of(tmp_path, two_stories(), dpi=50), 1, "xyz")


def test_a_word_read_off_a_rule_is_dropped_but_not_its_line() -> None:
    """Tesseract reads a column rule crossing a line as a word ("|"): that word goes, the line stays."""
    from broadsheet.ocr.content import _OcrLine, _off_rules
    from broadsheet.ocr.tesseract import OcrWord

    words = [
        OcrWord((10, 100, 60, 120), "harbour", 95, (1, 1, 1)),
        OcrWord((198, 98, 202, 122), "|", 40, (1, 1, 1)),
        OcrWord((210, 100, 260, 120), "ferries", 95, (1, 1, 1)),
    ]
    (line,) = _off_rules([_OcrLine(words, 100, 120, 20.0)], [(199, 0, 201, 800)])
    assert [w.text for w in line.words] == ["harbour", "ferries"]


def test_a_line_read_across_a_column_rule_is_two_lines_not_written_one_after_the_other() -> None:
    """Regression (a Zurich paper of 1814): Tesseract read a row of both columns as one line, across
    the rule between them, and the two columns became one text."""
    from broadsheet.ocr.content import _OcrLine, _split_at_rules
    from broadsheet.ocr.tesseract import OcrWord

    row = [
        OcrWord((10, 100, 90, 120), "harbour", 95, (1, 1, 1)),
        OcrWord((100, 100, 180, 120), "ferries", 95, (1, 1, 1)),
        OcrWord((220, 100, 300, 120), "council", 95, (1, 1, 1)),
    ]
    below = [OcrWord((10, 130, 180, 150), "boats", 95, (1, 1, 2))]
    rule = (199.0, 0.0, 201.0, 800.0)
    lines = _split_at_rules([_OcrLine(row, 100, 120, 20.0), _OcrLine(below, 130, 150, 20.0)], [rule])
    assert [[w.text for w in ln.words] for ln in lines] == [["harbour", "ferries"], ["boats"], ["council"]]


def test_a_word_read_over_a_column_rule_is_cut_at_the_rule() -> None:
    """ "Die]durch,": the last word of one column, the rule read as a bracket, the next column's first."""
    from broadsheet.ocr.content import _cut_word
    from broadsheet.ocr.tesseract import OcrWord

    word = OcrWord((150, 100, 250, 120), "Die]durch,", 40, (1, 1, 1))
    parts = _cut_word(word, [(179.0, 0.0, 181.0, 800.0)])
    assert [(p.text, p.box[2] <= 180 or p.box[0] >= 180) for p in parts] == [("Die", True), ("durch,", True)]
    assert _cut_word(word, [(151.0, 0.0, 152.0, 800.0)]) == [word]  # a rule at its very edge: kept whole


def test_a_speck_read_as_letters_far_out_at_a_lines_end_is_dropped() -> None:
    """A smudge after a centred heading ("Deutschland.   BR") pulled the heading off its centre."""
    from broadsheet.ocr.content import _OcrLine, _without_stray_marks
    from broadsheet.ocr.tesseract import OcrWord

    heading = OcrWord((300, 100, 520, 140), "Deutschland.", 80, (1, 1, 1))
    speck = OcrWord((760, 115, 790, 126), "BR", 20, (1, 1, 1))
    (line,) = _without_stray_marks([_OcrLine([heading, speck], 100, 140, 40.0)])
    assert [w.text for w in line.words] == ["Deutschland."]
    sure = OcrWord((760, 100, 790, 140), "BR", 90, (1, 1, 1))
    (kept,) = _without_stray_marks([_OcrLine([heading, sure], 100, 140, 40.0)])
    assert len(kept.words) == 2  # read with confidence: a word


def test_a_line_measured_big_inside_running_text_is_in_the_body_size() -> None:
    """Worn type makes a word look big, never closer to its neighbours: a line at the page's line
    pitch between two lines of its column is running text, whatever its words measured."""
    from broadsheet.ocr.content import _in_running_text, _OcrLine
    from broadsheet.ocr.tesseract import OcrWord

    def line(top: float, size: float, x0: float = 10, x1: float = 400) -> _OcrLine:
        return _OcrLine([OcrWord((x0, top, x1, top + 20), "text", 90, (1, 1, int(top)))], top, top + 20, size)

    column = [line(100 + 30 * k, 20.0) for k in range(6)]
    blot = line(280, 34.0)  # in the column's run of lines
    heading = line(400, 34.0, 120, 290)  # set apart, two pitches under the text and over the next
    after = [line(460 + 30 * k, 20.0) for k in range(3)]
    sized = _in_running_text([*column, blot, heading, *after], 20.0)
    assert sized[6].size is None  # the blot: the body's size
    assert sized[7].size == 34.0  # the heading keeps its size


def test_a_gutter_does_not_cut_a_headline_across_the_columns_it_stands_over() -> None:
    """A gap between two letters of a headline may fall right over its story's gutter: the gutter
    is cut there, and parts the body lines above and below only."""
    from broadsheet.ocr.content import _beside_display, _OcrLine
    from broadsheet.ocr.tesseract import OcrWord

    head = _OcrLine([OcrWord((10, 100, 400, 150), "Council Backs Bridge Plan", 95, (1, 1, 1))], 100, 150, 50.0)
    text = _OcrLine([OcrWord((10, 200, 190, 220), "harbour", 95, (1, 2, 1))], 200, 220, 20.0)
    gutter = (200.0, 40.0, 201.0, 900.0)
    assert _beside_display([gutter], [head, text], 20.0) == [(200.0, 40.0, 201.0, 100), (200.0, 150, 201.0, 900.0)]


def test_words_from_another_reader_keep_an_urdu_number_in_its_order() -> None:
    """Regression: a right-to-left word's characters were laid out right to left, digits too, and the
    line stage (which reads digits left to right, as printed) gave ۶۰۲ back as ۲۰۶."""
    from PIL import Image, ImageDraw

    from broadsheet.ocr.tesseract import OcrWord

    image = Image.new("L", (900, 200), 255)
    words = [  # a line's words in reading order, right to left, as a reader gives them
        OcrWord((500.0, 80.0, 600.0, 130.0), "میں", 95.0, (0, 0, 0)),
        OcrWord((400.0, 80.0, 480.0, 130.0), "۶۰۲", 95.0, (0, 0, 0)),
        OcrWord((260.0, 80.0, 380.0, 130.0), "فیصد", 95.0, (0, 0, 0)),
    ]
    ImageDraw.Draw(image).rectangle((5, 5, 9, 9), fill=0)  # a speck: the page is not blank
    content = scan_content(image, 1, "urd", read=lambda _: words)
    lines = find_lines(content.glyphs, content.vrules, OCR_FRAGMENT_GAP, ocr=content.ocr)
    assert [line.text for line in lines] == ["میں ۶۰۲ فیصد"]


def test_a_columns_first_line_measured_big_is_cut_at_its_gutter() -> None:
    """Regression (the Deseret News, 1850): a page's first line, its worn type measured big, was
    spared the gutter's cut as display type; its last word, read over the hairline gutter ("an"), and
    the next column's first line became one line, and the two columns one story."""
    from broadsheet.ocr.content import _cut_into_columns, _OcrLine
    from broadsheet.ocr.tesseract import OcrWord

    gutter = (200.0, 40.0, 201.0, 900.0)
    first = _OcrLine(
        [
            OcrWord((10, 100, 150, 120), "connection with", 90, (1, 1, 1)),
            OcrWord((185, 106, 208, 114), "an", 90, (1, 1, 1)),
        ],
        100,
        120,
        50.0,
    )
    under = [
        _OcrLine(
            [OcrWord((10, 130 + 30 * k, 198, 150 + 30 * k), "text", 90, (1, 2, k))], 130 + 30 * k, 150 + 30 * k, 20.0
        )
        for k in range(3)
    ]
    lines = _cut_into_columns([first, *under], [], [], [gutter], 20.0)
    assert lines[0].size is None  # running text, in the body size
    assert all(w.box[2] <= 200.5 or w.box[0] >= 200.5 for ln in lines for w in ln.words)


def test_a_word_reaching_a_little_over_a_gutter_ends_at_it() -> None:
    """Regression (the Deseret News, 1850): "the-", its box a hyphen's width over a hairline gutter,
    was joined to the next column's "pellation" as one word and one line."""
    from broadsheet.ocr.content import _cut_word
    from broadsheet.ocr.tesseract import OcrWord

    word = OcrWord((424, 103, 470, 131), "the-", 90, (1, 1, 1))
    (clipped,) = _cut_word(word, [(465.0, 46.0, 466.0, 1836.0)])
    assert clipped.text == "the-" and clipped.box == (424, 103, 465.0, 131)
    stroke = OcrWord((462, 103, 470, 131), "|", 40, (1, 1, 1))  # the rule's own stroke, read: left as it is
    assert _cut_word(stroke, [(465.0, 46.0, 466.0, 1836.0)]) == [stroke]
    across = OcrWord((424, 103, 579, 131), "the-pellation", 90, (1, 1, 1))  # well across: two words
    parts = _cut_word(across, [(465.0, 46.0, 466.0, 1836.0)])
    assert len(parts) == 2 and parts[0].box[2] <= 465.0 <= parts[1].box[0]


def test_a_right_to_left_lines_words_keep_their_reading_order_through_the_gutter_cut() -> None:
    """Regression (found merging the gutter cut with Urdu scans read by the CRNN): the cut sorted a
    line's words left to right and gave them back so, and an Urdu page's lines read backwards."""
    from broadsheet.ocr.content import _OcrLine, _split_at_rules
    from broadsheet.ocr.tesseract import OcrWord

    words = [  # reading order, right to left
        OcrWord((500.0, 80.0, 600.0, 130.0), "میں", 95.0, (0, 0, 0)),
        OcrWord((400.0, 80.0, 480.0, 130.0), "پہلے", 95.0, (0, 0, 1)),
        OcrWord((260.0, 80.0, 380.0, 130.0), "فیصد", 95.0, (0, 0, 2)),
    ]
    gutter = (390.0, 0.0, 391.0, 900.0)  # between the second and third words: two columns
    (whole,) = _split_at_rules([_OcrLine(words, 80, 130, 50.0)], [], [], 50.0)
    assert [w.text for w in whole.words] == ["میں", "پہلے", "فیصد"]
    left, right = _split_at_rules([_OcrLine(words, 80, 130, 50.0)], [], [gutter], 50.0)
    assert [w.text for w in right.words] == ["میں", "پہلے"] and [w.text for w in left.words] == ["فیصد"]
