"""Responses kept per edition build: what is published never changes in place.

A re-ingest publishes a new ``Edition`` row with a new media folder (a unique build id), and a staff
correction makes the next ``version`` of the published row, so a page view or a ``.json`` twin rendered
once for a build's version is right until the next one: it is cached under both, and the one query
that finds the published edition is what keeps it fresh. Requests
with parameters (``?q=`` marks search hits) are rendered each time. The cache is Django's, per process
(``CACHES``, local memory by default).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from broadsheet.web import params
from broadsheet.web import queries as q
from broadsheet.web.converters import EditionKey

View = Callable[..., HttpResponse]


def per_edition_build(view: View) -> View:
    """Cache ``view``'s successful responses under the published build of the edition it shows."""

    @wraps(view)
    def cached(request: HttpRequest, pub: str, ekey: EditionKey, **kwargs: Any) -> HttpResponse:
        if params.query_text(request.GET):  # search words to mark, within their bound
            return view(request, pub, ekey, **kwargs)
        if request.GET:
            return view(request, pub, ekey, **kwargs)
        build = q.edition_build(pub, ekey)
        key = ":".join([view.__module__, view.__name__, build, *(f"{k}={v}" for k, v in sorted(kwargs.items()))])
        hit = cache.get(key)
        if hit is not None:
            content, headers = hit
            return HttpResponse(content, headers=headers)
        response = view(request, pub, ekey, **kwargs)
        if response.status_code == 200 and not response.streaming:
            cache.set(key, (response.content, dict(response.items())))
        return response

    return cached
