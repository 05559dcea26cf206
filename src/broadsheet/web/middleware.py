"""The reader's middleware: a strict Content-Security-Policy (a second wall behind autoescaping for
untrusted PDF text), the project's expected errors as HTTP statuses, HEAD answered without a body, and
the interface language of each request."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils import translation

from broadsheet.errors import SearchIndexError, UsageError
from broadsheet.web import language

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def content_security_policy(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    """Add the policy to every response that has none (inline scripts are never used), static files
    (answered by WhiteNoise's middleware, inside this one) included."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        return response

    return middleware


class ErrorStatuses:
    """Expected failures a view raises, as HTTP statuses: the one place the web layer maps the project's
    exceptions (:mod:`broadsheet.errors`), so views validate by raising, not by building responses.

    :class:`UsageError` (a parameter out of bounds, say) is a 400 and :class:`SearchIndexError` a 503,
    each with its one-line message: as JSON (``{"error": …}``) for the ``.json`` twins, as plain text
    for the rest. Anything else is left to Django (a 500, logged).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, UsageError):
            status = 400
        elif isinstance(exception, SearchIndexError):
            status = 503
        else:
            return None
        message = " ".join(str(exception).split()) or type(exception).__name__
        if request.path.endswith(".json"):
            return JsonResponse({"error": message}, status=status, json_dumps_params={"ensure_ascii": False})
        return HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")


def head_without_body(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    """A HEAD request gets the GET's status and headers (``Content-Length`` included) and no body.

    Django renders a HEAD as a GET and leaves dropping the body to the server; waitress sends it, which
    costs the bandwidth HEAD is meant to save and confuses a client reading the next response on the
    connection. Outermost in ``MIDDLEWARE``, so the headers are final when the body goes.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if request.method == "HEAD":
            if isinstance(response, StreamingHttpResponse):
                response.close()  # a file being served: not read at all
                response.streaming_content = []
            elif isinstance(response, HttpResponse):
                response.content = b""
        return response

    return middleware


class InterfaceLanguage:
    """Each request in the reader's chosen language, or English (:mod:`broadsheet.web.language`); a view
    that shows a paper may then switch to the paper's language, and the response is rendered in it. The
    language ends with the request: server threads are reused.

    Innermost in ``MIDDLEWARE``, so the pages Django renders for errors (404, 400) are in it too. The
    newsroom and the admin stay in English: their templates are not translated, and a reader's choice is
    not a staff member's.
    """

    STAFF = frozenset({"newsroom", "admin"})  # URL namespaces

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        translation.activate(language.chosen(request) or settings.LANGUAGE_CODE)
        try:
            return self.get_response(request)
        finally:
            translation.deactivate()

    def process_view(self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any) -> None:
        match = request.resolver_match
        if match is not None and self.STAFF.intersection(match.namespaces):
            translation.activate(settings.LANGUAGE_CODE)
