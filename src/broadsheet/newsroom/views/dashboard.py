"""The dashboard: every edition the newsroom knows, grouped by where it is between upload and readers."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from broadsheet.editions.models import Edition, EditionStatus
from broadsheet.newsroom.models import Upload
from broadsheet.newsroom.roles import editor_required

GROUPS = (
    (EditionStatus.PROCESSING, "Processing"),
    (EditionStatus.REVIEW, "Needs review"),
    (EditionStatus.SCHEDULED, "Scheduled"),
    (EditionStatus.PUBLISHED, "Published"),
    (EditionStatus.FAILED, "Failed"),
    (EditionStatus.REPLACED, "Replaced"),
)
SHOWN = 50  # per group; older ones are in the Django admin


@editor_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    editions = Edition.objects.select_related("publication").order_by("-date", "publication__name", "name")
    groups: list[dict[str, Any]] = [
        {"status": status.value, "title": title, "editions": list(editions.filter(status=status)[:SHOWN])}
        for status, title in GROUPS
    ]
    uploads = Upload.objects.select_related("user", "edition").order_by("-at")[:10]
    return render(request, "newsroom/dashboard.html", {"groups": groups, "uploads": uploads})
