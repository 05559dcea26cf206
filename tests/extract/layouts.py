"""Small generated pages for the extractor's stage tests: extract one, list its articles, draw a story."""

from __future__ import annotations

from pathlib import Path

from broadsheet.extract import extract_pages
from broadsheet.extract.model import Item, ItemType, PageResult
from tests.pdfs import Draw, column, combine, make_pdf, text_at

COLUMNS = (40.0, 215.0, 390.0)  # three 165 pt columns on a 612 pt page
WIDTH = 165.0


def extract_drawn(tmp_path: Path, *draws: Draw, pages: int = 1) -> PageResult:
    """Extract the last page of a PDF whose pages are all drawn alike."""
    page = combine(*draws)
    *_, result = extract_pages(make_pdf(tmp_path / "page.pdf", *([page] * pages)))
    return result


def articles(result: PageResult) -> list[Item]:
    return [i for i in result.items if i.type is ItemType.ARTICLE]


def story(top: float, headline: str, seed: int = 0, lines: int = 20) -> list[Draw]:
    """A headline across the three columns and body text under it."""
    body = [column(x, top + 40, WIDTH, lines, seed=seed + k * 7) for k, x in enumerate(COLUMNS)]
    return [text_at(COLUMNS[0], top, headline, "Helvetica-Bold", 26), *body]
