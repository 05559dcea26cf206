"""What an edition shows is cached per build: served again unchanged, replaced with the edition."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.test import Client

from broadsheet.web.testing import FixedExtractor, SampleArticle, make_pdf, sample_pages

PAGE = "/the-test-gazette/2025-04-20/page/1/"


def _publish(tmp_path: Path, pages: list[list[SampleArticle]]) -> None:
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition
    from broadsheet.ingest.images import ImageOptions

    pdf = tmp_path / "gazette.pdf"
    results = make_pdf(pdf, pages)
    ingest_edition(
        IngestRequest(pdf=pdf, publication="the-test-gazette", date=dt.date(2025, 4, 20)),
        IngestOptions(images=ImageOptions(full_dpi=30, screen_width=200), workers=1, extractor=FixedExtractor(results)),
    )


def test_a_reingested_edition_is_shown_at_once_not_the_cached_one(site: Path, tmp_path: Path) -> None:
    from broadsheet.editions.models import Article

    _publish(tmp_path, sample_pages())
    client = Client()
    first = client.get(PAGE).content.decode()
    Article.objects.filter(key="1-a2").update(headline="Changed behind the cache's back")
    assert client.get(PAGE).content.decode() == first  # the build is immutable: served from the cache
    assert "Changed behind" in client.get(PAGE + "?q=library").content.decode()  # queries are rendered
    pages = sample_pages()
    pages[0][1] = SampleArticle("Library closes for the summer", "Readers will have to wait. " * 4)
    _publish(tmp_path, pages)
    fresh = client.get(PAGE).content.decode()
    assert "Library closes for the summer" in fresh and "Library opens" not in fresh
    # another story in the same place is another article: the old one's URL does not show it
    assert client.get("/the-test-gazette/2025-04-20/article/1-a2.json").status_code == 404
    assert (
        client.get("/the-test-gazette/2025-04-20/article/1-a2-2.json").json()["headline"].startswith("Library closes")
    )


def test_missing_things_are_not_cached_as_found(site: Path, tmp_path: Path) -> None:
    _publish(tmp_path, sample_pages())
    client = Client()
    assert client.get("/the-test-gazette/2025-04-20/page/9/").status_code == 404
    assert client.get("/the-test-gazette/2025-04-21/page/1/").status_code == 404
    assert client.get(PAGE).status_code == 200
