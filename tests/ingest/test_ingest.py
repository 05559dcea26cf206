"""Ingest: images, storage, jumps, search, and the atomic replace of an edition."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from broadsheet.errors import EncryptedPdfError, IngestError, NotAPdfError, UsageError
from broadsheet.extract.model import PageResult
from broadsheet.web.testing import HOSTILE, HOSTILE_HEADLINE, FixedExtractor, make_pdf, sample_pages
from tests import pdfs

DATE = dt.date(2025, 4, 20)


def _ingest(pdf: Path, results: list[PageResult] | None = None, **kw: object) -> object:
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition
    from broadsheet.ingest.images import ImageOptions

    extractor = FixedExtractor(results) if results is not None else kw.pop("extractor")
    options = IngestOptions(
        images=ImageOptions(full_dpi=100, screen_width=600),
        workers=kw.pop("workers", 1),
        extractor=extractor,
        progress=kw.pop("progress", None),
    )  # type: ignore[arg-type]
    request = IngestRequest(pdf=pdf, publication="the-test-gazette", date=DATE, **kw)  # type: ignore[arg-type]
    return ingest_edition(request, options)


@pytest.fixture
def sample(tmp_path: Path) -> tuple[Path, list[PageResult]]:
    pdf = tmp_path / "gazette.pdf"
    return pdf, make_pdf(pdf, sample_pages())


def test_ingest_stores_pages_articles_images_and_progress(site: Path, sample: tuple[Path, list[PageResult]]) -> None:
    from broadsheet.editions.models import Article, Edition

    seen: list[tuple[str, int]] = []
    _ingest(*sample, progress=lambda p: seen.append((p.stage, p.page)))
    edition = Edition.objects.get(status="published")
    assert edition.page_count == 3
    assert Article.objects.filter(edition=edition).count() == 6
    assert sorted(seen) == sorted([(s, n) for s in ("extracted", "rendered") for n in (1, 2, 3)])
    page_dir = site / edition.media_dir / "p1"
    with Image.open(page_dir / "thumb.jpg") as thumb, Image.open(page_dir / "screen.jpg") as screen:
        assert (thumb.width, screen.width) == (240, 600)
    with Image.open(page_dir / "thumb-small.jpg") as small:
        assert small.width == 120
    info = json.loads((page_dir / "iiif" / "info.json").read_text())
    assert info["profile"] == "level0" and info["width"] > 600
    assert info["id"].endswith(f"{edition.media_dir}/p1/iiif")
    clips = sorted(p.relative_to(site / edition.media_dir).as_posix() for p in site.rglob("clips/*.jpg"))
    assert clips == [
        "p1/clips/1-a1.jpg",
        "p1/clips/1-a2.jpg",
        "p1/clips/1-a3.jpg",
        "p2/clips/2-a1.jpg",
        "p2/clips/2-a2.jpg",
        "p3/clips/3-a1.jpg",
    ]
    with Image.open(page_dir / "clips" / "1-a1.jpg") as clip:
        assert 0.9 * 600 * (523 / 595) < clip.width <= 600  # the article's full-width band, from screen.jpg


def test_jump_is_resolved_to_the_continuation(site: Path, sample: tuple[Path, list[PageResult]]) -> None:
    from broadsheet.editions.models import Article

    _ingest(*sample)
    first = Article.objects.get(key="1-a1")
    assert first.continues_in is not None
    assert first.continues_in.key == "2-a1"


def test_parallel_rendering_gives_the_same_pages(site: Path, sample: tuple[Path, list[PageResult]]) -> None:
    from broadsheet.editions.models import Page

    _ingest(*sample, workers=2)
    assert sorted(Page.objects.values_list("number", "image_width")) == [(1, 827), (2, 827), (3, 827)]


def test_reingest_replaces_atomically_and_keeps_the_old_build_for_gc(
    site: Path, sample: tuple[Path, list[PageResult]]
) -> None:
    from broadsheet.editions.models import Edition

    _ingest(*sample)
    old = Edition.objects.get(status="published")
    _ingest(*sample)
    new = Edition.objects.get(status="published")
    assert new.id != old.id
    old.refresh_from_db()
    assert old.status == "replaced" and old.replaced_at == new.published_at
    assert (site / old.media_dir / "p3" / "screen.jpg").is_file()  # for pages readers have open (tests/site/test_gc.py)
    assert (site / new.media_dir / "p3" / "screen.jpg").is_file()
    _ingest(*sample)  # a later ingest leaves it to gc too: it is not a crash's leftover
    latest = Edition.objects.get(status="published").id
    assert sorted(Edition.objects.values_list("id", "status")) == [
        (old.id, "replaced"),
        (new.id, "replaced"),
        (latest, "published"),
    ]


class CrashError(Exception):
    pass


def _crashing(results: list[PageResult]) -> object:
    def extractor(pdf: Path) -> Iterator[PageResult]:
        yield results[0]
        raise CrashError("extraction died on page 2")

    return extractor


def test_failure_midway_leaves_old_edition_visible_and_searchable(
    site: Path, sample: tuple[Path, list[PageResult]]
) -> None:
    from broadsheet.editions.models import Edition
    from broadsheet.search import SearchQuery, get_backend

    _ingest(*sample)
    old = Edition.objects.get(status="published")
    with pytest.raises(IngestError, match="published edition is unchanged"):
        _ingest(sample[0], extractor=_crashing(sample[1]))
    assert list(Edition.objects.values_list("id", "status")) == [(old.id, "published")]
    assert get_backend().search(SearchQuery("ferries")).total == 2
    assert sorted(p.name for p in (site / old.media_dir).parent.iterdir()) == [Path(old.media_dir).name]


def test_stale_build_from_a_crash_is_invisible_then_purged(site: Path, sample: tuple[Path, list[PageResult]]) -> None:
    from broadsheet.editions.models import Edition
    from broadsheet.ingest import store

    pub = store.get_publication("the-test-gazette", None, "en", "ltr")
    stale = store.begin_edition(pub, DATE, "", "en", "x.pdf")  # as left by a killed process
    (site / stale.media_dir).mkdir(parents=True)
    _ingest(*sample)
    assert list(Edition.objects.values_list("status", flat=True)) == ["published"]
    assert not (site / stale.media_dir).exists()


def test_rtl_language_sets_direction(site: Path, sample: tuple[Path, list[PageResult]]) -> None:
    from broadsheet.editions.models import Edition

    _ingest(*sample, language="ur", edition="lahore")
    edition = Edition.objects.get()
    assert (edition.direction, edition.name, edition.url_key) == ("rtl", "lahore", "2025-04-20/ed-lahore")


def test_not_a_pdf_is_refused_before_anything_is_written(site: Path, tmp_path: Path) -> None:
    from broadsheet.editions.models import Edition

    bogus = tmp_path / "x.pdf"
    bogus.write_text("hello")
    with pytest.raises(NotAPdfError):
        _ingest(bogus, [])
    assert not Edition.objects.exists()


def test_an_encrypted_pdf_is_refused_saying_so(site: Path, tmp_path: Path) -> None:
    from broadsheet.editions.models import Edition

    locked = pdfs.make_pdf(tmp_path / "locked.pdf", pdfs.text_at(72, 72, "Hello"), encrypt="s3cret")
    with pytest.raises(EncryptedPdfError, match="encrypted with a password; ask the publisher"):
        _ingest(locked, [])
    assert not Edition.objects.exists()


def test_bad_publication_slug_is_a_usage_error(site: Path, sample: tuple[Path, list[PageResult]]) -> None:
    from broadsheet.editions.models import Edition, Publication
    from broadsheet.ingest import IngestRequest, ingest_edition

    for publication, edition in [("no spaces!", ""), ("café", ""), ("the-post", "Lahore"), ("the-post", "../../x")]:
        with pytest.raises(UsageError, match="is not a slug"):
            ingest_edition(IngestRequest(pdf=sample[0], publication=publication, date=DATE, edition=edition))
    assert not Publication.objects.exists() and not Edition.objects.exists()
    assert not site.exists() or not any(site.rglob("*"))


def test_a_build_folder_is_named_only_from_checked_slugs(site: Path) -> None:
    """Whoever calls it (the CLI, the newsroom), the one function that names a build's folder refuses a
    name that is not a slug, and a publication stored before slugs were checked."""
    from broadsheet.editions.models import Publication
    from broadsheet.ingest import store

    pub = Publication.objects.create(slug="the-post", name="The Post")
    for name in ["../../x", "Lahore", "a/b"]:
        with pytest.raises(UsageError, match=f"edition {name!r} is not a slug"):
            store.begin_edition(pub, DATE, name, "en", "x.pdf")
    legacy = Publication.objects.create(slug="Old_Times", name="Old Times")  # the admin once allowed it
    with pytest.raises(UsageError, match="publication 'Old_Times' is not a slug"):
        store.begin_edition(legacy, DATE, "", "en", "x.pdf")
    edition = store.begin_edition(pub, DATE, "lahore", "en", "x.pdf")
    assert edition.media_dir.startswith("editions/the-post/2025-04-20-lahore-")


def test_hostile_text_in_a_pdf_is_stored_verbatim_by_the_real_pipeline(site: Path, tmp_path: Path) -> None:
    """Markup-like text printed in a PDF reaches the database as the text it is, not as markup."""
    from broadsheet.editions.models import Article
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition
    from broadsheet.search import SearchQuery, get_backend

    pdf = tmp_path / "hostile.pdf"
    make_pdf(pdf, sample_pages(hostile=True))
    ingest_edition(IngestRequest(pdf=pdf, publication="hostile-herald", date=DATE), IngestOptions(workers=1))
    article = Article.objects.get(headline=HOSTILE_HEADLINE)
    assert HOSTILE in article.body
    hits = get_backend().search(SearchQuery("pwned")).hits
    assert [h.article_id for h in hits] == [article.id]
    assert "&lt;script&gt;window.<mark>pwned</mark>=1&lt;/script&gt;" in hits[0].snippet_html


def test_real_extraction_stage(site: Path, sample: tuple[Path, list[PageResult]]) -> None:
    """The default stage is the real ``extract_pages``, page by page in the worker processes."""
    from broadsheet.editions.models import Article, Page
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition

    summary = ingest_edition(
        IngestRequest(pdf=sample[0], publication="the-test-gazette", date=DATE), IngestOptions(workers=2)
    )
    assert summary.pages == 3
    assert Page.objects.count() == 3
    assert sorted(Article.objects.values_list("key", "headline"))[:2] == [
        ("1-a1", "Harbour ferries to run again"),
        ("1-a2", "Library opens night reading room"),
    ]


def test_a_scanned_edition_is_read_by_ocr_and_searchable(site: Path, tmp_path: Path) -> None:
    """An archive's scanned pages (an image-only PDF) get articles and text from OCR, in the worker processes."""
    from broadsheet.editions.models import Article, Page
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition
    from broadsheet.search import SearchQuery, get_backend
    from tests.ocr.scans import HEADLINES, image_only_pdf, scan_of, two_stories

    pdf = image_only_pdf(tmp_path, scan_of(tmp_path, two_stories()))
    request = IngestRequest(pdf=pdf, publication="old-gazette", date=DATE, language="en")
    ingest_edition(request, IngestOptions(workers=2))
    assert Page.objects.get().text_layer == "ocr"
    assert sorted(Article.objects.values_list("headline", flat=True)) == sorted(HEADLINES)
    hits = get_backend().search(SearchQuery("harvest")).hits
    assert [Article.objects.get(id=h.article_id).headline for h in hits] == [HEADLINES[1]]


