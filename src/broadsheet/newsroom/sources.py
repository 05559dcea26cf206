"""The files an edition was uploaded as, kept in the private uploads folder (``BROADSHEET_UPLOADS_DIR``).

One folder per edition, ``<uploads>/<edition id>/``, holding ``source.pdf`` or ``page-001.png``,
``page-002.tif``…: names made here, never the uploader's (a file name is not a path to trust). They are
kept after the build, for a retry and for exporting corrected pages with their PDF
(:mod:`broadsheet.newsroom.groundtruth`).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from broadsheet.extract.options import ExtractOptions

EXTENSIONS = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg", "tiff": ".tif"}


def folder(edition_id: int) -> Path:
    return Path(settings.BROADSHEET_UPLOADS_DIR) / str(edition_id)


def _place(upload: UploadedFile, target: Path) -> None:
    """Move an upload's temporary file into place (copy it if it was small enough to stay in memory)."""
    temporary = getattr(upload, "temporary_file_path", None)
    if temporary is not None:
        shutil.move(temporary(), target)
        return
    with target.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)


def keep(edition_id: int, uploads: Sequence[UploadedFile], kinds: Sequence[str]) -> None:
    """Keep the uploaded files of ``edition_id``: one PDF, or page images in the order given."""
    target = folder(edition_id)
    target.mkdir(parents=True, exist_ok=True)
    if kinds == ["pdf"]:
        _place(uploads[0], target / "source.pdf")
        return
    for number, (upload, kind) in enumerate(zip(uploads, kinds, strict=True), start=1):
        _place(upload, target / f"page-{number:03d}{EXTENSIONS[kind]}")


def discard(edition_id: int) -> None:
    shutil.rmtree(folder(edition_id), ignore_errors=True)


def source_name(edition_id: int) -> str:
    """The edition's PDF file name, as page JSON names its ``source``."""
    return f"edition-{edition_id}.pdf"


@contextmanager
def as_pdf(edition_id: int) -> Iterator[Path]:
    """The edition's upload as a PDF: the PDF itself, or its page images made into one (for the time of the block)."""
    kept = folder(edition_id)
    pdf = kept / "source.pdf"
    if pdf.is_file():
        yield pdf
        return
    from broadsheet.ingest.scans import scans_to_pdf

    limits = ExtractOptions()
    with tempfile.TemporaryDirectory(prefix="broadsheet-scans-") as work:
        out = Path(work) / source_name(edition_id)
        yield scans_to_pdf(sorted(kept.glob("page-*")), out, limits.max_file_mb * 2**20, limits.max_image_pixels)
