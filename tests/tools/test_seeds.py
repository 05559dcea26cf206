"""tools/seeds.py, the generated batches of docs/evaluation.md: which editions a batch is, and one
edition generated, extracted and scored end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.tools.tool import load_tool

seeds = load_tool("seeds")


def test_a_batch_is_six_daily_two_plain_an_arabic_and_an_urdu_edition() -> None:
    editions = seeds.batch_editions(14, None)
    assert [e.seed for e in editions] == [1411, 1412, 1413, 1414, 1415, 1416, 1421, 1422, 1431, 1441]
    assert [e.options.daily for e in editions] == [True] * 6 + [False] * 4
    assert [e.options.resolved_language() for e in editions[-2:]] == ["ar", "ur"]
    assert all(e.options.seed == e.seed and e.options.pages == 3 for e in editions)


def test_a_batch_in_another_language_has_no_right_to_left_editions() -> None:
    editions = seeds.batch_editions(7, "it")
    assert [e.seed for e in editions] == [711, 712, 713, 714, 715, 716, 721, 722]
    assert {e.options.resolved_language() for e in editions} == {"it"}


def test_a_batch_is_scored_page_by_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One generated page (a short batch) goes through the extractor and the scorer."""
    one = seeds.Edition(5, seeds.SyntheticOptions(seed=5, pages=1))
    monkeypatch.setattr(seeds, "batch_editions", lambda batch, language: [one])
    assert seeds.main([str(tmp_path), "3"]) == 0
    report = json.loads((tmp_path / "seeds.json").read_text(encoding="utf-8"))
    assert list(report["pages"]) == ["3/5/s5-p1.gt.json"]
    page = report["pages"]["3/5/s5-p1.gt.json"]
    assert page["predicted"] and 0 < page["found"] <= page["gt_articles"]
