"""Template filters of the reader (``{% load reader %}``)."""

from __future__ import annotations

from django import template

from broadsheet.web.highlight import Highlighter

register = template.Library()


@register.filter
def highlight(text: str, marker: Highlighter | None) -> str:
    """``text`` with the search hits marked (escaped first), or as it is — autoescaped — without a query."""
    return marker.html(text) if marker is not None else text
