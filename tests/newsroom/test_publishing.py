"""Publishing from the newsroom: readers and search see an edition exactly while it is published; a
correction to a published edition makes the next version, at the same URLs; any version can be restored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from tests.newsroom.editions import reviewed_edition, text_of, uid_of

HARBOUR = "Harbour ferries to run again"
ARTICLE = "/the-post/2025-04-20/article/1-a1/"


@pytest.fixture
def edition_id(site: Path, tmp_path: Path) -> int:
    return reviewed_edition(tmp_path / "upload")


def _found(words: str) -> list[str]:
    """What search finds, once the worker has run the tasks corrections queued."""
    from django.conf import settings

    from broadsheet.editions.models import Article
    from broadsheet.newsroom.queue import run_pending
    from broadsheet.search import SearchQuery, get_backend

    run_pending()
    hits = get_backend(settings.BROADSHEET_SEARCH_BACKEND).search(SearchQuery(words)).hits
    return [Article.objects.get(id=h.article_id).headline for h in hits]


def _headline(edition_id: int, headline: str) -> None:
    from broadsheet.editions.models import Article
    from broadsheet.newsroom.history import correct

    uid = str(Article.objects.get(edition_id=edition_id, key="1-a1").uid)
    correct(edition_id, None, "text", {"uid": uid, "fields": {"headline": headline}})


def _reader_sees(text: str) -> bool:
    response = Client().get(ARTICLE)
    return response.status_code == 200 and text in response.content.decode()


def test_an_edition_reaches_readers_and_search_only_when_published(edition_id: int) -> None:
    from broadsheet.editions.models import Edition
    from broadsheet.newsroom.publishing import publish, unpublish

    assert Client().get(ARTICLE).status_code == 404 and _found("harbour ferries") == []
    edition = publish(edition_id, None)
    assert (edition.status, edition.version) == ("published", 1)
    assert _reader_sees(HARBOUR) and HARBOUR in _found("harbour ferries")
    unpublish(edition_id, None)
    assert Client().get(ARTICLE).status_code == 404 and _found("harbour ferries") == []
    assert Edition.objects.get(id=edition_id).status == "review"
    assert [c.action for c in Edition.objects.get(id=edition_id).corrections.all()] == ["publish", "unpublish"]


def test_a_correction_to_a_published_edition_is_the_next_version_at_the_same_urls(edition_id: int) -> None:
    from broadsheet.editions.models import Edition
    from broadsheet.newsroom.publishing import publish

    publish(edition_id, None)
    assert _reader_sees(HARBOUR)  # and now it is cached
    _headline(edition_id, "Ferries return to the quay")
    assert Edition.objects.get(id=edition_id).version == 2
    assert _reader_sees("Ferries return to the quay") and not _reader_sees(HARBOUR)
    assert "Ferries return to the quay" in Client().get("/the-post/2025-04-20/page/1/").content.decode()
    assert _found("quay ferries") == ["Ferries return to the quay"] and _found('"harbour ferries to run"') == [
        HARBOUR  # the continuation on page 2 keeps its headline
    ]


def test_search_drops_an_article_merged_away_after_publishing(edition_id: int) -> None:
    from broadsheet.newsroom.history import correct
    from broadsheet.newsroom.publishing import publish

    publish(edition_id, None)
    assert _found("reading room") == ["Library opens night reading room"]
    harbour, library = uid_of(edition_id, HARBOUR), uid_of(edition_id, "Library opens night reading room")
    correct(edition_id, None, "merge", {"uids": [harbour, library]})
    assert _found('"night reading room"') == []
    assert _found("students crowded") == [HARBOUR]  # the text lives on in the merged article


def test_corrections_before_publishing_make_no_version(edition_id: int) -> None:
    from broadsheet.editions.models import Edition
    from broadsheet.newsroom.publishing import publish

    _headline(edition_id, "Ferries return")
    assert Edition.objects.get(id=edition_id).version == 0
    assert publish(edition_id, None).version == 1 and _reader_sees("Ferries return")


def test_every_version_can_be_restored_as_a_new_one(edition_id: int) -> None:
    from broadsheet.editions.models import Edition
    from broadsheet.errors import UsageError
    from broadsheet.newsroom.history import restore, versions
    from broadsheet.newsroom.publishing import publish

    publish(edition_id, None)
    _headline(edition_id, "Second")
    _headline(edition_id, "Third")
    assert restore(edition_id, None, 1).summary == "restored version 1"
    assert _reader_sees(HARBOUR) and Edition.objects.get(id=edition_id).version == 4
    restore(edition_id, None, 2)
    assert _reader_sees("Second") and _found("second") == ["Second"] and _found("third") == []
    edition = Edition.objects.get(id=edition_id)
    assert [(v.version, v.summary) for v in versions(edition)] == [
        (1, "published version 1"),
        (2, f"edited the headline of “{HARBOUR}”"),
        (3, "edited the headline of “Second”"),
        (4, "restored version 1"),
        (5, "restored version 2"),
    ]
    with pytest.raises(UsageError, match="current one"):
        restore(edition_id, None, 5)


def test_a_scheduled_edition_is_published_by_the_worker_when_its_time_comes(edition_id: int) -> None:
    """The queue runs a task when it is due (``run_after``); here the clock is moved by making tasks due."""
    from broadsheet.editions.models import Edition
    from broadsheet.errors import UsageError
    from broadsheet.newsroom.models import Task
    from broadsheet.newsroom.publishing import schedule
    from broadsheet.newsroom.queue import run_pending

    with pytest.raises(UsageError, match="in the future"):
        schedule(edition_id, None, timezone.now() - dt.timedelta(minutes=1))
    assert schedule(edition_id, None, timezone.now() + dt.timedelta(hours=1)).status == "scheduled"
    assert run_pending() == 0 and Client().get(ARTICLE).status_code == 404
    schedule(edition_id, None, timezone.now() + dt.timedelta(hours=2))  # moved: the first task must not publish
    first, second = Task.objects.order_by("id")
    Task.objects.filter(id=first.id).update(run_after=timezone.now())
    assert run_pending() == 1 and Edition.objects.get(id=edition_id).status == "scheduled"
    Task.objects.filter(id=second.id).update(run_after=timezone.now())
    assert run_pending() == 1
    edition = Edition.objects.get(id=edition_id)
    assert (edition.status, edition.version, edition.publish_at) == ("published", 1, None)
    assert _reader_sees(HARBOUR)


def test_publishing_a_replacement_retires_the_old_edition(edition_id: int, tmp_path: Path) -> None:
    from broadsheet.editions.models import Edition, EditionStatus
    from broadsheet.newsroom.publishing import publish

    publish(edition_id, None)
    Edition.objects.filter(id=edition_id).update(status=EditionStatus.PUBLISHED)
    replacement = reviewed_edition(tmp_path / "again")
    publish(replacement, None)
    assert Edition.objects.get(id=edition_id).status == EditionStatus.REPLACED
    assert _found("harbour ferries").count(HARBOUR) == 2  # the new edition's two parts, not the old one's


def test_publishing_a_new_pdf_retires_the_edition_it_replaces_even_when_that_was_taken_back(
    edition_id: int, tmp_path: Path
) -> None:
    from broadsheet.editions.models import Edition, EditionStatus
    from broadsheet.errors import UsageError
    from broadsheet.newsroom.history import correct
    from broadsheet.newsroom.publishing import publish, unpublish

    publish(edition_id, None)
    replacement = reviewed_edition(tmp_path / "again")
    Edition.objects.filter(id=replacement).update(replaces_id=edition_id)
    unpublish(edition_id, None)  # while its new PDF waited for review
    publish(replacement, None)
    assert Edition.objects.get(id=edition_id).status == EditionStatus.REPLACED
    with pytest.raises(UsageError, match="Replaced cannot be corrected"):
        correct(edition_id, None, "text", {"uid": uid_of(edition_id, HARBOUR), "fields": {"headline": "x"}})


def test_the_edition_page_publishes_now_or_at_a_time(edition_id: int, editor: Client) -> None:
    from broadsheet.editions.models import Edition

    later = (timezone.now() + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = editor.post(f"/staff/editions/{edition_id}/publish/", {"when": later}, follow=True)
    assert f"Scheduled for {later.replace('T', ' ')} UTC." in response.content.decode()
    assert Edition.objects.get(id=edition_id).status == "scheduled"
    response = editor.post(f"/staff/editions/{edition_id}/publish/", {"when": ""}, follow=True)
    assert "Published: readers see version 1 now." in response.content.decode()
    bad = editor.post(f"/staff/editions/{edition_id}/publish/", {"when": "soon"}, follow=True)
    assert "'soon' is not a date and time like 2025-04-20T06:00" in text_of(bad.content.decode())
    again = editor.post(f"/staff/editions/{edition_id}/publish/", {"when": ""}, follow=True)
    assert "an edition that is Published cannot be published" in again.content.decode()


def test_an_ingest_on_the_command_line_leaves_an_edition_in_review_alone(edition_id: int, tmp_path: Path) -> None:
    from broadsheet.editions.models import Edition
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition
    from broadsheet.ingest.images import ImageOptions
    from broadsheet.web.testing import FixedExtractor, make_pdf, sample_pages

    pdf = tmp_path / "cli.pdf"
    results = make_pdf(pdf, sample_pages())
    request = IngestRequest(pdf=pdf, publication="the-post", date=dt.date(2025, 4, 20))
    small = ImageOptions(full_dpi=50, screen_width=400)
    ingest_edition(request, IngestOptions(images=small, workers=1, extractor=FixedExtractor(results)))
    assert Edition.objects.get(id=edition_id).status == "review"
