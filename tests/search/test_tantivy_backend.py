"""Search through tantivy: folded diacritics, BM25 ranking, phrases, escaped snippets, filters, paging."""

from __future__ import annotations

import datetime as dt

import pytest

from broadsheet.errors import SearchIndexError, UsageError
from broadsheet.search import SearchQuery, get_backend, parse_terms, tantivy_backend
from broadsheet.search.tantivy_backend import marked_html
from broadsheet.search.tantivy_index import SCHEMA_VERSION
from broadsheet.web.testing import HOSTILE, SampleArticle
from tests.search.conftest import Publish


@pytest.fixture
def archive(publish: Publish) -> None:
    publish(
        "north-star",
        "2025-01-05",
        [
            [
                SampleArticle("Café reopens on the quay", "Coffee and cake again after the storm."),
                SampleArticle("Council budget", "The new café licence fee was set. Harbour dues rise."),
            ]
        ],
    )
    publish(
        "south-post",
        "2025-03-01",
        [
            [
                SampleArticle("Harbour news", f"Text {HOSTILE} harbour."),
                SampleArticle("کراچی میں بارش", "شہر میں تیز بارش ہوئی۔ Rain in the old town of Karachi."),
            ]
        ],
    )


def search(text: str, **kw: object) -> list[str]:
    from broadsheet.editions.models import Article

    hits = get_backend().search(SearchQuery(text, **kw)).hits  # type: ignore[arg-type]
    return [Article.objects.get(id=h.article_id).headline for h in hits]


def test_diacritics_are_folded_both_ways(archive: None) -> None:
    assert search("cafe")[0] == "Café reopens on the quay"
    assert set(search("CAFÉ", publication="north-star")) == {"Café reopens on the quay", "Council budget"}


def test_urdu_is_searchable_and_not_folded_away(archive: None) -> None:
    assert search("بارش") == ["کراچی میں بارش"]
    assert search('"تیز بارش"') == ["کراچی میں بارش"]
    assert search("karachi") == ["کراچی میں بارش"]


def test_headline_hits_rank_above_body_hits(archive: None) -> None:
    assert search("cafe", publication="north-star") == ["Café reopens on the quay", "Council budget"]


def test_phrases_and_all_words_required(archive: None) -> None:
    assert search('"licence fee"') == ["Council budget"]
    assert search('"Café LICENCE fee was"') == ["Council budget"]
    assert search('"fee licence"') == []
    assert search('"licence was"') == []
    assert search('"new licence fee"') == []  # three words, all present, not in that order
    assert search("harbour dues") == ["Council budget"]
    assert search('"licence fee" harbour') == ["Council budget"]


def test_a_phrase_does_not_run_from_headline_into_body(archive: None) -> None:
    assert search('"budget the"') == []


def test_filters_by_publication_and_dates(archive: None) -> None:
    assert search("harbour", publication="south-post") == ["Harbour news"]
    assert search("harbour", date_to=dt.date(2025, 2, 1)) == ["Council budget"]
    assert search("harbour", date_from=dt.date(2025, 2, 1)) == ["Harbour news"]
    assert search("harbour", date_from=dt.date(2025, 3, 1), date_to=dt.date(2025, 3, 1)) == ["Harbour news"]


def test_paging_keeps_the_total(archive: None) -> None:
    first = get_backend().search(SearchQuery("harbour", limit=1))
    second = get_backend().search(SearchQuery("harbour", limit=1, offset=1))
    assert (first.total, second.total) == (2, 2)
    with pytest.raises(UsageError):
        get_backend().search(SearchQuery("harbour", limit=0))
    assert {first.hits[0].article_id, second.hits[0].article_id} == set(
        h.article_id for h in get_backend().search(SearchQuery("harbour")).hits
    )


