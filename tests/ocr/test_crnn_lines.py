"""What the Nastaliq CRNN and its training share: a line's characters in drawing order (and back), the
classes CTC learns, and a line image made the network's input the same way wherever it comes from."""

from __future__ import annotations

import numpy as np
from PIL import Image

from broadsheet.ocr.crnn_lines import (
    HEIGHT,
    WIDEN,
    alphabet,
    decode,
    decode_placed,
    drawing_order,
    encode,
    ink_box,
    line_input,
    placed_input,
)
from broadsheet.synthetic.nastaliq import render_line

LINE = "حکومت نے ۱۲۳ روپے کی منظوری دی۔"


def test_drawing_order_reverses_letters_but_not_numbers_and_is_its_own_inverse() -> None:
    drawn = drawing_order(LINE)
    assert drawn.startswith("۔ید") and "۱۲۳" in drawn and "۳۲۱" not in drawn
    assert drawing_order(drawn) == LINE
    marked = "اعلیٰ"  # a combining mark stays after its letter both ways
    assert drawing_order(marked) == "یٰلعا" and drawing_order(drawing_order(marked)) == marked


def test_classes_go_through_ctc_decoding_back_to_the_text() -> None:
    letters = alphabet()
    assert len(set(letters)) == len(letters) and "۱" in letters and " " in letters and "a" not in letters
    classes = encode(LINE, letters)
    # CTC's output: each class held for two columns, a blank (0) between them
    columns = np.array([c for k in classes for c in (k, k, 0)], dtype=np.int64)
    assert decode(columns, letters) == LINE


def test_a_line_is_cropped_to_its_ink_and_scaled_to_the_network_height() -> None:
    image = render_line("حکومت نے کہا", "Noto Nastaliq Urdu", 14)
    wide = Image.new("L", (image.width + 400, image.height + 300), 255)
    wide.paste(image, (150, 100))
    box = ink_box(image)
    assert box is not None
    a, b = line_input(image), line_input(wide)
    assert a.shape == b.shape and a.shape[0] == HEIGHT  # the white around the ink does not count
    ratio = (box[2] - box[0]) / (box[3] - box[1])
    assert abs(a.shape[1] / (HEIGHT * WIDEN) - ratio) < 0.3
    assert a.max() > 0.9 and a[:, 0].max() < 0.1  # ink is 1, the margin paper 0
    assert ink_box(Image.new("L", (20, 20), 255)) is None


def test_words_are_placed_between_the_spaces_read_on_either_side() -> None:
    letters = alphabet()
    classes = encode(LINE, letters)
    columns = [c for k in classes for c in (k, k, 0)]
    scores = np.full((len(columns), len(letters) + 1), -5.0, dtype=np.float32)
    scores[np.arange(len(columns)), columns] = 5.0
    words = decode_placed(scores, letters)
    assert [w[0] for w in words][::-1] == LINE.split()  # drawing order: the line's last word leftmost
    spaces = [3 * k for k, c in enumerate(classes) if c == letters.index(" ") + 1]
    assert [w[1] for w in words] == [0, *spaces] and [w[2] for w in words] == [*spaces, len(columns)]
    assert all(0.99 < w[3] <= 1.0 for w in words)


def test_input_columns_map_back_onto_the_line_image() -> None:
    image = render_line("حکومت نے کہا", "Noto Nastaliq Urdu", 14)
    wide = Image.new("L", (image.width + 400, image.height), 255)
    wide.paste(image, (150, 0))
    box = ink_box(wide)
    assert box is not None
    pixels, offset, step = placed_input(wide)
    assert offset < box[0] < offset + 0.1 * image.width  # the first column is at the ink, less its pad
    assert abs(offset + pixels.shape[1] * step - box[2]) < 0.1 * image.width  # the last at its end
