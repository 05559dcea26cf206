"""``broadsheet ingest`` over an edition the staff corrected keeps the corrections of the pages the new PDF
prints again (the same rule as the newsroom's *Replace PDF*, :mod:`broadsheet.ingest.corrections`), says
which pages lost theirs, and a PDF it cannot read changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.cli import main
from tests.newsroom.editions import generated
from tests.pdfs import pages_of

KEPT, DROPPED = "Zebrafinch council approves quayside ferry plan", "Okapi festival returns to the marina"
OPTIONS = ["--publication", "the-post", "--date", "2025-04-20", "--workers", "1", "--quiet"]


@pytest.fixture
def corrected(site: Path, tmp_path: Path) -> Path:
    """A generated three-page edition ingested, and corrected on pages 1 and 2 (as the newsroom does)."""
    from broadsheet.editions.models import Article, Edition
    from broadsheet.newsroom.history import correct

    pdf = generated(tmp_path / "first", pages=3, seed=7).pdf
    assert main(["ingest", str(pdf), *OPTIONS]) == 0
    edition = Edition.objects.get(status="published")
    for page, headline in ((1, KEPT), (2, DROPPED)):
        uid = str(Article.objects.filter(edition=edition, page__number=page).exclude(headline="").first().uid)  # type: ignore[union-attr]
        correct(edition.id, None, "text", {"uid": uid, "fields": {"headline": headline}})
    return pdf


def _published() -> object:
    from broadsheet.editions.models import Edition

    return Edition.objects.get(status="published")


def _found(words: str) -> list[str]:
    from django.conf import settings

    from broadsheet.editions.models import Article
    from broadsheet.newsroom.queue import run_pending
    from broadsheet.search import SearchQuery, get_backend

    run_pending()  # a correction's re-indexing
    hits = get_backend(settings.BROADSHEET_SEARCH_BACKEND).search(SearchQuery(words)).hits
    return [Article.objects.get(id=h.article_id).headline for h in hits]


def test_reingesting_keeps_the_corrections_of_the_pages_that_did_not_change(
    corrected: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from broadsheet.editions.items import corrected_pages
    from broadsheet.editions.models import Article, Edition, EditionStatus
    from broadsheet.ingest.corrections import CHANGED

    old = _published()
    kept = Article.objects.get(headline=KEPT)
    capsys.readouterr()
    other = generated(tmp_path / "other", pages=3, seed=8).pdf
    new_pdf = pages_of(tmp_path / "new.pdf", (corrected, 1), (other, 2), (corrected, 3))
    assert main(["ingest", str(new_pdf), *OPTIONS]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:] == [
        "Kept the corrections of page 1: it prints the same.",
        f"Dropped the corrections of page 2: {CHANGED}.",
    ]
    new = _published()
    assert isinstance(new, Edition) and new != old
    # the replaced build stays, for readers who have its pages open, until `broadsheet gc`
    assert Edition.objects.get(id=old.id).status == EditionStatus.REPLACED  # type: ignore[attr-defined]
    again = Article.objects.get(edition=new, headline=KEPT)
    assert (again.uid, again.key, again.regions) == (kept.uid, kept.key, kept.regions)
    assert not Article.objects.filter(edition=new, headline=DROPPED).exists()
    assert _found("zebrafinch quayside") == [KEPT] and _found("okapi marina") == []
    assert corrected_pages(new) == {1}  # still ground truth for export-gt and the profile


def test_a_pdf_it_cannot_read_leaves_the_edition_and_its_corrections(corrected: Path, tmp_path: Path) -> None:
    from broadsheet.editions.items import snapshot
    from broadsheet.editions.models import Edition

    edition = _published()
    assert isinstance(edition, Edition)
    before = snapshot(edition)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(corrected.read_bytes()[:2000])
    assert main(["ingest", str(broken), *OPTIONS]) == 2
    assert _published() == edition and snapshot(edition) == before and Edition.objects.count() == 1
    assert _found("zebrafinch quayside") == [KEPT]
