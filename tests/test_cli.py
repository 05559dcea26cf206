"""Every flag of `broadsheet extract` does what it says; bad input gets one line and an exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from broadsheet.cli import main, parse_pages
from broadsheet.errors import UsageError
from broadsheet.extract import ExtractOptions, extract_pages
from tests.pdfs import combine, make_pdf, text_at


def _edition(tmp_path: Path) -> Path:
    page = combine(
        text_at(72, 72, "Council Approves New Bridge", "Times-Bold", 24),
        *(text_at(72, 110 + 12 * k, f"Line {k} of the story about the bridge and the river.") for k in range(12)),
    )
    return make_pdf(tmp_path / "ed.pdf", page, page, page)


def test_parse_pages() -> None:
    assert parse_pages("1,3-5") == [1, 3, 4, 5]
    for bad in ("0", "x", "5-3", ""):
        with pytest.raises(UsageError):
            parse_pages(bad)


def test_extract_writes_one_json_per_page_and_overlays(tmp_path: Path) -> None:
    pdf = _edition(tmp_path)
    out = tmp_path / "out"
    assert main(["extract", str(pdf), "--out", str(out), "--pages", "1,3", "--overlay"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["ed-p1.json", "ed-p1.png", "ed-p3.json", "ed-p3.png"]
    page = json.loads((out / "ed-p1.json").read_text())
    assert page["format"] == "broadsheet-page/1" and page["page"] == 1
    assert [a["headline"] for a in page["items"] if a["type"] == "article"] == ["Council Approves New Bridge"]


def test_extract_refuses_a_non_pdf_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "notes.pdf"
    bad.write_text("just some text")
    result = subprocess.run(
        [sys.executable, "-m", "broadsheet.cli", "extract", str(bad), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert str(bad) in result.stderr and "not a PDF" in result.stderr


def test_page_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["extract", str(_edition(tmp_path)), "--out", str(tmp_path / "o"), "--pages", "9"]) == 64


def test_one_bad_page_does_not_stop_the_others(tmp_path: Path) -> None:
    small = text_at(72, 72, "Short page")
    crowded = combine(*(text_at(20, 10 + 9 * k, "x" * 120, size=6) for k in range(80)))
    pdf = make_pdf(tmp_path / "mixed.pdf", small, crowded, small)
    results = list(extract_pages(pdf, options=ExtractOptions(max_glyphs_per_page=1000)))
    assert [r.error is None for r in results] == [True, False, True]
    assert "limit" in (results[1].error or "")
