"""Old pages keep working: a re-ingest keeps the build it replaced (its tiles and images answer 200 to
pages readers have open; they were 404 at once), and ``broadsheet gc`` removes it after the grace period,
with crashed builds, orphan media folders, stray search documents and dead ingests' work folders."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from broadsheet.editions.tiles import url_name
from broadsheet.extract.model import PageResult
from broadsheet.search.tantivy_index import ArticleText, document
from broadsheet.web.testing import FixedExtractor, make_pdf, sample_pages

DATE = dt.date(2025, 4, 20)
GRACE = dt.timedelta(hours=24)


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[PageResult]]:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # gc looks at this test's work folders only
    pdf = tmp_path / "gazette.pdf"
    return pdf, make_pdf(pdf, sample_pages())


def _ingest(pdf: Path, results: list[PageResult]) -> None:
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition
    from broadsheet.ingest.images import ImageOptions

    options = IngestOptions(
        images=ImageOptions(full_dpi=100, screen_width=600), workers=1, extractor=FixedExtractor(results)
    )
    ingest_edition(IngestRequest(pdf=pdf, publication="the-test-gazette", date=DATE), options)


def _gc(now: dt.datetime | None = None, dry_run: bool = False) -> list[str]:
    from broadsheet.search import get_backend
    from broadsheet.site.gc import collect

    return [str(r) for r in collect(get_backend(), GRACE, now=now, dry_run=dry_run)]


def _open_page_urls(client: Client, media: Path) -> list[str]:
    """What a reader's open page 1 goes on fetching: its images, its tiles' description and a tile."""
    page = client.get("/the-test-gazette/2025-04-20/page/1.json").json()
    info = json.loads(_fetched(client, page["iiif"])[1])
    folder = media / info["id"].removeprefix(settings.MEDIA_URL)
    tile = url_name(f"iiif/{min(p.name for p in folder.glob('*_*.jpg'))}").removeprefix("iiif/")
    return [page["thumbnail"], page["image"], page["iiif"], f"{info['id']}/{tile}"]


def _fetched(client: Client, url: str) -> tuple[int, bytes]:
    response = client.get(url)
    try:
        body = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
    finally:
        response.close()
    return response.status_code, body


def _statuses(client: Client, urls: list[str]) -> list[int]:
    return [_fetched(client, url)[0] for url in urls]


def test_a_replaced_build_is_served_to_open_pages_until_gc_removes_it_after_the_grace(
    site: Path, sample: tuple[Path, list[PageResult]]
) -> None:
    from broadsheet.editions.models import Edition

    client = Client()
    _ingest(*sample)
    old = Edition.objects.get(status="published")
    urls = _open_page_urls(client, site)
    assert all(old.media_dir in url for url in urls)
    assert _statuses(client, urls) == [200] * 4

    _ingest(*sample)
    new = Edition.objects.get(status="published")
    assert all(new.media_dir in url for url in _open_page_urls(client, site))  # new readers get the new build
    assert _statuses(client, urls) == [200] * 4  # the open page goes on working

    assert _gc(now=timezone.now() + GRACE - dt.timedelta(minutes=1)) == []  # within the grace period
    later = timezone.now() + GRACE
    expected = [f"replaced build #{old.id} the-test-gazette 2025-04-20 ({old.media_dir}), replaced "]
    dry = _gc(now=later, dry_run=True)
    assert [line[: len(expected[0])] for line in dry] == expected
    assert _statuses(client, urls) == [200] * 4  # a dry run removes nothing
    assert _gc(now=later) == dry
    assert _statuses(client, urls) == [404] * 4
    assert list(Edition.objects.values_list("id", flat=True)) == [new.id]
    assert sorted(p.name for p in (site / "editions" / "the-test-gazette").iterdir()) == [Path(new.media_dir).name]
    assert _gc(now=later) == []


def test_a_grace_of_zero_removes_replaced_builds_at_once_from_the_command_line(
    site: Path, sample: tuple[Path, list[PageResult]]
) -> None:
    from broadsheet.editions.models import Edition

    _ingest(*sample)
    old = Edition.objects.get(status="published")
    _ingest(*sample)
    env = {**os.environ, "BROADSHEET_DATA_DIR": str(site.parent), "TMPDIR": str(site.parent)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    gc = [sys.executable, "-m", "broadsheet.cli", "gc"]
    kept = subprocess.run(gc, env=env, capture_output=True, text=True, check=True)
    assert kept.stdout == "gc: nothing to remove\n"  # the default grace: 24 hours
    env["BROADSHEET_REPLACED_MEDIA_GRACE_HOURS"] = "0"
    dry = subprocess.run([*gc, "--dry-run"], env=env, capture_output=True, text=True, check=True)
    assert dry.stdout.startswith(f"would remove replaced build #{old.id} the-test-gazette 2025-04-20 ")
    assert dry.stdout.endswith("gc: would remove 1 item(s)\n") and (site / old.media_dir).is_dir()
    done = subprocess.run(gc, env=env, capture_output=True, text=True, check=True)
    assert done.stdout == dry.stdout.replace("would remove", "removed")
    assert not (site / old.media_dir).exists() and not Edition.objects.filter(id=old.id).exists()


def test_gc_purges_a_crashed_build_but_not_one_being_built(site: Path, sample: tuple[Path, list[PageResult]]) -> None:
    """A ``processing`` row whose ingest died (its lock is free) goes, with its media and search
    documents; one whose ingest holds the lock, or that waits in the newsroom's queue, stays."""
    from broadsheet.editions.models import Edition
    from broadsheet.ingest import store
    from broadsheet.ingest.lock import EditionKey, edition_lock
    from broadsheet.newsroom.queue import enqueue
    from broadsheet.search import get_backend

    _ingest(*sample)
    pub = store.get_publication("the-test-gazette", None, "en", "ltr")
    crashed = store.begin_edition(pub, DATE, "", "en", "x.pdf")  # as a killed ingest leaves it
    store.add_page(crashed, sample[1][0])
    get_backend().index_edition(crashed.id)
    (site / crashed.media_dir / "p1").mkdir(parents=True)
    building = store.begin_edition(pub, DATE, "lahore", "en", "y.pdf")
    queued = store.begin_edition(pub, DATE, "karachi", "en", "z.pdf")
    enqueue("build_edition", {"edition_id": queued.id}, edition_id=queued.id)
    assert crashed.id in get_backend().edition_ids()

    with edition_lock(EditionKey("the-test-gazette", DATE, "lahore")):  # an ingest at work
        removed = _gc()
    assert removed == [f"crashed build #{crashed.id} the-test-gazette 2025-04-20 ({crashed.media_dir})"]
    assert not (site / crashed.media_dir).exists()
    assert crashed.id not in get_backend().edition_ids()
    assert sorted(Edition.objects.values_list("status", "name")) == [
        ("processing", "karachi"),
        ("processing", "lahore"),
        ("published", ""),
    ]
    assert _gc() == [f"crashed build #{building.id} the-test-gazette 2025-04-20 lahore ({building.media_dir})"]


