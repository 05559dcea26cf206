"""Uploading an edition: a good one is built in the background and waits for review; bad input is refused
with a message that says what is wrong, and leaves nothing behind."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.test import Client, override_settings

from tests.newsroom.editions import generated, text_of, upload
from tests.ocr.tessdata import english_only
from tests.pdfs import GLYPH_LIMIT_MESSAGE, crowded_page, text_at
from tests.pdfs import make_pdf as draw_pdf


def _page_png(pdf: Path) -> bytes:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        image = doc[0].render(scale=100 / 72).to_pil()
    finally:
        doc.close()
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _encrypted_pdf(path: Path) -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), encrypt=StandardEncryption("secret", canPrint=0))
    canvas.drawString(100, 700, "Locked away")
    canvas.save()
    return path.read_bytes()


def test_an_upload_is_built_in_the_background_and_waits_for_review(editor: Client, tmp_path: Path) -> None:
    from broadsheet.editions.models import Edition, EditionStatus
    from broadsheet.newsroom.models import Task
    from broadsheet.newsroom.queue import run_pending

    gen = generated(tmp_path, pages=2)
    response = upload(editor, [("Front & back.pdf", gen.pdf.read_bytes())])
    edition = Edition.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/staff/editions/{edition.id}/"  # type: ignore[attr-defined]
    assert edition.status == EditionStatus.PROCESSING and edition.source_name == "Front & back.pdf"
    assert Client().get("/the-post/2025-04-20/").status_code == 404
    waiting = editor.get(f"/staff/editions/{edition.id}/progress.json").json()
    assert (waiting["status"], waiting["done"]) == ("processing", 0)

    assert run_pending() == 1
    edition.refresh_from_db()
    assert (edition.status, edition.page_count, edition.pages.count()) == (EditionStatus.REVIEW, 2, 2)
    assert edition.articles.count() > 0
    assert Task.objects.get().progress["rendered"] == [1, 2]
    done = editor.get(f"/staff/editions/{edition.id}/progress.json").json()
    assert (done["status"], done["done"], [p["state"] for p in done["pages"]]) == ("review", 2, ["done", "done"])
    assert Client().get("/the-post/2025-04-20/").status_code == 404  # reviewed first
    dashboard = text_of(editor.get("/staff/").content.decode())
    assert "Needs review (1)" in dashboard and "Front & back.pdf" in dashboard


def test_page_images_are_uploaded_in_order_and_read_by_ocr(editor: Client, tmp_path: Path) -> None:
    from broadsheet.editions.models import Edition, EditionStatus
    from broadsheet.newsroom.queue import run_pending

    png = _page_png(generated(tmp_path, pages=1).pdf)
    assert upload(editor, [("p1.png", png), ("p2.png", png)]).status_code == 302  # type: ignore[attr-defined]
    run_pending()
    edition = Edition.objects.get()
    assert (edition.status, edition.page_count) == (EditionStatus.REVIEW, 2)
    assert edition.pages.filter(text_layer="ocr").count() == 2


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("report.docx", "report.docx is not a PDF or a page image (PNG, JPEG, TIFF); it looks like a ZIP archive"),
        ("empty.pdf", "empty.pdf is empty (0 bytes): upload the file again"),
        ("locked.pdf", "locked.pdf: the PDF is encrypted with a password; ask the publisher for an unprotected file"),
        ("cut.pdf", "cut.pdf: PDFium cannot read this PDF"),
    ],
)
def test_bad_files_are_refused_with_a_message_and_leave_nothing(
    editor: Client, tmp_path: Path, name: str, message: str
) -> None:
    from broadsheet.editions.models import Edition
    from broadsheet.newsroom.models import Task, Upload

    content = {
        "report.docx": b"PK\x03\x04" + b"\x00" * 100,
        "empty.pdf": b"",
        "locked.pdf": _encrypted_pdf(tmp_path / "locked.pdf"),
        "cut.pdf": generated(tmp_path).pdf.read_bytes()[:2000],
    }[name]
    response = upload(editor, [(name, content)])
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert message in response.content.decode()  # type: ignore[attr-defined]
    assert not Edition.objects.exists() and not Task.objects.exists()
    assert not any((tmp_path / "site" / "uploads").glob("*"))
    assert Upload.objects.get().refused.startswith(message)
    assert "Refused: " + message in text_of(editor.get("/staff/").content.decode())


def test_a_language_whose_ocr_model_is_missing_is_refused_at_upload(
    editor: Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from broadsheet.editions.models import Edition
    from broadsheet.newsroom.models import Task

    monkeypatch.setenv("TESSDATA_PREFIX", str(english_only(tmp_path / "tessdata")))
    response = upload(editor, [("ed.pdf", generated(tmp_path).pdf.read_bytes())], language="fr")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "install the Debian package tesseract-ocr-fra" in text_of(response.content.decode())  # type: ignore[attr-defined]
    assert not Edition.objects.exists() and not Task.objects.exists()


def test_an_upload_over_the_limit_is_stopped_while_it_streams(editor: Client, tmp_path: Path) -> None:
    from broadsheet.editions.models import Edition

    with override_settings(BROADSHEET_MAX_UPLOAD_BYTES=50_000):
        response = upload(editor, [("big.pdf", b"%PDF-1.7\n" + b"0" * 200_000)])
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "the upload is larger than the limit of 0.05 MiB (BROADSHEET_MAX_UPLOAD_MB)" in response.content.decode()  # type: ignore[attr-defined]
    assert not Edition.objects.exists()


def test_a_second_edition_for_a_date_is_refused_and_sent_to_replace_pdf(editor: Client, tmp_path: Path) -> None:
    from broadsheet.editions.models import Edition, EditionStatus

    pdf = generated(tmp_path).pdf.read_bytes()
    assert upload(editor, [("a.pdf", pdf)]).status_code == 302  # type: ignore[attr-defined]
    for status in (EditionStatus.PROCESSING, EditionStatus.REVIEW, EditionStatus.SCHEDULED, EditionStatus.PUBLISHED):
        Edition.objects.update(status=status)
        again = upload(editor, [("b.pdf", pdf)])
        assert again.status_code == 400  # type: ignore[attr-defined]
        assert (
            f"The Post already has an edition on 2025-04-20 ({status.label}): open it from the dashboard to "
            "correct it, or use “Replace PDF” on its page to upload a new PDF of it"
        ) in text_of(again.content.decode())  # type: ignore[attr-defined]
    assert 'name="replace"' not in again.content.decode()  # type: ignore[attr-defined] # one way to replace: its page
    assert upload(editor, [("c.pdf", pdf)], name="lahore").status_code == 302  # type: ignore[attr-defined]
    Edition.objects.filter(name="").update(status=EditionStatus.FAILED)  # a failed one is no edition of the date
    assert upload(editor, [("d.pdf", pdf)]).status_code == 302  # type: ignore[attr-defined]
    assert Edition.objects.count() == 3


def test_a_build_that_fails_says_why_and_can_be_retried(editor: Client, tmp_path: Path) -> None:
    from broadsheet.editions.models import Edition, EditionStatus
    from broadsheet.newsroom.queue import run_pending

    broken_png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64  # a PNG by its first bytes, not one to decode
    assert upload(editor, [("scan.png", broken_png)]).status_code == 302  # type: ignore[attr-defined]
    run_pending()
    edition = Edition.objects.get()
    assert edition.status == EditionStatus.FAILED and "page-001.png" in edition.error
    dashboard = editor.get("/staff/").content.decode()
    assert "Failed (1)" in text_of(dashboard) and edition.error in text_of(dashboard) and ">Retry</button>" in dashboard
    assert editor.post(f"/staff/editions/{edition.id}/retry/").status_code == 302
    edition.refresh_from_db()
    assert edition.status == EditionStatus.PROCESSING
    assert run_pending() == 1
    edition.refresh_from_db()
    assert edition.status == EditionStatus.FAILED


@pytest.mark.parametrize("name", ["Lahore", "../../x", "la_hore", "café"])
def test_an_edition_name_that_no_url_could_show_is_refused(editor: Client, tmp_path: Path, name: str) -> None:
    from broadsheet.editions.models import Edition

    response = upload(editor, [("a.pdf", generated(tmp_path).pdf.read_bytes())], name=name)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert f"edition {name!r} is not a slug: use only lowercase letters a-z, digits and hyphens" in text_of(
        response.content.decode()  # type: ignore[attr-defined]
    )
    assert not Edition.objects.exists()
    assert not any((tmp_path / "site" / "uploads").glob("*"))


def test_a_newsroom_build_with_failed_pages_fails_with_the_reason_unless_its_uploader_allowed_it(
    editor: Client, tmp_path: Path
) -> None:
    from broadsheet.editions.models import Edition, EditionStatus
    from broadsheet.newsroom.queue import run_pending

    page = text_at(72, 72, "Council approves the new bridge")
    crowded = draw_pdf(tmp_path / "crowded.pdf", page, crowded_page).read_bytes()
    upload(editor, [("crowded.pdf", crowded)])
    run_pending()
    failed = Edition.objects.get()
    assert failed.status == EditionStatus.FAILED
    assert failed.error == (
        f"Pages failed (page 2: {GLYPH_LIMIT_MESSAGE}). Upload it again with “Keep the edition if some pages "
        "fail” ticked to review it without them."
    )
    assert not failed.pages.exists()

    upload(editor, [("crowded.pdf", crowded)], date="2025-04-21", allow_partial="on")
    run_pending()
    kept = Edition.objects.get(date="2025-04-21")
    assert kept.status == EditionStatus.REVIEW
    assert list(kept.pages.values_list("number", "error")) == [(1, ""), (2, GLYPH_LIMIT_MESSAGE)]
