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


class TaskState(models.TextChoices):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class Task(models.Model):
    """A unit of background work (:mod:`broadsheet.newsroom.queue`): a registered function and its
    arguments. A running task holds a lease that its worker's heartbeat keeps extending; a task whose
    lease ran out (its worker died) is taken up again, up to ``max_attempts`` times."""

    name = models.CharField(max_length=100)
    args = models.JSONField(default=dict)
    edition = models.ForeignKey("editions.Edition", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=10, choices=TaskState.choices, default=TaskState.QUEUED)
    run_after = models.DateTimeField()
    attempts = models.PositiveIntegerField(default=0)
    max_attempts = models.PositiveIntegerField(default=3)
    worker = models.CharField(max_length=100, blank=True, default="")
    lease_until = models.DateTimeField(null=True, blank=True)
    progress = models.JSONField(default=dict)
    error = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = (models.Index(fields=["state", "run_after"]),)

    def __str__(self) -> str:
        return f"{self.name} #{self.id} ({self.state})"


class Upload(models.Model):
    """Who uploaded what and what came of it: an edition, or the reason it was refused."""

    user = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    filename = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    edition = models.ForeignKey("editions.Edition", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    refused = models.TextField(blank=True, default="")
