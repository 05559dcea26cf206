"""Query parameters of the reader's views, read with bounds.

A parameter goes to the database or the search index only once it is known to be sane: a page number
is turned into an offset the index must allocate for (``page=1000000000`` once aborted the process),
and a query is copied into every link of the page it opens. Each refusal is a :class:`UsageError` with
one line that names the limit and the setting that raises it, in the reader's interface language; the
web layer makes it a 400 (:mod:`broadsheet.web.middleware`).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext

from broadsheet.errors import UsageError

RESULTS_PER_PAGE = 20
MAX_DIGITS = 9  # a page number is compared with its limit only once parsed: bound the parsing too
MAX_PUBLICATION_CHARS = 80  # Publication.slug's length


def page_number(params: QueryDict, name: str = "page") -> int:
    """A page of search results, from 1 to ``BROADSHEET_MAX_SEARCH_PAGE`` (1 when not given)."""
    highest = settings.BROADSHEET_MAX_SEARCH_PAGE
    raw = params.get(name, "").strip()
    if not raw:
        return 1
    number = int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= MAX_DIGITS else 0
    if not 1 <= number <= highest:
        raise UsageError(
            gettext("%(name)s must be a whole number from 1 to %(highest)s (the limit is %(setting)s)")
            % {"name": name, "highest": highest, "setting": "BROADSHEET_MAX_SEARCH_PAGE"}
        )
    return number


def query_text(params: QueryDict, name: str = "q") -> str:
    """The reader's search words, at most ``BROADSHEET_MAX_QUERY_CHARS`` characters ('' when not given)."""
    longest = settings.BROADSHEET_MAX_QUERY_CHARS
    value = params.get(name, "")
    if len(value) > longest:
        raise UsageError(
            gettext("%(name)s must be at most %(longest)s characters, not %(length)s (the limit is %(setting)s)")
            % {"name": name, "longest": longest, "length": len(value), "setting": "BROADSHEET_MAX_QUERY_CHARS"}
        )
    return value


def publication(params: QueryDict, name: str = "publication") -> str | None:
    """A publication's slug to search in, or None for all: a slug is short, whatever else it is."""
    value = params.get(name, "").strip()
    if len(value) > MAX_PUBLICATION_CHARS:
        raise UsageError(
            gettext("%(name)s must be a publication's slug of at most %(longest)s characters")
            % {"name": name, "longest": MAX_PUBLICATION_CHARS}
        )
    return value or None


def date(params: QueryDict, name: str) -> dt.date | None:
    """A date like 2025-04-20, or None when not given (a date's own range bounds it: years 1 to 9999)."""
    value = params.get(name, "").strip()
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError as e:
        raise UsageError(gettext("%(name)s must be a date like 2025-04-20") % {"name": name}) from e
