"""A page is read in the frame of its printed part: its CropBox, or a press PDF's TrimBox inside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.pdf.content import read_page_content
from broadsheet.pdf.document import load_page, open_pdf
from broadsheet.pdf.frame import PageFrame, trimmed_box
from tests.pdfs import SLUG, make_pdf, printers_copy, text_at


def test_a_press_pdfs_marks_and_slug_are_not_read(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "page.pdf", text_at(72, 72, "Hello"), size=(600, 800))
    with open_pdf(printers_copy(pdf, tmp_path / "press.pdf", margin=30)) as doc:
        content = read_page_content(load_page(doc, 1), 1)
    assert (content.width, content.height) == (600, 800)  # the page as cut
    assert content.margins == pytest.approx((30, 30, 30, 30))  # ...inside the CropBox, marks and all
    assert "".join(content.glyphs.text) == "Hello"  # not the slug line below the cut
    assert content.glyphs.box[0][0] == pytest.approx(72, abs=1)
    assert len(content.margin_text) == len(SLUG.replace(" ", ""))  # which is kept aside
    assert all(box[1] > 800 for box in content.margin_text)
    assert not content.hrules and not content.vrules and not content.shapes  # nor the marks and the colour bar


def test_a_page_without_a_trim_box_is_read_whole(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "page.pdf", text_at(72, 72, "Hello"), size=(600, 800))
    with open_pdf(pdf) as doc:
        content = read_page_content(load_page(doc, 1), 1)
    assert (content.width, content.height, content.margins) == (600, 800, (0, 0, 0, 0))


CROP = (0.0, 0.0, 600.0, 800.0)


@pytest.mark.parametrize(
    ("trim", "printed"),
    [
        (None, None),  # no TrimBox: the CropBox is printed
        (CROP, None),  # the same box
        ((0.5, 0, 600, 799.5), None),  # within the slack of it
        ((30, 30, 570, 770), (30, 30, 570, 770)),  # marks all round
        ((-0.5, 30, 570, 800.5), (0, 30, 570, 800)),  # cut on two sides, a rounding's overlap on the others
        ((30, 30, 650, 770), None),  # sticks out of the CropBox
        ((100, 100, 300, 400), None),  # too small to be the cut page
        ((570, 30, 30, 770), None),  # left of its right
    ],
)
def test_the_trim_box_is_the_printed_part_only_when_it_can_be_the_cut_page(
    trim: tuple[float, float, float, float] | None, printed: tuple[float, float, float, float] | None
) -> None:
    assert trimmed_box(CROP, trim) == printed


def test_the_margins_round_the_printed_part_are_those_of_the_page_turned_as_shown() -> None:
    upright = PageFrame(CROP, 0, (30, 20, 570, 760))
    assert (upright.width, upright.height, upright.margins) == (540, 740, (30, 40, 30, 20))  # y from the top
    turned = PageFrame(CROP, 90, (30, 20, 570, 760))  # a quarter turn clockwise: the bottom goes left
    assert (turned.width, turned.height, turned.margins) == (740, 540, (20, 30, 40, 30))
    whole = PageFrame((10, 10, 610, 810), 0)
    assert (whole.width, whole.height, whole.margins) == (600, 800, (0, 0, 0, 0))
