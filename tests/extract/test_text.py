from __future__ import annotations

from broadsheet.extract.jumps import find_jump
from broadsheet.extract.text import join_lines, normalise


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
