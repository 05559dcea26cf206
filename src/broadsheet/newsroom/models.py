"""The newsroom's own tables: failed logins (for the rate limit), uploads and background tasks.

The editions' own history (corrections, versions) belongs to the edition models
(:mod:`broadsheet.editions.models`); these are the newsroom's bookkeeping.
"""

from __future__ import annotations

from django.db import models


class LoginFailure(models.Model):
    """One failed login, by address and by name: :mod:`broadsheet.newsroom.views.auth` counts the recent
    ones. In the database, so every server process counts the same."""

    address = models.GenericIPAddressField()
    username = models.CharField(max_length=150)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = (models.Index(fields=["username", "at"]), models.Index(fields=["address", "at"]))
