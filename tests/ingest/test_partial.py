"""An edition with failed pages is not published — over a good edition or as a first one — unless the
operator says so (``--allow-partial``, and exit code 3 then); an edition whose every page failed once
replaced the good one with exit code 0."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from django.test import Client

from broadsheet.errors import PartialEditionError
from broadsheet.extract.model import PageResult
from broadsheet.web.testing import FixedExtractor, make_pdf, sample_pages
from tests.ingest.runs import DATE, PUBLICATION, build_folders, editions, run_ingest, site_of
from tests.pdfs import GLYPH_LIMIT_MESSAGE, crowded_page, text_at
from tests.pdfs import make_pdf as draw_pdf


def _ingest(pdf: Path, results: list[PageResult], allow_partial: bool = False) -> object:
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition
    from broadsheet.ingest.images import ImageOptions

    options = IngestOptions(
        images=ImageOptions(full_dpi=72), workers=1, extractor=FixedExtractor(results), allow_partial=allow_partial
    )
    return ingest_edition(IngestRequest(pdf=pdf, publication="the-test-gazette", date=dt.date(2025, 4, 20)), options)


def _failing(results: list[PageResult], page: int) -> list[PageResult]:
    """``results`` with page ``page`` failed as the glyph limit fails it."""
    return [dataclasses.replace(r, items=[], error=GLYPH_LIMIT_MESSAGE) if r.page == page else r for r in results]


def test_failed_pages_are_not_published_over_a_good_edition_nor_as_a_first_one(site: Path, tmp_path: Path) -> None:
    from broadsheet.editions.models import Edition

    pdf = tmp_path / "gazette.pdf"
    results = make_pdf(pdf, sample_pages())
    with pytest.raises(PartialEditionError) as first:
        _ingest(pdf, _failing(results, 2))
    assert str(first.value) == (
        f"the-test-gazette 2025-04-20: page 2 failed (page 2: {GLYPH_LIMIT_MESSAGE}); nothing was published "
        "and the published edition is unchanged: pass --allow-partial to publish it anyway"
    )
    assert first.value.exit_code == 4 and first.value.failures == {2: GLYPH_LIMIT_MESSAGE}
    assert not Edition.objects.exists() and build_folders(site) == []

    _ingest(pdf, results)
    good = Edition.objects.get()
    with pytest.raises(PartialEditionError, match=r"pages 1, 3 failed \(page 1: "):
        _ingest(pdf, _failing(_failing(results, 1), 3))
    assert editions() == [("published", good.media_dir)]
    assert build_folders(site) == [good.media_dir]
    assert Client().get("/the-test-gazette/2025-04-20/page/2.json").json()["articles"]


def test_allow_partial_publishes_an_edition_with_failed_pages(site: Path, tmp_path: Path) -> None:
    from broadsheet.editions.models import Edition, Page

    pdf = tmp_path / "gazette.pdf"
    results = make_pdf(pdf, sample_pages())
    _ingest(pdf, results)
    summary = _ingest(pdf, _failing(results, 2), allow_partial=True)
    assert summary.failed_pages == [2]  # type: ignore[attr-defined]
    published = Edition.objects.get(status="published")
    assert Page.objects.get(edition=published, number=2).error == GLYPH_LIMIT_MESSAGE


def test_the_cli_refuses_a_page_over_the_glyph_limit_unless_allowed_and_says_so_in_its_exit_code(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    page = text_at(72, 72, "Council approves the new bridge")
    good = draw_pdf(tmp_path / "good.pdf", page, page)
    crowded = draw_pdf(tmp_path / "crowded.pdf", page, crowded_page)
    assert run_ingest(good, data, "--quiet").returncode == 0

    refused = run_ingest(crowded, data, "--quiet")
    assert refused.returncode == 4
    assert refused.stderr == (
        f"broadsheet: error: {PUBLICATION} {DATE}: page 2 failed (page 2: {GLYPH_LIMIT_MESSAGE}); nothing was "
        "published and the published edition is unchanged: pass --allow-partial to publish it anyway\n"
    )
    with site_of(data):
        assert [status for status, _ in editions()] == ["published"]

    allowed = run_ingest(crowded, data, "--quiet", "--allow-partial")
    assert allowed.returncode == 3, allowed.stderr
    assert allowed.stdout == f"published {PUBLICATION} {DATE}: 2 pages, 1 articles, failed pages [2]\n"
    with site_of(data):
        assert [status for status, _ in editions()] == ["replaced", "published"]