def test_gc_removes_orphan_folders_stray_documents_and_dead_ingests_work_folders(
    site: Path, sample: tuple[Path, list[PageResult]]
) -> None:
    from broadsheet.editions.models import Edition
    from broadsheet.search import SearchQuery, get_backend

    _ingest(*sample)
    published = Edition.objects.get()
    orphan = site / "editions" / "the-test-gazette" / "2025-04-19-0123456789ab"
    (orphan / "p1" / "iiif").mkdir(parents=True)
    (orphan / "p1" / "thumb.jpg").write_bytes(b"left by a build whose row is gone")
    gone = Edition.objects.create(publication=published.publication, date=DATE, name="x", media_dir="editions/x/y").id
    with get_backend().index.shard_of(gone).writer() as writer:  # a document of an edition deleted since
        writer.add_document(document(ArticleText(999_999, gone, "the-test-gazette", DATE, "Ferries", "Ferries")))
    Edition.objects.filter(id=gone).delete()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    work = Path(tempfile.gettempdir()) / f"broadsheet-ingest-{int(dead.stdout)}-abcd"
    (work / "p1").mkdir(parents=True)

    assert _gc() == [
        f"orphan media folder {orphan.relative_to(site).as_posix()}",
        f"stray search documents of edition #{gone} (no row)",
        f"abandoned work folder {work}",
    ]
    assert not orphan.exists() and not work.exists() and (site / published.media_dir).is_dir()
    assert get_backend().edition_ids() == {published.id}
    assert get_backend().search(SearchQuery("ferries")).total == 2
