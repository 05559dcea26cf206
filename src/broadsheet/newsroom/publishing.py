"""Publishing from the newsroom: now, at a time, or taking an edition back; every step logged.

Publishing swaps the edition in as ingest does (:func:`broadsheet.ingest.store.publish`: indexed for
search first, then one transaction), and makes version 1 (or the next, after an unpublish). The
edition it replaces stays, ``replaced``, for readers who have its pages open, until ``broadsheet gc``
removes it; its search documents go at once.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from broadsheet.editions import items
from broadsheet.editions.models import Edition, EditionStatus, Publication
from broadsheet.errors import UsageError
from broadsheet.newsroom import groundtruth, history, tasks
from broadsheet.newsroom.queue import TaskContext, enqueue, task
from broadsheet.search import get_backend

READY = (EditionStatus.REVIEW, EditionStatus.SCHEDULED)


def publish(edition_id: int, user: User | None) -> Edition:
    """Publish a reviewed (or scheduled) edition now."""
    from broadsheet.ingest import store

    search = get_backend(settings.BROADSHEET_SEARCH_BACKEND)
    with transaction.atomic():
        edition = Edition.objects.select_for_update().select_related("publication").get(id=edition_id)
        if edition.status not in READY:
            raise UsageError(f"an edition that is {edition.get_status_display()} cannot be published")
        replaced = store.publish(edition, search)
        if edition.replaces_id is not None:  # taken back while its replacement waited: retired all the same
            tasks.retire(edition.replaces_id)
        edition.version += 1
        edition.publish_at = None
        edition.save(update_fields=["version", "publish_at"])
        history.mark(edition, user, "publish", f"published version {edition.version}")
    for old in replaced:
        search.remove_edition(old.id)
    if items.corrected_pages(edition):  # corrections teach: the paper's profile learns from them
        enqueue("relearn_profile", {"publication_id": edition.publication_id}, edition_id=edition.id)
    return edition


def schedule(edition_id: int, user: User | None, when: dt.datetime) -> Edition:
    """Publish a reviewed edition at ``when`` (a background task does it then)."""
    if when <= timezone.now():
        raise UsageError("choose a time in the future, or publish now")
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(id=edition_id)
        if edition.status not in READY:
            raise UsageError(f"an edition that is {edition.get_status_display()} cannot be scheduled")
        edition.status, edition.publish_at = EditionStatus.SCHEDULED, when
        edition.save(update_fields=["status", "publish_at"])
        enqueue(
            "publish_edition", {"edition_id": edition.id, "at": when.isoformat()}, edition_id=edition.id, run_after=when
        )
        history.mark(edition, user, "schedule", f"scheduled for {when:%Y-%m-%d %H:%M} UTC")
    return edition


def unpublish(edition_id: int, user: User | None) -> Edition:
    """Take a published edition away from readers (or call off a scheduled one); it needs review again."""
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(id=edition_id)
        if edition.status not in (EditionStatus.PUBLISHED, EditionStatus.SCHEDULED):
            raise UsageError("only a published or scheduled edition can be taken back")
        was_published = edition.status == EditionStatus.PUBLISHED
        edition.status, edition.publish_at = EditionStatus.REVIEW, None
        edition.save(update_fields=["status", "publish_at"])
        history.mark(edition, user, "unpublish", "unpublished" if was_published else "called off the schedule")
    if was_published:
        get_backend(settings.BROADSHEET_SEARCH_BACKEND).remove_edition(edition.id)
    return edition


@task("publish_edition")
def publish_edition(context: TaskContext, edition_id: int, at: str) -> None:
    """Publish a scheduled edition when its time comes, unless it was published, called off or moved since."""
    edition = Edition.objects.filter(id=edition_id).first()
    if edition is None or edition.status != EditionStatus.SCHEDULED or edition.publish_at is None:
        return
    if edition.publish_at != dt.datetime.fromisoformat(at):
        return  # rescheduled: the newer task publishes it
    publish(edition_id, None)


@task("relearn_profile")
def relearn_profile(context: TaskContext, publication_id: int) -> None:
    """Learn the publication's profile again from its corrected pages (after a corrected edition
    was published), so that its next ingest starts from what the staff fixed."""
    publication = Publication.objects.filter(id=publication_id).first()
    if publication is not None:
        groundtruth.relearn_profile(publication)
