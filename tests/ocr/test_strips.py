"""Lines read again on their own: cut out of the page image, laid on one strip, read in one call."""

from __future__ import annotations

from pathlib import Path

from broadsheet.ocr.strips import read_strip
from tests.ocr.scans import DPI, scan_of
from tests.pdfs import combine, text_at

LINES = ("Harvest fair opens today", "Council backs bridge plan", "Library opens new wing")
SCALE = DPI / 72


def test_each_box_gets_the_words_read_in_it_in_page_pixels(tmp_path: Path) -> None:
    image = scan_of(tmp_path, combine(*(text_at(60, 100 + 40 * k, line, size=12) for k, line in enumerate(LINES))))
    boxes = [(55 * SCALE, (98 + 40 * k) * SCALE, 260 * SCALE, (116 + 40 * k) * SCALE) for k in (2, 0)]
    found = read_strip(image, boxes, "eng")
    assert [" ".join(w.text for w in words) for words in found] == [LINES[2], LINES[0]]
    for words, box in zip(found, boxes, strict=True):
        assert all(box[0] <= w.box[0] and w.box[2] <= box[2] and box[1] <= w.box[1] < w.box[3] <= box[3] for w in words)


def test_a_box_with_nothing_to_read_gets_no_words(tmp_path: Path) -> None:
    image = scan_of(tmp_path, text_at(60, 100, LINES[0], size=12))
    boxes = [(55 * SCALE, 98 * SCALE, 260 * SCALE, 116 * SCALE), (55 * SCALE, 300 * SCALE, 260 * SCALE, 318 * SCALE)]
    assert [len(words) > 0 for words in read_strip(image, boxes, "eng")] == [True, False]


def test_lines_of_very_different_sizes_are_read_at_one_height_and_placed_back(tmp_path: Path) -> None:
    """A page's display type (a 60 pt name plate, a 10 pt label) is read on one strip: each line
    scaled to about one height, its words' boxes scaled back to the page's pixels."""
    image = scan_of(tmp_path, combine(text_at(40, 60, "Harvest", size=60), text_at(60, 200, LINES[1], size=10)))
    boxes = [(30 * SCALE, 50 * SCALE, 300 * SCALE, 130 * SCALE), (55 * SCALE, 196 * SCALE, 240 * SCALE, 214 * SCALE)]
    found = read_strip(image, boxes, "eng", line_height=48)
    assert [" ".join(w.text for w in words) for words in found] == ["Harvest", LINES[1]]
    (plate,) = found[0]
    assert boxes[0][0] < plate.box[0] < plate.box[2] < boxes[0][2] and plate.box[3] - plate.box[1] > 30 * SCALE
