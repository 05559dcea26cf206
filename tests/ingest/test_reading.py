"""A worker reads a page once for both its extraction and its fingerprint: the same articles as
extraction alone finds, and the same fingerprint as the page read on its own (a page of an earlier
build, fingerprinted before, must still match)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from broadsheet.extract import extract_pages
from broadsheet.ingest.reading import read_page
from broadsheet.pdf.fingerprint import page_fingerprints
from tests.pdfs import column, combine, make_pdf, text_at

STORY = combine(text_at(72, 72, "Council approves the new bridge", size=24), column(72, 110, 220, 30))
OTHER = combine(text_at(72, 72, "Ferries run again after the storm", size=24), column(72, 110, 220, 24))


def test_a_page_read_once_gives_extractions_result_and_the_pages_own_fingerprint(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "edition.pdf", STORY, OTHER)
    prints = page_fingerprints(pdf)
    for number, alone in enumerate(extract_pages(pdf), 1):
        reading = read_page(pdf, number)
        assert reading.fingerprint == prints[number - 1] and len(reading.fingerprint) == 64
        assert dataclasses.asdict(reading.result) == dataclasses.asdict(alone)
        assert [a.headline for a in reading.result.articles] == [a.headline for a in alone.articles]
    assert prints[0] != prints[1]


def test_a_page_pdfium_cannot_load_is_a_failed_reading_without_a_fingerprint(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "edition.pdf", STORY)
    reading = read_page(pdf, 2)
    assert reading.result.error and reading.result.page == 2
    assert reading.fingerprint == ""
