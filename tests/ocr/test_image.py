"""Rules, pictures and stroke weight read off pixels."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from broadsheet.ocr.image import find_pictures, find_rules, ink_mask, stroke_widths


def _page() -> Image.Image:
    return Image.new("L", (600, 800), 235)  # paper is never quite white


def test_ink_threshold_separates_ink_from_grey_paper() -> None:
    image = _page()
    ImageDraw.Draw(image).rectangle((10, 10, 19, 19), fill=40)
    ink = ink_mask(image)
    assert ink.sum() == 100
    assert ink[15, 15] and not ink[5, 5]


def test_long_thin_runs_are_rules_and_thick_or_short_ones_are_not() -> None:
    image = _page()
    draw = ImageDraw.Draw(image)
    draw.line((50, 100, 450, 100), fill=0, width=3)  # a horizontal rule
    draw.line((300, 200, 300, 700), fill=0, width=2)  # a column rule
    draw.rectangle((50, 300, 250, 340), fill=0)  # a black bar: too thick for a rule
    draw.line((50, 500, 90, 500), fill=0, width=2)  # too short
    hrules, vrules = find_rules(ink_mask(image), min_length=100, max_thickness=5)
    assert len(hrules) == 1
    x0, y0, x1, y1 = hrules[0]
    assert abs(x0 - 50) <= 2 and abs(x1 - 451) <= 2 and 98 <= y0 <= y1 <= 103
    assert len(vrules) == 1
    assert 298 <= vrules[0][0] <= vrules[0][2] <= 303 and vrules[0][3] - vrules[0][1] > 490


def test_a_rule_broken_by_a_one_pixel_gap_is_one_rule() -> None:
    image = _page()
    draw = ImageDraw.Draw(image)
    draw.line((50, 100, 450, 100), fill=0, width=2)
    draw.line((250, 99, 250, 102), fill=235)  # worn type: a one-pixel gap
    hrules, _ = find_rules(ink_mask(image), min_length=100, max_thickness=5)
    assert len(hrules) == 1


def test_a_long_rule_scanned_askew_is_one_rule() -> None:
    # regression: a page-wide rule of an 1814 paper, 4 px thick and 14 rows from end to end, was
    # measured by its box's height and refused as too thick, so a story ran into the contents above it
    image = _page()
    ImageDraw.Draw(image).line((20, 300, 580, 312), fill=0, width=4)  # about 1.2° off the level
    hrules, _ = find_rules(ink_mask(image), min_length=100, max_thickness=6)
    assert len(hrules) == 1
    x0, y0, x1, y1 = hrules[0]
    assert x0 < 40 and x1 > 560 and y0 >= 296 and y1 <= 316


def test_a_slanting_band_is_not_a_rule() -> None:
    image = _page()
    ImageDraw.Draw(image).line((20, 300, 580, 420), fill=0, width=4)  # 12°: a stroke, a border of a cut
    hrules, _ = find_rules(ink_mask(image), min_length=100, max_thickness=6)
    assert hrules == []


def test_dense_ink_without_words_is_a_picture() -> None:
    image = _page()
    draw = ImageDraw.Draw(image)
    draw.rectangle((100, 100, 300, 250), fill=30)  # a photo
    draw.rectangle((100, 400, 300, 550), fill=30)  # dark, but a word was read on it (reverse type)
    pictures = find_pictures(ink_mask(image), [(150.0, 450.0, 250.0, 480.0)], cell=10, min_size=40)
    assert len(pictures) == 1
    x0, y0, x1, y1 = pictures[0]
    assert x0 <= 100 and y0 <= 100 and x1 >= 300 and y1 >= 250 and y1 < 400


def test_thicker_strokes_measure_wider() -> None:
    ink = np.zeros((100, 200), dtype=np.bool_)
    for x in range(10, 90, 10):
        ink[20:40, x : x + 2] = True  # regular: 2 px stems
    for x in range(110, 190, 10):
        ink[20:40, x : x + 5] = True  # bold: 5 px stems
    regular, bold = stroke_widths(ink, [(0, 0, 100, 100), (100, 0, 200, 100)])
    assert regular == 2.0 and bold == 5.0


def test_an_image_too_small_for_a_rule_has_none() -> None:
    # an empty image made the labelling of runs fail on a zero-size array
    assert find_rules(np.zeros((0, 0), dtype=np.bool_), min_length=100, max_thickness=5) == ([], [])
    assert find_rules(np.ones((3, 80), dtype=np.bool_), min_length=100, max_thickness=5) == ([], [])


def test_gutters_are_strips_of_paper_clear_over_the_texts_height() -> None:
    """Between two columns of ink the paper stays clear from the text's top to its foot; a table's
    gap inside a column is clear only over part of it, and under the text everything is."""
    from broadsheet.ocr.image import find_gutters

    ink = np.zeros((400, 300), dtype=np.bool_)
    ink[20:300:4, 10:140] = True  # the first column's lines
    ink[20:300:4, 146:290] = True  # the second's, six pixels to its right
    ink[20:120:4, 60:70] = False  # a table's gap, clear over a third of the text only
    gutters = find_gutters(ink, 200, 3, 20, 300)
    middles = [(g[0] + g[2]) / 2 for g in gutters]
    assert any(140 < x < 146 for x in middles)
    assert not any(60 <= x <= 70 for x in middles)
    ink[20:300:4, 140:146] = True
    ink[20:300:8, 141:145] = False  # a column of gaps between letters, two pixels wide
    assert not any(140 < x < 146 for x in [(g[0] + g[2]) / 2 for g in find_gutters(ink, 200, 3, 20, 300)])
