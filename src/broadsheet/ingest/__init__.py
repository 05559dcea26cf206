"""Ingest an edition PDF: page images, article extraction, storage and search, swapped in atomically.

The pipeline reads like its diagram — open, begin, read (extract and fingerprint each page), keep
identities, link jumps, keep corrections, render (each page's images and its articles' clips), save files,
publish, clean up — each stage a small function. Pages are read, then rendered, in a pool of worker
processes; a page is rendered once its articles are stored under their final keys, so that its job cuts
their clips from the page as drawn (:mod:`broadsheet.ingest.images`). A new build of
an edition (a re-ingest, or a new PDF uploaded in the newsroom) keeps its stories' identities and the
corrections of its unchanged pages (:mod:`broadsheet.ingest.corrections`). Stages can be swapped
(``IngestOptions.extractor``) to inject faults in tests. Page images are made in a local work folder by
worker processes and saved to Django's storage by this one (:mod:`broadsheet.editions.media`), under
the new build's own folder. Each page's work runs under memory and time limits
(:mod:`broadsheet.ingest.isolation`): a page that blows one fails alone, like any failed page. Running
it requires Django to be set up (:func:`broadsheet.site.environment.setup`); importing does not.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from broadsheet.editions import media, slugs
from broadsheet.errors import (
    BroadsheetError,
    IngestError,
    PageError,
    PartialEditionError,
    StorageError,
)
from broadsheet.extract.model import PageResult
from broadsheet.extract.profile import Profile
from broadsheet.ingest.disk import disk_error
from broadsheet.ingest.identity import KeptCorrections
from broadsheet.ingest.images import ImageOptions, PageImages, render_page_images
from broadsheet.ingest.isolation import JobLimits, LimitedPool
from broadsheet.ingest.lock import EditionKey, edition_lock
from broadsheet.ingest.placeholder import write_placeholder
from broadsheet.ingest.pool import work_folder
from broadsheet.ingest.reading import PageReading, read_page
from broadsheet.ocr.tesseract import OcrLimits
from broadsheet.pdf.document import open_pdf
from broadsheet.pdf.kept import keep_documents
from broadsheet.search import SearchBackend, get_backend

if TYPE_CHECKING:
    from broadsheet.editions.models import Edition

Extractor = Callable[[Path], Iterable[PageResult]]
STOPPED = "the ingest stopped; nothing was published"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class IngestRequest:
    """Which edition a PDF is."""

    pdf: Path
    publication: str
    date: dt.date
    edition: str = ""
    language: str | None = None
    publication_name: str | None = None
    profile: Profile | None = None  # the publication's profile: stored with it, used from now on

    @property
    def key(self) -> EditionKey:
        return EditionKey(self.publication, self.date, self.edition)


@dataclass(frozen=True, slots=True)
class Progress:
    """One step done: ``stage`` is ``rendered`` or ``extracted``; ``detail`` is for people."""

    stage: str
    page: int
    pages: int
    detail: str = ""


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to ingest. ``workers`` renders and extracts pages in that many processes (default: one per core),
    each page's work under ``limits`` (default: the site's settings, :func:`configured_limits`).
    An edition with failed pages is refused (:class:`PartialEditionError`) unless ``allow_partial``;
    ``warn`` hears what went wrong without stopping the ingest (a dead ingest's lock taken over)."""

    images: ImageOptions = field(default_factory=ImageOptions)
    workers: int | None = None
    extractor: Extractor | None = None
    progress: Callable[[Progress], None] | None = None
    search: SearchBackend | None = None
    allow_partial: bool = False
    warn: Callable[[str], None] | None = None
    limits: JobLimits | None = None


@dataclass(frozen=True, slots=True)
class IngestSummary:
    edition_id: int
    pages: int
    articles: int
    failed_pages: list[int]
    replaced: int
    kept: KeptCorrections = field(default_factory=KeptCorrections)  # the replaced build's corrected pages


def check_ocr_models(language: str) -> str | None:
    """Refuse an edition whose language's OCR model is missing before anything is stored or read: its
    scanned and legacy-font pages would each fail, and the edition would be published with holes.
    Returns the warning to log when an Urdu edition's scans will be read by Tesseract because the
    Nastaliq CRNN is not built (``BROADSHEET_URDU_OCR=auto``; with ``crnn`` that is refused here)."""
    from broadsheet.extract import ExtractOptions, check_ocr_languages

    engine, models = urdu_ocr()
    return check_ocr_languages(ExtractOptions(language=language, ocr_engine=engine, crnn_models=models))


