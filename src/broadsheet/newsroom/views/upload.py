"""Uploading an edition: the form, the checks that refuse bad input before anything is made, and the
queued build.

Everything that can be told from the request is checked here (the size, what the bytes are, a PDF that
is encrypted or broken, an edition already there for the date), so a refused upload leaves nothing
behind but its line in the upload record the dashboard shows. A new PDF of an edition already there is
not an upload but *Replace PDF* on that edition's page (:mod:`broadsheet.newsroom.views.replace`),
which goes through the same checks (:func:`check_upload`) and start (:func:`start_build`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from broadsheet.editions.models import Edition, EditionStatus, Publication
from broadsheet.editions.slugs import MAX_EDITION_CHARS, validate_edition_name
from broadsheet.errors import BroadsheetError, InputFileError
from broadsheet.ingest import check_ocr_models
from broadsheet.newsroom import sources
from broadsheet.newsroom.models import Upload
from broadsheet.newsroom.queue import enqueue
from broadsheet.newsroom.roles import editor_required
from broadsheet.newsroom.uploads import REFUSED, check_files, sniff

# The languages setup installs OCR models for (system-packages.txt); an edition's scanned and legacy-font
# pages are read in its language.
LANGUAGES = [
    ("en", "English"),
    ("ur", "Urdu"),
    ("ar", "Arabic"),
    ("fa", "Persian"),
    ("ps", "Pashto"),
    ("sd", "Sindhi"),
    ("hi", "Hindi"),
    ("bn", "Bengali"),
    ("si", "Sinhala"),
    ("ta", "Tamil"),
    ("fr", "French"),
    ("de", "German"),
    ("es", "Spanish"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
    ("nl", "Dutch"),
]
BUSY = (EditionStatus.PROCESSING, EditionStatus.REVIEW, EditionStatus.SCHEDULED)
CURRENT = (*BUSY, EditionStatus.PUBLISHED)  # an edition of the date is one of these: a second one is refused
FILES_ACCEPTED = ".pdf,.png,.jpg,.jpeg,.tif,.tiff"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Any number of files, checked by :func:`~broadsheet.newsroom.uploads.check_files` (one message for each
    kind of bad file, recorded with the upload), not by Django's single-file checks."""

    def clean(self, data: Any, initial: Any = None) -> Any:
        return list(data) if isinstance(data, list | tuple) else [data] if data else []


class UploadForm(forms.Form):
    publication = forms.ModelChoiceField(Publication.objects.all(), label="Publication", empty_label=None)
    date = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    name = forms.CharField(  # the pattern of edition URLs (Django's slug would take "Lahore": no URL could show it)
        label="Edition name",
        required=False,
        max_length=MAX_EDITION_CHARS,
        validators=[validate_edition_name],
        help_text="for regional editions: lowercase letters, digits and hyphens, e.g. lahore; empty for the main one",
    )
    language = forms.ChoiceField(label="Language", choices=LANGUAGES)
    allow_partial = forms.BooleanField(
        label="Keep the edition if some pages fail",
        required=False,
        help_text="otherwise an edition with a page that cannot be read fails, and nothing replaces the published one",
    )
    upload = FilesField(
        label="The edition's PDF, or its page images in order",
        widget=MultipleFileInput(attrs={"accept": FILES_ACCEPTED}),
        required=False,
    )

    def check_duplicate(self) -> None:
        """Refuse a second edition for a publication's date: a new PDF of it is *Replace PDF* on its page,
        which keeps the corrections of the pages that did not change."""
        data = self.cleaned_data
        same = Edition.objects.filter(publication=data["publication"], date=data["date"], name=data["name"] or "")
        current = same.filter(status__in=CURRENT).order_by("-id").first()
        if current is not None:
            raise InputFileError(
                f"{data['publication'].name} already has an edition on {data['date'].isoformat()} "
                f"({current.get_status_display()}): open it from the dashboard to correct it, "
                "or use “Replace PDF” on its page to upload a new PDF of it"
            )


def _check_pdf(upload: UploadedFile) -> None:
    """Open the PDF now, so an encrypted or broken file is refused here and not after a wait."""
    from broadsheet.pdf.document import open_pdf

    path = getattr(upload, "temporary_file_path", None)
    if path is None:
        raise InputFileError(f"{upload.name}: the upload was not kept on disk")
    try:
        with open_pdf(Path(path())):
            pass
    except InputFileError as e:
        raise InputFileError(str(e).replace(path(), Path(upload.name or "upload").name)) from e


def check_upload(request: HttpRequest, files: list[UploadedFile], language: str) -> None:
    """Refuse, with one sentence, what cannot be built: an upload over the limit, a language without its
    OCR model (now, not after the wait for the build), files that are not one PDF or page images, an
    encrypted or broken PDF."""
    if REFUSED in request.META:
        raise InputFileError(str(request.META[REFUSED]))
    check_ocr_models(language)
    if check_files(files) == "pdf":
        _check_pdf(files[0])


def start_build(
    files: list[UploadedFile],
    publication: Publication,
    date: dt.date,
    name: str,
    language: str,
    replaces: Edition | None,
    allow_partial: bool = False,
) -> Edition:
    """The edition's row (processing: no reader sees it), its files kept, its build queued; all or nothing.
    ``replaces``: the edition it is a new PDF of; ``allow_partial``: kept even if some pages fail."""
    from broadsheet.ingest import store

    kinds = [sniff(f.read(1024)) or "" for f in files]
    for f in files:
        f.seek(0)
    with transaction.atomic():
        edition = store.begin_edition(publication, date, name, language, files[0].name or "upload", replaces)
        sources.keep(edition.id, files, kinds)
        args = {"edition_id": edition.id, "allow_partial": allow_partial}
        enqueue("build_edition", args, edition_id=edition.id)
    return edition


def record(request: HttpRequest, files: list[UploadedFile], edition: Edition | None, refused: str = "") -> None:
    """The upload's line in the record the dashboard shows: who, what, and the edition or why not."""
    user = request.user if isinstance(request.user, User) else None
    name = ", ".join(Path(f.name or "").name for f in files)[:255] or "(no file)"
    size = sum(f.size or 0 for f in files)
    Upload.objects.create(user=user, filename=name, size=size, edition=edition, refused=refused)


@editor_required
@require_http_methods(["GET", "HEAD", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    """The upload form; a valid upload goes on to its progress page."""
    form = UploadForm(request.POST or None, request.FILES or None, initial={"language": "en"})
    context: dict[str, Any] = {"form": form}
    if request.method != "POST":
        return render(request, "newsroom/upload.html", context)
    files = request.FILES.getlist("upload")
    try:
        if REFUSED in request.META:
            raise InputFileError(str(request.META[REFUSED]))
        if not form.is_valid():
            return render(request, "newsroom/upload.html", context, status=400)
        check_upload(request, files, form.cleaned_data["language"])
        form.check_duplicate()
    except BroadsheetError as e:
        record(request, files, None, str(e))
        context["refused"] = str(e)
        return render(request, "newsroom/upload.html", context, status=400)
    data = form.cleaned_data
    edition = start_build(
        files, data["publication"], data["date"], data["name"] or "", data["language"], None, data["allow_partial"]
    )
    record(request, files, edition)
    return redirect("newsroom:edition", edition_id=edition.id)
