"""A new PDF of an edition keeps the corrections of the pages that did not change.

Staff correct an edition's pages in the newsroom; then the paper sends the PDF again, with a late story
on page 2. Every page is extracted afresh (a re-ingest, :func:`broadsheet.ingest.ingest_edition`, or a
replacement uploaded in the newsroom, :func:`broadsheet.ingest.build_for_review`), and then each page
the staff corrected in the edition it replaces, ``previous``, that the new PDF prints again — found by
its fingerprint (:mod:`broadsheet.pdf.fingerprint`), wherever it is in the new PDF — gets its corrected
items back: the staff's articles, regions, types and texts, under their ``uid`` and URL ``key``. A
corrected page the new PDF does not print any more is left as extracted, and the report says so.

The corrected items come back as a correction like an editor's (:mod:`broadsheet.editions.items`:
their states before and after, logged), so the new build's log shows what it kept, its corrected pages
are ground truth as the old ones were (``export-gt``, the publication's profile), and *Undo* gives the
extractor's version of those pages back. Articles elsewhere in the new build keep their identities by
content (:func:`broadsheet.ingest.store.keep_identities`), never one a kept item has.
"""

from __future__ import annotations

import uuid

from django.db import transaction

from broadsheet.editions import items
from broadsheet.editions.items import State
from broadsheet.editions.models import Article, Correction, Edition, Page
from broadsheet.ingest import identity, store
from broadsheet.ingest.identity import KeptCorrections

ACTION = "keep"
"""The log's name for the correction that brings the kept pages' items back."""
CHANGED = "its content changed: no page of the new PDF prints what it printed"
NO_PRINT = "it was stored before Broadsheet recorded what pages print, so it cannot be matched"


def keep_corrections(edition: Edition, previous: Edition) -> KeptCorrections:
    """Give the pages of the new build ``edition`` that print what a corrected page of ``previous``
    printed that page's corrected items; store and return what was kept and what not.

    Runs after the build's articles have their identities and jumps, before their clips are cut (so
    clips follow the kept regions). ``previous`` is locked meanwhile: a correction to it waits, and is
    either in the kept state or made after it.
    """
    with transaction.atomic():
        previous = Edition.objects.select_for_update().get(id=previous.id)
        corrected = items.corrected_pages(previous)
        old_pages = {p.number: p for p in previous.pages.all()}
        new_pages = {p.number: p for p in edition.pages.all()}
        pairs = identity.match_pages(_prints(old_pages), _prints(new_pages))
        wanted = sorted(n for n in corrected if n in old_pages)
        report = KeptCorrections(
            [(o, pairs[o]) for o in wanted if o in pairs],
            [(o, CHANGED if old_pages[o].fingerprint else NO_PRINT) for o in wanted if o not in pairs],
        )
        if report.kept:
            _bring_back(edition, previous, [(old_pages[o], new_pages[n]) for o, n in report.kept])
        edition.kept_corrections = report.to_json()
        edition.save(update_fields=["kept_corrections"])
    return report


def _prints(pages: dict[int, Page]) -> list[str]:
    return [pages[n].fingerprint if n in pages else "" for n in range(1, max(pages, default=0) + 1)]


def _bring_back(edition: Edition, previous: Edition, kept: list[tuple[Page, Page]]) -> None:
    """Replace the items the build found on each kept page (old page, new page) by the corrected ones,
    as one logged change."""
    kept_pages = {new.number for _, new in kept}
    carried: dict[str, State] = {}
    fresh: dict[str, State | None] = {}
    for old, new in kept:
        _same_size(new, old)
        on_page = items.snapshot(previous, page=old.number)
        carried |= {uid: {**state, "page": new.number} for uid, state in on_page.items() if state}
    _make_room(edition, previous, carried, kept_pages)
    for _, new in kept:
        fresh |= dict.fromkeys(items.snapshot(edition, page=new.number))
    elsewhere = Article.objects.filter(edition=edition).exclude(page__number__in=kept_pages)
    present = {str(u): n for u, n in elsewhere.values_list("uid", "page__number")}
    present |= {u: s["page"] for u, s in carried.items() if s["kind"] == items.ARTICLE}
    for state in carried.values():
        if state["kind"] == items.ARTICLE:
            _relink(state, present)
    after = fresh | carried
    before = items.snapshot(edition, list(after))
    if before == after:
        return  # the extractor found what the staff made of these pages: nothing to bring back
    items.apply(edition, after)
    store.resolve_jumps(edition, kept=carried)  # what continued on a kept page continues in what is there now
    pages = ", ".join(str(n) for n in sorted(kept_pages))
    Correction.objects.create(
        edition=edition,
        action=ACTION,
        summary=f"kept the corrections of page{'s' if len(kept_pages) > 1 else ''} {pages} from the PDF it replaces",
        uids=list(after),
        before=before,
        after=after,
        version=edition.version,
    )


def _same_size(page: Page, old: Page) -> None:
    """A page whose extraction failed has no size: the old page's is its own (they print the same)."""
    if not page.width_pt:
        page.width_pt, page.height_pt, page.text_layer = old.width_pt, old.height_pt, old.text_layer
        page.save(update_fields=["width_pt", "height_pt", "text_layer"])


def _make_room(edition: Edition, previous: Edition, carried: dict[str, State], kept_pages: set[int]) -> None:
    """An article of the build on another page that took the identity or the URL of a kept item (a story
    that seemed to move) gets a new one: the kept item is that story."""
    keys = {s["key"] for s in carried.values() if s.get("key")}
    taken = keys | set(Article.objects.filter(edition__in=[edition, previous]).values_list("key", flat=True))
    moved = []
    for art in Article.objects.filter(edition=edition).exclude(page__number__in=kept_pages):
        if str(art.uid) in carried or art.key in keys:
            art.uid = uuid.uuid4() if str(art.uid) in carried else art.uid
            art.key = identity.free_key(art.key, taken) if art.key in keys else art.key
            taken.add(art.key)
            moved.append(art)
    store.rename(moved)


def _relink(state: State, present: dict[str, int]) -> None:
    """A kept article's jump in the new build: to its continuation (by uid) on the page that is on now, if
    it is still there; else to nothing (the page numbers stay as the page prints them)."""
    target = state["continues_in"]
    if target is not None and target not in present:
        state["continues_in"] = None
    elif target is not None:
        state["jump_to_page"] = present[target]
