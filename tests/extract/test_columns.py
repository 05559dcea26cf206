"""Headlines side by side over neighbouring stories are cut apart at the gutter between them."""

from __future__ import annotations

from pathlib import Path

from broadsheet.extract import extract_pages
from broadsheet.extract.model import ItemType
from tests.pdfs import column, combine, make_pdf, text_at


def _headlines(path: Path) -> list[str]:
    (page,) = extract_pages(path)
    return sorted(i.headline or "" for i in page.items if i.type is ItemType.ARTICLE)


def test_two_headlines_on_one_baseline_over_two_stories(tmp_path: Path) -> None:
    # The first headline (198 pt wide) ends 4 pt short of its column's edge; with the 10 pt gutter
    # the gap between the headlines (14 pt) is within what the line stage allows inside 20 pt type.
    left = [column(20, 100, 190, 30, seed=1)]
    right = [column(220, 100, 170, 30, seed=2), column(400, 100, 170, 30, seed=3)]
    page = combine(
        text_at(8, 70, "Council Rejects Plan", "Helvetica-Bold", 20),
        text_at(220, 70, "Harbour Authority Approves the Market", "Helvetica-Bold", 20),
        *left,
        *right,
    )
    headlines = _headlines(make_pdf(tmp_path / "p.pdf", page))
    assert headlines == ["Council Rejects Plan", "Harbour Authority Approves the Market"]


def test_a_headline_across_three_columns_stays_whole(tmp_path: Path) -> None:
    page = combine(
        text_at(40, 70, "Council Rejects the Plan for a New Bridge Over the River", "Helvetica-Bold", 20),
        *(column(x, 100, 170, 30, seed=k) for k, x in enumerate((40, 220, 400))),
    )
    assert _headlines(make_pdf(tmp_path / "p.pdf", page)) == [
        "Council Rejects the Plan for a New Bridge Over the River"
    ]
