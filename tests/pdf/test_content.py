"""Stage 1, the page's content: what a font's name and weight say about its glyphs, and where its
graphics lie."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from reportlab.pdfgen.canvas import Canvas

from broadsheet.pdf.content import read_page_content
from broadsheet.pdf.document import open_pdf
from broadsheet.pdf.fonts import is_bold_font
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
        ("NotoSerif-Italic", 1140, False),  # Chromium's italic deck, weighed off the scale
        ("Arial-ItalicMT", 700, False),
        ("DejaVuSerif-BoldItalic", 748, True),
    ],
)
def test_the_weight_word_in_a_fonts_name_wins_over_its_reported_weight(name: str, weight: int, bold: bool) -> None:
    """Regression (a national daily's editorial page): PDFium reported its body face, named Roman,
    at weight 708, so every body line was bold and the page's bold crossheads split its stories."""
    assert is_bold_font(name, weight) is bold


def test_a_picture_and_a_rule_placed_in_a_form_xobject_are_found_where_the_form_puts_them(tmp_path: Path) -> None:
    """Regression (a community magazine, page labelled blind): a logo drawn in a form XObject, placed
    scaled down in the page's middle, was found at the page's corner: PDFium gives an object inside a
    form its bounds (and a text object its matrix, so its size) in the form's own space."""
    from broadsheet.synthetic.render import picture

    def draw(canvas: Canvas) -> None:
        canvas.beginForm("logo", lowerx=0, lowery=0, upperx=100, uppery=100)
        canvas.drawImage(picture(1), 0, 0, 100, 80)
        canvas.line(0, 90, 100, 90)
        canvas.setFont("Helvetica", 20)
        canvas.drawString(0, 94, "Logo")
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
    assert "".join(content.glyphs.text) == "Logo"
    assert np.allclose(content.glyphs.size, 10.0)  # 20 pt in a form drawn at half its size


def test_a_line_stroked_two_points_wide_is_a_rule(tmp_path: Path) -> None:
    """Regression (Echorouk 7977 p14): PDFium's box of a line stroked 2 pt wide is 4 pt tall, over the
    3 pt a rule could be, so the rule closing a band of the page was neither rule nor frame."""

    def draw(canvas: Canvas) -> None:
        canvas.setLineWidth(2)
        canvas.line(100, 400, 500, 400)
        canvas.line(300, 100, 300, 300)

    with open_pdf(make_pdf(tmp_path / "thick.pdf", draw)) as doc:
        content = read_page_content(doc[0], 1)
    assert [round(r[2] - r[0]) for r in content.hrules] == [pytest.approx(400, abs=4)]
    assert [round(r[3] - r[1]) for r in content.vrules] == [pytest.approx(200, abs=4)]
    assert content.frames == []


def test_text_filled_and_stroked_in_a_regular_face_is_bold(tmp_path: Path) -> None:
    """A word processor makes bold for a face without a bold of its own by stroking each glyph's
    outline as well as filling it (render mode 2): Helvetica drawn so is bold; filled only, it is not;
    an invisible layer (mode 3) stays invisible and regular."""

    def draw(canvas: Canvas) -> None:
        canvas.setLineWidth(0.4)
        for k, mode in enumerate((0, 2, 3)):  # the mode lasts past its text object: regular first
            text = canvas.beginText(72, 700 - 30 * k)
            text.setFont("Helvetica", 12)
            text.setTextRenderMode(mode)
            text.textOut(f"Line{mode}")
            canvas.drawText(text)

    with open_pdf(make_pdf(tmp_path / "faux.pdf", draw)) as doc:
        content = read_page_content(doc[0], 1)
    glyphs = content.glyphs
    style = {glyphs.text[k + 4]: glyphs.fonts[glyphs.font[k]] for k in range(0, len(glyphs.text), 5)}
    assert [(style[m].name, style[m].bold, style[m].invisible) for m in "203"] == [
        ("Helvetica", True, False),
        ("Helvetica", False, False),
        ("Helvetica", False, True),
    ]


# Words filled in blue, black and a rich black (RGB, 0 to 1).
INKED = (((0.1, 0.25, 0.6), "Blue"), ((0.0, 0.0, 0.0), "Black"), ((0.12, 0.11, 0.12), "Rich"))


def test_each_glyphs_style_has_the_ink_its_text_is_filled_with(tmp_path: Path) -> None:
    """A kicker printed in the paper's colour over a headline in black, in one face: their styles
    differ by their ink; rich black and plain black are one ink."""

    def lines(canvas: Canvas) -> None:
        for k, (rgb, word) in enumerate(INKED):
            canvas.setFillColorRGB(*rgb)
            canvas.setFont("Helvetica-Bold", 12)
            canvas.drawString(72, 700 - 30 * k, word)

    with open_pdf(make_pdf(tmp_path / "inks.pdf", lines)) as doc:
        content = read_page_content(doc[0], 1)
    glyphs = content.glyphs
    text = "".join(glyphs.text)
    style = {word: glyphs.fonts[glyphs.font[text.index(word)]] for _, word in INKED}
    assert style["Blue"].ink == (26, 64, 153)
    assert style["Blue"].another_ink(style["Black"])
    assert not style["Rich"].another_ink(style["Black"])


def test_a_page_whose_text_is_all_filled_and_stroked_is_not_all_bold(tmp_path: Path) -> None:
    """Some producers stroke every glyph (to print it darker): when most of the page's text is drawn
    so, the stroke is how the page is printed, not emphasis, and its regular face stays regular."""

    def draw(canvas: Canvas) -> None:
        canvas.setLineWidth(0.2)
        text = canvas.beginText(72, 700)
        text.setFont("Helvetica", 10)
        text.setTextRenderMode(2)
        for k in range(20):
            text.textLine(f"Line {k} of a column of running text")
        canvas.drawText(text)

    with open_pdf(make_pdf(tmp_path / "stroked.pdf", draw)) as doc:
        content = read_page_content(doc[0], 1)
    assert [(f.name, f.bold) for f in content.glyphs.fonts] == [("Helvetica", False)]


def _turned(upright: Path, rotation: int, out: Path) -> Path:
    """The upright page drawn turned back by ``rotation`` degrees on a page whose /Rotate turns it upright
    again, as a PDF made from a landscape layout (or a scan's PDF) stores it; the upright page's content
    is placed as a form XObject."""
    width, height = 612, 792
    back = {90: (0, 1, -1, 0, height, 0), 180: (-1, 0, 0, -1, width, height), 270: (0, -1, 1, 0, 0, width)}
    source, doc = pdfium.PdfDocument(upright), pdfium.PdfDocument.new()
    page = doc.new_page(*((height, width) if rotation in (90, 270) else (width, height)))
    placed = source.page_as_xobject(0, doc).as_pageobject()
    placed.transform(pdfium.PdfMatrix(*back[rotation]))
    page.insert_obj(placed)
    page.gen_content()
    page.set_rotation(rotation)
    doc.save(out)
    return out


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_page_stored_turned_and_set_upright_by_its_rotate_reads_as_the_upright_page(
    tmp_path: Path, rotation: int
) -> None:
    """A page whose /Rotate turns it upright is read as displayed (as its rendered image and the
    scorer's words are): the same glyphs, boxes and sizes as the upright page, none set sideways; its
    text lies in a form XObject, whose matrix the glyphs' sizes take in too."""

    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica-Bold", 24)
        canvas.drawString(40, 700, "Bridge Plan Goes to the Board")
        canvas.setFont("Times-Roman", 9)
        canvas.drawString(40, 660, "The council said on Tuesday that new plans would go before the board.")
        canvas.rect(40, 400, 200, 150, fill=1)

    upright = make_pdf(tmp_path / "upright.pdf", draw)
    with open_pdf(upright) as doc:
        expected = read_page_content(doc[0], 1)
    with open_pdf(_turned(upright, rotation, tmp_path / "turned.pdf")) as doc:
        turned = read_page_content(doc[0], 1)
    assert (turned.width, turned.height) == (expected.width, expected.height)
    assert turned.glyphs.text == expected.glyphs.text
    assert np.allclose(turned.glyphs.box, expected.glyphs.box, atol=0.05)
    assert np.allclose(turned.glyphs.size, expected.glyphs.size, atol=0.05)
    assert turned.glyphs.sideways is None
    assert np.allclose(turned.frames, expected.frames, atol=0.05)


@pytest.mark.parametrize("scale", [1e30, 1e-30, 0.0])
def test_a_form_placed_at_an_absurd_scale_leaves_the_pages_own_text_as_it_is(tmp_path: Path, scale: float) -> None:
    """Bad input: a form's matrix taken into its objects' bounds and its text's size cannot make either
    infinite or break the rest of the page."""

    def draw(canvas: Canvas) -> None:
        canvas.beginForm("logo", lowerx=0, lowery=0, upperx=100, uppery=100)
        canvas.rect(0, 0, 100, 80)
        canvas.setFont("Helvetica", 20)
        canvas.drawString(0, 90, "Logo")
        canvas.endForm()
        canvas.saveState()
        canvas.transform(scale, 0, 0, scale, 0, 0)
        canvas.doForm("logo")
        canvas.restoreState()
        canvas.setFont("Helvetica", 10)
        canvas.drawString(40, 700, "Plain text")

    with open_pdf(make_pdf(tmp_path / "absurd.pdf", draw)) as doc:
        content = read_page_content(doc[0], 1)
    assert "".join(content.glyphs.text).endswith("Plaintext")
    assert np.isfinite(content.glyphs.size).all() and np.isfinite(content.glyphs.box).all()
    assert all(np.isfinite(box).all() for box in content.frames + content.hrules + content.vrules)


def _cropped_copy(canvas: Canvas) -> None:
    """An advert's copy in a frame that crops it: one line inside, one across its edge, one below."""
    canvas.saveState()
    frame = canvas.beginPath()
    frame.rect(0, 0, 100, 50)
    canvas.clipPath(frame, stroke=0, fill=0)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(5, 30, "Inside")
    canvas.drawString(60, 10, "Edge")  # its centre near x 70: shown
    canvas.drawString(5, -30, "Hidden")
    canvas.restoreState()


def test_text_a_clip_crops_away_is_not_read(tmp_path: Path) -> None:
    """Regression (Civil Chronicles p9): text a clipping path hides — a caption's earlier version left
    behind its frame — was read into a story's body beside the caption as shown."""

    def draw(canvas: Canvas) -> None:
        canvas.drawString(40, 700, "Story")
        canvas.saveState()
        canvas.translate(300, 400)
        _cropped_copy(canvas)
        canvas.restoreState()

    with open_pdf(make_pdf(tmp_path / "clip.pdf", draw)) as doc:
        text = "".join(read_page_content(doc[0], 1).glyphs.text)
    assert "Story" in text and "Inside" in text and "Edge" in text
    assert "Hidden" not in text


def test_a_clip_inside_a_form_crops_its_text_where_the_form_places_it(tmp_path: Path) -> None:
    """A placed advert (a form XObject) crops its own copy in the form's space, scaled and moved by
    the form's matrix onto the page."""

    def draw(canvas: Canvas) -> None:
        canvas.beginForm("advert", lowerx=-20, lowery=-60, upperx=120, uppery=60)
        _cropped_copy(canvas)
        canvas.endForm()
        canvas.saveState()
        canvas.translate(300, 200)
        canvas.scale(0.5, 0.5)
        canvas.doForm("advert")
        canvas.restoreState()

    with open_pdf(make_pdf(tmp_path / "form-clip.pdf", draw)) as doc:
        content = read_page_content(doc[0], 1)
    assert "".join(content.glyphs.text) == "InsideEdge"


def test_a_clip_of_too_many_segments_is_not_followed(tmp_path: Path) -> None:
    """Bad input: a clip path of thousands of segments would be read point by point for every text
    object under it; past MAX_CLIP_SEGMENTS it is taken as no clip, and the text under it is read."""
    from broadsheet.pdf.clips import MAX_CLIP_SEGMENTS

    def draw(canvas: Canvas) -> None:
        canvas.saveState()
        outline = canvas.beginPath()
        outline.moveTo(0, 0)
        for k in range(MAX_CLIP_SEGMENTS + 10):
            outline.lineTo(k % 2, 10 * k)  # a zigzag up the page's left edge: nothing to its right shows
        outline.close()
        canvas.clipPath(outline, stroke=0, fill=0)
        canvas.drawString(300, 400, "Shown")
        canvas.restoreState()

    with open_pdf(make_pdf(tmp_path / "many.pdf", draw)) as doc:
        assert "".join(read_page_content(doc[0], 1).glyphs.text) == "Shown"