def urdu_ocr() -> tuple[str, Path | None]:
    """How the site reads Urdu scans (``BROADSHEET_URDU_OCR``) and where the CRNN is
    (``BROADSHEET_CRNN_MODELS``; None: ``build/ocr-models/crnn`` under the working folder)."""
    from django.conf import settings

    return getattr(settings, "BROADSHEET_URDU_OCR", "auto"), getattr(settings, "BROADSHEET_CRNN_MODELS", None)


def _check_and_warn(language: str, options: IngestOptions) -> None:
    warning = check_ocr_models(language)
    if warning and options.warn:
        options.warn(warning)


def page_count(pdf: Path) -> int:
    """Open the PDF once up front so a bad file fails before anything is written."""
    with open_pdf(pdf) as doc:
        return len(doc)


def _run(pool: Executor | None, fn: Callable[..., T], *args: object) -> Future[T] | T:
    """``fn(*args)`` in the pool when there is one, else here and now."""
    return pool.submit(fn, *args) if pool else fn(*args)


def _result(job: Future[T] | T) -> T:
    return job.result() if isinstance(job, Future) else job


def _reading(job: Future[PageReading] | PageReading, pdf: Path, number: int) -> PageReading:
    """A page's reading; one that blew its worker's limits is a failed page, as any other."""
    try:
        return _result(job)
    except PageError as e:
        return PageReading(PageResult(source=pdf.name, page=number, width=0, height=0, error=str(e)))


def _submit_readings(
    pool: Executor, pdf: Path, edition: Edition, n: int, options: IngestOptions, limits: JobLimits
) -> Iterable[PageReading]:
    """Each page's reading (its extraction and fingerprint, :mod:`broadsheet.ingest.reading`) in the pool —
    or, with a stage swapped in, that stage's results, whose fingerprints this process reads — in page order."""
    if options.extractor is not None:
        return _swapped_readings(pdf, options.extractor)
    profile = edition.publication.profile
    engine, models = urdu_ocr()
    jobs = [
        _run(pool, read_page, pdf, i, edition.language, profile, limits.ocr, engine, models) for i in range(1, n + 1)
    ]
    return (_reading(job, pdf, i) for i, job in enumerate(jobs, 1))


def _swapped_readings(pdf: Path, extractor: Extractor) -> Iterator[PageReading]:
    from broadsheet.pdf.fingerprint import page_fingerprints

    prints = page_fingerprints(pdf)
    for result in extractor(pdf):
        yield PageReading(result, prints[result.page - 1] if 0 < result.page <= len(prints) else "")


def _submit_renders(
    pool: Executor, pdf: Path, edition: Edition, n: int, work: Path, options: IngestOptions
) -> list[Future[PageImages] | PageImages]:
    """Each page's images (into ``work/p<N>``) with its articles' clips, cut from the regions and under the
    keys stored by now (kept corrections included), in the pool; in page order."""
    from broadsheet.ingest import store

    regions = store.article_regions(edition)
    renders: list[Future[PageImages] | PageImages] = []
    for i in range(n):
        service = media.url(f"{edition.media_dir}/p{i + 1}/iiif")
        args = (pdf, i, work / f"p{i + 1}", service, options.images, regions.get(i + 1, {}))
        renders.append(_run(pool, render_page_images, *args))
    return renders


def _store_pages(
    edition: Edition, pdf: Path, n: int, readings: Iterable[PageReading], options: IngestOptions
) -> dict[int, str]:
    """Store each page's extraction result, and what it prints, as it comes; pages it never gave are
    stored as failed. Returns each failed page's reason."""
    from broadsheet.ingest import store

    failed: dict[int, str] = {}
    seen = set()
    for reading in readings:
        result = reading.result
        store.add_page(edition, result, reading.fingerprint)
        seen.add(result.page)
        if result.error:
            failed[result.page] = result.error
        _report(options, Progress("extracted", result.page, n, result.error or f"{len(result.articles)} articles"))
    for p in range(1, n + 1):
        if p not in seen:
            store.add_page(edition, PageResult(source=pdf.name, page=p, width=0, height=0, error="not extracted"))
            failed[p] = "not extracted"
    return failed


def _report(options: IngestOptions, progress: Progress) -> None:
    if options.progress:
        options.progress(progress)


