"""tools/pictures.py: each picture of a scored page placed in a story or not, in the ground truth and
the prediction, and the share placed alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.pdfs import column, combine, make_pdf, photo
from tests.tools.tool import load_tool

pictures = load_tool("pictures")

STORY = [40.0, 60.0, 300.0, 400.0]
PICTURE = [40.0, 420.0, 300.0, 620.0]  # photo(40, 420, 260, 200), top-down


def _page(regions: list[list[float]], picture_type: str | None) -> dict[str, object]:
    items: list[dict[str, object]] = [{"id": "a1", "type": "article", "regions": regions}]
    if picture_type:
        items.append({"id": "p1", "type": picture_type, "regions": [PICTURE]})
    return {"format": "broadsheet-page/1", "source": "page.pdf", "page": 1, "unit": "pt", "items": items}


def _write(folder: Path, name: str, page: dict[str, object]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps(page), encoding="utf-8")


@pytest.mark.parametrize(("predicted", "alike"), [(_page([STORY], "advert"), 1), (_page([STORY, PICTURE], None), 0)])
def test_a_picture_is_placed_alike_only_when_both_put_it_in_a_story_or_both_do_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], predicted: dict[str, object], alike: int
) -> None:
    edition = tmp_path / "out" / "7" / "711"
    (edition / "gt").mkdir(parents=True)
    make_pdf(edition / "gt" / "page.pdf", combine(column(40, 60, 260, 30), photo(40, 420, 260, 200)))
    _write(edition / "gt", "page-p1.gt.json", _page([STORY], "advert"))
    _write(edition / "pred", "page-p1.json", predicted)
    assert pictures.main([str(tmp_path / "out"), "--shared", str(tmp_path), "--list"]) == 0
    out = capsys.readouterr().out
    assert f"all                          pictures     1  placed alike     {alike}" in out
    assert ("truth: advert" in out) == (not alike)


def test_a_page_that_cannot_be_read_stops_the_count_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken PDF gives no figure (a page left out would change it), and says which page."""
    edition = tmp_path / "out" / "7" / "711"
    (edition / "gt").mkdir(parents=True)
    (edition / "gt" / "page.pdf").write_bytes(b"%PDF-1.4 cut short")
    _write(edition / "gt", "page-p1.gt.json", _page([STORY], "advert"))
    _write(edition / "pred", "page-p1.json", _page([STORY], None))
    assert pictures.main([str(tmp_path / "out"), "--shared", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "page-p1.json" in err and "PDFium cannot read this PDF" in err and "\n" not in err


def test_a_scanned_page_is_left_out_not_read_as_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Regression: a scan's ground truth (in pixels, its source a PNG) beside the PDF pages stopped the
    count ("not a PDF file"), so the tool gave no figure for tools/eval.py's output, which holds scans."""
    edition = tmp_path / "out" / "7" / "711"
    (edition / "gt").mkdir(parents=True)
    make_pdf(edition / "gt" / "page.pdf", combine(column(40, 60, 260, 30), photo(40, 420, 260, 200)))
    _write(edition / "gt", "page-p1.gt.json", _page([STORY], "advert"))
    _write(edition / "pred", "page-p1.json", _page([STORY], "advert"))
    scan = {**_page([STORY], None), "source": "scan.png", "unit": "px"}
    (edition / "gt" / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    _write(edition / "gt", "scan-p1.gt.json", scan)
    _write(edition / "pred", "scan-p1.json", scan)
    assert pictures.main([str(tmp_path / "out"), "--shared", str(tmp_path)]) == 0
    assert "all                          pictures     1  placed alike     1" in capsys.readouterr().out
