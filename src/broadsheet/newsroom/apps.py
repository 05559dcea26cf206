"""Django app configuration of the newsroom."""

from __future__ import annotations

from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """Staff accounts and roles, uploads, background tasks, the review editor and publishing."""

    name = "broadsheet.newsroom"
    label = "newsroom"
    verbose_name = "Newsroom"
    default_auto_field = "django.db.models.BigAutoField"
