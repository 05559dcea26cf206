"""The index in shards, searched as one; and words in most articles found through their union."""

from __future__ import annotations

import pytest

from broadsheet.search import SearchHit, SearchQuery, tantivy_backend, tantivy_index
from broadsheet.search.tantivy_backend import TantivyBackend
from broadsheet.web.testing import SampleArticle
from tests.search.conftest import Publish

FERRIES = [  # (headline, body): headline hits first, then by how often the body says it
    ("Ferry timetable", "The ferry runs again."),
    ("Ferry fares", "Fares rise in spring."),
    ("Harbour dues", "A ferry, a ferry and a ferry."),
    ("Council", "The ferry was mentioned once among many other words of the meeting's long agenda."),
]


def headlines(hits: list[SearchHit]) -> list[str]:
    from broadsheet.editions.models import Article

    return [Article.objects.get(id=h.article_id).headline for h in hits]


def documents_per_shard(backend: TantivyBackend) -> list[int]:
    return [s.num_docs for s in backend.index.searchers()]


@pytest.fixture
def alternating(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every edition in the other shard from the one before (blocks of one edition)."""
    monkeypatch.setattr(tantivy_index, "SHARD_BLOCK", 1)


def test_shards_are_searched_as_one_index(alternating: None, publish: Publish) -> None:
    editions = [
        publish("the-post", f"2025-05-0{day}", [[SampleArticle(*article)]]) for day, article in enumerate(FERRIES, 1)
    ]
    backend = TantivyBackend()
    assert documents_per_shard(backend) == [2, 2]
    found = backend.search(SearchQuery("ferry"))
    assert (found.total, headlines(found.hits)) == (4, [h for h, _ in FERRIES])
    scores = [h.score for h in found.hits]
    assert scores == sorted(scores, reverse=True)
    pages = [backend.search(SearchQuery("ferry", limit=1, offset=n)) for n in range(4)]
    assert [headlines(p.hits)[0] for p in pages] == [h for h, _ in FERRIES]
    assert {p.total for p in pages} == {4}

    backend.remove_edition(editions[1])
    left = [2, 2]
    left[tantivy_index.shard_number(editions[1])] = 1
    assert documents_per_shard(backend) == left
    # one article in a shard ranks by that shard's own statistics: the set, not the order, is certain
    assert set(headlines(backend.search(SearchQuery("ferry")).hits)) == {h for h, _ in FERRIES} - {FERRIES[1][0]}
    assert backend.rebuild() == 4
    assert documents_per_shard(backend) == [2, 2]


def test_a_small_archive_is_all_in_the_first_shard(publish: Publish) -> None:
    for day, article in enumerate(FERRIES, 1):
        publish("the-post", f"2025-05-0{day}", [[SampleArticle(*article)]])
    assert documents_per_shard(TantivyBackend()) == [4, 0]


TIDE_ONLY = [SampleArticle(f"Tide table {n}", "Tide, tide and tide again: the tide tables.") for n in range(3)]
QUAY_ONLY = [SampleArticle(f"Quay works {n}", "Quay, quay and quay: the quay is closed.") for n in range(4)]
FILLER = " Boats, nets, gulls, ropes, masts, sails, oars, buoys, crabs, eels, cod and nets." * 4
BOTH = [  # each word once, in long bodies: they score below those with one word many times
    SampleArticle("Harbour notes", "The tide rose over the old quay on a windy night." + FILLER),
    SampleArticle("Weather", "A high tide and rain; the quay was shut for a day." + FILLER),
]


def test_common_words_are_found_where_all_are_through_their_union(
    publish: Publish, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each word is in most articles, so the union is searched; those with one word only never show."""
    publish("the-post", "2025-05-01", [TIDE_ONLY + QUAY_ONLY + BOTH])
    answers: list[bool] = []
    union_page = tantivy_backend.union_page

    def spy(searcher: object, plan: tantivy_backend.Plan) -> object:
        page = union_page(searcher, plan)  # type: ignore[arg-type]
        answers.append(page is not None)
        return page

    monkeypatch.setattr(tantivy_backend, "union_page", spy)
    monkeypatch.setattr(tantivy_backend, "COUNT_UP_TO", 0)  # as at a million articles: not counted
    backend = TantivyBackend()
    everything = backend.search(SearchQuery("tide quay"))
    assert sorted(headlines(everything.hits)) == ["Harbour notes", "Weather"]
    assert answers == [True]  # the union's ten best hold every match
    best = backend.search(SearchQuery("quay tide", limit=1))
    assert headlines(best.hits) == headlines(everything.hits)[:1] and best.more
    assert answers == [True, False]  # its two best had one word each: the conjunction was searched
    assert headlines(backend.search(SearchQuery("tide quay", publication="the-post")).hits) == headlines(
        everything.hits
    )
    assert answers == [True, False]  # with a filter the union is not tried


def test_the_editions_to_leave_out_are_read_from_their_index_not_a_scan(publish: Publish) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    publish("the-post", "2025-05-01", [[SampleArticle(*FERRIES[0])]])
    with CaptureQueriesContext(connection) as queries:
        assert tantivy_backend._unpublished() == []
    with connection.cursor() as cur:
        cur.execute(f"EXPLAIN QUERY PLAN {queries[0]['sql']}")
        plan = " ".join(str(row[-1]) for row in cur.fetchall())
    assert "INDEX edition_unpublished" in plan, plan
