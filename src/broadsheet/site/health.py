"""``broadsheet check``: is the site whole? One line per part, and a nonzero exit when one is not.

For monitoring (a timer, a probe) and for the operator after a restore: the database (its file, its
integrity, its migrations, a query), the media (every image and tile a published page shows is in the
storage) and the search index (it opens, and has one document per published article). Each problem
line says what to do. The check changes nothing: no migration, no index made, no file written.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from broadsheet.errors import SearchIndexError

PROBLEM_EXIT = 1
MIGRATE = (
    "run `DJANGO_SETTINGS_MODULE=broadsheet.site.settings django-admin migrate` (serve, ingest and reindex do too)"
)
RESTORE_DATABASE = "restore the database file from the backup (docs/deploy.md)"
REINDEX = "run `broadsheet reindex`"


@dataclass(frozen=True, slots=True)
class Finding:
    """One part's health: ``ok``, and what was found (with what to do when it is not ok)."""

    part: str
    ok: bool
    message: str
    skipped: bool = False

    def line(self) -> str:
        state = "skipped" if self.skipped else "ok" if self.ok else "problem"
        return f"{state:7} {self.part}: {self.message}"


def check_database() -> Finding:
    """The file is there (SQLite), intact, fully migrated and answers a query."""
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and not Path(name).is_file():
        return Finding("database", False, f"no database at {name}: {RESTORE_DATABASE}, or ingest to start a new site")
    try:
        integrity = "not checked"
        if connection.vendor == "sqlite":
            with connection.cursor() as cur:
                cur.execute("PRAGMA integrity_check")
                rows = [row[0] for row in cur.fetchall()]
            if rows != ["ok"]:
                return Finding("database", False, f"{name} fails its integrity check ({rows[0]}): {RESTORE_DATABASE}")
            integrity = "intact"
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            first = pending[0][0]
            return Finding(
                "database",
                False,
                f"{len(pending)} migrations not applied (first {first.app_label}.{first.name}): {MIGRATE}",
            )
        editions, articles = published_counts()
    except DatabaseError as e:
        return Finding("database", False, f"{name} cannot be read ({e}): {RESTORE_DATABASE}")
    return Finding(
        "database", True, f"{name}: {integrity}, migrated, {editions} published editions, {articles} articles"
    )


def published_counts() -> tuple[int, int]:
    from broadsheet.editions.models import Article, Edition, EditionStatus

    published = Edition.objects.filter(status=EditionStatus.PUBLISHED)
    return published.count(), Article.objects.filter(edition__in=published).count()


def page_files(page_dir: str) -> Iterator[tuple[str, bool]]:
    """The files a published page shows, each with whether it is known bad already: thumbnail, screen
    image, the tiles' description and every tile it lists (as the page view and its deep zoom ask for
    them). A description that cannot be read is bad even if it is there: the viewer cannot use it."""
    from broadsheet.editions import media
    from broadsheet.ingest.images import level_tiles

    yield from ((f"{page_dir}/thumb.jpg", False), (f"{page_dir}/screen.jpg", False))
    info = f"{page_dir}/iiif/info.json"
    try:
        with media.open_file(info) as described:
            data: dict[str, Any] = json.load(described)
        full, tiles = (data["width"], data["height"]), data["tiles"][0]
        names = [name for sf in tiles["scaleFactors"] for name, _ in level_tiles(full, tiles["width"], sf)]
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        yield info, True
        return
    yield info, False
    yield from ((f"{page_dir}/iiif/{name}", False) for name in names)


def check_media() -> Finding:
    """Every file a published page shows is in the storage."""
    from broadsheet.editions import media
    from broadsheet.editions.models import EditionStatus, Page

    pages = Page.objects.filter(edition__status=EditionStatus.PUBLISHED).select_related("edition__publication")
    count, missing, editions = 0, [], set()
    for page in pages.iterator(chunk_size=500):
        for name, bad in page_files(page.media_path("").rstrip("/")):
            count += 1
            if bad or not media.exists(name):
                missing.append(name)
                editions.add(str(page.edition))
    if missing:
        return Finding(
            "media",
            False,
            f"{len(missing)} of {count} files missing or unreadable in {', '.join(sorted(editions))} "
            f"(e.g. {missing[0]}): restore the media folder from the backup, or ingest those editions again",
        )
    return Finding("media", True, f"all {count} files of the published pages present")


def check_index() -> Finding:
    """The search index opens, is of this version, and has one document per published article."""
    from django.conf import settings
    from django.db import connection

    from broadsheet.search.tantivy_index import index_dir, older_indexes, open_index

    if settings.BROADSHEET_SEARCH_BACKEND != "tantivy":
        return Finding("index", True, f"{settings.BROADSHEET_SEARCH_BACKEND}: not checked here")
    path = index_dir(Path(connection.settings_dict["NAME"]))
    _, articles = published_counts()
    if older := older_indexes(path):
        return Finding("index", False, f"{older[-1]} is of an older version: {REINDEX}")
    try:
        documents = sum(s.num_docs for s in open_index(path).searchers())
    except SearchIndexError as e:
        if articles == 0 and not path.exists():
            return Finding("index", True, f"{path}: none yet, and nothing published")
        cause = f" (tantivy: {str(e.__cause__).strip().splitlines()[0][:200]})" if e.__cause__ else ""
        return Finding("index", False, f"{path}: {e}{cause}")
    if documents != articles:
        return Finding("index", False, f"{path}: {documents} documents for {articles} published articles: {REINDEX}")
    return Finding("index", True, f"{path}: {documents} documents, one per published article")


def run_check(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> int:
    """Print one line per part; exit 1 when any is not ok. Nothing is migrated or made."""
    from broadsheet.site.environment import setup

    setup(os.environ if env is None else env)
    findings = [check_database()]
    if findings[0].ok:
        findings += [check_media(), check_index()]
    else:
        findings += [Finding(part, False, "the database is needed first", skipped=True) for part in ("media", "index")]
    for finding in findings:
        print(finding.line(), flush=True)
    return 0 if all(f.ok for f in findings) else PROBLEM_EXIT


def register(subparsers: Any) -> None:
    """Add ``check`` to an ``argparse`` subparsers object."""
    from broadsheet.site.commands import ENV_HELP

    parser = subparsers.add_parser(
        "check",
        help="report the health of the database, the media and the search index (exit 1 if one is bad)",
        epilog=ENV_HELP,
    )
    parser.set_defaults(func=run_check)
