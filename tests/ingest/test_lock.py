"""One ingest of an edition at a time: a second one, while the first runs, is refused with one line and
the first publishes intact (two at once purged each other's builds: "FOREIGN KEY constraint failed")."""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
from pathlib import Path

import pytest

from broadsheet.errors import EditionBusyError
from broadsheet.extract.model import PageResult
from broadsheet.web.testing import FixedExtractor, make_pdf, sample_pages
from tests.ingest.runs import (
    DATE,
    PUBLICATION,
    build_folders,
    editions,
    generated,
    read_until,
    run_ingest,
    site_of,
    start_ingest,
)


def test_a_second_concurrent_ingest_of_the_edition_is_refused_and_the_first_publishes_intact(tmp_path: Path) -> None:
    pdf, data = generated(tmp_path / "ed", pages=4), tmp_path / "data"
    assert run_ingest(pdf, data, "--quiet").returncode == 0  # a published edition, replaced by the first below
    first = start_ingest(pdf, data)
    try:
        read_until(first.stderr, "extracted")  # it holds the lock from before its first page
        os.kill(first.pid, signal.SIGSTOP)  # and holds it for as long as the second takes
        try:
            second = run_ingest(pdf, data, "--quiet")
        finally:
            os.kill(first.pid, signal.SIGCONT)
        out, err = first.communicate(timeout=600)
    finally:
        first.kill()
        first.wait()
    assert (first.returncode, second.returncode) == (0, 75), (err, second.stderr)
    assert second.stderr.count("\n") == 1
    assert second.stderr.startswith(
        f"broadsheet: error: {PUBLICATION} {DATE} is being ingested now by process {first.pid} "
        f"on {socket.gethostname()} (since "
    )
    assert "wait for that ingest to finish, then run this one again" in second.stderr
    assert "FOREIGN KEY" not in err + second.stderr and out.startswith(f"published {PUBLICATION} {DATE}: 4 pages")
    with site_of(data) as media:
        from broadsheet.editions.models import Edition, Page

        assert [status for status, _ in editions()] == ["replaced", "published"]
        published = Edition.objects.get(status="published")
        pages = Page.objects.filter(edition=published)
        assert published.page_count == 4 and all(p.image_width > 0 and not p.error for p in pages)
        assert all((media / p.media_path("iiif") / "info.json").is_file() for p in pages)
        assert build_folders(media) == sorted(media_dir for _, media_dir in editions())


def test_an_ingest_while_the_lock_is_held_is_refused_before_anything_is_written(site: Path, tmp_path: Path) -> None:
    from broadsheet.editions.models import Edition
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition
    from broadsheet.ingest.lock import EditionKey, edition_lock

    pdf = tmp_path / "gazette.pdf"
    results: list[PageResult] = make_pdf(pdf, sample_pages())
    date = dt.date(2025, 4, 20)
    request = IngestRequest(pdf=pdf, publication="the-test-gazette", date=date, edition="lahore")
    with edition_lock(EditionKey("the-test-gazette", date, "lahore")):
        with pytest.raises(EditionBusyError, match=f"by process {os.getpid()} on "):
            ingest_edition(request, IngestOptions(workers=1, extractor=FixedExtractor(results)))
        other = IngestRequest(pdf=pdf, publication="the-test-gazette", date=date)  # another edition: not locked
        ingest_edition(other, IngestOptions(workers=1, extractor=FixedExtractor(results)))
    assert list(Edition.objects.values_list("name", "status")) == [("", "published")]
    assert str(EditionBusyError("x")) == "x" and EditionBusyError.exit_code == 75
