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
