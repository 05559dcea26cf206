"""Scanned Urdu pages through the whole extractor: read by the Nastaliq CRNN when it is built, by
Tesseract's urd with a one-line warning when it is not (``auto``), refused with ``crnn``.

The page is rendered from the test side of the synthetic Urdu text (words the CRNN never trained on)
in a Nastaliq face, and what the extractor's articles say is scored against the text it was rendered
from. The CRNN's figures are the benchmark's business (benchmarks/nastaliq_ocr.py, ``pipeline``); this
asserts only that the pipeline keeps what the recogniser reads, far above what Tesseract reads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.cli import main
from broadsheet.errors import OcrModelMissingError
from broadsheet.evaluate.ocr_text import score_text
from broadsheet.extract import ExtractOptions, check_ocr_languages, extract_pages
from broadsheet.extract.model import PageResult, TextLayer
from broadsheet.ocr.crnn import model_path
from broadsheet.synthetic.nastaliq import render_page
from broadsheet.synthetic.urdu_text import paragraphs

BUILT = pytest.mark.skipif(not model_path().is_file(), reason="the Nastaliq CRNN is not built: make ocr-model-ur-crnn")


def _page(tmp_path: Path, font: str = "Awami Nastaliq") -> tuple[Path, str]:
    page = render_page(paragraphs("test", 6, seed=321), font, 12.0, columns=3, width=150)
    path = tmp_path / "page.png"
    page.image.save(path, dpi=(300, 300))
    return path, page.text


def _text(result: PageResult) -> str:
    return " ".join(part for item in result.items for part in (item.headline, item.body) if part)


@BUILT
def test_a_scanned_urdu_page_is_read_by_the_crnn_far_better_than_by_tesseract(tmp_path: Path) -> None:
    path, printed = _page(tmp_path)
    (crnn,) = extract_pages(path, options=ExtractOptions(language="ur"))
    (tesseract,) = extract_pages(path, options=ExtractOptions(language="ur", ocr_engine="tesseract"))
    assert crnn.error is None and crnn.text_layer is TextLayer.OCR and crnn.direction == "rtl"
    assert crnn.articles
    ours, theirs = score_text(printed, _text(crnn)), score_text(printed, _text(tesseract))
    # on the benchmark's pages the CRNN reads about 96 % of words through this path, Tesseract about 40 %
    assert ours.word_accuracy > 0.8, ours
    assert ours.word_accuracy > theirs.word_accuracy + 0.3, (ours, theirs)


def test_without_the_crnn_urdu_scans_are_read_by_tesseract_with_a_warning_naming_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "no-model"
    empty.mkdir()
    options = ExtractOptions(language="ur", crnn_models=empty)
    warning = check_ocr_languages(options)
    assert warning is not None and "make ocr-model-ur-crnn" in warning and "\n" not in warning
    assert check_ocr_languages(ExtractOptions(language="en", crnn_models=empty)) is None  # only Urdu
    path, printed = _page(tmp_path)
    (result,) = extract_pages(path, options=options)
    assert result.error is None and result.text_layer is TextLayer.OCR
    assert 0 < score_text(printed, _text(result)).word_accuracy < 0.7  # Tesseract's reading, not none
    with pytest.raises(OcrModelMissingError, match="make ocr-model-ur-crnn"):  # unless the CRNN is required
        check_ocr_languages(ExtractOptions(language="ur", crnn_models=empty, ocr_engine="crnn"))


def test_the_extract_command_refuses_urdu_with_the_crnn_required_and_not_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("broadsheet.ocr.crnn.MODELS_FOLDER", tmp_path / "not-built")
    image = tmp_path / "page.png"
    image.write_bytes(b"")  # refused before the file is opened
    args = ["extract", str(image), "--out", str(tmp_path / "out"), "--language", "ur", "--ocr-engine", "crnn"]
    assert main(args) == 64
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 1 and "make ocr-model-ur-crnn" in errors[0]
