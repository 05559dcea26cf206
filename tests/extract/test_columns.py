"""Lines run across a gutter are cut apart there: headlines side by side over neighbouring stories,
body lines the PDF wrote one after the other across a narrow gutter."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from broadsheet.extract import extract_pages
from broadsheet.extract.blocks import measure_type_scale
from broadsheet.extract.columns import split_at_gutters
from broadsheet.extract.lines import find_lines
from broadsheet.extract.model import ItemType
from broadsheet.pdf.content import read_page_content
from broadsheet.pdf.document import open_pdf
from tests.pdfs import column, combine, make_pdf, text_at


def _headlines(path: Path) -> list[str]:
    (page,) = extract_pages(path)
    return sorted(i.headline or "" for i in page.items if i.type is ItemType.ARTICLE)


def test_two_headlines_on_one_baseline_over_two_stories(tmp_path: Path) -> None:
    # The first headline (198 pt wide) ends 4 pt short of its column's edge; with the 10 pt gutter
    # the gap between the headlines (14 pt) is within what the line stage allows inside 20 pt type.
    left = [column(20, 100, 190, 30, seed=1)]
    right = [column(220, 100, 170, 30, seed=2), column(400, 100, 170, 30, seed=3)]
    page = combine(
        text_at(8, 70, "Council Rejects Plan", "Helvetica-Bold", 20),
        text_at(220, 70, "Harbour Authority Approves the Market", "Helvetica-Bold", 20),
        *left,
        *right,
    )
    headlines = _headlines(make_pdf(tmp_path / "p.pdf", page))
    assert headlines == ["Council Rejects Plan", "Harbour Authority Approves the Market"]


def test_a_headline_across_three_columns_stays_whole(tmp_path: Path) -> None:
    page = combine(
        text_at(40, 70, "Council Rejects the Plan for a New Bridge Over the River", "Helvetica-Bold", 20),
        *(column(x, 100, 170, 30, seed=k) for k, x in enumerate((40, 220, 400))),
    )
    assert _headlines(make_pdf(tmp_path / "p.pdf", page)) == [
        "Council Rejects the Plan for a New Bridge Over the River"
    ]


def test_body_lines_written_one_after_the_other_across_a_narrow_gutter_are_cut(tmp_path: Path) -> None:
    """Regression (Civil Chronicles, a Word newsletter, labelled blind): two columns 9 pt apart (0.9
    body sizes, a justified line's word space), and a row whose left and right lines the PDF wrote one
    after the other, were read as one line across the gutter — the right column's paragraph then
    joined the left column's story. The lines around show the gutter."""

    def row_written_across(canvas: Canvas) -> None:  # one text object, left line then right line
        text = canvas.beginText()
        text.setFont("Times-Roman", 10)
        text.setTextOrigin(40, 792 - 100 - 10 - 12 * 12)
        text.textOut("the council said on tuesday that new")
        text.setTextOrigin(229, 792 - 100 - 10 - 12 * 12)
        text.textOut("plans for the bridge would go")
        canvas.drawText(text)

    page = combine(
        column(40, 100, 180, 12, size=10, seed=1),
        column(229, 100, 180, 12, size=10, seed=5),
        row_written_across,
        column(40, 100 + 13 * 12, 180, 10, size=10, seed=9),
        column(229, 100 + 13 * 12, 180, 10, size=10, seed=13),
    )
    with open_pdf(make_pdf(tmp_path / "p.pdf", page)) as doc:
        content = read_page_content(doc[0], 1)
    lines = find_lines(content.glyphs)
    assert any(line.x0 < 100 and line.x1 > 300 for line in lines)  # the line stage joins the row
    cut = split_at_gutters(lines, measure_type_scale(lines))
    assert not any(line.x0 < 220 < line.x1 for line in cut)
    texts = {line.text for line in cut}
    assert {"the council said on tuesday that new", "plans for the bridge would go"} <= texts
