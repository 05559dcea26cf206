"""Words set in a cascade (Nastaliq), read in the order they were drawn: the reading alone, on glyphs
made up here, and a page printed by Chromium, as a publisher that lays its paper out in HTML makes it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest

from broadsheet.extract.lines import find_lines
from broadsheet.pdf.cascade import Clues, _narrow, _reading_order, cascade_letters, read_cascades
from broadsheet.pdf.content import read_page_content
from broadsheet.pdf.document import open_pdf
from tests.browsers import browser  # noqa: F401 (the fixture)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

# Words of our own: "The city council presented a new plan", "The old bridge will be repaired next
# year", "People welcomed this decision".
SENTENCES = [
    "شہر کی کونسل نے نیا منصوبہ پیش کیا",
    "پرانے پل کی مرمت اگلے سال ہوگی",
    "لوگوں نے اس فیصلے کا خیر مقدم کیا",
]


def _printed(browser: Browser, html: str, out: Path, width: int, height: int) -> Path:  # noqa: F811
    tab = browser.new_page()
    tab.set_content(html)
    tab.pdf(path=str(out), width=f"{width}px", height=f"{height}px")
    tab.close()
    return out


# at 12.5 px Chromium draws each word space in one string with the letter after it, at 16 and 34 apart
@pytest.mark.parametrize(("align", "size"), [("right", 12.5), ("right", 16), ("justify", 16), ("right", 34)])
def test_a_nastaliq_pages_lines_read_whole_and_in_order(
    browser: Browser,  # noqa: F811
    tmp_path: Path,
    align: str,
    size: float,
) -> None:
    """Regression (an Urdu daily printed by Chromium in Noto Nastaliq Urdu): each word's glyphs step
    down its slope, each at its own height, so its lines fell apart into rows and their letters out
    of order ("ک ک" for a headline, 0.16 text similarity on a page); a cluster's letter drawn as
    several glyphs was read twice ("فیصلےے"), a space drawn with the letter after it ("<0003 00EF>")
    fell next to another glyph."""
    lines = "".join(f"<div>{s}</div>" for s in SENTENCES)
    style = f"font-family: 'Noto Nastaliq Urdu'; font-size: {size}px; text-align: {align}; width: {20 * size:g}px"
    html = (
        f'<html dir="rtl"><body style="margin: 20px"><div style="{style}; line-height: 2.2">{lines}</div></body></html>'
    )
    pdf = _printed(browser, html, tmp_path / "nastaliq.pdf", round(22 * size + 40), round(10 * size))
    with open_pdf(pdf) as doc:
        content = read_page_content(doc[0], 1)
    found = sorted(find_lines(content.glyphs), key=lambda line: line.top)
    assert [line.text for line in found] == SENTENCES


def test_two_columns_lines_stay_apart_across_a_narrow_gutter(browser: Browser, tmp_path: Path) -> None:  # noqa: F811
    """Regression (generated Urdu pages): a Nastaliq line's ink reaches past its column's edge, and two
    justified columns' lines a narrow gutter apart were read as one line ("شدید مخالفت میں شهر کی کونسل")."""
    texts = [" ".join(SENTENCES), " ".join(reversed(SENTENCES))]  # the right-hand column's first
    column = "font-family: 'Noto Nastaliq Urdu'; font-size: 12.5px; width: 160px; line-height: 2.2; text-align: justify"
    columns = "".join(f'<div style="{column}">{text}</div>' for text in texts)
    html = (
        f'<html dir="rtl"><body style="margin: 20px"><div style="display: flex; gap: 4px">{columns}</div></body></html>'
    )
    pdf = _printed(browser, html, tmp_path / "columns.pdf", 400, 300)
    with open_pdf(pdf) as doc:
        glyphs = read_page_content(doc[0], 1).glyphs
    lines = sorted(find_lines(glyphs), key=lambda line: line.top)
    gutter = (400 - 20 - 160 - 2) * 0.75  # in points: the page less its margin, the right-hand column, half the gap
    columns_read = [[line.text for line in lines if (line.box[0] + line.box[2]) / 2 > gutter]]
    columns_read.append([line.text for line in lines if (line.box[0] + line.box[2]) / 2 < gutter])
    assert [" ".join(column) for column in columns_read] == texts


def test_a_naskh_line_is_no_cascade(browser: Browser, tmp_path: Path) -> None:  # noqa: F811
    """The same words in Noto Naskh Arabic sit on their baseline: read by position, as before."""
    style = "font-family: 'Noto Naskh Arabic'; font-size: 16px; width: 320px"
    html = f'<html dir="rtl"><body style="margin: 20px"><div style="{style}">{SENTENCES[0]}</div></body></html>'
    pdf = _printed(browser, html, tmp_path / "naskh.pdf", 400, 100)
    with open_pdf(pdf) as doc:
        glyphs = read_page_content(doc[0], 1).glyphs
    assert [line.text for line in find_lines(glyphs)] == [SENTENCES[0]]


# Glyphs made up for the reading alone: a line of four words, "شہر کیا شہر کیا" in reading order,
# drawn from left to right (each word's letters last first: "ایک", then "رہش"), at 10 pt, each word's
# glyphs stepping up to its right and a space glyph drawn after each word but the last drawn.
DRAWN = "ایکرہشایکرہش"


