"""*Replace PDF*: a new PDF of an edition keeps the corrections of the pages that print what they printed
(found by fingerprint, wherever they are in the new PDF), with their articles' ids and URLs; a page that
changed is extracted afresh and its corrections are dropped, which the edition's page and the dashboard
say. A refused or failed replacement leaves the edition and its corrections as they were."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from broadsheet.errors import UsageError
from tests.newsroom.editions import generated, text_of, upload
from tests.pdfs import pages_of

SEED, OTHER = 7, 8
KEPT_HEADLINE = "Zebrafinch council approves quayside ferry plan"
DROPPED_HEADLINE = "Okapi festival returns to the marina"


def _articles(edition_id: int, page: int) -> list[Any]:
    from broadsheet.editions.models import Article

    return list(Article.objects.filter(edition_id=edition_id, page__number=page).exclude(headline=""))


@pytest.fixture
def corrected(editor: Client, tmp_path: Path) -> tuple[int, Path]:
    """A generated three-page edition uploaded and built, corrected on pages 1 (a merge, a retyped
    article, a new headline) and 2 (a new headline); returns its id and its PDF."""
    from broadsheet.editions.models import Edition
    from broadsheet.newsroom.history import correct
    from broadsheet.newsroom.queue import run_pending

    pdf = generated(tmp_path / "first", pages=3, seed=SEED).pdf
    assert upload(editor, [("first.pdf", pdf.read_bytes())]).status_code == 302  # type: ignore[attr-defined]
    run_pending()
    edition = Edition.objects.get()
    first, second, third, fourth = (str(a.uid) for a in _articles(edition.id, 1)[:4])
    correct(edition.id, None, "merge", {"uids": [first, second]})
    correct(edition.id, None, "retype", {"uid": third, "kind": "advert"})
    correct(edition.id, None, "text", {"uid": fourth, "fields": {"headline": KEPT_HEADLINE}})
    on_two = str(_articles(edition.id, 2)[0].uid)
    correct(edition.id, None, "text", {"uid": on_two, "fields": {"headline": DROPPED_HEADLINE}})
    return edition.id, pdf


def _replace(client: Client, edition_id: int, pdf: Path) -> Any:
    return client.post(
        f"/staff/editions/{edition_id}/replace/", {"upload": SimpleUploadedFile(pdf.name, pdf.read_bytes())}
    )


def _found(words: str) -> list[str]:
    from django.conf import settings

    from broadsheet.editions.models import Article
    from broadsheet.newsroom.queue import run_pending
    from broadsheet.search import SearchQuery, get_backend

    run_pending()
    hits = get_backend(settings.BROADSHEET_SEARCH_BACKEND).search(SearchQuery(words)).hits
    return [Article.objects.get(id=h.article_id).headline for h in hits]


def test_a_new_pdf_keeps_the_corrections_of_the_pages_that_did_not_change(
    corrected: tuple[int, Path], editor: Client, tmp_path: Path
) -> None:
    from broadsheet.editions.items import snapshot
    from broadsheet.editions.models import Article, Edition, EditionStatus
    from broadsheet.ingest.corrections import CHANGED
    from broadsheet.newsroom.history import correct
    from broadsheet.newsroom.publishing import publish
    from broadsheet.newsroom.queue import run_pending

    old_id, pdf = corrected
    other = generated(tmp_path / "other", pages=3, seed=OTHER).pdf
    new_pdf = pages_of(tmp_path / "new.pdf", (pdf, 1), (other, 2), (pdf, 3))
    page_one, page_three = snapshot(Edition.objects.get(id=old_id), page=1), _articles(old_id, 3)
    publish(old_id, None)
    assert _found("okapi marina") == [DROPPED_HEADLINE]

    response = _replace(editor, old_id, new_pdf)
    new = Edition.objects.get(replaces_id=old_id)
    assert response.status_code == 302 and response["Location"] == f"/staff/editions/{new.id}/"
    uid = str(_articles(old_id, 1)[0].uid)
    with pytest.raises(UsageError, match="being processed"):  # what it keeps is what it was when it was built
        correct(old_id, None, "text", {"uid": uid, "fields": {"byline": "By nobody"}})
    run_pending()
    new.refresh_from_db()
    assert (new.status, Edition.objects.get(id=old_id).status) == (EditionStatus.REVIEW, EditionStatus.PUBLISHED)
    old_page = text_of(editor.get(f"/staff/editions/{old_id}/").content.decode())
    assert "A new PDF of this edition: needs review" in old_page
    assert (
        "Readers see this edition until the new one is published; corrections made here now are not in it" in old_page
    )
    assert "Replace PDF" not in old_page  # replace the new one, if need be

    gone = {str(a.uid) for a in _articles(old_id, 2)}  # a jump to page 2 continues in nothing now
    unlinked = {u: {**s, "continues_in": None} for u, s in page_one.items() if s and s.get("continues_in") in gone}
    assert unlinked and snapshot(new, page=1) == page_one | unlinked  # the staff's items, ids, URLs
    assert KEPT_HEADLINE in [a.headline for a in _articles(new.id, 1)]
    assert not Article.objects.filter(edition=new, headline=DROPPED_HEADLINE).exists()
    assert {a.headline for a in _articles(new.id, 2)}.isdisjoint(a.headline for a in _articles(old_id, 2))
    assert [(a.uid, a.key, a.headline) for a in _articles(new.id, 3)] == [
        (a.uid, a.key, a.headline) for a in page_three
    ]  # an uncorrected unchanged page is extracted again, its stories keep their ids
    assert new.kept_corrections == {"kept": [[1, 1]], "dropped": [[2, CHANGED]]}
    assert [c.action for c in new.corrections.all()] == ["keep"]

    page = text_of(editor.get(f"/staff/editions/{new.id}/").content.decode())
    assert "Kept the corrections of page 1: it prints the same." in page
    assert f"Dropped the corrections of page 2: {CHANGED}." in page
    assert "Replace PDF" in page
    dashboard = text_of(editor.get("/staff/").content.decode())
    assert "new PDF corrections dropped on page 2 (its page says why)" in dashboard

    publish(new.id, None)
    assert Edition.objects.get(id=old_id).status == EditionStatus.REPLACED
    assert _found("zebrafinch quayside") == [KEPT_HEADLINE]
    assert _found("okapi marina") == []
    key = Article.objects.get(edition=new, headline=KEPT_HEADLINE).key
    reader = Client().get(f"/the-post/2025-04-20/article/{key}/")
    assert reader.status_code == 200 and KEPT_HEADLINE in reader.content.decode()


def test_pages_are_matched_by_what_they_print_not_by_their_number(
    corrected: tuple[int, Path], editor: Client, tmp_path: Path
) -> None:
    from broadsheet.editions.items import snapshot
    from broadsheet.editions.models import Edition, EditionStatus
    from broadsheet.ingest.corrections import CHANGED
    from broadsheet.newsroom.history import undo
    from broadsheet.newsroom.queue import run_pending

    old_id, pdf = corrected
    page_one = snapshot(Edition.objects.get(id=old_id), page=1)
    new_pdf = pages_of(tmp_path / "new.pdf", (pdf, 3), (pdf, 1))  # page 2 taken out, page 1 now second
    assert _replace(editor, old_id, new_pdf).status_code == 302
    run_pending()
    new = Edition.objects.get(replaces_id=old_id)
    assert (new.status, Edition.objects.get(id=old_id).status) == (EditionStatus.REVIEW, EditionStatus.REPLACED)
    assert new.kept_corrections == {"kept": [[1, 2]], "dropped": [[2, CHANGED]]}
    gone = {str(a.uid) for a in _articles(old_id, 2)}
    expected = {u: {**s, "page": 2} for u, s in page_one.items() if s}  # the same items, ids and URLs, moved
    expected |= {u: {**s, "continues_in": None} for u, s in expected.items() if s.get("continues_in") in gone}
    assert snapshot(new, page=2) == expected
    page = text_of(editor.get(f"/staff/editions/{new.id}/").content.decode())
    assert "Kept the corrections of page 1 (now page 2): it prints the same." in page

    undone = undo(new.id, None)  # the kept corrections are a change like any other: undo gives the extraction
    assert undone.summary == "undid: kept the corrections of page 2 from the PDF it replaces"
    assert KEPT_HEADLINE not in [a.headline for a in _articles(new.id, 2)]
    assert snapshot(new, page=2).keys() != page_one.keys()


def test_a_broken_or_failing_new_pdf_leaves_the_edition_and_its_corrections_as_they_were(
    corrected: tuple[int, Path], editor: Client, tmp_path: Path
) -> None:
    from broadsheet.editions.items import snapshot
    from broadsheet.editions.models import Correction, Edition, EditionStatus
    from broadsheet.newsroom import sources
    from broadsheet.newsroom.history import correct
    from broadsheet.newsroom.models import Upload
    from broadsheet.newsroom.queue import run_pending

    old_id, pdf = corrected
    edition = Edition.objects.get(id=old_id)
    before, log = snapshot(edition), list(Correction.objects.values_list("id", flat=True))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(pdf.read_bytes()[: len(pdf.read_bytes()) // 3])
    response = _replace(editor, old_id, broken)
    assert response.status_code == 302 and response["Location"] == f"/staff/editions/{old_id}/"
    page = text_of(editor.get(response["Location"]).content.decode())
    assert "Not replaced: broken.pdf: PDFium cannot read this PDF" in page and "Replace PDF" in page
    assert Edition.objects.count() == 1 and Upload.objects.order_by("-id").first().refused.startswith("broken.pdf")  # type: ignore[union-attr]
    assert snapshot(edition) == before and list(Correction.objects.values_list("id", flat=True)) == log

    assert _replace(editor, old_id, pdf).status_code == 302  # a PDF that opens, then is lost before its build
    new = Edition.objects.get(replaces_id=old_id)
    (sources.folder(new.id) / "source.pdf").write_bytes(b"%PDF-1.7\n")
    run_pending()
    new.refresh_from_db()
    assert new.status == EditionStatus.FAILED and "source.pdf" in new.error
    edition.refresh_from_db()
    assert edition.status == EditionStatus.REVIEW and snapshot(edition) == before
    assert not new.pages.exists() and not new.corrections.exists()
    uid = str(_articles(old_id, 1)[0].uid)  # the edition can be corrected again, and replaced again
    correct(old_id, None, "text", {"uid": uid, "fields": {"byline": "By the desk"}})
    assert "Replace PDF" in text_of(editor.get(f"/staff/editions/{old_id}/").content.decode())
