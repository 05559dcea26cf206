"""`broadsheet ocr` prints what Tesseract reads in an image, line by line in reading order; a missing model
or image is one line and an exit code. Real Tesseract on images drawn here."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from broadsheet.cli import main
from broadsheet.errors import OcrModelMissingError
from broadsheet.ocr.tesseract import OcrWord
from broadsheet.ocr.text import OcrSettings, check_model, lines_of, prepare, read_lines

LATIN = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
NASKH = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"
URDU = "حکومت نے اخبار کے دفتر میں نئی پالیسی کا اعلان کیا"


def _lines(path: Path, lines: list[str], font: str, size: int = 40, rtl: bool = False) -> Path:
    face = ImageFont.truetype(font, size, layout_engine=ImageFont.Layout.RAQM)
    image = Image.new("L", (1400, 60 + 2 * size * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for k, line in enumerate(lines):
        y = 30 + 2 * size * k
        if rtl:
            width = draw.textlength(line, font=face, direction="rtl", language="ur")
            draw.text((1370 - width, y), line, font=face, fill=0, direction="rtl", language="ur")
        else:
            draw.text((30, y), line, font=face, fill=0)
    image.save(path)
    return path


def test_ocr_prints_each_line_of_a_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    image = _lines(tmp_path / "page.png", ["The council approved the bridge", "after months of talks"], LATIN)
    assert main(["ocr", str(image)]) == 0
    assert capsys.readouterr().out.splitlines() == ["The council approved the bridge", "after months of talks"]


def test_ocr_reads_urdu_right_to_left_in_reading_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    image = _lines(tmp_path / "line.png", [URDU], NASKH, rtl=True)
    assert main(["ocr", str(image), "--language", "ur", "--engine", "tesseract", "--psm", "7"]) == 0
    read = capsys.readouterr().out.split()
    expected = URDU.split()
    assert read[0] == expected[0] and read[-1] == expected[-1]  # first word first, not mirrored
    assert len(set(read) & set(expected)) >= len(expected) - 2


def test_missing_image_and_model_are_one_line_and_an_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ocr", str(tmp_path / "none.png"), "--language", "ur", "--engine", "tesseract"]) == 2
    image = _lines(tmp_path / "page.png", ["text"], LATIN)
    assert main(["ocr", str(image), "--model", "nosuch"]) == 64
    assert main(["ocr", str(image), "--tessdata", str(tmp_path), "--model", "urd_nastaliq"]) == 64
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 3 and "no such file" in errors[0]
    assert "tesseract-ocr-nosuch" in errors[1] and "make ocr-model-ur" in errors[2]


def test_settings_follow_the_language_unless_told() -> None:
    assert OcrSettings.for_language("ur").engine == "crnn"  # Urdu is read by the Nastaliq CRNN
    assert OcrSettings.for_language("ur", engine="tesseract").model == "urd"
    tesseract = OcrSettings.for_language("ur", model="urd+ara", psm=None)
    assert (tesseract.model, tesseract.engine) == ("urd+ara", "tesseract")
    assert OcrSettings.for_language(None).model == "eng"
    assert OcrSettings.for_language("ar").engine == "tesseract"
    with pytest.raises(OcrModelMissingError):
        check_model(OcrSettings("nosuch"), "OCR")


def test_prepare_scales_and_binarises() -> None:
    image = Image.new("L", (100, 40), 200)
    image.paste(60, (10, 10, 30, 30))
    ready = prepare(image, OcrSettings("eng", scale=2.0, binarise=True))
    assert ready.size == (200, 80)
    assert set(np.unique(np.asarray(ready)).tolist()) == {0, 255}
    assert np.array_equal(np.asarray(prepare(image, OcrSettings("eng"))), np.asarray(image))


def test_words_are_grouped_by_their_line_in_order() -> None:
    def word(text: str, line: int) -> OcrWord:
        return OcrWord((0.0, 0.0, 1.0, 1.0), text, 90.0, (1, 1, line))

    assert lines_of([word("a", 1), word("b", 1), word("c", 2)]) == ["a b", "c"]
    assert read_lines(Image.new("L", (50, 50), 255), OcrSettings("eng")) == []
