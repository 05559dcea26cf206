"""Right-to-left lines: brackets that face the way their line reads."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from broadsheet.extract import extract_pages
from broadsheet.extract.line import Line, Word
from broadsheet.extract.lines import find_lines
from broadsheet.extract.model import ItemType
from broadsheet.extract.rtl import mirror_brackets
from broadsheet.pdf.content import read_page_content
from broadsheet.pdf.document import open_pdf
from broadsheet.pdf.fonts import FontStyle
from tests.browsers import browser  # noqa: F401 (the fixture)
from tests.pdf.test_cascade import SENTENCES

if TYPE_CHECKING:
    from playwright.sync_api import Browser

STYLE = FontStyle("Naskh-Regular", False, False, False)


def _line(text: str, top: float, rtl: bool = True) -> Line:
    """A line of ``text``'s words, in reading order (the first on the right when ``rtl``)."""
    words = [Word((100.0 - 10.0 * k, top, 108.0 - 10.0 * k, top + 9), w) for k, w in enumerate(text.split())]
    return Line((0.0, top, 110.0, top + 9), words, 9.0, STYLE, 0.0, 0.0, rtl)


def test_brackets_read_closing_first_are_turned_on_the_whole_page() -> None:
    """Regression (Arabic and Urdu printed by Chromium): a producer that names a glyph by its look gave
    "قال الوزير )في بيان(" and "»اليوم«"; the line with a lone bracket is turned with the page."""
    lines = [
        _line("قال الوزير )في بيان( إن ]الخطة[ جديدة", 0.0),
        _line("»اليوم« وغدا )مع", 12.0),
        _line("Report (2024)", 24.0, rtl=False),
    ]
    texts = [line.text for line in mirror_brackets(lines)]
    assert texts == ["قال الوزير (في بيان) إن [الخطة] جديدة", "«اليوم» وغدا (مع", "Report (2024)"]


def test_brackets_read_the_right_way_stay() -> None:
    """A producer that names the letter typed: its brackets already open first, and stay so, even
    where a line holds a pair written the wrong way round."""
    lines = [_line("قال الوزير (في بيان) إن «اليوم»", 0.0), _line("خطأ )مطبعي( هنا", 12.0)]
    texts = [line.text for line in mirror_brackets(lines)]
    assert texts == ["قال الوزير (في بيان) إن «اليوم»", "خطأ )مطبعي( هنا"]


def test_a_page_with_no_whole_pair_is_left_as_it_is() -> None:
    lines = [_line("قال الوزير )في", 0.0), _line("بيان( إن", 12.0)]
    assert [line.text for line in mirror_brackets(lines)] == ["قال الوزير )في", "بيان( إن"]


@pytest.mark.parametrize("font", ["Noto Nastaliq Urdu", "Noto Naskh Arabic"])
def test_chromiums_brackets_read_the_way_they_were_typed(browser: Browser, tmp_path: Path, font: str) -> None:  # noqa: F811
    """Regression (Urdu and Arabic printed by Chromium): "شہر کی )کونسل( نے" for "(کونسل)"."""
    typed = "شہر کی (کونسل) نے «نیا» منصوبہ"
    html = f'<html dir="rtl"><body style="margin: 20px; font: 16px \'{font}\'">{typed}</body></html>'
    tab = browser.new_page()
    tab.set_content(html)
    tab.pdf(path=str(tmp_path / "brackets.pdf"), width="400px", height="100px")
    tab.close()
    with open_pdf(tmp_path / "brackets.pdf") as doc:
        [line] = find_lines(read_page_content(doc[0], 1).glyphs)
    read = line.text.replace(" ", "")  # where Chromium's Naskh puts the space beside a bracket is a matter apart
    assert read == typed.replace(" ", "")


@pytest.mark.parametrize("head_px", [44, 53])
def test_a_nastaliq_deck_set_close_under_its_headline_is_its_deck(
    browser: Browser,  # noqa: F811
    tmp_path: Path,
    head_px: int,
) -> None:
    """Regression (an Urdu page printed by Chromium): a headline in Nastaliq hangs its descenders into
    the box of the deck set close under it, further than two boxes stacked may overlap; the deck was
    taken for a headline of its own, and the headline over it, with no text under it, for a label."""
    head, deck = "شہر کی کونسل نے نیا منصوبہ پیش کیا", "لوگوں نے اس فیصلے کا خیر مقدم کیا"
    body = " ".join([*SENTENCES, *SENTENCES] * 8)
    html = (
        '<html dir="rtl"><body style="margin: 20px; width: 760px; line-height: 1.22; font-family: '
        "'Noto Nastaliq Urdu'\">"
        f"<div style=\"font: bold {head_px}px/1.08 'Noto Nastaliq Urdu'; margin: 2px 0 6px\">{head}</div>"
        f'<div style="font-size: 17px; font-style: italic; margin: 0 0 6px">{deck}</div>'
        f'<div style="font-size: 12px; columns: 3; column-gap: 12px; text-align: justify">{body}</div>'
        "</body></html>"
    )
    tab = browser.new_page()
    tab.set_content(html)
    tab.pdf(path=str(tmp_path / "deck.pdf"), width="800px", height="800px")
    tab.close()
    [page] = extract_pages(tmp_path / "deck.pdf")
    [article] = [item for item in page.items if item.type is ItemType.ARTICLE]
    assert (article.headline, article.subheadline) == (head, deck)
