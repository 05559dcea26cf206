"""Stage 1, the page's content: what a font's name and weight say about its glyphs."""

from __future__ import annotations

import pytest

from broadsheet.pdf.content import is_bold_font


@pytest.mark.parametrize(
    ("name", "weight", "bold"),
    [
        ("PublicoTextRs-Roman", 708, False),  # a daily's body face, weighed bold by its stems
        ("SourceSansPro-Regular", 595, False),
        ("PoynterGothicTextCond-Bold", 390, True),  # a bold face weighed light
        ("PublicoBannerRs-Ultra", 625, True),
        ("Calibri", 700, True),  # a name that says nothing: the weight decides
        ("Calibri", 400, False),
        ("MinionPro-BoldCn", 700, True),
    ],
)
def test_the_weight_word_in_a_fonts_name_wins_over_its_reported_weight(name: str, weight: int, bold: bool) -> None:
    """Regression (a national daily's editorial page): PDFium reported its body face, named Roman,
    at weight 708, so every body line was bold and the page's bold crossheads split its stories."""
    assert is_bold_font(name, weight) is bold