def _build(
    edition: Edition, request: IngestRequest, n: int, options: IngestOptions, previous: Edition | None
) -> IngestSummary:
    """The whole build of ``edition`` in a local work folder and a pool of worker processes, each page's
    work under limits (:mod:`broadsheet.ingest.isolation`; the workers die with this process); the pool
    is shut down (its running jobs finished) before the folder goes. Failed pages — extraction's, or a
    rendering that blew its limits — end the build before any image is saved, unless
    ``options.allow_partial``. ``previous``: the build it replaces, whose stories keep their identities
    and whose unchanged pages keep their corrections."""
    from broadsheet.ingest import corrections, store

    workers = max(1, min(options.workers or os.cpu_count() or 1, n))
    limits = options.limits or configured_limits()
    with work_folder() as folder:
        pool = LimitedPool(workers, limits, keep_documents)  # a worker's jobs share its PDF (broadsheet.pdf.kept)
        try:
            readings = _submit_readings(pool, request.pdf, edition, n, options, limits)
            failed = _store_pages(edition, request.pdf, n, readings, options)
            _refuse_partial(request, failed, options)
            store.keep_identities(edition, previous)
            store.resolve_jumps(edition)
            kept = corrections.keep_corrections(edition, previous) if previous else KeptCorrections()
            jobs = _submit_renders(pool, request.pdf, edition, n, Path(folder), options)
            failed.update(_failed_renders(edition, jobs))
            _refuse_partial(request, failed, options)
            _save_images(Path(folder), edition, jobs, options)
        finally:
            pool.shutdown(cancel_futures=True)
    return IngestSummary(edition.id, n, edition.articles.count(), sorted(failed), 0, kept)


def _refuse_partial(request: IngestRequest, failed: dict[int, str], options: IngestOptions) -> None:
    if failed and not options.allow_partial:
        raise PartialEditionError(str(request.key), failed)


def _failed_renders(edition: Edition, jobs: list[Future[PageImages] | PageImages]) -> dict[int, str]:
    """Wait for every page's rendering; those that failed alone (a limit blown) are failed pages, their
    reasons stored on them (after extraction's, if it failed too)."""
    from broadsheet.ingest import store

    failed = {}
    for number, job in enumerate(jobs, 1):
        try:
            _result(job)
        except PageError as e:
            failed[number] = str(e)
            store.add_page_error(edition, number, str(e))
    return failed


def configured_limits() -> JobLimits:
    """The site's limits on one page's work and on each Tesseract run (``BROADSHEET_PAGE_…`` and
    ``BROADSHEET_OCR_…``, :mod:`broadsheet.site.environment`)."""
    from django.conf import settings

    def setting(name: str, default: int) -> int:  # a site's own settings module may not name them all
        return int(getattr(settings, name, default))

    d = JobLimits()
    ocr = OcrLimits(
        memory_mb=setting("BROADSHEET_OCR_MEMORY_MB", d.ocr.memory_mb),
        seconds=setting("BROADSHEET_OCR_SECONDS", d.ocr.seconds),
    )
    return JobLimits(
        memory_mb=setting("BROADSHEET_PAGE_MEMORY_MB", d.memory_mb),
        cpu_seconds=setting("BROADSHEET_PAGE_CPU_SECONDS", d.cpu_seconds),
        timeout_s=setting("BROADSHEET_PAGE_TIMEOUT", d.timeout_s),
        ocr=ocr,
    )


def _save_images(
    work: Path, edition: Edition, jobs: list[Future[PageImages] | PageImages], options: IngestOptions
) -> None:
    """Each page's images and its articles' clips, as they are made, saved to the build's folder in storage.
    A page whose rendering failed (published by ``allow_partial``) gets placeholder images and no clips:
    its articles show the page's thumbnail."""
    from broadsheet.ingest import store

    for number, job in enumerate(jobs, 1):
        try:
            images = _result(job)
        except PageError as e:
            service = media.url(f"{edition.media_dir}/p{number}/iiif")
            images = write_placeholder(work / f"p{number}", number, service, options.images)
            _report(options, Progress("rendered", number, len(jobs), f"not rendered: {e}"))
        else:
            _report(options, Progress("rendered", number, len(jobs), f"{images.width}×{images.height} px"))
        store.set_page_image(edition, number, images.width, images.height)
        media.save_folder(work / f"p{number}", f"{edition.media_dir}/p{number}")


def ingest_edition(request: IngestRequest, options: IngestOptions | None = None) -> IngestSummary:
    """Ingest ``request.pdf`` as the edition it names, replacing a published one atomically.

    One ingest of an edition at a time (:mod:`broadsheet.ingest.lock`); a full or read-only disk is a
    :class:`~broadsheet.errors.StorageError` naming the folder. The build it replaces keeps its rows and
    media for readers who have its pages open, until ``broadsheet gc`` (:mod:`broadsheet.site.gc`).
    """
    options = options or IngestOptions()
    slugs.check_publication(request.publication)  # before anything is written: they name URLs and folders
    slugs.check_edition(request.edition)
    try:
        with edition_lock(request.key, options.warn):
            return _ingest_locked(request, options)
    except Exception as e:
        if not isinstance(e, StorageError) and (full := disk_error(e, f" ({STOPPED})")) is not None:
            raise full from e
        raise


