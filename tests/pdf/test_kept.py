"""An ingest worker keeps its PDF open from one job to the next; anywhere else each job opens and closes
its own, and a file rewritten at the same path is opened again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from broadsheet.errors import TooLargeError
from broadsheet.pdf import kept
from broadsheet.pdf.kept import forget_document, keep_documents, kept_pdf
from tests.pdfs import make_pdf, text_at


@pytest.fixture
def keeping() -> Iterator[None]:
    """This process keeps documents for the test, as a worker does, and forgets after."""
    keep_documents()
    try:
        yield
    finally:
        forget_document()
        kept._Kept.enabled = False


def _text(doc: object) -> str:
    page = doc[0]  # type: ignore[index]
    textpage = page.get_textpage()
    try:
        return str(textpage.get_text_range())
    finally:
        textpage.close()
        page.close()


def test_without_keeping_each_block_opens_and_closes_its_own(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "a.pdf", text_at(72, 72, "Ferries"))
    with kept_pdf(pdf) as first:
        assert _text(first) == "Ferries"
    with kept_pdf(pdf) as second:
        assert second is not first
    assert first.raw is None and second.raw is None  # closed


def test_a_worker_reuses_the_document_of_an_unchanged_file(tmp_path: Path, keeping: None) -> None:
    pdf = make_pdf(tmp_path / "a.pdf", text_at(72, 72, "Ferries"))
    with kept_pdf(pdf) as first:
        pass
    with kept_pdf(pdf) as second:
        assert second is first and _text(second) == "Ferries"


def test_a_rewritten_file_or_another_file_is_opened_anew(tmp_path: Path, keeping: None) -> None:
    pdf = make_pdf(tmp_path / "a.pdf", text_at(72, 72, "Ferries"))
    with kept_pdf(pdf) as first:
        pass
    make_pdf(tmp_path / "a.pdf", text_at(72, 72, "Apples ripen"))
    with kept_pdf(pdf) as second:
        assert second is not first and _text(second) == "Apples ripen"
    assert first.raw is None  # the one it replaced is closed
    other = make_pdf(tmp_path / "b.pdf", text_at(72, 72, "Harbour"))
    with kept_pdf(other) as third:
        assert _text(third) == "Harbour"
    assert second.raw is None


def test_a_kept_document_is_still_checked_against_the_size_limit(tmp_path: Path, keeping: None) -> None:
    pdf = make_pdf(tmp_path / "a.pdf", text_at(72, 72, "Ferries"))
    with kept_pdf(pdf):
        pass
    with pytest.raises(TooLargeError), kept_pdf(pdf, max_bytes=100):
        pass
