"""A page's fingerprint is what it prints: the same page in another PDF (copied, moved, or the PDF made
again) has the same one; a page with another word, another place for a picture, or other pixels in a
scan has another."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.pdfgen.canvas import Canvas

from broadsheet.ingest.scans import scans_to_pdf
from broadsheet.pdf.fingerprint import page_fingerprints
from tests.pdfs import make_pdf, pages_of, text_at


def _box(x: float) -> object:
    def draw(canvas: Canvas) -> None:
        canvas.rect(x, 400, 100, 60, fill=1)

    return draw


def test_a_page_copied_or_moved_to_another_pdf_keeps_its_fingerprint(tmp_path: Path) -> None:
    first = make_pdf(tmp_path / "a.pdf", text_at(72, 72, "Ferries run again"), text_at(72, 72, "Apples ripen"))
    again = make_pdf(
        tmp_path / "again.pdf", text_at(72, 72, "Ferries run again"), text_at(72, 72, "Apples ripen"), pageCompression=1
    )
    one, two = page_fingerprints(first)
    assert one != two and len(one) == 64
    assert first.read_bytes() != again.read_bytes()  # the same pages written again, compressed this time
    assert page_fingerprints(again) == [one, two]
    assert page_fingerprints(pages_of(tmp_path / "moved.pdf", (first, 2), (first, 1))) == [two, one]


def test_a_changed_word_or_a_moved_shape_changes_the_fingerprint(tmp_path: Path) -> None:
    base = page_fingerprints(make_pdf(tmp_path / "a.pdf", text_at(72, 72, "Ferries run again")))
    assert page_fingerprints(make_pdf(tmp_path / "b.pdf", text_at(72, 72, "Ferries ran again"))) != base
    assert page_fingerprints(make_pdf(tmp_path / "c.pdf", text_at(72, 90, "Ferries run again"))) != base
    boxed = page_fingerprints(make_pdf(tmp_path / "d.pdf", _box(72)))  # type: ignore[arg-type]
    assert page_fingerprints(make_pdf(tmp_path / "e.pdf", _box(80))) != boxed  # type: ignore[arg-type]
    assert page_fingerprints(make_pdf(tmp_path / "f.pdf", _box(72))) == boxed  # type: ignore[arg-type]


def test_a_scanned_page_is_told_by_its_pixels(tmp_path: Path) -> None:
    pages = []
    for n, spot in enumerate((10, 10, 30)):
        image = Image.new("L", (200, 300), 255)
        ImageDraw.Draw(image).rectangle((spot, spot, spot + 40, spot + 40), fill=0)
        pages.append(tmp_path / f"page{n}.png")
        image.save(pages[-1], dpi=(100, 100))
    same, again, other = page_fingerprints(scans_to_pdf(pages, tmp_path / "scans.pdf", 2**30, 10**8))
    assert same == again != other  # no text layer at all: the image's bytes tell the pages apart


def test_a_page_walked_once_for_extraction_and_fingerprint_reads_as_when_walked_for_each(tmp_path: Path) -> None:
    """The ingest walks a page's objects once for both (broadsheet.ingest.reading): the same fingerprint
    and the same rules, frames and pictures as each walking them itself."""
    import pypdfium2 as pdfium

    from broadsheet.pdf.content import read_page_content
    from broadsheet.pdf.fingerprint import drawn_objects, page_fingerprint
    from tests.pdfs import box, combine, photo

    pdf = make_pdf(
        tmp_path / "a.pdf",
        combine(text_at(72, 72, "Ferries run again"), box(60, 100, 300, 200), photo(80, 120, 120, 90), _box(300)),
    )
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0]
        objects = drawn_objects(page)
        assert len(objects.handles) >= 4
        assert page_fingerprint(page, None, objects) == page_fingerprint(page) == page_fingerprints(pdf)[0]
        alone, shared = read_page_content(page, 1), read_page_content(page, 1, None, objects)
        assert (shared.hrules, shared.vrules, shared.frames, shared.images, shared.path_objects) == (
            alone.hrules,
            alone.vrules,
            alone.frames,
            alone.images,
            alone.path_objects,
        )
        assert alone.frames and alone.images
        page.close()
    finally:
        doc.close()
