"""Bad input is refused with a message naming the file and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.errors import (
    BrokenPdfError,
    EncryptedPdfError,
    InputFileError,
    NotAPdfError,
    PageError,
    TooLargeError,
)
from broadsheet.pdf.document import load_page, open_pdf
from tests.pdfs import make_pdf, text_at


def test_opens_a_good_pdf(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "ok.pdf", text_at(72, 72, "Hello"), text_at(72, 72, "World"))
    with open_pdf(pdf) as doc:
        assert len(doc) == 2


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (b"", NotAPdfError, "empty"),
        (b"hello, I am a text file\n", NotAPdfError, "not a PDF"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", BrokenPdfError, "cannot read"),
    ],
)
def test_refuses_bad_files(tmp_path: Path, content: bytes, error: type[Exception], words: str) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(error, match=words) as info, open_pdf(path):
        pass
    assert str(path) in str(info.value)


def test_refuses_truncated_pdf(tmp_path: Path) -> None:
    good = make_pdf(tmp_path / "good.pdf", text_at(72, 72, "Hello"))
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good.read_bytes()[:200])
    with pytest.raises(BrokenPdfError), open_pdf(cut):
        pass


def test_refuses_encrypted_pdf(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "secret.pdf", text_at(72, 72, "Hello"), encrypt="s3cret")
    with pytest.raises(EncryptedPdfError, match="password"), open_pdf(pdf):
        pass


def test_refuses_missing_and_oversized_files(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"), open_pdf(tmp_path / "nope.pdf"):
        pass
    pdf = make_pdf(tmp_path / "ok.pdf", text_at(72, 72, "Hello"))
    with pytest.raises(TooLargeError, match="limit"), open_pdf(pdf, max_bytes=100):
        pass


def test_a_page_pdfium_cannot_load_is_a_page_error(tmp_path: Path) -> None:
    with open_pdf(make_pdf(tmp_path / "one.pdf", text_at(72, 72, "Hello"))) as doc, pytest.raises(PageError):
        load_page(doc, 2)
