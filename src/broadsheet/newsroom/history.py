"""Corrections as a log: every change saved at once, recorded (who, when, what), undoable; versions of a
published edition, and restoring one.

A change is applied and recorded in one transaction (:func:`correct`), the edition row locked so that
two editors' changes to one edition queue up. On a published edition the change makes the next
version, which readers see at once (their cached pages are keyed by the version). Search follows a
moment later: the change queues a task, in its own transaction, that re-indexes the articles it touched
(``index_articles``, :mod:`broadsheet.newsroom.tasks`). Whether an edition is findable at all never lags:
search asks the database which editions are published (:mod:`broadsheet.search`). Writing the index in
the request cost more than the rest of the correction (a commit of the index is 50-150 ms of fsync).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from broadsheet.editions import items
from broadsheet.editions.items import State
from broadsheet.editions.models import Article, Correction, Edition, EditionStatus
from broadsheet.errors import UsageError
from broadsheet.newsroom.edits import EDITS
from broadsheet.newsroom.queue import enqueue


def _locked(edition_id: int) -> Edition:
    return Edition.objects.select_for_update().select_related("publication").get(id=edition_id)


def _article_ids(edition: Edition, uids: list[str]) -> set[int]:
    return set(Article.objects.filter(edition=edition, uid__in=uids).values_list("id", flat=True))


def reindex(edition: Edition, article_ids: set[int]) -> None:
    """Search follows a published edition's articles: a task queued with the change (in its transaction,
    so it cannot be lost) brings them up to date in the index moments after readers see the change."""
    if edition.status == EditionStatus.PUBLISHED and article_ids:
        enqueue("index_articles", {"edition_id": edition.id, "article_ids": sorted(article_ids)}, edition_id=edition.id)


def _record(
    edition: Edition,
    user: User | None,
    action: str,
    summary: str,
    after: dict[str, State | None],
    undoes: Correction | None = None,
) -> Correction:
    """Apply ``after`` and log it with the states it replaced; a published edition gets its next version."""
    before = items.snapshot(edition, list(after))
    if before == after:
        raise UsageError("nothing changed")
    touched = _article_ids(edition, list(after))
    items.apply(edition, after)
    if edition.status == EditionStatus.PUBLISHED:
        edition.version += 1
        edition.save(update_fields=["version"])
    reindex(edition, touched | _article_ids(edition, list(after)))
    return Correction.objects.create(
        edition=edition,
        user=user,
        action=action,
        summary=summary,
        uids=list(after),
        before=before,
        after=after,
        version=edition.version,
        undoes=undoes,
    )


def correct(edition_id: int, user: User | None, action: str, params: dict[str, Any]) -> Correction:
    """Make the edit ``action`` (:data:`~broadsheet.newsroom.edits.EDITS`) with ``params``, and log it."""
    if action not in EDITS:
        raise UsageError(f"unknown change {action!r}")
    with transaction.atomic():
        edition = _locked(edition_id)
        _editable(edition)
        outcome = EDITS[action](edition, params)
        return _record(edition, user, outcome.action, outcome.summary, outcome.after)


def _editable(edition: Edition) -> None:
    if edition.status in (EditionStatus.PROCESSING, EditionStatus.FAILED, EditionStatus.REPLACED):
        raise UsageError(f"an edition that is {edition.get_status_display()} cannot be corrected")
    if edition.replacements.filter(status=EditionStatus.PROCESSING).exists():
        raise UsageError(
            "a new PDF of this edition is being processed, keeping the corrections made so far: "
            "correct it when the new one is ready"
        )


def undo(edition_id: int, user: User | None) -> Correction:
    """Undo the edition's latest change not undone yet (an undo is itself a change, and is logged)."""
    with transaction.atomic():
        edition = _locked(edition_id)
        _editable(edition)
        changes = edition.corrections.filter(undone=False, undoes=None).exclude(action__in=MARKS)
        last = changes.order_by("-id").first()
        if last is None:
            raise UsageError("there is nothing to undo")
        if items.snapshot(edition, list(last.after)) != last.after:
            raise UsageError("the items have changed since: undo the later changes first")
        record = _record(edition, user, "undo", f"undid: {last.summary}", last.before, undoes=last)
        last.undone = True
        last.save(update_fields=["undone"])
        return record


MARKS = ("publish", "unpublish", "schedule")
"""Log entries that change no item: when an edition went out (or back)."""


def mark(edition: Edition, user: User | None, action: str, summary: str) -> Correction:
    """Log a publishing step (it changes no item; ``publish`` makes a version)."""
    return Correction.objects.create(
        edition=edition, user=user, action=action, summary=summary, version=edition.version
    )


def versions(edition: Edition) -> list[Correction]:
    """The entry that made each version of the edition, oldest first."""
    made: dict[int, Correction] = {}
    for c in edition.corrections.filter(version__gt=0).select_related("user").order_by("id"):
        made.setdefault(c.version, c)
    return list(made.values())


def state_at(edition: Edition, version: int) -> dict[str, State | None]:
    """What every item changed since version ``version`` was, at that version."""
    made = edition.corrections.filter(version=version).order_by("id").first()
    if made is None:
        raise UsageError(f"there is no version {version}")
    states: dict[str, State | None] = {}
    for later in edition.corrections.filter(id__gt=made.id).order_by("id"):
        for uid in later.uids:
            states.setdefault(uid, later.before.get(uid))
    return states


def restore(edition_id: int, user: User | None, version: int) -> Correction:
    """Make the edition what it was at ``version`` again: a change like any other (it makes a new version)."""
    with transaction.atomic():
        edition = _locked(edition_id)
        _editable(edition)
        if version >= edition.version:
            raise UsageError(
                f"version {version} is the current one" if version == edition.version else "no such version"
            )
        return _record(edition, user, "restore", f"restored version {version}", state_at(edition, version))
