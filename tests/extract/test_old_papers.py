"""Old papers' scanned pages: title blocks closed by rules, columns poured on, headings in the body
size at the top of a page, OCR's noise kept out of headlines and articles."""

from __future__ import annotations

from pathlib import Path

from broadsheet.extract import extract_pages
from broadsheet.extract.articles import Cluster
from broadsheet.extract.blocks import Role, TypeScale
from broadsheet.extract.model import ItemType
from broadsheet.extract.roles import PageLayout, assign_roles
from broadsheet.extract.ruled import rules_across
from broadsheet.extract.untitled import join_untitled
from tests.extract.scanned_blocks import BODY, PITCH, text_block
from tests.ocr.scans import (
    DPI,
    GUTTER_X,
    OLD_CONTENTS,
    OLD_HEADINGS,
    narrow_gutter_page,
    old_front_page,
    old_inner_page,
    scan_of,
)

SCALE = TypeScale(body=BODY, pitch=PITCH)
RUNNING = ["the council met on tuesday and the", "road to the harbour was the first", "matter before it as the members"]


def test_an_old_front_pages_ruled_title_and_contents_are_no_articles(tmp_path: Path) -> None:
    """Regression (a Zurich paper of 1812–15): the title block, its name in type OCR reads small, and
    the strip of contents between two rules across the page under it came out as articles."""
    path = tmp_path / "front.png"
    scan_of(tmp_path, old_front_page()).save(path)
    (result,) = extract_pages(path)
    assert [a.headline for a in result.articles] == list(OLD_HEADINGS)
    types = {i.type for i in result.items}
    assert ItemType.MASTHEAD in types
    contents = [i for i in result.items if i.type is ItemType.FURNITURE and i.regions[0][1] < 300]
    assert contents and not any(OLD_CONTENTS.split()[0] in (a.body or "") for a in result.articles)
    harbour = next(a for a in result.articles if a.headline == "Harbour.")
    assert any(r[0] > result.width / 3 for r in harbour.regions)  # carried on at the second column's top


def test_a_heading_at_the_top_of_an_old_inner_page_heads_its_column(tmp_path: Path) -> None:
    """Regression (the Deseret News, 1850): a heading in the body size at the very top of a column,
    level with the first lines of the others, was taken for the header band's furniture; and a
    centred line of running text ending in a comma ("The analysis yielded,") for a headline."""
    path = tmp_path / "inner.png"
    scan_of(tmp_path, old_inner_page()).save(path)
    (result,) = extract_pages(path)
    assert [a.headline for a in result.articles] == [None, "Sweden.", "Poland."]
    poland = result.articles[2]
    assert "The analysis yielded," in (poland.body or "")


def test_a_scans_headline_with_too_few_letters_is_body_text() -> None:
    """Regression (the almanac column of an 1850 paper): figures of a table read as short bold lines
    ("M]w", "4)") over text each opened an article."""
    figures = text_block(100, 100, 130, ["4)"], bold=True)
    text = text_block(40, 115, 200, RUNNING)
    heading = text_block(80, 200, 160, ["Poetry"], bold=True)
    more = text_block(40, 215, 200, RUNNING)
    assign_roles([figures, text, heading, more], SCALE, PageLayout(600, 800, scanned=True))
    assert figures.role is Role.BODY and heading.role is Role.HEADLINE
    assert figures.role_rule.startswith("body: a scan's headline with too few letters")


def test_an_untitled_scrap_of_specks_is_no_article_and_a_piece_over_a_headline_is_not_its_story() -> None:
    """OCR's specks ("Jai") were an article of their own; the end of a story at a column's head,
    above the next story's headline in that column, was put in that next story."""
    head = text_block(80, 200, 160, ["Office of Delivery."], Role.HEADLINE)
    body = text_block(40, 215, 200, RUNNING * 4)
    beside = text_block(215, 100, 375, RUNNING * 6)
    story = Cluster(ItemType.ARTICLE, [head, body, beside], head)
    above = Cluster(ItemType.ARTICLE, [text_block(40, 100, 200, ["the end of a story from the page before it"])])
    specks = Cluster(ItemType.ARTICLE, [text_block(300, 600, 320, ["Jai"])])
    clusters = [story, above, specks]
    rank = {id(b): k for k, b in enumerate(b for c in clusters for b in c.blocks)}
    kept = join_untitled(clusters, SCALE, rank, PageLayout(600, 800, scanned=True))
    assert above in kept and specks.type is ItemType.FURNITURE


def test_a_rule_scanned_in_pieces_is_one_rule_across_the_page() -> None:
    pieces = [(40.0, 100.0, 300.0, 102.0), (305.0, 101.0, 570.0, 103.0), (40.0, 400.0, 200.0, 402.0)]
    assert rules_across(pieces, 612.0, SCALE) == [(40.0, 100.0, 570.0, 103.0)]


def test_columns_a_hairline_apart_are_parted_at_their_gutter(tmp_path: Path) -> None:
    """Regression (the Deseret News, 1850): justified columns a quarter of an em apart were read
    as one line across both (OCR even read words across the gutter as one, "rivera"), and the two
    stories beside each other became one."""
    path = tmp_path / "narrow.png"
    scan_of(tmp_path, narrow_gutter_page()).save(path)
    (result,) = extract_pages(path)
    assert [a.headline for a in result.articles] == ["Harbour.", "Markets."]
    left, right = result.articles
    gutter = GUTTER_X * DPI / 72
    assert all(r[2] <= gutter + 2 for r in left.regions) and all(r[0] >= gutter - 2 for r in right.regions)
