"""Database side of ingest: build an edition invisibly, then swap it in with one transaction.

Readers only see ``published`` editions. A new build lives in its own ``processing`` row and media
folder; :func:`publish` indexes it for search, then flips it to ``published`` and retires the old one in
a single transaction, so a crash at any point before the commit leaves the old edition intact (search
ignores documents of editions that are not published, :mod:`broadsheet.search`).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from broadsheet.editions import slugs
from broadsheet.editions.models import Article, Correction, Edition, EditionStatus, Page, PageItem, Publication
from broadsheet.extract.language import RTL_LANGUAGES
from broadsheet.extract.model import Box, Item, ItemType, PageResult
from broadsheet.ingest import identity
from broadsheet.ingest.images import Fractions
from broadsheet.search import SearchBackend

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean(text: str | None) -> str:
    """Extracted text with control characters removed (invisible in print; HTML and XML do not allow them)."""
    return _CONTROL.sub("", text or "").strip()


def set_profile(pub: Publication, profile: dict[str, Any]) -> None:
    """Store the publication's profile: every later ingest of it uses this one."""
    pub.profile = profile
    pub.save(update_fields=["profile"])


def get_publication(slug: str, name: str | None, language: str, direction: str) -> Publication:
    pub, _ = Publication.objects.get_or_create(
        slug=slug,
        defaults={"name": name or slug.replace("-", " ").title(), "language": language, "direction": direction},
    )
    return pub


def publication_language(slug: str) -> str | None:
    """The language of the publication ``slug``, or None while it does not exist yet."""
    return Publication.objects.filter(slug=slug).values_list("language", flat=True).first()


def stale_editions(pub: Publication, date: dt.date, name: str) -> list[Edition]:
    """Builds of this edition left behind by a crash or a failure: never visible, safe to purge. An
    edition the newsroom holds for review or a scheduled time is not stale: its editors are at work; nor
    is a replaced build, whose media readers may still have open (``broadsheet gc`` removes it later)."""
    kept = (EditionStatus.PUBLISHED, EditionStatus.REVIEW, EditionStatus.SCHEDULED, EditionStatus.REPLACED)
    return list(Edition.objects.filter(publication=pub, date=date, name=name).exclude(status__in=kept))


def published_edition(pub: Publication, date: dt.date, name: str) -> Edition | None:
    """The edition readers see for the date, if any: what a new build of it replaces."""
    return Edition.objects.filter(publication=pub, date=date, name=name, status=EditionStatus.PUBLISHED).first()


def begin_edition(
    pub: Publication, date: dt.date, name: str, language: str, source: str, replaces: Edition | None = None
) -> Edition:
    """A new, invisible edition row with its own media folder: the one place a build's folder is named,
    from the publication's slug and the edition's name, checked here as slugs whoever gave them
    (:mod:`broadsheet.editions.slugs`), so no ``/`` or ``..`` ever reaches the path. ``replaces``: the
    edition it is a new PDF of, whose stories and corrections it keeps (:func:`keep_identities`,
    :mod:`broadsheet.ingest.corrections`)."""
    slugs.check_publication(pub.slug)
    slugs.check_edition(name)
    direction = "rtl" if language in RTL_LANGUAGES else pub.direction
    return Edition.objects.create(
        publication=pub,
        date=date,
        name=name,
        language=language,
        direction=direction,
        source_name=source,
        status=EditionStatus.PROCESSING,
        replaces=replaces,
        media_dir=f"editions/{pub.slug}/{date.isoformat()}{'-' + name if name else ''}-{uuid.uuid4().hex[:12]}",
    )


def clear_build(edition: Edition) -> None:
    """Forget the pages (and so the articles) stored for ``edition`` by an earlier, interrupted build, and
    the corrections it kept (a build's only log entry: nobody corrects an edition being built)."""
    with transaction.atomic():
        Page.objects.filter(edition=edition).delete()
        Correction.objects.filter(edition=edition).delete()
        Edition.objects.filter(id=edition.id).update(kept_corrections={})
    edition.kept_corrections = {}


def _article(edition: Edition, page: Page, item: Item, order: int) -> Article:
    jump = item.jump
    return Article(
        edition=edition,
        page=page,
        key=f"{page.number}-{re.sub(r'[^A-Za-z0-9_-]', '', item.id) or order}",
        order=order,
        regions=_rounded(item.regions),
        kicker=clean(item.kicker),
        headline=clean(item.headline),
        subheadline=clean(item.subheadline),
        byline=clean(item.byline),
        body=_CONTROL.sub("", item.body or "").strip(),
        captions=[clean(c) for c in item.captions if clean(c)],
        jump_to_page=jump.to_page if jump else None,
        jump_from_page=jump.from_page if jump else None,
    )


def add_page(edition: Edition, result: PageResult, fingerprint: str = "") -> Page:
    """Store one page's extraction result: its articles, and its other items (adverts, furniture…), which
    readers never open but editors review. Both are numbered in the page's reading order. ``fingerprint``:
    what the page prints (:mod:`broadsheet.pdf.fingerprint`)."""
    with transaction.atomic():
        page = Page.objects.create(
            edition=edition,
            number=result.page,
            width_pt=result.width,
            height_pt=result.height,
            text_layer=result.text_layer.value,
            problems=list(result.problems),
            error=result.error or "",
            fingerprint=fingerprint,
        )
        items = [(i, item) for i, item in enumerate(result.items) if item.regions]
        Article.objects.bulk_create([_article(edition, page, it, i) for i, it in items if it.type is ItemType.ARTICLE])
        PageItem.objects.bulk_create(
            [
                PageItem(edition=edition, page=page, kind=it.type.value, order=i, regions=_rounded(it.regions))
                for i, it in items
                if it.type is not ItemType.ARTICLE
            ]
        )
    return page


