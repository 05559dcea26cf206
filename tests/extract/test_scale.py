"""The page's scale: a page made at one and a half times (or seven tenths of) its paper's size reads
as the same articles — every threshold is relative to the page's type scale, none in points."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.evaluate.metrics import score_page
from broadsheet.evaluate.words import pdf_words
from broadsheet.extract import extract_pages
from broadsheet.extract.model import ItemType, PageResult
from broadsheet.synthetic import SyntheticOptions, generate_edition
from tests.extract.test_no_text_lost import CORPUS
from tests.pdfs import scaled_copy

# Pages where a tolerance of one point (boxes stacked one under the other overlapping by up to 1 pt)
# changed what was read at 1.5 times: a national daily's editorial page made at 1500 pt wide (its
# kicker, headline and deck stack), and a community magazine's page (a bold head over its text).
REAL = [
    ("born-digital-more/IE-EDITORIAL-15-08-26.pdf", 1),
    ("real-unlabelled/sedbergh-lookaround-437-2024-11.pdf", 63),
]


def _scaled_back(result: PageResult, scale: float) -> PageResult:
    for item in result.items:
        item.regions = [(x0 / scale, y0 / scale, x1 / scale, y1 / scale) for x0, y0, x1, y1 in item.regions]
    return result


def _same_reading(pdf: Path, page: int, scale: float, tmp_path: Path) -> None:
    (original,) = extract_pages(pdf, pages=[page])
    (scaled,) = extract_pages(scaled_copy(pdf, page, scale, tmp_path / "scaled.pdf"), pages=[1])
    counts = score_page(original, _scaled_back(scaled, scale), pdf_words(pdf, page))
    heads = [sorted(a.headline or "" for a in r.items if a.type is ItemType.ARTICLE) for r in (original, scaled)]
    assert counts.found == counts.gt_articles == counts.pred_articles, heads
    assert counts.bcubed_p_mass == pytest.approx(counts.mass) and counts.bcubed_r_mass == pytest.approx(counts.mass)


@pytest.mark.parametrize(("path", "page"), REAL, ids=lambda v: Path(str(v)).stem)
def test_a_real_page_made_bigger_reads_the_same(path: str, page: int, tmp_path: Path) -> None:
    _same_reading(CORPUS / path, page, 1.5, tmp_path)


@pytest.mark.parametrize("scale", [0.7, 1.5])
def test_a_generated_daily_page_made_bigger_or_smaller_reads_the_same(scale: float, tmp_path: Path) -> None:
    edition = generate_edition(SyntheticOptions(seed=401, pages=1, daily=True), tmp_path, "daily")
    _same_reading(edition.pdf, 1, scale, tmp_path)
