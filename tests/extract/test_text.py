from __future__ import annotations

from broadsheet.extract.jumps import find_jump
from broadsheet.extract.line import Line, Word
from broadsheet.extract.text import join_lines, normalise, paragraphs, without_bullet
from broadsheet.pdf.content import FontStyle


def test_normalise_folds_ligatures_soft_hyphens_and_odd_spaces() -> None:
    assert normalise("e\ufb03cient\u00a0of\u2009\ufb01ve co\u00adop") == "efficient of five coop"


def test_line_end_hyphens_are_rejoined_but_compounds_kept() -> None:
    assert join_lines(["the inter-", "national desk"]) == "the international desk"
    assert join_lines(["his daughter-in-", "law said"]) == "his daughter-in-law said"
    assert join_lines(["a well-", "known face"], vocabulary={"well-known"}) == "a well-known face"
    assert join_lines(["North-", "East"]) == "North-East"
    assert join_lines(["pages 3-", "4"]) == "pages 3-4"
    assert join_lines(["a pause -", "then"]) == "a pause - then"


def test_jump_patterns_in_several_languages() -> None:
    cases = {
        "Continued on page 7": ("to", 7),
        "continúa en la página 3": ("to", 3),
        "suite page 5": ("to", 5),
        "a pagina 24": ("to", 24),
        "Continued from page 1": ("from", 1),
        "Segue a pagina 7": ("to", 7),
        "Fortsetzung auf Seite 4": ("to", 4),
    }
    for text, (direction, page) in cases.items():
        jump = find_jump(text)
        assert jump is not None, text
        assert (jump.direction, jump.page) == (direction, page), text
    assert find_jump("The minister said on page 3 of the report that the budget would grow next year") is None


def _line(x0: float, top: float, x1: float, text: str) -> Line:
    return Line(
        (x0, top, x1, top + 9),
        [Word((x0, top, x1, top + 9), text)],
        9.0,
        FontStyle("Times", False, False, False),
        0.0,
        0.0,
        False,
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
