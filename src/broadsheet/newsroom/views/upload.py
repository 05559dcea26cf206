"""Uploading an edition: the form, the checks that refuse bad input before anything is made, and the
queued build.

Everything that can be told from the request is checked here (the size, what the bytes are, a PDF that
is encrypted or broken, an edition already there for the date), so a refused upload leaves nothing
behind but its line in the upload record the dashboard shows.
"""

from __future__ import annotations

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
    replace = forms.BooleanField(label="Replace the published edition of this date", required=False)
    allow_partial = forms.BooleanField(
        label="Keep the edition if some pages fail",
        required=False,
        help_text="otherwise an edition with a page that cannot be read fails, and nothing replaces the published one",
    )
    upload = FilesField(
        label="The edition's PDF, or its page images in order",
        widget=MultipleFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,.tif,.tiff"}),
        required=False,
    )

    def check_duplicate(self) -> None:
        """Refuse a second edition for a publication's date (a published one only when not replaced)."""
        data = self.cleaned_data
        same = Edition.objects.filter(publication=data["publication"], date=data["date"], name=data["name"] or "")
        busy = same.filter(status__in=BUSY).first()
        published = same.filter(status=EditionStatus.PUBLISHED).first()
        when = f"{data['publication'].name} already has an edition on {data['date'].isoformat()}"
        if busy is not None:
            raise InputFileError(f"{when} ({busy.get_status_display()}): open it from the dashboard")
        if published is not None and not data["replace"]:
            raise InputFileError(f"{when} (published): correct it, or tick “Replace” to upload a new one")


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


def _start(request: HttpRequest, form: UploadForm, files: list[UploadedFile]) -> Edition:
    """The edition's row (processing: no reader sees it), its files kept, its build queued; all or nothing."""
    from broadsheet.ingest import store

    data = form.cleaned_data
    kinds = [sniff(f.read(1024)) or "" for f in files]
    for f in files:
        f.seek(0)
    with transaction.atomic():
        edition = store.begin_edition(
            data["publication"], data["date"], data["name"] or "", data["language"], files[0].name or "upload"
        )
        sources.keep(edition.id, files, kinds)
        args = {"edition_id": edition.id, "allow_partial": bool(data["allow_partial"])}
        enqueue("build_edition", args, edition_id=edition.id)
    return edition


def _record(request: HttpRequest, files: list[UploadedFile], edition: Edition | None, refused: str = "") -> None:
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
        check_ocr_models(form.cleaned_data["language"])  # now, not after the wait for the build
        kind = check_files(files)
        form.check_duplicate()
        if kind == "pdf":
            _check_pdf(files[0])
    except BroadsheetError as e:
        _record(request, files, None, str(e))
        context["refused"] = str(e)
        return render(request, "newsroom/upload.html", context, status=400)
    edition = _start(request, form, files)
    _record(request, files, edition)
    return redirect("newsroom:edition", edition_id=edition.id)
