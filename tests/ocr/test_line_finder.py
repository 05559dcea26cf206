"""Lines of a Nastaliq page for the CRNN: as many lines as were set, column by column from the right, each
line's image its own ink — in both faces, even where a line's tails reach into the next one's rows."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from broadsheet.ocr.line_finder import find_lines
from broadsheet.synthetic.nastaliq import NASTALIQ_FONTS, render_line, render_page
from broadsheet.synthetic.urdu_text import column_lines, paragraphs


@pytest.mark.parametrize("font", list(NASTALIQ_FONTS))
@pytest.mark.parametrize("size", [10.0, 24.0])
def test_every_line_set_is_found_once(font: str, size: float) -> None:
    texts = column_lines("train", 10, seed=3)
    block = render_page(["\n".join(texts)], font, size, columns=1, width=40 * size).image  # wide: no wrapping
    lines = find_lines(block)
    assert len(lines) == len(texts)
    tops = [line.box[1] for line in lines]
    assert tops == sorted(tops)


def test_a_page_is_read_column_by_column_from_the_right() -> None:
    page = render_page(paragraphs("train", 6, seed=1), "Noto Nastaliq Urdu", 12.0, columns=3, width=150)
    lines = find_lines(page.image)
    lefts = [line.box[0] for line in lines]
    third = page.image.width / 3
    columns = [2 - int(x // third) for x in lefts]  # 0: the rightmost column
    assert columns == sorted(columns) and set(columns) == {0, 1, 2}
    assert 30 <= len(lines) <= 60


def test_one_line_is_one_line_and_blank_is_none() -> None:
    line = render_line("حکومت نے کہا کہ منصوبہ جلد مکمل کیا جائے گا", "Noto Nastaliq Urdu", 12)
    assert len(find_lines(line)) == 1
    assert find_lines(Image.new("L", (300, 100), 255)) == []


def test_a_headline_across_the_columns_does_not_fuse_them() -> None:
    """Regression: columns were found over the whole page, and a headline over all three left no gutter
    between them, so each line found ran across the three columns."""
    page = render_page(paragraphs("train", 6, seed=1), "Noto Nastaliq Urdu", 12.0, columns=3, width=150).image
    head = render_line(" ".join(column_lines("train", 3, seed=5)), "Noto Nastaliq Urdu", 28)
    assert head.width > 0.6 * page.width  # it spans the gutters
    sheet = Image.new("L", (page.width, page.height + head.height + 40), 255)
    sheet.paste(head, (page.width - head.width - 40, 20))
    sheet.paste(page, (0, head.height + 40))
    lines = find_lines(sheet)
    assert lines[0].box[3] < head.height + 40 and lines[0].box[2] - lines[0].box[0] > 0.6 * page.width
    assert all(line.box[2] - line.box[0] < page.width / 3 for line in lines[1:])
    assert len(lines) == 1 + len(find_lines(page))


def _stacked(texts: list[str], font: str, overlap: float) -> tuple[Image.Image, list[np.ndarray]]:
    """``texts`` set right-aligned one under another, each line's ink ``overlap`` of its height into the
    next one's rows (as Nastaliq's tails and marks reach), and each line's ink alone on the sheet."""
    lines = [render_line(text, font, 12.0) for text in texts]
    width, step = max(line.width for line in lines), round((1 - overlap) * lines[0].height)
    sheet = np.full((step * len(lines) + lines[0].height, width), 255, dtype=np.uint8)
    own = []
    for n, line in enumerate(lines):
        alone = np.full(sheet.shape, 255, dtype=np.uint8)
        alone[n * step : n * step + line.height, width - line.width :] = np.asarray(line)
        own.append(alone < 160)
        sheet = np.minimum(sheet, alone)
    return Image.fromarray(sheet), own


@pytest.mark.parametrize("font", list(NASTALIQ_FONTS))
def test_dots_and_bars_stay_with_their_own_line(font: str) -> None:
    """Regression: each ink component went to the line whose core was nearest its centre; the bar of a
    گ, the dots under a پ and a ج's tail sit nearer the neighbour's core and were given to it (گ read
    ک and پ read ب). Lines set close, each found line holds its own ink and next to none of others'."""
    texts = [t for t in column_lines("train", 60, seed=21) if "گ" in t or "پ" in t][:8]
    assert len(texts) == 8
    sheet, own = _stacked(texts, font, overlap=0.25)
    lines = find_lines(sheet)
    assert len(lines) == len(texts)
    for line, truth in zip(lines, own, strict=True):
        found = np.zeros_like(truth)
        x0, y0, x1, y1 = line.box
        found[y0:y1, x0:x1] = np.asarray(line.image) < 160
        others = np.logical_or.reduce([o for o in own if o is not truth]) & ~truth
        assert (found & truth).sum() >= 0.995 * truth.sum()
        assert (found & others).sum() <= 0.005 * truth.sum()
