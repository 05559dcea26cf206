"""WSGI entry point for any server: ``broadsheet.web.wsgi:application`` (settings from the environment)."""

from __future__ import annotations

import os

from django.core.handlers.wsgi import WSGIHandler

from broadsheet.web.settings import setup


def get_application() -> WSGIHandler:
    """Configure Django from ``os.environ`` and return the WSGI handler."""
    setup(os.environ)
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


def __getattr__(name: str) -> WSGIHandler:
    # Lazy: importing this module does not configure Django; asking for ``application`` does.
    if name == "application":
        return get_application()
    raise AttributeError(name)
