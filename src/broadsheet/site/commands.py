"""CLI subcommands ``ingest``, ``serve``, ``reindex`` and ``gc``, as functions the CLI (``broadsheet.cli``) wires in.

register(subparsers)            # adds them; each parser's ``func`` takes the args, returns an exit code
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from broadsheet.errors import PageError, UsageError
from broadsheet.extract.options import ExtractOptions
from broadsheet.site.environment import ENV_SETTINGS

ENV_HELP = "environment: " + "; ".join(f"{s.name} ({s.help}, default {s.default!r})" for s in ENV_SETTINGS)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2025-04-20") from e


def add_ingest_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", type=Path, nargs="+", help="the edition's PDF, or its scanned pages in order (PNG, JPEG, TIFF)"
    )
    parser.add_argument("--publication", required=True, help="publication slug (a-z, 0-9 and hyphens), e.g. the-nation")
    parser.add_argument("--publication-name", help="display name when the publication is new")
    parser.add_argument("--date", required=True, type=_date, help="edition date, YYYY-MM-DD")
    parser.add_argument(
        "--edition", default="", help="edition name for regional editions (a-z, 0-9 and hyphens), e.g. lahore"
    )
    parser.add_argument("--language", help="ISO 639-1 language (rtl languages set dir=rtl)")
    parser.add_argument("--workers", type=int, help="processes rendering and extracting pages (default: one per core)")
    parser.add_argument(
        "--profile",
        type=Path,
        help="the publication's profile (broadsheet profile): stored with it and used by every later ingest",
    )
    parser.add_argument(
        "--allow-partial",
        action="store_true",
        help="publish the edition even if some of its pages fail (exit code 3 then); without it such an "
        "edition is refused and the published one stays",
    )
    parser.add_argument("--quiet", action="store_true", help="no per-page progress")
    parser.set_defaults(func=run_ingest)


def _warn(message: str) -> None:
    print(f"broadsheet: {message}", file=sys.stderr, flush=True)


def _setup(env: Mapping[str, str]) -> None:
    """Django configured and the database up to date; a full or read-only disk is one line, not a traceback."""
    from broadsheet.site.environment import migrate, setup

    setup(env)
    try:
        migrate()
    except Exception as e:
        from broadsheet.ingest.disk import disk_error

        if (full := disk_error(e)) is not None:
            raise full from e
        raise


def run_ingest(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> int:
    """Ingest one PDF, or scanned page images (made into an image-only PDF first); prints a line per
    page done and a summary, and, over an edition staff corrected, which pages kept their corrections
    (:mod:`broadsheet.ingest.corrections`). Errors propagate to the CLI. Exit code 3 when pages failed
    and ``--allow-partial`` published the edition anyway, so that scripts notice."""
    from broadsheet.editions.slugs import check_edition, check_publication

    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be 1 or more")
    check_publication(args.publication)  # first: nothing is made for an edition no URL could show
    check_edition(args.edition)
    _setup(os.environ if env is None else env)
    from broadsheet.extract.profile import read_profile
    from broadsheet.ingest import IngestOptions, IngestRequest, Progress, check_ocr_models, ingest_edition
    from broadsheet.ingest.scans import scans_to_pdf
    from broadsheet.ingest.store import publication_language
    from broadsheet.ocr.files import is_image_file

    # refused before scans are even gathered into a PDF (ingest_edition checks again, for other callers)
    check_ocr_models(args.language or publication_language(args.publication) or "en")

    def progress(p: Progress) -> None:
        print(f"page {p.page}/{p.pages} {p.stage}: {p.detail}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory() as folder:
        pdf = args.files[0]
        if len(args.files) > 1 or is_image_file(pdf):
            defaults = ExtractOptions()
            limits = (defaults.max_file_mb * 2**20, defaults.max_image_pixels)
            pdf = scans_to_pdf(args.files, Path(folder) / f"{args.files[0].stem}.pdf", *limits)
        request = IngestRequest(
            pdf=pdf,
            publication=args.publication,
            date=args.date,
            edition=args.edition,
            language=args.language,
            publication_name=args.publication_name,
            profile=read_profile(args.profile) if args.profile else None,
        )
        options = IngestOptions(
            workers=args.workers,
            progress=None if args.quiet else progress,
            allow_partial=args.allow_partial,
            warn=_warn,
        )
        summary = ingest_edition(request, options)
    print(
        f"published {args.publication} {args.date.isoformat()}: {summary.pages} pages, "
        f"{summary.articles} articles" + (f", failed pages {summary.failed_pages}" if summary.failed_pages else "")
    )
    for line in summary.kept.lines():  # a re-ingest of a corrected edition: what became of its corrections
        print(line)
    return PageError.exit_code if summary.failed_pages else 0


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--threads", type=int, default=8, help="threads of each server process (default 8)")
    parser.add_argument(
        "--processes", type=int, help="server processes, each replaced if it dies (default: BROADSHEET_PROCESSES)"
    )
    parser.set_defaults(func=run_serve)


def run_serve(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> int:
    """Serve the reader and the newsroom: supervised server processes (:mod:`broadsheet.site.serving`),
    static files through WhiteNoise, and the newsroom's background workers beside them
    (:mod:`broadsheet.site.workers`)."""
    if args.threads < 1 or (args.processes is not None and args.processes < 1):
        raise UsageError("--threads and --processes must be 1 or more")
    env = os.environ if env is None else env
    _setup(env)
    from django.conf import settings

    from broadsheet.site.serving import ServeOptions, serve
    from broadsheet.site.workers import embedded_workers

    processes = args.processes or settings.BROADSHEET_PROCESSES
    with embedded_workers(settings.BROADSHEET_WORKERS, env):
        return serve(ServeOptions(args.host, args.port, processes, args.threads))


def run_reindex(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> int:
    """Rebuild the search index from the database: after a restore, an upgrade, or to repair it."""
    _setup(os.environ if env is None else env)
    from django.conf import settings

    from broadsheet.search import get_backend

    count = get_backend(settings.BROADSHEET_SEARCH_BACKEND).rebuild()
    print(f"indexed {count} published articles")
    return 0


def run_gc(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> int:
    """Remove replaced builds past the grace period, crashed builds, orphan media folders, stray search
    documents and dead ingests' work folders (:mod:`broadsheet.site.gc`), printing each."""
    _setup(os.environ if env is None else env)
    from django.conf import settings

    from broadsheet.search import get_backend
    from broadsheet.site.gc import collect

    grace = dt.timedelta(hours=settings.BROADSHEET_REPLACED_MEDIA_GRACE_HOURS)
    removed = collect(get_backend(settings.BROADSHEET_SEARCH_BACKEND), grace, dry_run=args.dry_run)
    verb = "would remove" if args.dry_run else "removed"
    for removal in removed:
        print(f"{verb} {removal}")
    print(f"gc: {verb} {len(removed)} item(s)" if removed else "gc: nothing to remove")
    return 0


def register(subparsers: Any) -> None:
    """Add ``ingest``, ``serve``, ``reindex`` and ``gc`` to an ``argparse`` subparsers object."""
    add_ingest_arguments(
        subparsers.add_parser("ingest", help="ingest an edition (a PDF, or scanned page images)", epilog=ENV_HELP)
    )
    add_serve_arguments(subparsers.add_parser("serve", help="serve the reader", epilog=ENV_HELP))
    reindex = subparsers.add_parser("reindex", help="rebuild the search index from the database", epilog=ENV_HELP)
    reindex.set_defaults(func=run_reindex)
    gc = subparsers.add_parser(
        "gc",
        help="remove replaced builds past BROADSHEET_REPLACED_MEDIA_GRACE_HOURS, crashed builds, orphan media "
        "folders and stray search documents",
        epilog=ENV_HELP,
    )
    gc.add_argument("--dry-run", action="store_true", help="print what would be removed, remove nothing")
    gc.set_defaults(func=run_gc)
