from __future__ import annotations

from broadsheet.extract.line import Line, Word
from broadsheet.extract.text import PageWords, join_lines, normalise, page_words, paragraphs, without_bullet
from broadsheet.pdf.fonts import FontStyle


def test_normalise_folds_ligatures_soft_hyphens_and_odd_spaces() -> None:
    assert normalise("e\ufb03cient\u00a0of\u2009\ufb01ve co\u00adop") == "efficient of five coop"


def test_line_end_hyphens_are_rejoined_but_compounds_kept() -> None:
    assert join_lines(["the inter-", "national desk"]) == "the international desk"
    assert join_lines(["his daughter-in-", "law said"]) == "his daughter-in-law said"
    assert join_lines(["a well-", "known face"], PageWords(compounds={"well-known"})) == "a well-known face"
    assert join_lines(["North-", "East"]) == "North-East"
    assert join_lines(["pages 3-", "4"]) == "pages 3-4"
    assert join_lines(["a pause -", "then"]) == "a pause - then"


def test_a_word_broken_inside_a_compound_is_rejoined_where_its_pieces_are_no_words_of_the_page() -> None:
    words = PageWords(words={"the", "gap", "year", "old", "in", "law", "a"})
    assert join_lines(["the ever-nar-", "rowing gap"], words) == "the ever-narrowing gap"
    assert join_lines(["a five-year-", "old boy"], words) == "a five-year-old boy"
    assert join_lines(["his son-in-", "law"], words) == "his son-in-law"
    assert join_lines(["the ever-nar-", "rowing gap"], PageWords(words={"narrowing"})) == "the ever-narrowing gap"


def test_page_words_leave_out_a_lines_first_and_last_words_which_may_be_pieces() -> None:
    lines = [_worded_line(0, "an ever-nar-"), _worded_line(11, "rowing gap in the well-known house")]
    vocabulary = page_words(lines)
    assert vocabulary.compounds == {"well-known"}
    assert vocabulary.words == {"gap", "in", "the"}


def test_page_words_take_a_compound_that_ends_or_opens_a_line() -> None:
    # regression (seed 3016 p2): "The long-serving" and "a well-known" ended lines, so the page's
    # "long-" + "serving" at a line end lost its hyphen
    lines = [_worded_line(0, "said The long-serving"), _worded_line(11, "well-known ones")]
    assert page_words(lines).compounds == {"long-serving", "well-known"}


def _line(x0: float, top: float, x1: float, text: str, rtl: bool = False) -> Line:
    """A line of ``text`` from x0 to x1, its words sharing the width in reading order (from the
    right in a right-to-left line)."""
    texts = text.split()
    step = (x1 - x0) / len(texts)
    spans = [(x0 + k * step, x0 + (k + 1) * step - 2) for k in range(len(texts))]
    if rtl:
        spans.reverse()
    return Line(
        (x0, top, x1, top + 9),
        [Word((a, top, b, top + 9), w) for (a, b), w in zip(spans, texts, strict=True)],
        9.0,
        FontStyle("Times", False, False, False),
        0.0,
        0.0,
        rtl,
    )


def _worded_line(top: float, text: str) -> Line:
    """A line of one word for each of the text's words, ten points apart."""
    words = [Word((10 * k, top, 10 * k + 8, top + 9), w) for k, w in enumerate(text.split())]
    return Line(
        (0, top, 10 * len(words), top + 9), words, 9.0, FontStyle("Times", False, False, False), 0.0, 0.0, False
    )


def test_paragraphs_split_at_indents_but_not_where_text_wraps_round_a_photo() -> None:
    lines = [
        _line(20, 0, 200, "the council met on tuesday and the"),
        _line(20, 11, 200, "mayor spoke of the bridge. A well-"),
        _line(120, 22, 200, "known architect"),  # beside a photo from x 20 to 115
        _line(120, 33, 200, "defended the plan"),
        _line(20, 44, 200, "at a crowded meeting on Tuesday."),
        _line(30, 55, 200, "A new paragraph starts with an indent"),
        _line(20, 66, 200, "and runs on to the end of the column."),
    ]
    assert [len(p) for p in paragraphs(lines, body_size=9.0, pitch=11.0)] == [5, 2]


def test_a_paragraph_indented_beside_a_photo_set_into_the_column_starts_there() -> None:
    """Regression (fresh generated Portuguese daily page, seed 3812 page 2): a paragraph opening with
    an indent in the lines set beside a picture in the column: measured from the column's margin, the
    indent was too deep for one (a line starting beside the picture), and the paragraphs ran on."""
    lines = [
        _line(20, 0, 200, "the council met on tuesday and the"),
        _line(20, 11, 200, "mayor spoke of the bridge and the"),
        _line(20, 22, 200, "harbour at a crowded meeting on"),
        _line(120, 33, 200, "tuesday night at"),  # beside a photo from x 20 to 115
        _line(120, 44, 200, "the town hall."),
        _line(128, 55, 200, "A new paragraph"),
        _line(120, 66, 200, "starts with an indent"),
        _line(20, 77, 200, "and runs on to the end of the column"),
        _line(20, 88, 200, "where the story goes on to its end"),
        _line(20, 99, 200, "in the next column over on the page"),
    ]
    assert [len(p) for p in paragraphs(lines, body_size=9.0, pitch=11.0)] == [5, 5]


