"""*Replace PDF*: a new PDF (or page images) of an edition already there, built as a new edition that
keeps the corrections of the pages that did not change (:mod:`broadsheet.ingest.corrections`).

The new edition needs review as any upload does; its page says which pages kept their corrections and
which lost them, and why. Once it is built, the edition it replaces is ``replaced`` — or, when readers
see that one, once the new one is published. A refused file (the same checks as an upload) changes
nothing: the edition and its corrections stay as they are.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from broadsheet.editions.models import Edition, EditionStatus
from broadsheet.errors import BroadsheetError, UsageError
from broadsheet.newsroom.roles import editor_required
from broadsheet.newsroom.views.upload import (
    BUSY,
    FILES_ACCEPTED,
    FilesField,
    MultipleFileInput,
    check_upload,
    record,
    start_build,
)

REPLACEABLE = (EditionStatus.REVIEW, EditionStatus.SCHEDULED, EditionStatus.PUBLISHED)


class ReplaceForm(forms.Form):
    upload = FilesField(
        label="The new PDF, or its page images in order",
        widget=MultipleFileInput(attrs={"accept": FILES_ACCEPTED}),
        required=False,
    )


def check_replaceable(edition: Edition) -> None:
    """An edition being built, failed or replaced already is not replaced; nor is one whose new PDF is
    still waiting (replace that one)."""
    if edition.status not in REPLACEABLE:
        raise UsageError(
            f"an edition that is {edition.get_status_display()} cannot be replaced: "
            "only one that needs review, is scheduled or is published"
        )
    waiting = edition.replacements.filter(status__in=BUSY).order_by("-id").first()
    if waiting is not None:
        raise UsageError(
            f"a new PDF of this edition is already there ({waiting.get_status_display()}): "
            "open it from the dashboard and replace that one"
        )


def replaceable(edition: Edition) -> bool:
    """Whether the edition's page offers *Replace PDF*."""
    try:
        check_replaceable(edition)
    except UsageError:
        return False
    return True


@editor_required
@require_POST
def replace(request: HttpRequest, edition_id: int) -> HttpResponse:
    """Start building the new PDF, then show its progress; a refusal is said on the edition's page."""
    files = request.FILES.getlist("upload")
    try:
        with transaction.atomic():  # two editors replacing at once: the second one waits, then is refused
            edition = get_object_or_404(
                Edition.objects.select_for_update().select_related("publication"), id=edition_id
            )
            check_replaceable(edition)
            check_upload(request, files, edition.language)
            new = start_build(files, edition.publication, edition.date, edition.name, edition.language, edition)
    except BroadsheetError as e:
        record(request, files, None, str(e))
        messages.error(request, f"Not replaced: {e}")
        return redirect("newsroom:edition", edition_id=edition_id)
    record(request, files, new)
    messages.success(request, "Building the new PDF: its unchanged pages keep their corrections.")
    return redirect("newsroom:edition", edition_id=new.id)
