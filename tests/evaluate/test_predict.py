"""Predictions for a folder of ground truth: which language reaches the extractor (stubbed here, so
that the test is about what the evaluation hands it, not about extraction)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from broadsheet.evaluate import predict as predict_module
from broadsheet.evaluate.predict import predict, read_by_ocr
from broadsheet.extract.model import PageResult
from broadsheet.extract.options import ExtractOptions
from tests.evaluate.evaluate_fixtures import article, make_pdf, page, word, write_json


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str | None]]:
    """What each extraction was asked: the source's name and the language of its options."""
    calls: list[tuple[str, str | None]] = []

    def fake_extract(path: Path, pages: Sequence[int], options: ExtractOptions) -> Iterator[PageResult]:
        calls.append((path.name, options.language))
        yield from (PageResult(source=path.name, page=n, width=400, height=400) for n in pages)

    monkeypatch.setattr(predict_module, "extract_pages", fake_extract)
    return calls


def _truth(source: str, words: bool) -> dict[str, object]:
    truth = page([article("a", [[0, 0, 400, 400]], headline=None, body=None)], source=source, width=400, height=400)
    truth["unit"], truth["language"] = "pt", "hi"
    truth["words"] = [word(40, 40, "")] if words else None
    return truth


def test_a_pdf_labelled_on_its_own_words_is_read_in_its_language(
    tmp_path: Path, asked: list[tuple[str, str | None]]
) -> None:
    """A PDF with no text layer is labelled on OCR's words: its language is the archive's to set, as
    for a scan; a born-digital PDF's is left for the extractor to tell."""
    make_pdf(tmp_path / "gt" / "outlines.pdf", [[(40, 40, "x")]])
    make_pdf(tmp_path / "gt" / "born.pdf", [[(40, 40, "x")]])
    paths = [
        write_json(tmp_path / "gt" / "outlines-p1.gt.json", _truth("outlines.pdf", words=True)),
        write_json(tmp_path / "gt" / "born-p1.gt.json", _truth("born.pdf", words=False)),
    ]
    assert predict(paths, tmp_path / "gt", tmp_path / "pred") == []
    assert sorted(asked) == [("born.pdf", None), ("outlines.pdf", "hi")]
    assert (tmp_path / "pred" / "outlines-p1.json").is_file()


def test_read_by_ocr() -> None:
    assert read_by_ocr(Path("scan.png"), {"words": None})
    assert read_by_ocr(Path("paper.PDF"), {"words": [[0, 0, 1, 1, ""]]})
    assert not read_by_ocr(Path("paper.pdf"), {"words": None})
    assert not read_by_ocr(Path("paper.pdf"), {})
