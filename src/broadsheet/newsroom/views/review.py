"""The review editor: a page with every item outlined, and the changes an editor makes to it.

The page is HTML with a script (``static/newsroom/review.js``); it reads the page's items as JSON and
sends each change as JSON (with the CSRF token in ``X-CSRFToken``), getting the page's new state back.
Text from PDFs reaches the browser only as JSON strings the script sets as text, never as markup.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST, require_safe

from broadsheet.editions import items, media
from broadsheet.editions.models import Correction, Edition, EditionStatus, Page
from broadsheet.errors import UsageError
from broadsheet.newsroom import history
from broadsheet.newsroom.roles import editor_required
from broadsheet.newsroom.views.editions import get_edition

HISTORY_SHOWN = 15


def _entry(c: Correction) -> dict[str, Any]:
    return {
        "at": c.at.strftime("%Y-%m-%d %H:%M:%S"),
        "user": c.user.username if c.user else "—",
        "summary": c.summary,
        "undone": c.undone,
        "version": c.version,
    }


def page_data(edition: Edition, number: int) -> dict[str, Any]:
    """Everything the editor shows of one page: its items, the articles a jump can go to, the log."""
    page = get_object_or_404(Page, edition=edition, number=number)
    page.edition = edition
    states = items.snapshot(edition, page=number)
    on_page = sorted(
        ({"uid": u, **s, "title": items.title(s)} for u, s in states.items() if s), key=lambda s: s["order"]
    )
    rows = edition.articles.order_by("page__number", "order").values_list("uid", "page__number", "headline", "key")
    articles = [{"uid": str(u), "page": n, "title": h or f"Untitled article {k}"} for u, n, h, k in rows]
    log = edition.corrections.select_related("user").order_by("-id")[:HISTORY_SHOWN]
    undoable = edition.corrections.filter(undone=False, undoes=None).exclude(action__in=history.MARKS).exists()
    return {
        "edition": {
            "id": edition.id,
            "status": edition.status,
            "version": edition.version,
            "pages": edition.page_count,
        },
        "page": {
            "number": number,
            "width": page.width_pt,
            "height": page.height_pt,
            "image": media.url(page.media_path("screen.jpg")),
        },
        "items": on_page,
        "articles": articles,
        "history": [_entry(c) for c in log],
        "can_undo": undoable,
    }


def _reviewable(edition_id: int) -> Edition:
    edition = get_edition(edition_id)
    if edition.status in (EditionStatus.PROCESSING, EditionStatus.FAILED):
        raise UsageError(f"the edition is {edition.get_status_display()}: there is nothing to review yet")
    return edition


@editor_required
@require_safe
def review(request: HttpRequest, edition_id: int, number: int) -> HttpResponse:
    edition = get_edition(edition_id)
    page = get_object_or_404(Page, edition=edition, number=number)
    context = {"edition": edition, "page": page, "numbers": range(1, edition.page_count + 1), "kinds": items.KINDS}
    return render(request, "newsroom/review.html", context)


@editor_required
@require_safe
def page_json(request: HttpRequest, edition_id: int, number: int) -> JsonResponse:
    return JsonResponse(page_data(get_edition(edition_id), number))


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


def _answer(edition_id: int, number: Any, correction: Correction) -> JsonResponse:
    edition = get_edition(edition_id)
    data = page_data(edition, int(number)) if str(number).isdigit() else {}
    return JsonResponse({"ok": True, "summary": correction.summary, **data})


@editor_required
@require_POST
def change(request: HttpRequest, edition_id: int) -> JsonResponse:
    """One change, as JSON ``{"action": ..., "params": {...}, "page": N}``; answers the page's new state."""
    try:
        body = json.loads(request.body or b"{}")
        if not isinstance(body, dict) or not isinstance(body.get("params", {}), dict):
            raise UsageError("send a change as a JSON object")
        _reviewable(edition_id)
        correction = history.correct(edition_id, _user(request), str(body.get("action")), body.get("params", {}))
    except (UsageError, json.JSONDecodeError) as e:
        return JsonResponse({"ok": False, "error": str(e)}, status=400)
    return _answer(edition_id, body.get("page"), correction)


@editor_required
@require_POST
def undo(request: HttpRequest, edition_id: int) -> JsonResponse:
    try:
        body = json.loads(request.body or b"{}")
        correction = history.undo(edition_id, _user(request))
    except (UsageError, json.JSONDecodeError) as e:
        return JsonResponse({"ok": False, "error": str(e)}, status=400)
    return _answer(edition_id, body.get("page") if isinstance(body, dict) else None, correction)
