"""One edition's page in the newsroom: its progress while it is built, then what can be done with it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from broadsheet.editions.models import Edition, EditionStatus
from broadsheet.ingest.identity import KeptCorrections
from broadsheet.newsroom.models import Task
from broadsheet.newsroom.queue import enqueue
from broadsheet.newsroom.roles import editor_required
from broadsheet.newsroom.views.replace import ReplaceForm, replaceable


def get_edition(edition_id: int) -> Edition:
    return get_object_or_404(Edition.objects.select_related("publication"), id=edition_id)


def progress(edition: Edition) -> dict[str, Any]:
    """Where the build is: per page, ``waiting``, ``extracted`` or ``done`` (extracted and rendered)."""
    task = Task.objects.filter(edition=edition, name="build_edition").order_by("-id").first()
    state = task.progress if task else {}
    pages = int(state.get("pages") or edition.page_count)
    extracted, rendered = set(state.get("extracted", [])), set(state.get("rendered", []))
    finished = edition.status != EditionStatus.PROCESSING
    rows = [
        {"page": n, "state": "done" if finished or n in rendered else "extracted" if n in extracted else "waiting"}
        for n in range(1, pages + 1)
    ]
    return {
        "status": edition.status,
        "status_text": edition.get_status_display(),
        "error": edition.error,
        "pages": rows,
        "done": sum(r["state"] == "done" for r in rows),
        "attempts": task.attempts if task else 0,
    }


@editor_required
@require_safe
def edition(request: HttpRequest, edition_id: int) -> HttpResponse:
    """The edition's progress, or its pages to review; what became of the corrections of the edition it
    replaces; publishing, and *Replace PDF*."""
    ed = get_edition(edition_id)
    pages = list(ed.pages.order_by("number")) if ed.status != EditionStatus.PROCESSING else []
    newer = ed.replacements.order_by("-id").first()
    context = {
        "edition": ed,
        "progress": progress(ed),
        "pages": pages,
        "kept": KeptCorrections.from_json(ed.kept_corrections),
        "replacement": newer,
        "replace_form": ReplaceForm() if replaceable(ed) else None,
    }
    return render(request, "newsroom/edition.html", context)


@editor_required
@require_safe
def progress_json(request: HttpRequest, edition_id: int) -> JsonResponse:
    return JsonResponse(progress(get_edition(edition_id)))


@editor_required
@require_POST
def retry(request: HttpRequest, edition_id: int) -> HttpResponse:
    """Build a failed edition again from the files it was uploaded as."""
    with transaction.atomic():
        again = Edition.objects.filter(id=edition_id, status=EditionStatus.FAILED).update(
            status=EditionStatus.PROCESSING, error=""
        )
        if again:
            enqueue("build_edition", {"edition_id": edition_id}, edition_id=edition_id)
    if not again:
        messages.error(request, "Only a failed edition can be retried.")
    return redirect("newsroom:edition", edition_id=edition_id)
