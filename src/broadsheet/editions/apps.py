"""Django app configuration of the edition models."""

from __future__ import annotations

from django.apps import AppConfig


class EditionsConfig(AppConfig):
    """Publications, editions, pages and articles: what the reader shows and ingest stores."""

    name = "broadsheet.editions"
    label = "editions"
    verbose_name = "Editions"
    default_auto_field = "django.db.models.BigAutoField"
