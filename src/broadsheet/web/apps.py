"""Django app configuration for the reader."""

from __future__ import annotations

from django.apps import AppConfig


class ReaderConfig(AppConfig):
    """The one app: publications, editions, pages, articles and their search index."""

    name = "broadsheet.web"
    label = "reader"
    verbose_name = "Broadsheet reader"
    default_auto_field = "django.db.models.BigAutoField"