def _rounded(regions: list[Box]) -> list[list[float]]:
    return [[round(v, 2) for v in r] for r in regions]


def _story(a: Article) -> identity.Story:
    return identity.story(a.page.number, [a.kicker, a.headline, a.subheadline, a.body, *a.captions], a.regions)


def keep_identities(edition: Edition, previous: Edition | None) -> None:
    """Give the articles of the new build ``edition`` the identity (``uid``) and URL (``key``) of the same
    stories in the build it replaces, ``previous`` (:mod:`broadsheet.ingest.identity`).

    A story new to the edition keeps its new ``uid`` and the key it was stored with, unless the previous
    build used that key for another story (``-2`` is then added): an old link never shows another story.
    """
    old = list(Article.objects.filter(edition=previous).select_related("page")) if previous else []
    if not old:  # a first ingest: every story is new, with the key it was stored with
        return
    new = list(Article.objects.filter(edition=edition).select_related("page"))
    pairs = identity.match([_story(a) for a in old], [_story(a) for a in new])
    taken = {a.key for a in old}
    changed = []
    for i, art in enumerate(new):
        uid, key = (
            (old[pairs[i]].uid, old[pairs[i]].key) if i in pairs else (art.uid, identity.free_key(art.key, taken))
        )
        taken.add(key)
        if (uid, key) != (art.uid, art.key):
            art.uid, art.key = uid, key
            changed.append(art)
    rename(changed)


def rename(articles: list[Article]) -> None:
    """Save the new ``uid`` and ``key`` of ``articles``. Keys move in two steps, through placeholders no
    key can be, as two articles may swap theirs."""
    with transaction.atomic():
        Article.objects.bulk_update([Article(id=a.id, key=f"~{a.id}") for a in articles], ["key"])
        Article.objects.bulk_update(articles, ["key", "uid"])


def add_page_error(edition: Edition, number: int, error: str) -> None:
    """Record why page ``number`` failed after its extraction was stored (its rendering blew a limit),
    after the extraction's own error if it has one."""
    page = Page.objects.get(edition=edition, number=number)
    page.error = f"{page.error}; {error}" if page.error else error
    page.save(update_fields=["error"])


def set_page_image(edition: Edition, number: int, width: int, height: int) -> None:
    Page.objects.filter(edition=edition, number=number).update(image_width=width, image_height=height)


def article_regions(edition: Edition) -> dict[int, dict[str, list[Fractions]]]:
    """Each page's articles' regions as page fractions, by page number and key: what clips are cut from."""
    out: dict[int, dict[str, list[Fractions]]] = {}
    for art in Article.objects.filter(edition=edition).select_related("page"):
        boxes = [(b["x"], b["y"], b["w"], b["h"]) for b in art.region_boxes()]
        out.setdefault(art.page.number, {})[art.key] = boxes
    return out


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 3}


def resolve_jumps(edition: Edition, kept: Iterable[str] = ()) -> int:
    """Link each "continued on page N" part to its continuation there; returns how many were linked.
    An article linked already, or whose ``uid`` is in ``kept`` (as staff left it), is left as it is."""
    articles = list(Article.objects.filter(edition=edition).select_related("page"))
    fixed = set(kept)
    linked = 0
    for art in articles:
        if art.jump_to_page is None or art.continues_in_id is not None or str(art.uid) in fixed:
            continue
        candidates = [
            a for a in articles if a.page.number == art.jump_to_page and a.jump_from_page in (art.page.number, None)
        ]
        candidates.sort(key=lambda a: (a.jump_from_page is None, -len(_words(a.headline) & _words(art.headline))))
        if candidates and (candidates[0].jump_from_page is not None or _words(candidates[0].headline)):
            art.continues_in = candidates[0]
            art.save(update_fields=["continues_in"])
            linked += 1
    return linked


def publish(edition: Edition, backend: SearchBackend) -> list[Edition]:
    """Swap ``edition`` in; return the editions it replaced: their search documents go afterwards, their
    rows and media when ``broadsheet gc`` finds them replaced for longer than the grace period
    (``replaced_at``), as readers may have their pages open.

    The index is written first: once the commit lands the edition is findable, and if it never lands
    the documents belong to an unpublished edition, which search ignores.
    """
    backend.index_edition(edition.id)
    with transaction.atomic():
        old = list(
            Edition.objects.select_for_update().filter(
                publication=edition.publication,
                date=edition.date,
                name=edition.name,
                status=EditionStatus.PUBLISHED,
            )
        )
        now = timezone.now()
        for prev in old:
            prev.status, prev.replaced_at = EditionStatus.REPLACED, now
            prev.save(update_fields=["status", "replaced_at"])
        edition.status = EditionStatus.PUBLISHED
        edition.published_at = now
        edition.page_count = edition.pages.count()
        edition.save(update_fields=["status", "published_at", "page_count"])
    return old


def delete_editions(editions: Iterable[Edition]) -> None:
    """Remove rows of editions no reader can see any more (replaced, failed or stale); a published one is
    never removed, whoever asks."""
    ids = [e.id for e in editions if e.status != EditionStatus.PUBLISHED]
    Edition.objects.filter(id__in=ids).delete()
