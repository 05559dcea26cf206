"""Stable identity: a story keeps its id (``uid``) and URL (``key``) when its edition is ingested again."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from uuid import UUID

import pytest
from django.test import Client

from broadsheet.extract.model import PageResult
from broadsheet.ingest.identity import KeptCorrections, Story, free_key, match, match_pages, similarity, story
from broadsheet.web.testing import FixedExtractor, SampleArticle, make_pdf, sample_pages

ED = "/the-test-gazette/2025-04-20"
TOP, LOW = (36.0, 90.0, 559.0, 300.0), (36.0, 310.0, 559.0, 520.0)


def _story(page: int, text: str, box: tuple[float, float, float, float] = TOP) -> Story:
    return story(page, [text], [box])


def test_similarity_is_shared_words_or_for_wordless_stories_the_same_place() -> None:
    assert similarity(_story(1, "Ferries run again"), _story(2, "ferries RUN again.")) == 1.0
    assert similarity(_story(1, "Ferries run again"), _story(1, "Apples ripen early")) == 0.0
    assert similarity(_story(1, "a b c d"), _story(1, "a b c e")) == pytest.approx(3 / 5)
    assert similarity(_story(1, ""), _story(1, "")) == 1.0
    assert similarity(_story(1, ""), _story(1, "", LOW)) == 0.0
    assert similarity(_story(1, ""), _story(2, "")) == 0.0


def test_match_pairs_stories_by_content_not_by_order_or_place() -> None:
    old = [_story(1, "harbour ferries run again"), _story(1, "library opens a reading room", LOW)]
    swapped = [_story(1, "library opens a reading room"), _story(1, "harbour ferries run again", LOW)]
    assert match(old, swapped) == {0: 1, 1: 0}


def test_a_different_story_in_the_same_place_is_not_the_old_one() -> None:
    old = [_story(1, "harbour ferries run again")]
    assert match(old, [_story(1, "orchard harvest is early")]) == {}


def test_a_story_that_moved_to_another_page_is_found_there() -> None:
    old = [_story(1, "harbour ferries run again"), _story(2, "orchard harvest is early")]
    new = [_story(1, "weather a mild week ahead"), _story(3, "harbour ferries run again today")]
    assert match(old, new) == {1: 0}


def test_the_same_place_decides_between_equally_alike_stories() -> None:
    old = [_story(1, "notice", TOP), _story(1, "notice", LOW)]
    assert match(old, [_story(1, "notice", LOW), _story(1, "notice", TOP)]) == {0: 1, 1: 0}


def test_a_new_key_is_never_one_the_edition_had() -> None:
    assert free_key("1-a2", {"1-a1"}) == "1-a2"
    assert free_key("1-a2", {"1-a2", "1-a2-2"}) == "1-a2-3"


def _ingest(pdf: Path, results: list[PageResult]) -> None:
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition
    from broadsheet.ingest.images import ImageOptions

    ingest_edition(
        IngestRequest(pdf=pdf, publication="the-test-gazette", date=dt.date(2025, 4, 20)),
        IngestOptions(images=ImageOptions(full_dpi=30, screen_width=200), workers=1, extractor=FixedExtractor(results)),
    )


def _identities() -> dict[str, tuple[str, UUID]]:
    """Each published article's (key, uid), by headline."""
    from broadsheet.editions.models import Article

    rows = Article.objects.filter(edition__status="published").values_list("headline", "page__number", "key", "uid")
    return {f"{page}:{headline}": (key, uid) for headline, page, key, uid in rows}


@pytest.fixture
def first(site: Path, tmp_path: Path) -> tuple[Path, list[PageResult], dict[str, tuple[str, UUID]]]:
    """The sample edition ingested once: its PDF, its extraction, its articles' identities."""
    pdf = tmp_path / "gazette.pdf"
    results = make_pdf(pdf, sample_pages())
    _ingest(pdf, results)
    return pdf, results, _identities()


def test_reingesting_the_same_pdf_keeps_every_article_id_and_url(
    first: tuple[Path, list[PageResult], dict[str, tuple[str, UUID]]],
) -> None:
    pdf, results, before = first
    _ingest(pdf, results)
    assert _identities() == before
    for key, uid in before.values():
        response = Client().get(f"{ED}/article/{key}.json")
        assert (response.status_code, response.json()["id"]) == (200, str(uid))


def test_a_reextraction_that_numbers_the_items_differently_keeps_the_urls(
    first: tuple[Path, list[PageResult], dict[str, tuple[str, UUID]]],
) -> None:
    """The extractor's item ids follow its reading order, which a better extractor may change."""
    pdf, results, before = first
    page1 = results[0]
    renumbered = [dataclasses.replace(item, id=f"x{i}") for i, item in enumerate(reversed(page1.items))]
    _ingest(pdf, [dataclasses.replace(page1, items=renumbered), *results[1:]])
    assert _identities() == before


def test_a_changed_page_keeps_the_urls_of_the_stories_that_did_not_change(
    first: tuple[Path, list[PageResult], dict[str, tuple[str, UUID]]], tmp_path: Path
) -> None:
    _, _, before = first
    pages = sample_pages()
    pages[1][1] = SampleArticle("Bridge reopens after repairs", "Traffic crossed the old bridge again on Monday. " * 4)
    pdf = tmp_path / "corrected.pdf"
    _ingest(pdf, make_pdf(pdf, pages))
    after = _identities()
    gone = "2:Orchard harvest is early"
    assert {h: after[h] for h in before if h != gone} == {h: v for h, v in before.items() if h != gone}
    new_key, new_uid = after["2:Bridge reopens after repairs"]
    assert new_key not in {key for key, _ in before.values()} and new_uid not in {uid for _, uid in before.values()}
    client = Client()
    assert client.get(f"{ED}/article/{before[gone][0]}/").status_code == 404  # not another story
    assert client.get(f"{ED}/article/{new_key}/").status_code == 200
    assert client.get(f"{ED}/article/{before['1:Harbour ferries to run again'][0]}/").status_code == 200


def test_pages_are_paired_by_fingerprint_in_place_first_then_in_order() -> None:
    assert match_pages(["a", "b", "c"], ["a", "x", "c"]) == {1: 1, 3: 3}
    assert match_pages(["a", "b", "c"], ["c", "a"]) == {1: 2, 3: 1}  # page 2 taken out, the others moved
    assert match_pages(["z", "a", "z"], ["a", "z", "z", "z"]) == {1: 2, 2: 1, 3: 3}  # a page printed twice
    assert match_pages(["", "b"], ["", "b", "b"]) == {2: 2}  # no fingerprint known: never the same page
    assert match_pages([], ["a"]) == {}


def test_what_became_of_the_corrections_is_said_page_by_page() -> None:
    kept = KeptCorrections([(1, 1), (3, 2)], [(2, "its content changed")])
    assert KeptCorrections.from_json(kept.to_json()) == kept
    assert kept.lines() == [
        "Kept the corrections of page 1, page 3 (now page 2): they print the same.",
        "Dropped the corrections of page 2: its content changed.",
    ]
    assert KeptCorrections().lines() == [] and KeptCorrections([(2, 2)]).kept_line().endswith("it prints the same.")
