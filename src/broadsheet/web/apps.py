"""Django app configuration for the reader."""

from __future__ import annotations

from django.apps import AppConfig


class ReaderConfig(AppConfig):
    """The public site: views, templates and static files over the edition models (:mod:`broadsheet.editions`)."""

    name = "broadsheet.web"
    label = "reader"
    verbose_name = "Broadsheet reader"
    default_auto_field = "django.db.models.BigAutoField"
