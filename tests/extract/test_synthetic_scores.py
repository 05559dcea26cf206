"""The extractor scored on generated newspapers with exact ground truth: floors, not hopes.

The floors sit a little under what the extractor measures today (see docs/evaluation.md); the
targets for real pages are higher. A change that makes extraction worse fails here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from broadsheet.evaluate import evaluate_dirs
from broadsheet.evaluate.report import Summary
from broadsheet.extract import extract_pages
from broadsheet.pagejson import write_page
from broadsheet.synthetic import SyntheticOptions, generate_edition

KINDS: dict[str, list[dict[str, Any]]] = {
    "ltr": [{"seed": 1, "pages": 2}, {"seed": 2, "pages": 2}, {"seed": 3, "pages": 2}, {"seed": 4, "pages": 1}],
    "rtl": [
        {"seed": 11, "pages": 1, "direction": "rtl", "language": "ar"},
        {"seed": 302, "pages": 2, "direction": "rtl", "language": "ar"},
        {"seed": 303, "pages": 2, "direction": "rtl", "language": "ar"},
        {"seed": 311, "pages": 2, "direction": "rtl", "language": "ur"},
        {"seed": 312, "pages": 2, "direction": "rtl", "language": "ur"},
    ],
    "spread": [{"seed": 12, "pages": 1, "spread": True}],
    "nospace": [{"seed": 13, "pages": 1, "nospace": True}],
    "cropped": [{"seed": 14, "pages": 1, "cropped_spread": True}],
    "unmarked": [{"seed": 15, "pages": 2, "daily": True}],
    "marks": [{"seed": 15, "pages": 2, "daily": True, "print_marks": True}],
}


def _score(root: Path, kind: str) -> Summary:
    gt, pred = root / kind / "gt", root / kind / "pred"
    gt.mkdir(parents=True)
    pred.mkdir(parents=True)
    for k, options in enumerate(KINDS[kind]):
        edition = generate_edition(SyntheticOptions(**options), gt, stem=f"{kind}{k}")
        for page in extract_pages(edition.pdf):
            write_page(page, pred / f"{kind}{k}-p{page.page}.json")
    return evaluate_dirs(gt, pred).corpus


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Summary]:
    root = tmp_path_factory.mktemp("synthetic-scores")
    return {kind: _score(root, kind) for kind in KINDS}


def test_left_to_right_pages(scores: dict[str, Summary]) -> None:
    s = scores["ltr"]
    assert s.article_f1 >= 0.97
    assert s.bcubed_f1 >= 0.97
    assert s.text_similarity is not None and s.text_similarity >= 0.96
    assert s.headline_accuracy is not None and s.headline_accuracy >= 0.93
    assert s.contamination <= 0.01


def test_right_to_left_pages(scores: dict[str, Summary]) -> None:
    """Arabic and Urdu pages (measured 0.973 / 0.918 / 0.928 / 0.959 with seeds 302, 303, 311 and 312:
    short headlines over one end of a story, briefs, captions beside columns, a pull quote opening
    a story's last column, paragraphs running on in a column no headline covers)."""
    s = scores["rtl"]
    assert s.article_f1 >= 0.97
    assert s.bcubed_f1 >= 0.915
    assert s.text_similarity is not None and s.text_similarity >= 0.925
    assert s.headline_accuracy is not None and s.headline_accuracy >= 0.95


def test_spread_and_cropped_spread(scores: dict[str, Summary]) -> None:
    assert scores["spread"].article_f1 >= 0.97
    assert scores["spread"].bcubed_f1 >= 0.97
    assert scores["cropped"].bcubed_f1 >= 0.95


def test_a_print_pdf_with_marks_and_a_slug_reads_as_the_page_without_them(scores: dict[str, Summary]) -> None:
    """A publisher's print PDF shows the page inside a larger sheet: crop marks, registration targets
    and a slug line (file name, page, time of export) in the margin. The marks make no item and the
    slug is furniture, so the pages score as the same pages exported without them."""
    marked, unmarked = scores["marks"], scores["unmarked"]
    assert marked.article_f1 == unmarked.article_f1 >= 0.97
    assert marked.bcubed_f1 == pytest.approx(unmarked.bcubed_f1, abs=0.002)  # regions rounded after the shift
    assert marked.coverage is not None and marked.coverage >= 0.995


def test_pdf_without_space_characters(scores: dict[str, Summary]) -> None:
    s = scores["nospace"]
    assert s.bcubed_f1 >= 0.95
    assert s.text_similarity is not None and s.text_similarity >= 0.93
