"""The newsroom's background tasks (run by :mod:`broadsheet.newsroom.queue`); each may run twice and
has its effect once.

``build_edition`` turns an upload into an edition that needs review (a new PDF of an edition keeps the
corrections of its unchanged pages, :mod:`broadsheet.ingest.corrections`, and once built retires the
edition it replaces, unless readers see that one: publishing the new one does then); ``index_articles``
brings search up to date after a correction; ``publish_edition`` (:mod:`broadsheet.newsroom.publishing`)
publishes a scheduled edition when its time comes. Each starts by checking the edition is still where
it was.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction

from broadsheet.editions import media
from broadsheet.editions.models import Edition, EditionStatus
from broadsheet.errors import BroadsheetError, PartialEditionError, TaskLostError
from broadsheet.ingest import IngestOptions, Progress, build_for_review
from broadsheet.newsroom import sources
from broadsheet.newsroom.models import Task
from broadsheet.newsroom.queue import TaskContext, task
from broadsheet.search import get_backend

log = logging.getLogger(__name__)

PARTIAL_REMEDY = "Upload it again with “Keep the edition if some pages fail” ticked to review it without them."


def fail(edition_id: int, reason: str) -> None:
    """Mark a build failed with the reason editors read on the dashboard; its partial pages and files go."""
    from broadsheet.ingest import store

    edition = Edition.objects.filter(id=edition_id, status=EditionStatus.PROCESSING).first()
    if edition is None:
        return
    with transaction.atomic():
        store.clear_build(edition)
        edition.status, edition.error = EditionStatus.FAILED, reason
        edition.save(update_fields=["status", "error"])
    media.delete_folder(edition.media_dir)


def _gave_up(found: Task, reason: str) -> None:
    fail(int(found.args["edition_id"]), f"Processing {reason}.")


class PageProgress:
    """Per-page progress of a build, saved with the task for the progress page (and a lease check)."""

    def __init__(self, context: TaskContext) -> None:
        self.context = context
        self.state: dict[str, Any] = {"pages": 0, "extracted": [], "rendered": []}

    def __call__(self, progress: Progress) -> None:
        self.state["pages"] = progress.pages
        self.state[progress.stage].append(progress.page)
        self.context.report(self.state)


@task("build_edition", on_give_up=_gave_up)
def build_edition(
    context: TaskContext, edition_id: int, workers: int | None = None, allow_partial: bool = False
) -> None:
    """Extract and render an uploaded edition; it then needs review (or it failed, saying why). An edition
    with pages that failed fails too, unless its uploader ticked the box that keeps such an edition."""
    edition = Edition.objects.select_related("publication").filter(id=edition_id).first()
    if edition is None or edition.status != EditionStatus.PROCESSING:
        return  # deleted, or built already by an earlier run
    context.report({"pages": 0, "extracted": [], "rendered": []})
    # what goes wrong without stopping the build (an Urdu edition read by Tesseract: the CRNN is not built)
    # goes to the task worker's log
    options = IngestOptions(
        workers=workers, progress=PageProgress(context), allow_partial=allow_partial, warn=log.warning
    )
    try:
        with sources.as_pdf(edition_id) as pdf:
            summary = build_for_review(edition, pdf, options)
    except TaskLostError:
        raise
    except PartialEditionError as e:
        pages = ", ".join(f"page {n}: {why}" for n, why in sorted(e.failures.items()))
        fail(edition_id, f"Pages failed ({pages}). {PARTIAL_REMEDY}")
        return
    except BroadsheetError as e:
        fail(edition_id, str(e).replace(str(sources.folder(edition_id)) + "/", ""))
        return
    with transaction.atomic():
        built = Edition.objects.filter(id=edition_id, status=EditionStatus.PROCESSING).update(
            status=EditionStatus.REVIEW, page_count=summary.pages
        )
        if built and edition.replaces_id is not None:
            retire(edition.replaces_id)


def retire(edition_id: int) -> None:
    """The edition a new PDF replaced is ``replaced``, unless readers see it (publishing its replacement
    retires it then): it can no longer be corrected or published, and a scheduled publishing of it is off."""
    unseen = (EditionStatus.REVIEW, EditionStatus.SCHEDULED)
    Edition.objects.filter(id=edition_id, status__in=unseen).update(status=EditionStatus.REPLACED, publish_at=None)


@task("index_articles")
def index_articles(context: TaskContext, edition_id: int, article_ids: list[int]) -> None:
    """Bring a correction's articles up to date in search, if their edition is still published (publishing
    it again indexes the whole edition; unpublishing removes it)."""
    if Edition.objects.filter(id=edition_id, status=EditionStatus.PUBLISHED).exists():
        get_backend(settings.BROADSHEET_SEARCH_BACKEND).index_articles(edition_id, article_ids)
