"""Template tags and filters of the reader (``{% load reader %}``)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.template.defaultfilters import date as date_filter
from django.utils.html import json_script
from django.utils.safestring import SafeString

from broadsheet.web import language
from broadsheet.web.highlight import Highlighter

register = template.Library()

# The parameters reader pages read: the language switch brings the reader back to the same page with them.
KEPT_PARAMETERS = ("q", "publication", "from", "to", "page", "month")


@register.filter
def highlight(text: str, marker: Highlighter | None) -> str:
    """``text`` with the search hits marked (escaped first), or as it is — autoescaped — without a query."""
    return marker.html(text) if marker is not None else text


@register.filter(is_safe=True)
def digits(value: Any) -> str:
    """A number (or text with numbers: a date) in the interface language's digits (:func:`language.digits`)."""
    return language.digits(str(value))


@register.filter(is_safe=False)
def localdate(value: dt.date | None, fmt: str) -> str:
    """A date in Django's ``date`` format ``fmt``, with the interface language's month and day names and digits."""
    return language.digits(date_filter(value, fmt)) if value is not None else ""


@register.simple_tag(takes_context=True)
def here(context: template.Context) -> str:
    """This page's path and the parameters it reads: where the language switch returns the reader."""
    request = context.get("request")
    if request is None:  # a page rendered without one (the 500 page)
        return ""
    kept = [(k, v) for k in KEPT_PARAMETERS for v in request.GET.getlist(k)]
    return str(request.path) + (f"?{urlencode(kept)}" if kept else "")


@register.simple_tag
def interface_languages() -> list[tuple[str, str]]:
    """The languages of the switch, each named in itself (Django's own tag would translate the names)."""
    return list(settings.LANGUAGES)


@register.simple_tag
def script_strings() -> SafeString:
    """The scripts' words in the interface language, as a JSON element (``#reader-strings``) they read."""
    return json_script(language.script_strings(), "reader-strings")