def test_a_right_to_left_paragraphs_short_last_line_ends_it_and_its_indent_opens_the_next() -> None:
    """Regression (generated Arabic page, seed 2631 page 1): a right-to-left paragraph's last line,
    flush right and short on the left, was read as the indented first line of a new paragraph (its
    left edge far in from the column's), so every paragraph broke before its last line."""
    lines = [  # a narrow column, x 20 to 100
        _line(20, 0, 100, "سطر أول من الفقرة", rtl=True),
        _line(20, 11, 100, "سطر ثان من الفقرة", rtl=True),
        _line(50, 22, 100, "نهاية الفقرة.", rtl=True),
        _line(20, 33, 90, "فقرة جديدة تبدأ", rtl=True),  # indented from the right
        _line(20, 44, 100, "وتنتهي بعد سطرين", rtl=True),
        _line(60, 55, 100, "ثم تنتهي.", rtl=True),
    ]
    assert [len(p) for p in paragraphs(lines, body_size=9.0, pitch=11.0)] == [3, 3]


def test_an_indent_in_text_set_ragged_opens_a_paragraph_after_a_full_line() -> None:
    """Regression (fresh generated Italian plain page, seed 3321 page 1): in a narrow column set
    ragged right, a paragraph ending on a full line, the next indented and ending well short of the
    widest line (hyphenated where its words ran out): an indented line was asked to end within a
    tenth of the column's width of its far edge, and the two paragraphs ran together."""
    lines = [  # a narrow column, x 29 to 129
        _line(29, 0, 127, "commissione indipendente ha"),
        _line(29, 10, 124, "rinviato il recupero della sta-"),
        _line(29, 20, 125, "zione dopo mesi di trattative."),
        _line(42, 30, 116, "La nuova autorità por-"),  # indented, ending 13 short
        _line(29, 40, 129, "tuale ha presentato il recupero"),
    ]
    assert [len(p) for p in paragraphs(lines, body_size=8.2, pitch=9.8)] == [3, 2]


def test_each_item_of_a_bulleted_list_is_a_paragraph_without_its_bullet() -> None:
    """Regression (Cooleman Ridge's newsletter): a list's items, each opening with "•", ran on in
    one paragraph with the bullets in the text ("summer months • 8 to 10.30 am • GAC/Darrell")."""
    lines = [
        _line(20, 0, 200, "Note our early morning starts for the summer"),
        _line(20, 11, 120, "months"),
        _line(20, 22, 140, "• 8 to 10.30 am"),
        _line(20, 33, 200, "• weed removal and plant ID near the"),
        _line(28, 44, 120, "creek"),
        _line(20, 55, 170, "• bring hat and gloves"),
    ]
    parts = paragraphs(lines, body_size=9.0, pitch=11.0)
    texts = [without_bullet(join_lines(line.text for line in part)) for part in parts]
    assert texts == [
        "Note our early morning starts for the summer months",
        "8 to 10.30 am",
        "weed removal and plant ID near the creek",
        "bring hat and gloves",
    ]
    assert without_bullet("1) the first point") == "1) the first point"


def test_a_short_last_line_ends_a_paragraph_in_a_script_without_capitals() -> None:
    """Regression (generated Arabic page, seed 2731 page 1): a paragraph ended by a short line and
    a stop, the next set flush with no indent, ran on — the next line had to open with a capital,
    and Arabic has none. Arabic's question mark ends a sentence too."""
    lines = [
        _line(20, 0, 100, "سطر أول من الفقرة", rtl=True),
        _line(60, 11, 100, "نهاية الفقرة.", rtl=True),
        _line(20, 22, 100, "فقرة جديدة بلا مسافة", rtl=True),
        _line(50, 33, 100, "تنتهي بسؤال\u061f", rtl=True),
        _line(20, 44, 100, "ثم فقرة ثالثة", rtl=True),
    ]
    assert [len(p) for p in paragraphs(lines, body_size=9.0, pitch=11.0)] == [2, 2, 1]


def test_a_line_beside_a_picture_ending_a_sentence_ends_no_paragraph() -> None:
    """A line squeezed beside a picture set into the column is short against the column, but not
    against the lines either side of it: its stop is a sentence's, not its paragraph's."""
    lines = [
        _line(20, 0, 100, "سطر كامل فوق الصورة", rtl=True),
        _line(60, 11, 100, "بجانب الصورة", rtl=True),  # a picture from x 20 to 55
        _line(60, 22, 100, "المعارضة الشديدة.", rtl=True),
        _line(60, 33, 100, "وفي الأسبوع الماضي", rtl=True),
        _line(20, 44, 100, "سطر كامل تحت الصورة", rtl=True),
    ]
    assert [len(p) for p in paragraphs(lines, body_size=9.0, pitch=11.0)] == [5]
