"""Stage 1, the page's content: what a font's name and weight say about its glyphs, and where its
graphics lie."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from broadsheet.pdf.content import is_bold_font, read_page_content
from broadsheet.pdf.document import open_pdf
from tests.pdfs import make_pdf


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


def test_a_picture_and_a_rule_placed_in_a_form_xobject_are_found_where_the_form_puts_them(tmp_path: Path) -> None:
    """Regression (a community magazine, page labelled blind): a logo drawn in a form XObject, placed
    scaled down in the page's middle, was found at the page's corner: PDFium gives an object inside a
    form its bounds in the form's own space."""
    from broadsheet.synthetic.render import picture

    def draw(canvas: Canvas) -> None:
        canvas.beginForm("logo", lowerx=0, lowery=0, upperx=100, uppery=100)
        canvas.drawImage(picture(1), 0, 0, 100, 80)
        canvas.line(0, 90, 100, 90)
        canvas.endForm()
        canvas.saveState()
        canvas.translate(300, 200)  # from the page's foot
        canvas.scale(0.5, 0.5)
        canvas.doForm("logo")
        canvas.restoreState()

    pdf = make_pdf(tmp_path / "form.pdf", draw)
    with open_pdf(pdf) as doc:
        content = read_page_content(doc[0], 1)
    height = content.height
    ((x0, y0, x1, y1),) = content.images
    assert (round(x0), round(y0), round(x1), round(y1)) == (300, round(height - 240), 350, round(height - 200))
    assert any(abs(r[0] - 300) < 1 and abs(r[2] - 350) < 1 and abs(r[1] - (height - 245)) < 1 for r in content.hrules)
