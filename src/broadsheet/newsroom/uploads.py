"""Uploaded edition files: streamed to disk with a size limit, their type read from their bytes.

Every upload goes through :class:`LimitedUploadHandler` (``FILE_UPLOAD_HANDLERS``): file data is
written to a temporary file as it arrives, never held in memory, and past
``BROADSHEET_MAX_UPLOAD_BYTES`` the rest of the request is read and dropped, so the browser still gets
the page that says why. What a file is comes from its first bytes (:func:`sniff`), never from its name
or the browser's word; :func:`check_files` refuses, with one sentence an editor can act on, anything
that is not a PDF or page images, an empty file, an encrypted or broken PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import StopUpload, TemporaryFileUploadHandler

from broadsheet.errors import InputFileError, TooLargeError

REFUSED = "broadsheet.upload_refused"
"""``request.META`` key under which the handler leaves why it dropped a file."""

SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
LOOKS_LIKE = (
    (b"PK\x03\x04", "a ZIP archive (a Word or InDesign package?)"),
    (b"GIF8", "a GIF image"),
    (b"<", "a web page or XML"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
)


def limit_text() -> str:
    return f"{round(settings.BROADSHEET_MAX_UPLOAD_BYTES / 2**20, 2):g} MiB (BROADSHEET_MAX_UPLOAD_MB)"


class LimitedUploadHandler(TemporaryFileUploadHandler):
    """Django's temporary-file handler, stopping a request whose files grow past the limit."""

    def handle_raw_input(
        self,
        input_data: IO[bytes],
        META: dict[str, str],  # noqa: N803 (Django's name)
        content_length: int,
        boundary: str,
        encoding: str | None = None,
    ) -> None:
        self.total = 0
        self.oversize = content_length > settings.BROADSHEET_MAX_UPLOAD_BYTES + 2**20  # form fields are small

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        if getattr(self, "oversize", False):
            self._refuse()
        super().new_file(*args, **kwargs)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.total = getattr(self, "total", 0) + len(raw_data)
        if self.total > settings.BROADSHEET_MAX_UPLOAD_BYTES:
            self._refuse()
        return super().receive_data_chunk(raw_data, start)

    def _refuse(self) -> None:
        if self.request is not None:
            self.request.META[REFUSED] = f"the upload is larger than the limit of {limit_text()}"
        raise StopUpload(connection_reset=False)


def sniff(head: bytes) -> str | None:
    """``pdf``, ``png``, ``jpeg`` or ``tiff`` from a file's first bytes; None for anything else.
    A PDF may carry junk before its header (PDFium looks in the first 1024 bytes, so does this)."""
    for signature, kind in SIGNATURES:
        if head.startswith(signature) or (kind == "pdf" and signature in head[:1024]):
            return kind
    return None


def _what_it_is(head: bytes) -> str:
    for signature, name in LOOKS_LIKE:
        if head.lstrip().startswith(signature):
            return f"; it looks like {name}"
    return ""


def check_files(files: Sequence[UploadedFile]) -> str:
    """The kind of the upload (``pdf`` or ``images``), or :class:`InputFileError` saying what is wrong."""
    if not files:
        raise InputFileError("choose the edition's PDF, or its page images, to upload")
    kinds = []
    for f in files:
        name = Path(f.name or "upload").name
        if not f.size:
            raise InputFileError(f"{name} is empty (0 bytes): upload the file again")
        if f.size > settings.BROADSHEET_MAX_UPLOAD_BYTES:
            raise TooLargeError(f"{name} is larger than the limit of {limit_text()}")
        f.seek(0)
        head = f.read(1024)
        f.seek(0)
        kind = sniff(head)
        if kind is None:
            raise InputFileError(f"{name} is not a PDF or a page image (PNG, JPEG, TIFF){_what_it_is(head)}")
        kinds.append(kind)
    if "pdf" in kinds and len(kinds) > 1:
        raise InputFileError("upload one PDF, or page images, not both")
    return "pdf" if kinds == ["pdf"] else "images"