def test_snippets_escape_text_and_mark_hits(archive: None) -> None:
    hit = get_backend().search(SearchQuery("harbour", publication="south-post")).hits[0]
    assert "<script>" not in hit.snippet_html and "<img" not in hit.snippet_html
    assert "&lt;script&gt;" in hit.snippet_html
    assert "&amp;amp;" in hit.snippet_html  # the entity in the PDF text is shown as typed
    assert "<mark>harbour</mark>" in hit.snippet_html
    assert hit.headline_html == "<mark>Harbour</mark> news"


def test_phrase_words_are_marked_and_a_headline_hit_shows_the_start_of_the_body(archive: None) -> None:
    hit = get_backend().search(SearchQuery('"licence fee"')).hits[0]
    assert "<mark>licence</mark> <mark>fee</mark>" in hit.snippet_html
    hit = get_backend().search(SearchQuery("reopens")).hits[0]
    assert hit.headline_html == "Café <mark>reopens</mark> on the quay"
    assert hit.snippet_html == "Coffee and cake again after the storm."


def test_marked_html_counts_utf8_bytes_and_escapes_everything() -> None:
    text = "Crème <b>brûlée</b>"
    start = len("Crème <b>".encode())
    html = marked_html(text, [(start, start + len("brûlée".encode()))])
    assert html == "Crème &lt;b&gt;<mark>brûlée</mark>&lt;/b&gt;"


def test_operators_are_words_not_syntax(archive: None) -> None:
    assert parse_terms('cafe OR "new  café" NEAR( -x') == ["cafe", "OR", "new café", "NEAR", "x"]
    with pytest.raises(UsageError):
        parse_terms('  "" ( ) ')
    assert search("licence AND OR fee*") == []  # "and", "or" are words here, and no article has them both


def test_replaced_edition_is_not_found_twice(archive: None, publish: Publish) -> None:
    publish("south-post", "2025-03-01", [[SampleArticle("Harbour news, corrected", "harbour")]])
    assert search("harbour", publication="south-post") == ["Harbour news, corrected"]


def test_common_words_are_not_counted_but_the_total_stays_true(archive: None, monkeypatch: pytest.MonkeyPatch) -> None:
    backend = get_backend()
    counted = backend.search(SearchQuery("harbour", limit=1))
    assert (counted.total, counted.more) == (2, False)
    monkeypatch.setattr(tantivy_backend, "COUNT_UP_TO", 0)  # every word is "common" now
    first = backend.search(SearchQuery("harbour", limit=1))
    assert (first.total, first.more, first.hits) == (1, True, counted.hits)
    last = backend.search(SearchQuery("harbour", limit=1, offset=1))
    assert (last.total, last.more, len(last.hits)) == (2, False, 1)
    past = backend.search(SearchQuery("harbour", limit=1, offset=5))  # a later page is counted
    assert (past.total, past.more, past.hits) == (2, False, [])
    assert backend.search(SearchQuery('"licence fee" harbour')).total == 1


def test_a_word_in_headline_and_body_is_marked_in_both_and_ranks_first(archive: None) -> None:
    hits = get_backend().search(SearchQuery("harbour")).hits
    assert [h.headline_html for h in hits] == ["<mark>Harbour</mark> news", "Council budget"]
    assert "set. <mark>Harbour</mark> dues rise" in hits[1].snippet_html


def test_an_index_of_an_older_version_is_refused_until_rebuilt(archive: None) -> None:
    backend = get_backend()
    assert isinstance(backend, tantivy_backend.TantivyBackend)
    older = backend.index.path.with_name(backend.index.path.name.replace(f"-v{SCHEMA_VERSION}", "-v1"))
    older.mkdir()
    with pytest.raises(SearchIndexError, match="older version; run `broadsheet reindex`"):
        backend.search(SearchQuery("harbour"))
    assert backend.rebuild() == 4 and not older.exists()
    assert search("harbour") == ["Harbour news", "Council budget"]


def test_a_repeated_word_is_searched_once(archive: None) -> None:
    once = get_backend().search(SearchQuery("harbour")).hits
    assert get_backend().search(SearchQuery("Harbour harbour")).hits == once  # the same scores, too
