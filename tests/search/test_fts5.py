"""SQLite FTS5 search: folded diacritics, bm25 ranking, escaped snippets, filters, publish consistency."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from broadsheet.errors import UsageError
from broadsheet.search import SearchQuery, get_backend, parse_terms
from broadsheet.web.testing import HOSTILE, FixedExtractor, SampleArticle, make_pdf


def _publish(tmp_path: Path, slug: str, date: str, pages: list[list[SampleArticle]]) -> None:
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition
    from broadsheet.ingest.images import ImageOptions

    pdf = tmp_path / f"{slug}-{date}.pdf"
    results = make_pdf(pdf, pages)
    ingest_edition(
        IngestRequest(pdf=pdf, publication=slug, date=dt.date.fromisoformat(date)),
        IngestOptions(images=ImageOptions(full_dpi=30, screen_width=200), workers=1, extractor=FixedExtractor(results)),
    )


@pytest.fixture
def archive(site: Path, tmp_path: Path) -> None:
    _publish(
        tmp_path,
        "north-star",
        "2025-01-05",
        [
            [
                SampleArticle("Café reopens on the quay", "Coffee and cake again after the storm."),
                SampleArticle("Council budget", "The new café licence fee was set. Harbour dues rise."),
            ]
        ],
    )
    _publish(tmp_path, "south-post", "2025-03-01", [[SampleArticle("Harbour news", f"Text {HOSTILE} harbour.")]])


def search(text: str, **kw: object) -> list[str]:
    from broadsheet.web.models import Article

    hits = get_backend().search(SearchQuery(text, **kw)).hits  # type: ignore[arg-type]
    return [Article.objects.get(id=h.article_id).headline for h in hits]


def test_diacritics_are_folded_both_ways(archive: None) -> None:
    assert search("cafe")[0] == "Café reopens on the quay"
    assert set(search("CAFÉ", publication="north-star")) == {"Café reopens on the quay", "Council budget"}


def test_headline_hits_rank_above_body_hits(archive: None) -> None:
    assert search("cafe", publication="north-star") == ["Café reopens on the quay", "Council budget"]


def test_phrases_and_all_words_required(archive: None) -> None:
    assert search('"licence fee"') == ["Council budget"]
    assert search('"fee licence"') == []
    assert search("harbour dues") == ["Council budget"]


def test_filters_by_publication_and_dates(archive: None) -> None:
    assert search("harbour", publication="south-post") == ["Harbour news"]
    assert search("harbour", date_to=dt.date(2025, 2, 1)) == ["Council budget"]
    assert search("harbour", date_from=dt.date(2025, 2, 1)) == ["Harbour news"]


def test_snippets_escape_text_and_mark_hits(archive: None) -> None:
    hit = get_backend().search(SearchQuery("harbour", publication="south-post")).hits[0]
    assert "<script>" not in hit.snippet_html and "<img" not in hit.snippet_html
    assert "&lt;script&gt;" in hit.snippet_html
    assert "&amp;amp;" in hit.snippet_html  # the entity in the PDF text is shown as typed
    assert "<mark>harbour</mark>" in hit.snippet_html
    assert hit.headline_html == "<mark>Harbour</mark> news"


def test_operators_are_words_not_syntax(archive: None) -> None:
    assert parse_terms('cafe OR "new  café" NEAR( -x') == ["cafe", "OR", "new café", "NEAR", "x"]
    with pytest.raises(UsageError):
        parse_terms('  "" ( ) ')


def test_replaced_edition_is_not_found_twice(archive: None, tmp_path: Path) -> None:
    _publish(tmp_path, "south-post", "2025-03-01", [[SampleArticle("Harbour news, corrected", "harbour")]])
    assert search("harbour", publication="south-post") == ["Harbour news, corrected"]
