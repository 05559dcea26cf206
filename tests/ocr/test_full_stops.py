"""A line of Urdu is cut after each full stop with words after it, so that the CRNN reads every ``۔``
where it learned one: at a line's end (regression: on pages, a ``۔`` in mid-line was read ``ہ`` in Noto
Nastaliq Urdu and dropped in Awami Nastaliq, with the space after it)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from broadsheet.ocr.crnn import load_reader, model_path
from broadsheet.ocr.full_stops import sentence_pieces
from broadsheet.synthetic.nastaliq import NASTALIQ_FONTS, render_line
from broadsheet.synthetic.urdu_text import column_lines, sentences

BUILT = pytest.mark.skipif(not model_path().is_file(), reason="the Nastaliq CRNN is not built: make ocr-model-ur-crnn")


def _two_sentences(seed: int) -> tuple[str, str]:
    first, second = sentences("train", 2, seed=seed)
    return " ".join(first.split()[-3:]), " ".join(second.split()[:3])  # a sentence's end, the next's start


def _ink(image: Image.Image) -> int:
    return int((np.asarray(image.convert("L")) < 160).sum())


@pytest.mark.parametrize("font", list(NASTALIQ_FONTS))
@pytest.mark.parametrize("size", [10.0, 12.0, 24.0])
def test_a_line_is_cut_after_its_full_stop_and_keeps_all_its_ink(font: str, size: float) -> None:
    end, start = _two_sentences(seed=7)
    line = render_line(f"{end} {start}", font, size)
    pieces = sentence_pieces(line)
    assert len(pieces) == 2
    (right_x, right), (left_x, left) = pieces
    assert right_x > left_x  # reading order: the sentence's end (on the right) first
    assert right_x + right.width > left_x + left.width
    assert _ink(right) + _ink(left) == _ink(line)
    alone = render_line(end, font, size)  # the end alone: the right piece is about as wide
    assert abs(right.width - (alone.width - 24)) < 0.15 * alone.width


@pytest.mark.parametrize("font", list(NASTALIQ_FONTS))
def test_lines_without_a_full_stop_in_mid_line_are_left_whole(font: str) -> None:
    """Dots, dot pairs, the bar of گ and a ``۔`` at the line's end are not taken for a full stop."""
    texts = column_lines("train", 40, seed=11)
    assert any(text.endswith("۔") for text in texts) and any("گ" in text for text in texts)
    for text in texts:
        line = render_line(text, font, 12.0)
        assert sentence_pieces(line) == [(0, line)], text


@BUILT
@pytest.mark.parametrize("font", list(NASTALIQ_FONTS))
def test_the_crnn_reads_a_full_stop_in_mid_line(font: str) -> None:
    reader = load_reader()
    read_stops = 0
    for seed in range(4):
        end, start = _two_sentences(seed)
        read = reader.read_image(render_line(f"{end} {start}", font, 12.0))
        words = " ".join(read).split()
        read_stops += len(words) == 6 and words[2].endswith("۔")
    assert read_stops >= 3
