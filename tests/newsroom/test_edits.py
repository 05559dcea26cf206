"""Each change an editor can make to a page, applied through the log (:mod:`broadsheet.newsroom.history`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.newsroom.editions import reviewed_edition, uid_of

HARBOUR, LIBRARY, CAFE = "Harbour ferries to run again", "Library opens night reading room", "Café owners celebrate"


@pytest.fixture
def edition_id(site: Path, tmp_path: Path) -> int:
    return reviewed_edition(tmp_path / "upload")


def _do(edition_id: int, action: str, **params: object) -> str:
    from broadsheet.newsroom.history import correct

    return correct(edition_id, None, action, params).summary


def _article(edition_id: int, uid: str) -> object:
    from broadsheet.editions.models import Article

    return Article.objects.get(edition_id=edition_id, uid=uid)


def test_ingest_keeps_the_items_that_are_not_articles_for_review(edition_id: int) -> None:
    from broadsheet.editions.models import PageItem

    assert list(PageItem.objects.filter(edition_id=edition_id).values_list("page__number", "kind")) == [
        (1, "masthead"),
        (2, "masthead"),
        (3, "masthead"),
    ]


def test_retyping_an_article_moves_it_out_of_readers_reach_and_back_with_its_text(edition_id: int) -> None:
    from broadsheet.editions.models import Article, PageItem

    cafe = uid_of(edition_id, CAFE)
    key = Article.objects.get(uid=cafe).key
    assert _do(edition_id, "retype", uid=cafe, kind="advert") == "made “Café owners celebrate” an advert"
    assert not Article.objects.filter(uid=cafe).exists()
    assert PageItem.objects.get(uid=cafe).kind == "advert"
    assert _do(edition_id, "retype", uid=cafe, kind="article") == "made the advert on page 1 an article"
    back = Article.objects.get(uid=cafe)
    assert (back.headline, back.key) == (CAFE, key)


def test_merging_keeps_the_first_articles_identity_and_joins_the_text(edition_id: int) -> None:
    from broadsheet.editions.models import Article

    harbour, library = uid_of(edition_id, HARBOUR), uid_of(edition_id, LIBRARY)
    first = _article(edition_id, harbour)
    summary = _do(edition_id, "merge", uids=[library, harbour])
    assert summary == f"merged “{HARBOUR}” and “{LIBRARY}”"
    merged = Article.objects.get(uid=harbour)
    assert merged.id == first.id and merged.headline == HARBOUR  # type: ignore[attr-defined]
    assert merged.body.endswith("Students crowded the new reading room.") and len(merged.regions) == 2
    assert not Article.objects.filter(uid=library).exists()


@pytest.mark.parametrize("with_pdf", [True, False])
def test_splitting_at_a_line_divides_regions_and_body_there(site: Path, tmp_path: Path, with_pdf: bool) -> None:
    """With the PDF the body is divided where the text under the line begins; without it, at the
    paragraph nearest the share of the area (here the same place)."""
    from broadsheet.editions.models import Article

    edition_id = reviewed_edition(tmp_path / "upload", with_pdf=with_pdf)
    harbour = uid_of(edition_id, HARBOUR)
    region = _article(edition_id, harbour).regions[0]  # type: ignore[attr-defined]
    y = 141.0 if with_pdf else region[1] + (region[3] - region[1]) * 0.45
    assert _do(edition_id, "split", uid=harbour, region=0, y=y) == f"split “{HARBOUR}” in two"
    first = Article.objects.get(uid=harbour)
    second = Article.objects.get(edition_id=edition_id, page__number=1, headline="", body__startswith="Fishermen")
    assert first.body.endswith("resume in spring.") and first.regions == [[*region[:3], round(y, 2)]]
    assert second.regions == [[region[0], round(y, 2), *region[2:]]]
    assert second.key == "1-e1" and second.jump_to_page == 2 and first.jump_to_page is None


def test_split_refuses_a_line_outside_the_article(edition_id: int) -> None:
    from broadsheet.errors import UsageError

    harbour = uid_of(edition_id, HARBOUR)
    with pytest.raises(UsageError, match="between two lines"):
        _do(edition_id, "split", uid=harbour, region=0, y=1.0)


def test_regions_are_drawn_moved_resized_reordered_and_deleted(edition_id: int) -> None:
    from broadsheet.errors import UsageError

    harbour = uid_of(edition_id, HARBOUR)
    r = _article(edition_id, harbour).regions[0]  # type: ignore[attr-defined]
    drawn = [36.0, 700.0, 300.0, 800.0]
    assert _do(edition_id, "regions", uid=harbour, regions=[r, drawn], what="draw").startswith("drew a region on")
    _do(edition_id, "regions", uid=harbour, regions=[drawn, r], what="order")
    assert _article(edition_id, harbour).regions == [drawn, r]  # type: ignore[attr-defined]
    _do(edition_id, "regions", uid=harbour, regions=[[40, 710, 900, 805], r], what="move")
    assert _article(edition_id, harbour).regions[0] == [40.0, 710.0, 595.0, 805.0]  # type: ignore[attr-defined]
    _do(edition_id, "regions", uid=harbour, regions=[r], what="delete")
    with pytest.raises(UsageError, match="delete the item instead"):
        _do(edition_id, "regions", uid=harbour, regions=[], what="delete")
    with pytest.raises(UsageError, match="too small"):
        _do(edition_id, "regions", uid=harbour, regions=[[10, 10, 11, 11]], what="resize")


def test_a_new_item_is_drawn_and_deleted(edition_id: int) -> None:
    from broadsheet.editions.models import PageItem

    assert _do(edition_id, "add", page=1, kind="advert", region=[36, 780, 300, 830]) == "drew a new advert on page 1"
    advert = PageItem.objects.get(kind="advert")
    assert advert.regions == [[36.0, 780.0, 300.0, 830.0]]
    assert _do(edition_id, "delete", uid=str(advert.uid)) == "deleted the advert on page 1"
    assert not PageItem.objects.filter(kind="advert").exists()


def test_texts_are_edited_and_captions_are_lines(edition_id: int) -> None:
    harbour = uid_of(edition_id, HARBOUR)
    assert _do(edition_id, "text", uid=harbour, fields={"headline": " Ferries return "}) == (
        f"edited the headline of “{HARBOUR}”"
    )
    _do(
        edition_id, "text", uid=harbour, fields={"subheadline": "Spring crossings", "captions": "The quay\n\nThe ferry"}
    )
    article = _article(edition_id, harbour)
    assert (article.headline, article.subheadline, article.captions) == (  # type: ignore[attr-defined]
        "Ferries return",
        "Spring crossings",
        ["The quay", "The ferry"],
    )


def test_a_jump_is_linked_to_an_article_on_another_page(edition_id: int) -> None:
    from broadsheet.editions.models import Article

    harbour, cafe = uid_of(edition_id, HARBOUR), uid_of(edition_id, CAFE)
    continuation = Article.objects.get(edition_id=edition_id, page__number=2, headline=HARBOUR)
    assert _article(edition_id, harbour).continues_in_id == continuation.id  # type: ignore[attr-defined]
    weather = str(Article.objects.get(edition_id=edition_id, page__number=3).uid)
    _do(edition_id, "jump", uid=cafe, to=weather)
    linked = _article(edition_id, cafe)
    assert (linked.continues_in.uid.hex, linked.jump_to_page) == (weather.replace("-", ""), 3)  # type: ignore[attr-defined]
    assert Article.objects.get(uid=weather).jump_from_page == 1
    _do(edition_id, "jump", uid=cafe, to=None)
    assert _article(edition_id, cafe).continues_in is None  # type: ignore[attr-defined]
    assert Article.objects.get(uid=weather).jump_from_page is None


def test_bad_changes_are_refused_with_a_message(edition_id: int) -> None:
    from broadsheet.errors import UsageError

    harbour = uid_of(edition_id, HARBOUR)
    cases = [
        ("teleport", {}, "unknown change 'teleport'"),
        ("merge", {"uids": [harbour]}, "select two or more articles"),
        ("retype", {"uid": harbour, "kind": "poem"}, "an item is one of"),
        ("retype", {"uid": harbour, "kind": "article"}, "already an article"),
        ("text", {"uid": harbour, "fields": {"headline": HARBOUR}}, "nothing changed"),
        ("text", {"uid": "0000", "fields": {}}, "no longer on the page"),
    ]
    for action, params, message in cases:
        with pytest.raises(UsageError, match=message):
            _do(edition_id, action, **params)