def test_page_images_go_to_the_configured_storage_and_a_failed_build_leaves_none(
    site: Path, sample: tuple[Path, list[PageResult]]
) -> None:
    """Object storage is a setting: with Django's in-memory storage nothing is written to the media folder,
    the reader's image URLs come from the storage, and a crash mid-way leaves only the published build's files."""
    from django.core.files.storage import default_storage
    from django.test import Client, override_settings

    from broadsheet.editions.models import Edition

    in_memory = {"BACKEND": "django.core.files.storage.InMemoryStorage", "OPTIONS": {"base_url": "/files/"}}
    with override_settings(STORAGES={"default": in_memory, "staticfiles": settings.STORAGES["staticfiles"]}):
        _ingest(*sample)
        edition = Edition.objects.get(status="published")
        assert not site.exists()
        page = Client().get("/the-test-gazette/2025-04-20/page/1.json").json()
        assert page["thumbnail"] == f"/files/{edition.media_dir}/p1/thumb.jpg"
        info = json.loads(default_storage.open(f"{edition.media_dir}/p1/iiif/info.json").read())
        assert info["id"] == f"/files/{edition.media_dir}/p1/iiif"
        assert default_storage.exists(f"{edition.media_dir}/p1/clips/1-a1.jpg")
        with pytest.raises(IngestError):
            _ingest(sample[0], extractor=_crashing(sample[1]))
        assert default_storage.listdir("editions/the-test-gazette") == ([Path(edition.media_dir).name], [])
