"""Every line of a page can say why it got its role and its item (``broadsheet extract --explain``)."""

from __future__ import annotations

import json
from pathlib import Path

from broadsheet.cli import main
from broadsheet.extract import ExtractOptions, extract_pages
from tests.pdfs import column, combine, make_pdf, text_at


def _story_pdf(tmp_path: Path) -> Path:
    page = combine(
        text_at(40, 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 26),
        text_at(40, 100, "By Ann Lee", "Helvetica", 9),
        column(40, 120, 250, 20),
        column(310, 120, 250, 20, seed=7),
    )
    return make_pdf(tmp_path / "story.pdf", page)


def test_each_line_names_its_role_rule_and_its_item_rule(tmp_path: Path) -> None:
    (result,) = extract_pages(_story_pdf(tmp_path), options=ExtractOptions(explain=True))
    decisions = {d.text: d for d in result.decisions}
    head = decisions["Bridge Plan Goes to the Board"]
    assert (head.role, head.item) == ("headline", "a1")
    assert head.role_rule.startswith("headline:") and head.item_rule == "a headline opens its article"
    byline = decisions["By Ann Lee"]
    assert byline.role == "byline" and byline.role_rule.startswith("byline:")
    items = {item.id for item in result.items}
    assert all(d.item in items and d.role_rule and d.item_rule for d in result.decisions)
    assert sum(len(d.text) for d in result.decisions) > 1000  # every line of the body is there too


def test_decisions_are_only_recorded_when_asked_for(tmp_path: Path) -> None:
    (result,) = extract_pages(_story_pdf(tmp_path))
    assert result.items and not result.decisions


def test_the_cli_writes_the_decisions_beside_the_page_json(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(_story_pdf(tmp_path)), "--out", str(out), "--explain", "--overlay"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["story-p1.explain.json", "story-p1.json", "story-p1.png"]
    explained = json.loads((out / "story-p1.explain.json").read_text())
    first = explained["lines"][0]
    assert {"box", "text", "size", "font", "role", "role_rule", "item", "item_rule"} <= set(first)
    assert any(line["role"] == "headline" for line in explained["lines"])