def _line(steps: list[float], text: str = DRAWN, clusters: list[int] | None = None) -> dict[str, object]:
    n = len(text)
    lefts = np.array([20.0 * (i // 3) + 4.0 * (i % 3) for i in range(n)])
    baseline = 50.0 - np.array(steps[:n])
    codes = np.array([ord(c) for c in text], dtype=np.uint32)
    return {
        "drawn": np.arange(n, dtype=np.intp),
        "codes": codes,
        "letters": cascade_letters(codes),
        "box": np.column_stack([lefts, baseline - 9, lefts + 6, baseline + 2]),
        "size": np.full(n, 10.0),
        "baseline": baseline,
        "face": np.zeros(n, dtype=np.int32),
        "clues": lambda: Clues(
            space_drawn_after=np.array([i % 3 == 2 and i < n - 1 for i in range(n)]),
            space_drawn_with=np.zeros(n, dtype=np.bool_),
            cluster=np.array(clusters or [0] * n, dtype=np.int64),
        ),
    }


STEPS = [0.0, 0.0, 4.0] * 4  # each word ends on the baseline, its first letter raised


def _read(found_order: np.ndarray, space_before: np.ndarray, text: str) -> str:
    return "".join((" " if space_before[i] else "") + text[i] for i in found_order.tolist()).strip()


def test_a_cascade_is_read_backwards_on_one_baseline_its_words_parted() -> None:
    found = read_cascades(**_line(STEPS))  # type: ignore[arg-type]
    assert found is not None
    assert _read(found.order, found.space_before, DRAWN) == "شہر کیا شہر کیا"
    assert found.in_cascade.all()
    assert len(set(found.box[:, 1].tolist())) == 1, "every glyph on the run's baseline"
    assert (np.diff(found.box[:, 0]) > 0).all(), "the boxes follow the drawing order"


def test_glyphs_on_their_baseline_are_no_cascade() -> None:
    assert read_cascades(**_line([0.0] * 12)) is None  # type: ignore[arg-type]


def test_words_drawn_in_reading_order_are_no_cascade() -> None:
    """Regression (our own Urdu pages, each word drawn right to left in reading order): such a word's
    glyphs each a step left of the one before were taken for a run, and read backwards."""
    line = _line(STEPS)
    line["drawn"] = np.arange(len(DRAWN), dtype=np.intp)[::-1].copy()
    assert read_cascades(**line) is None  # type: ignore[arg-type]


def test_a_clusters_letter_given_twice_is_read_once() -> None:
    """PDFium gives the first word's "ک" twice, for two glyphs of its cluster; the space glyph drawn
    after the second still parts the words."""
    line = _line(STEPS)
    n = len(DRAWN) + 1
    for key in ("codes", "letters", "box", "size", "baseline", "face"):
        line[key] = np.insert(line[key], 3, line[key][2], axis=0)  # type: ignore[call-overload]
    line["drawn"] = np.arange(n, dtype=np.intp)
    spaces = np.isin(np.arange(n), [3, 6, 9])  # drawn after the doubled "ک" and the next two words
    clusters = np.array([0, 0, 7, 7] + [0] * (n - 4), dtype=np.int64)
    line["clues"] = lambda: Clues(spaces, np.zeros(n, dtype=np.bool_), clusters)
    found = read_cascades(**line)  # type: ignore[arg-type]
    assert found is not None
    text = DRAWN[:3] + DRAWN[2:]
    assert _read(found.order, found.space_before, text) == "شہر کیا شہر کیا"


def test_digits_in_a_cascade_keep_their_order() -> None:
    """A line drawn from left to right is read backwards, but for the digits drawn in it ("2026")."""
    drawn = np.arange(5, dtype=np.intp)
    ltr = np.array([False, True, True, False, False])  # glyphs 1 and 2: digits, drawn "2", then "0"
    parted = np.array([True, False, True, False])  # spaces drawn either side of the digits
    reading, spaced = _reading_order(drawn, ltr, parted)
    assert reading.tolist() == [4, 3, 1, 2, 0]
    assert spaced.tolist() == [False, False, True, False, True], "a space before the digits and one after"


def test_a_words_box_keeps_the_ink_of_a_tail_drawn_before_its_last_glyph() -> None:
    """Regression (an Urdu headline printed by Chromium, "… نے کونسل …"): the dot of "نے", drawn after
    the long tail of its yeh barree, ended the word's box where the two glyphs' boxes met, 30 pt short
    of its ink; the word space after it looked a gutter wide and the headline was cut in two there."""
    drawn = np.arange(4, dtype=np.intp)
    box = np.array([[0, 0, 10, 9], [8, 0, 40, 9], [20, 0, 25, 9], [46, 0, 60, 9]], dtype=np.float64)
    parted = np.array([False, False, True])  # a word space between the third glyph drawn and the fourth
    _narrow(drawn, box, parted)
    assert box[:3, 2].max() == 40, "the first word's box reaches its tail's end"
    assert box[3, 0] == 46, "the second word's starts at its ink"
    assert (np.diff(box[:, 0]) >= 0).all(), "the boxes still follow the drawing order"


def test_a_line_drawn_in_two_sweeps_is_one_line(browser: Browser, tmp_path: Path) -> None:  # noqa: F811
    """Regression (an Urdu page printed by Chromium): a line whose glyphs step back past a word's tail
    ("…تنقید کی. پچھلی ماه") is drawn in two sweeps, one right after the other; the two were read as
    two lines, as two columns' would be, and its end came out after the line under it."""
    typed = "کی بعد میئر نی ریلوی اسٹیشن کی مرمت تنقید کی. پچھلی ماه"
    html = f'<html dir="rtl"><body style="margin: 20px; font: 16px \'Noto Nastaliq Urdu\'">{typed}</body></html>'
    pdf = _printed(browser, html, tmp_path / "sweeps.pdf", 760, 100)
    with open_pdf(pdf) as doc:
        glyphs = read_page_content(doc[0], 1).glyphs
    assert [line.text for line in find_lines(glyphs)] == [typed]