def _ingest_locked(request: IngestRequest, options: IngestOptions) -> IngestSummary:
    from broadsheet.ingest import store

    if options.extractor is None:
        _check_and_warn(request.language or store.publication_language(request.publication) or "en", options)
    n = page_count(request.pdf)
    search = options.search or _configured_search()
    pub = store.get_publication(request.publication, request.publication_name, request.language or "en", "ltr")
    if request.profile is not None:
        store.set_profile(pub, request.profile.to_json())
    remove_editions(store.stale_editions(pub, request.date, request.edition), search)
    previous = store.published_edition(pub, request.date, request.edition)
    edition = store.begin_edition(
        pub, request.date, request.edition, request.language or pub.language, request.pdf.name, previous
    )
    try:
        built = _build(edition, request, n, options, previous)
        replaced = store.publish(edition, search)
    except BaseException as e:
        left = _discard(edition, search)
        outcome = f"; its {' and '.join(left)} are left for `broadsheet gc`" if left else ""
        if (full := disk_error(e, f" ({STOPPED}{outcome or ' and what it wrote is removed'})")) is not None:
            raise full from e
        if isinstance(e, BroadsheetError | KeyboardInterrupt | SystemExit):
            raise
        raise IngestError(
            f"{request.pdf}: ingest failed, the published edition is unchanged ({type(e).__name__}: {e}){outcome}"
        ) from e
    for old in replaced:  # found by no search from now on; its rows and media stay for open pages
        _quietly(partial(search.remove_edition, old.id), options, f"search documents of build #{old.id}")
    return dataclasses.replace(built, replaced=len(replaced))


def build_for_review(edition: Edition, pdf: Path, options: IngestOptions | None = None) -> IngestSummary:
    """Build ``pdf`` into ``edition``, a row the newsroom made (``processing``), without publishing it:
    editors review it first. What an interrupted earlier attempt stored is cleared first, so a build
    run again (its worker died) ends as one build. A new PDF of an edition (``edition.replaces``) keeps
    that edition's stories and the corrections of its unchanged pages."""
    from broadsheet.ingest import store

    options = options or IngestOptions()
    if options.extractor is None:
        _check_and_warn(edition.language, options)
    n = page_count(pdf)
    store.clear_build(edition)
    media.delete_folder(edition.media_dir)
    request = IngestRequest(pdf, edition.publication.slug, edition.date, edition.name, edition.language)
    return _build(edition, request, n, options, edition.replaces)


def _configured_search() -> SearchBackend:
    from django.conf import settings

    return get_backend(settings.BROADSHEET_SEARCH_BACKEND)


def remove_editions(editions: Sequence[Edition], search: SearchBackend) -> None:
    """Delete editions no reader can see: search documents first (so none outlives its row), rows, media."""
    from broadsheet.editions.models import EditionStatus
    from broadsheet.ingest import store

    for edition in editions:
        if edition.status == EditionStatus.PUBLISHED:
            edition.status = EditionStatus.FAILED
    for edition in editions:
        search.remove_edition(edition.id)
    store.delete_editions(editions)
    for edition in editions:
        media.delete_folder(edition.media_dir)


def _discard(edition: Edition, search: SearchBackend) -> list[str]:
    """Remove a build that failed, in an order that works on a full disk and steps that cannot raise:
    its media first (which frees space), then its row (which SQLite may need that space to delete), then
    its search documents (which no search shows for an unpublished build). Returns what is left (a disk
    too full even for that): ``broadsheet gc`` removes it, as a crashed build."""
    from broadsheet.editions.models import EditionStatus
    from broadsheet.ingest import store

    edition.status = EditionStatus.FAILED  # never published: a failed publish set it only in memory
    steps: list[tuple[str, Callable[[], None]]] = [
        ("media", lambda: media.delete_folder(edition.media_dir)),
        ("row", lambda: store.delete_editions([edition])),
        ("search documents", lambda: search.remove_edition(edition.id)),
    ]
    left = []
    for what, step in steps:
        try:
            step()
        except Exception:  # cleanup must not hide the error that made it
            left.append(what)
    return left


def _quietly(step: Callable[[], None], options: IngestOptions, what: str) -> None:
    """A step after the publishing commit, which must not fail the ingest: the edition is out."""
    try:
        step()
    except Exception as e:
        if options.warn:
            options.warn(f"{what} could not be removed now ({e}); `broadsheet gc` removes them")
