"""HTTP caching of the reader's pages and JSON, in this process and in browsers and proxies.

Responses kept per edition build: what is published never changes in place. A re-ingest publishes a
new ``Edition`` row with a new media folder (a unique build id), and a staff correction makes the next
``version`` of the published row, so a page view or a ``.json`` twin rendered once for a build's
version is right until the next one: it is cached under both, and the one query that finds the
published edition is what keeps it fresh. The cache is Django's, per process (``CACHES``, local memory
by default). When a process first stores a response of an edition's new build, it drops what it had
stored for the build before (:class:`BuildKeys`): no request names an old build again, and a server
whose editions are re-ingested all day would otherwise hold every build's pages up to the cache's
``MAX_ENTRIES`` (``benchmarks/load.py --clients 32,32,32,32``: each server process grew 84 → 101 MB over
four re-ingests and was still growing; with this, 84 → 97 MB, level over the last two).

Only the parameter the views read (``?q=``, the search words whose hits they mark, checked against its
bound first) makes a request be rendered afresh; any other (``utm_source``, a cache buster) is ignored,
so it can neither change the page nor push every request past the cache. A response kept for others is
rendered from the request without its parameters, so nothing of one reader's URL reaches another.

A page is in the reader's chosen language, or else in its paper's (:mod:`broadsheet.web.language`): the
choice is part of the cache key (the paper's language is the build's, already in it), and every page says
it varies with the cookie that holds the choice (``Vary: Cookie``) and which language it is in
(``Content-Language``), so no cache, here or between, serves a page in one language to a reader of another.

Every successful reader response says how long it may be reused (``Cache-Control``: by default it must
be asked for again, :func:`cache_control`) and carries an ``ETag``, so a browser asking again gets a
bodiless 304 when nothing changed.
Views answer GET and HEAD alike (a HEAD gets the GET's headers, its body dropped by the server) and
405 to any other method, the cached ones too: the check comes before the cache (and before the CSRF
check, which would make a POST a 403: a view that takes no POST has no form to protect).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase, QueryDict
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from broadsheet.web import language, params
from broadsheet.web import queries as q
from broadsheet.web.converters import EditionKey

View = Callable[..., HttpResponse]
Labelled = Callable[..., HttpResponseBase]


def cache_control() -> str:
    """How long a reader response may be reused without asking: by default not at all (``no-cache``: kept,
    but asked again each time, a 304 when unchanged), as a correction must show at once; an operator whose
    proxy should absorb more may allow ``BROADSHEET_CACHE_SECONDS`` of staleness."""
    seconds = settings.BROADSHEET_CACHE_SECONDS
    return f"public, max-age={seconds}" if seconds else "public, no-cache"


def label(response: HttpResponse) -> HttpResponse:
    """``Cache-Control`` and an ``ETag`` (of the body) on a successful, whole response; on a page, the
    language it was rendered in and that it varies with the reader's choice of one."""
    if response.status_code == 200 and not response.streaming:
        response.headers.setdefault("Cache-Control", cache_control())
        if response.get("Content-Type", "").startswith("text/html"):
            response.headers.setdefault("Content-Language", translation.get_language())
            patch_vary_headers(response, ["Cookie"])
        if not response.has_header("ETag"):
            set_response_etag(response)
    return response


def conditional(request: HttpRequest, response: HttpResponse) -> HttpResponseBase:
    """A 304 when the browser already has this response (``If-None-Match``), else the response."""
    if response.status_code != 200 or not response.has_header("ETag"):
        return response
    return get_conditional_response(request, etag=response["ETag"], response=response) or response


def http_cached(view: View) -> Labelled:
    """``view`` (GET and HEAD only) with its successful responses labelled for browser caches."""

    @csrf_exempt
    @require_safe
    @wraps(view)
    def labelled(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return conditional(request, label(view(request, *args, **kwargs)))

    return labelled


class BuildKeys:
    """The cache keys this process stored for the build of each edition it served, so that a build's
    responses can be dropped when the edition's next build is first stored."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._builds: dict[str, tuple[str, set[str]]] = {}

    def stored(self, edition: str, build: str, key: str) -> list[str]:
        """Note that ``key`` was stored for ``build`` of ``edition``; returns the keys stored for the
        build it had before, which no request asks for any more (for the caller to delete)."""
        with self._lock:
            current, keys = self._builds.get(edition, (build, set()))
            if current != build:
                self._builds[edition] = (build, {key})
                return sorted(keys)
            keys.add(key)
            self._builds[edition] = (build, keys)
            return []

    def keys(self, edition: str) -> list[str]:
        """The keys stored for the build of ``edition`` last seen."""
        with self._lock:
            return sorted(self._builds.get(edition, ("", set()))[1])


BUILD_KEYS = BuildKeys()


def per_edition_build(view: View) -> Labelled:
    """Cache ``view``'s successful responses under the published build of the edition it shows."""

    @csrf_exempt
    @require_safe
    @wraps(view)
    def cached(request: HttpRequest, pub: str, ekey: EditionKey, **kwargs: Any) -> HttpResponseBase:
        if params.query_text(request.GET):
            return conditional(request, label(view(request, pub, ekey, **kwargs)))
        build = q.edition_build(pub, ekey)
        choice = f"lang={language.chosen(request) or ''}"
        # the site's own address too: absolute links (canonical, og:url) say the scheme and host asked for
        site = request.build_absolute_uri("/")
        key = ":".join(
            [view.__module__, view.__name__, build, site, choice, *(f"{k}={v}" for k, v in sorted(kwargs.items()))]
        )
        hit = cache.get(key)
        if hit is not None:
            content, headers = hit
            return conditional(request, HttpResponse(content, headers=headers))
        request.GET = QueryDict()  # what is kept for every reader is rendered from no one's parameters
        response = label(view(request, pub, ekey, **kwargs))
        if response.status_code == 200 and not response.streaming:
            cache.set(key, (response.content, dict(response.items())))
            if stale := BUILD_KEYS.stored(f"{pub}/{ekey}", build, key):
                cache.delete_many(stale)
        return conditional(request, response)

    return cached
