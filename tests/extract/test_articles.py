"""How blocks become articles on small generated pages; each test is a layout a real page got wrong."""

from __future__ import annotations

from pathlib import Path

from broadsheet.extract import extract_pages
from broadsheet.extract.model import Item, ItemType, PageResult
from tests.pdfs import Draw, box, column, combine, make_pdf, text_at

COLUMNS = (40.0, 215.0, 390.0)  # three 165 pt columns on a 612 pt page
WIDTH = 165.0


def _page(tmp_path: Path, *draws: Draw, pages: int = 1) -> PageResult:
    """Extract the last page of a PDF whose pages are all drawn alike."""
    page = combine(*draws)
    *_, result = extract_pages(make_pdf(tmp_path / "page.pdf", *([page] * pages)))
    return result


def _articles(result: PageResult) -> list[Item]:
    return [i for i in result.items if i.type is ItemType.ARTICLE]


def _story(top: float, headline: str, seed: int = 0, lines: int = 20) -> list[Draw]:
    """A headline across the three columns and body text under it."""
    body = [column(x, top + 40, WIDTH, lines, seed=seed + k * 7) for k, x in enumerate(COLUMNS)]
    return [text_at(COLUMNS[0], top, headline, "Helvetica-Bold", 26), *body]


def test_big_bold_kicker_and_deck_stay_with_their_headline(tmp_path: Path) -> None:
    result = _page(
        tmp_path,
        text_at(40, 80, "Rivers and roads", "Helvetica-Bold", 15),
        *_story(100, "Bridge Plan Goes to the Board"),
        text_at(40, 132, "Residents ask for a hearing on the route", "Helvetica-Bold", 15),
    )
    (article,) = _articles(result)
    assert article.headline == "Bridge Plan Goes to the Board"
    assert article.kicker == "Rivers and roads"
    assert article.subheadline == "Residents ask for a hearing on the route"


def test_a_tint_behind_the_headline_does_not_cut_the_story_from_it(tmp_path: Path) -> None:
    result = _page(
        tmp_path, box(36, 96, 540, 34, fill=(0.85, 0.9, 0.85)), *_story(100, "Bridge Plan Goes to the Board")
    )
    (article,) = _articles(result)
    assert article.headline == "Bridge Plan Goes to the Board" and article.body and len(article.regions) >= 4


def test_a_bordered_box_with_its_own_headline_and_body_is_its_own_story(tmp_path: Path) -> None:
    result = _page(
        tmp_path,
        *_story(100, "Bridge Plan Goes to the Board", lines=12),
        box(36, 300, 540, 200),
        text_at(50, 310, "Market Hall Reopens", "Helvetica-Bold", 20),
        column(50, 340, 250, 10, seed=3),
    )
    assert sorted(a.headline or "" for a in _articles(result)) == [
        "Bridge Plan Goes to the Board",
        "Market Hall Reopens",
    ]


def test_the_lead_headline_of_an_inner_page_is_not_a_masthead(tmp_path: Path) -> None:
    result = _page(
        tmp_path,
        text_at(215, 70, "Ports Are Full as Ships Wait", "Helvetica-Bold", 26),
        *(column(x, 120, WIDTH, 25, seed=k) for k, x in enumerate((215, 390))),
        text_at(40, 60, "Verdict Due", "Helvetica-Bold", 22),
        column(40, 100, WIDTH, 28, seed=5),
        text_at(215, 420, "Fair Opens", "Helvetica-Bold", 20),
        *(column(x, 450, WIDTH, 10, seed=k) for k, x in enumerate((215, 390))),
        pages=3,
    )
    headlines = sorted(a.headline or "" for a in _articles(result))
    assert headlines == ["Fair Opens", "Ports Are Full as Ships Wait", "Verdict Due"]


def test_a_big_page_number_in_the_header_is_furniture(tmp_path: Path) -> None:
    result = _page(tmp_path, text_at(540, 30, "5", "Helvetica-Bold", 24), *_story(100, "Bridge Plan Goes to the Board"))
    assert [a.headline for a in _articles(result)] == ["Bridge Plan Goes to the Board"]
    assert any(i.type is ItemType.FURNITURE for i in result.items)


def test_a_flush_right_byline_goes_with_the_column_under_it(tmp_path: Path) -> None:
    lower = 380
    result = _page(
        tmp_path,
        *_story(60, "Bridge Plan Goes to the Board", lines=22),
        text_at(60, lower, "Market Hall Reopens After Years", "Helvetica-Bold", 26),
        text_at(520, lower + 34, "Ann Lee", "Helvetica-Bold", 9),
        *(column(x, lower + 48, WIDTH, 15, seed=k) for k, x in enumerate(COLUMNS)),
    )
    market = next(a for a in _articles(result) if a.headline == "Market Hall Reopens After Years")
    assert "Ann Lee" in " ".join(filter(None, [market.byline, market.body]))


def test_a_stray_label_inside_a_story_is_not_a_story(tmp_path: Path) -> None:
    result = _page(tmp_path, *_story(100, "Bridge Plan Goes to the Board"), text_at(34, 250, "a", size=6))
    assert len(_articles(result)) == 1
