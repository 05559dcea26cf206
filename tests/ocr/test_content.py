"""A scan becomes stage-1 page content: Tesseract's words as glyphs, sized and weighted from the pixels."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from broadsheet.errors import OcrError
from broadsheet.extract.lines import OCR_FRAGMENT_GAP, find_lines
from broadsheet.ocr import scan_content
from tests.ocr.scans import DPI, HEADLINES, scan_of, two_stories


def test_words_become_lines_with_sizes_and_weight_in_page_units(tmp_path: Path) -> None:
    scale = DPI / 72
    content = scan_content(scan_of(tmp_path, two_stories()), 1, "eng", scale)
    assert content.ocr
    assert abs(content.width - 612) < 1 and abs(content.height - 792) < 1
    lines = find_lines(content.glyphs, content.vrules, OCR_FRAGMENT_GAP)
    heads = [ln for ln in lines if ln.text in HEADLINES]
    assert len(heads) == 2, [ln.text for ln in lines[:10]]
    body = statistics.median(ln.size for ln in lines)
    # drawn at 20 pt and 9 pt; estimated from word heights
    assert 7.5 < body < 10.5
    assert all(17 < h.size < 23 and h.bold > 0.5 for h in heads)
    assert statistics.mean(ln.bold for ln in lines if ln not in heads) < 0.1
    # the four columns stay apart although their lines share baselines
    assert all(ln.width < 140 for ln in lines if ln not in heads)


def test_a_missing_tesseract_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on it
    with pytest.raises(OcrError, match="install the Debian package tesseract-ocr"):
        scan_content(scan_of(tmp_path, two_stories(), dpi=50), 1, "eng")


def test_a_missing_language_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OcrError, match="language"):
        scan_content(scan_of(tmp_path, two_stories(), dpi=50), 1, "xyz")


def test_a_word_read_off_a_rule_is_dropped_but_not_its_line() -> None:
    """Tesseract reads a column rule crossing a line as a word ("|"): that word goes, the line stays."""
    from broadsheet.ocr.content import _OcrLine, _off_rules
    from broadsheet.ocr.tesseract import OcrWord

    words = [
        OcrWord((10, 100, 60, 120), "harbour", 95, (1, 1, 1)),
        OcrWord((198, 98, 202, 122), "|", 40, (1, 1, 1)),
        OcrWord((210, 100, 260, 120), "ferries", 95, (1, 1, 1)),
    ]
    (line,) = _off_rules([_OcrLine(words, 100, 120, 20.0)], [(199, 0, 201, 800)])
    assert [w.text for w in line.words] == ["harbour", "ferries"]
