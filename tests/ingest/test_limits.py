"""A hostile page blows its worker's limits and fails alone; the edition is then refused, or published
with the page failed when the operator says so (``--allow-partial``), like any edition with failed
pages. The page is made here: 600 × 200,000 pt, whose rendering at 200 dpi is a 3.7 GB bitmap (a
642-byte PDF of such a page once took ingest past 4.6 GB), under a memory limit the test sets far below."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from django.test import Client
from PIL import Image

from broadsheet.errors import PartialEditionError
from broadsheet.ingest.isolation import JobLimits
from tests.ingest.runs import DATE, PUBLICATION, editions, run_ingest, site_of
from tests.pdfs import column, combine, pages_of, text_at
from tests.pdfs import make_pdf as draw_pdf

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's limits as Linux sets them")

LIMIT_MB = 256
MEMORY = (
    f"the page needs more memory than the limit of {LIMIT_MB} MiB for one page's work: "
    "raise BROADSHEET_PAGE_MEMORY_MB to allow it more"
)
STORY = combine(text_at(72, 72, "Council approves the new bridge", size=24), column(72, 110, 220, 30))
TALL = (600.0, 200_000.0)


def _edition(folder: Path) -> Path:
    """Three pages, the second of which is the tall one (pages of their own sizes, merged)."""
    letter = draw_pdf(folder / "letter.pdf", STORY, STORY)
    tall = draw_pdf(folder / "tall.pdf", STORY, size=TALL)
    return pages_of(folder / "edition.pdf", (letter, 1), (tall, 1), (letter, 2))


def _ingest(pdf: Path, allow_partial: bool = False) -> object:
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition

    options = IngestOptions(workers=2, allow_partial=allow_partial, limits=JobLimits(memory_mb=LIMIT_MB))
    return ingest_edition(IngestRequest(pdf=pdf, publication="the-test-gazette", date=dt.date(2025, 4, 20)), options)


def test_a_page_past_the_memory_limit_fails_alone_and_the_edition_is_handled_as_partial(
    site: Path, tmp_path: Path
) -> None:
    from broadsheet.editions.models import Edition, Page
    from broadsheet.site.health import check_media

    pdf = _edition(tmp_path)
    with pytest.raises(PartialEditionError) as refused:
        _ingest(pdf)
    assert refused.value.failures == {2: MEMORY}
    assert not Edition.objects.exists()

    summary = _ingest(pdf, allow_partial=True)
    assert summary.failed_pages == [2]  # type: ignore[attr-defined]
    edition = Edition.objects.get(status="published")
    pages = {p.number: p for p in Page.objects.filter(edition=edition)}
    assert pages[2].error == MEMORY and not pages[1].error and not pages[3].error
    assert [pages[n].articles.count() > 0 for n in (1, 2, 3)] == [True, True, True]  # its text was read
    with Image.open(site / edition.media_dir / "p1" / "screen.jpg") as good:
        assert good.width == 1600
    with Image.open(site / edition.media_dir / "p2" / "screen.jpg") as placeholder:
        assert placeholder.height < 2000  # not 200,000 pt tall
    assert check_media().ok
    assert Client().get("/the-test-gazette/2025-04-20/page/2.json").json()["error"] == MEMORY


def test_the_cli_says_which_limit_a_page_blew_and_how_to_raise_it(tmp_path: Path) -> None:
    data, pdf = tmp_path / "data", _edition(tmp_path)
    refused = run_ingest(pdf, data, "--quiet", BROADSHEET_PAGE_MEMORY_MB=str(LIMIT_MB))
    assert refused.returncode == 4
    assert refused.stderr == (
        f"broadsheet: error: {PUBLICATION} {DATE}: page 2 failed (page 2: {MEMORY}); nothing was published "
        "and the published edition is unchanged: pass --allow-partial to publish it anyway\n"
    )
    allowed = run_ingest(pdf, data, "--quiet", "--allow-partial", BROADSHEET_PAGE_MEMORY_MB=str(LIMIT_MB))
    assert allowed.returncode == 3, allowed.stderr
    with site_of(data):
        assert [status for status, _ in editions()] == ["published"]
