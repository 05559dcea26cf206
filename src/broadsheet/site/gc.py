"""``broadsheet gc``: remove what no reader can see any more and nothing else will remove.

It is the site's, not the ingest's: it weighs the builds of every app (the newsroom's queued ones too).

* **Replaced builds** older than the grace period (``BROADSHEET_REPLACED_MEDIA_GRACE_HOURS``, from
  ``replaced_at``): a re-ingest keeps the build it replaced, rows and media, so that readers who have
  its pages open still get its tiles and images; after the grace period nobody is expected to.
* **Crashed builds**: ``processing`` rows whose ingest is dead — its edition's lock is free
  (:mod:`broadsheet.ingest.lock`) — with their search documents and media. A newsroom build waiting
  for its background task is not one: the task queue retries it or marks it failed.
* **Orphan media folders** under ``editions/`` that no row names (a build whose row went but whose
  files did not).
* **Stray search documents**: of editions with no row any more, or replaced or failed ones. Those of
  editions being built or reviewed are left: a build is indexed before the commit that publishes it.
* **Abandoned work folders** of dead ingests in the temporary folder (:mod:`broadsheet.ingest.pool`).

Each kind is read in an order that races no ingest: folders are listed before the rows are read (a
build's row is made before its folder), index ids before the rows, and a crashed build is purged only
while holding its edition's lock, after reading its status again.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.db.models.functions import Coalesce
from django.utils import timezone

from broadsheet.editions import media
from broadsheet.editions.models import Edition, EditionStatus
from broadsheet.ingest import remove_editions
from broadsheet.ingest.lock import EditionKey, try_edition_lock
from broadsheet.ingest.pool import abandoned_work_folders
from broadsheet.search import SearchBackend

ROOT = "editions"  # every build's media folder is editions/<publication>/<build> (store.begin_edition)
TERMINAL = (EditionStatus.REPLACED, EditionStatus.FAILED)  # never published again without being indexed again


@dataclass(frozen=True, slots=True)
class Removal:
    """One thing gc removed (or, in a dry run, would remove): its kind and which, for people."""

    kind: str
    what: str

    def __str__(self) -> str:
        return f"{self.kind} {self.what}"


def _described(edition: Edition) -> str:
    return f"#{edition.id} {edition} ({edition.media_dir})"


def collect(
    search: SearchBackend, grace: dt.timedelta, now: dt.datetime | None = None, dry_run: bool = False
) -> list[Removal]:
    """Remove everything above (nothing when ``dry_run``); returns what was (or would be) removed.
    ``now`` is the clock the grace period is counted on (tests pass their own)."""
    cutoff = (now or timezone.now()) - grace
    return [
        *_replaced_builds(search, cutoff, dry_run),
        *_crashed_builds(search, dry_run),
        *_orphan_folders(dry_run),
        *_stray_documents(search, dry_run),
        *_work_folders(dry_run),
    ]


def _replaced_builds(search: SearchBackend, cutoff: dt.datetime, dry_run: bool) -> list[Removal]:
    old = list(
        Edition.objects.select_related("publication")
        .filter(status=EditionStatus.REPLACED)
        .annotate(since=Coalesce("replaced_at", "created_at"))
        .filter(since__lte=cutoff)
        .order_by("id")
    )
    if not dry_run:
        remove_editions(old, search)
    return [Removal("replaced build", f"{_described(e)}, replaced {e.since:%Y-%m-%d %H:%M} UTC") for e in old]


def _crashed_builds(search: SearchBackend, dry_run: bool) -> list[Removal]:
    from broadsheet.newsroom.models import Task, TaskState  # the newsroom's builds wait in its queue

    queued = Task.objects.filter(state__in=(TaskState.QUEUED, TaskState.RUNNING), edition__isnull=False)
    candidates = (
        Edition.objects.select_related("publication")
        .filter(status=EditionStatus.PROCESSING)
        .exclude(id__in=queued.values("edition_id"))
        .order_by("id")
    )
    found = []
    for edition in candidates:
        with try_edition_lock(EditionKey(edition.publication.slug, edition.date, edition.name)) as free:
            if not free or not Edition.objects.filter(id=edition.id, status=EditionStatus.PROCESSING).exists():
                continue  # its ingest is alive, or finished since
            if not dry_run:
                remove_editions([edition], search)
            found.append(Removal("crashed build", _described(edition)))
    return found


def _listed(prefix: str) -> list[str]:
    try:
        return sorted(default_storage.listdir(prefix)[0])
    except FileNotFoundError:
        return []


def _orphan_folders(dry_run: bool) -> list[Removal]:
    folders = [f"{ROOT}/{pub}/{build}" for pub in _listed(ROOT) for build in _listed(f"{ROOT}/{pub}")]
    named = set(Edition.objects.values_list("media_dir", flat=True))  # read after listing: see the module
    orphans = [f for f in folders if f not in named]
    if not dry_run:
        for folder in orphans:
            media.delete_folder(folder)
    return [Removal("orphan media folder", folder) for folder in orphans]


def _stray_documents(search: SearchBackend, dry_run: bool) -> list[Removal]:
    indexed = search.edition_ids()
    rows = dict(Edition.objects.filter(id__in=indexed).values_list("id", "status"))
    stray = sorted(i for i in indexed if rows.get(i, EditionStatus.FAILED) in TERMINAL)
    if not dry_run:
        for edition_id in stray:
            search.remove_edition(edition_id)
    return [Removal("stray search documents", f"of edition #{i} ({rows.get(i, 'no row')})") for i in stray]


def _work_folders(dry_run: bool) -> list[Removal]:
    folders = abandoned_work_folders()
    if not dry_run:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
    return [Removal("abandoned work folder", str(folder)) for folder in folders]
