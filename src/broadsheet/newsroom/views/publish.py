"""Publishing an edition (now or at a time), taking it back, and its versions: every change logged,
each version restorable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from broadsheet.errors import UsageError
from broadsheet.newsroom import history, publishing
from broadsheet.newsroom.roles import editor_required
from broadsheet.newsroom.views.editions import get_edition


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


def _when(value: str) -> dt.datetime | None:
    """A ``datetime-local`` value (UTC, as the form says), or None for now."""
    if not value.strip():
        return None
    try:
        return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)
    except ValueError as e:
        raise UsageError(f"{value!r} is not a date and time like 2025-04-20T06:00") from e


def _attempt(request: HttpRequest, step: Callable[[], str]) -> None:
    """Run a publishing step and say how it went (a refusal's reason, or what readers see now)."""
    try:
        messages.success(request, step())
    except UsageError as e:
        messages.error(request, str(e))


@editor_required
@require_POST
def publish(request: HttpRequest, edition_id: int) -> HttpResponse:
    def step() -> str:
        when = _when(str(request.POST.get("when", "")))
        if when is None:
            return f"Published: readers see version {publishing.publish(edition_id, _user(request)).version} now."
        publishing.schedule(edition_id, _user(request), when)
        return f"Scheduled for {when:%Y-%m-%d %H:%M} UTC."

    _attempt(request, step)
    return redirect("newsroom:edition", edition_id=edition_id)


@editor_required
@require_POST
def unpublish(request: HttpRequest, edition_id: int) -> HttpResponse:
    def step() -> str:
        publishing.unpublish(edition_id, _user(request))
        return "Unpublished: readers no longer see this edition."

    _attempt(request, step)
    return redirect("newsroom:edition", edition_id=edition_id)


@editor_required
@require_safe
def versions(request: HttpRequest, edition_id: int) -> HttpResponse:
    """Every version readers saw, and every change (who, when, what)."""
    edition = get_edition(edition_id)
    log = edition.corrections.select_related("user").order_by("-id")
    context = {"edition": edition, "versions": reversed(history.versions(edition)), "log": log}
    return render(request, "newsroom/versions.html", context)


@editor_required
@require_POST
def restore(request: HttpRequest, edition_id: int, version: int) -> HttpResponse:
    def step() -> str:
        made = history.restore(edition_id, _user(request), version)
        return f"Restored version {version}: readers see it as version {made.version}."

    _attempt(request, step)
    return redirect("newsroom:versions", edition_id=edition_id)
