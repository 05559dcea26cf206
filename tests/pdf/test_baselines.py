"""Glyph boxes set on their baselines where a font's boxes are only its glyphs' ink: a page printed by
Chromium, as a publisher that lays its paper out in HTML would make it."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from broadsheet.extract.lines import find_lines
from broadsheet.pdf.content import read_page_content
from broadsheet.pdf.document import open_pdf
from tests.browsers import browser  # noqa: F401 (the fixture)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

# Words of our own, set in a face whose boxes PDFium reads as each glyph's ink (Chromium's subset
# of Noto Naskh Arabic): "The council announced a new plan to rebuild the old bridge after a public
# consultation in the city." (Not "الشمالي": the ink of a final alef after a lam stands a word's gap
# from it, and the word is read as two; the boxes' widths are the glyphs' ink too.)
SENTENCES = ["أعلن المجلس البلدي خطة جديدة", "لإعادة بناء الجسر القديم بعد", "استشارة عامة في المدينة"]


def _printed(browser: Browser, html: str, out: Path) -> Path:  # noqa: F811
    tab = browser.new_page()
    tab.set_content(html)
    tab.pdf(path=str(out), width="400px", height="300px")
    tab.close()
    return out


@pytest.mark.parametrize("align", ["right", "justify"])
def test_a_naskh_lines_glyphs_stand_in_one_line_and_its_words_whole(
    browser: Browser,  # noqa: F811
    tmp_path: Path,
    align: str,
) -> None:
    """Regression: PDFium's loose boxes of Chromium's Noto Naskh Arabic are the glyphs' ink, a dot's
    height for "ى" and a tall letter's for "ا", each at its own height, so a line fell apart; and
    Chromium writes one word of a line in reading order and the next in position order, so the spaces
    of a line judged one way or the other as a whole fell inside words."""
    lines = "".join(f"<div>{s}</div>" for s in SENTENCES)
    style = f"font-family: 'Noto Naskh Arabic'; font-size: 16px; text-align: {align}; width: 260px"
    html = f'<html dir="rtl"><body style="margin: 20px"><div style="{style}">{lines}</div></body></html>'
    pdf = _printed(browser, html, tmp_path / "naskh.pdf")
    with open_pdf(pdf) as doc:
        content = read_page_content(doc[0], 1)
    glyphs = content.glyphs
    heights = (glyphs.box[:, 3] - glyphs.box[:, 1]) / glyphs.size
    assert heights.min() >= 1.0, "every glyph's box as tall as its type, not as its ink"
    found = sorted(find_lines(glyphs), key=lambda line: line.top)
    assert [line.text for line in found] == SENTENCES


def test_a_tall_faces_headline_lines_stand_apart_from_each_other_and_from_its_kicker(
    browser: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Regression (an Arabic daily printed by Chromium, its heads in Noto Kufi Arabic): that face's
    ascent and descent leave room for marks stacked over and under its letters, so every loose box
    is 1.8 font sizes tall; a two-line headline's lines reached into each other and over the kicker
    above it, and the page took its second line for another story's headline."""
    kicker = '<div style="font-size: 11px">أخبار المدينة</div>'
    head = '<div style="font-size: 30px; line-height: 1.08; width: 330px">' + " ".join(SENTENCES[:2]) + "</div>"
    html = f'<html dir="rtl"><body style="margin: 20px; font-family: \'Noto Kufi Arabic\'">{kicker}{head}</body></html>'
    pdf = _printed(browser, html, tmp_path / "kufi.pdf")
    with open_pdf(pdf) as doc:
        content = read_page_content(doc[0], 1)
    found = sorted(find_lines(content.glyphs), key=lambda line: line.top)
    assert [line.text for line in found[:1]] == ["أخبار المدينة"]
    assert " ".join(line.text for line in found[1:]) == " ".join(SENTENCES[:2])
    for upper, lower in itertools.pairwise(found):
        assert upper.bottom <= lower.top + 0.1 * lower.size, (upper.text, lower.text)
