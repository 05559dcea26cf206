"""Corrected pages as ground truth: page JSON (``broadsheet-page/1``, shared/corpus/FORMAT.md) beside the
edition's PDF, for the evaluation and for learning a publication's profile from what its staff fixed.

Every item of a page goes out in reading order, articles with their corrected text; by default only the
pages a correction touched (an untouched page is only the extractor's word), every page with ``all_pages``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from broadsheet.editions import items
from broadsheet.editions.items import State
from broadsheet.editions.models import Edition, Publication
from broadsheet.errors import UsageError
from broadsheet.extract.model import Item, ItemType, Jump, PageResult, TextLayer
from broadsheet.newsroom import sources
from broadsheet.pagejson import write_page


def find_edition(spec: str) -> Edition:
    """An edition by id (``42``) or as its URL names it (``the-post/2025-04-20``, ``the-post/2025-04-20/ed-lahore``):
    the published one, else the newest."""
    editions = Edition.objects.select_related("publication")
    if spec.isdigit():
        found = editions.filter(id=int(spec)).first()
    else:
        parts = spec.strip("/").split("/")
        if len(parts) not in (2, 3) or (len(parts) == 3 and not parts[2].startswith("ed-")):
            raise UsageError(f"name the edition by id or as PUBLICATION/DATE[/ed-NAME], not {spec!r}")
        name = parts[2][3:] if len(parts) == 3 else ""
        same = editions.filter(publication__slug=parts[0], date=parts[1], name=name).order_by("-id")
        found = same.filter(status="published").first() or same.first()
    if found is None:
        raise UsageError(f"no edition {spec!r}")
    return found


def _text(value: str) -> str | None:
    return value or None


def _item(n: int, state: State) -> Item:
    kind = ItemType(state["kind"])
    regions = [(r[0], r[1], r[2], r[3]) for r in state["regions"]]
    if kind is not ItemType.ARTICLE:
        return Item(f"{kind.value[0]}{n}", kind, regions)
    to_page, from_page = state["jump_to_page"], state["jump_from_page"]
    return Item(
        f"a{n}",
        kind,
        regions,
        kicker=_text(state["kicker"]),
        headline=_text(state["headline"]),
        subheadline=_text(state["subheadline"]),
        byline=_text(state["byline"]),
        body=_text(state["body"]),
        captions=list(state["captions"]),
        jump=Jump(to_page, from_page) if to_page or from_page else None,
    )


def export(edition: Edition, out: Path, all_pages: bool = False) -> list[Path]:
    """Write ``<stem>-p<N>.gt.json`` for the corrected pages (or all) and ``<stem>.pdf``; returns the JSON files."""
    if not sources.folder(edition.id).is_dir():
        raise UsageError(f"edition {edition.id} was not uploaded in the newsroom, so its PDF is not kept here")
    stem = f"{edition.publication.slug}-{edition.date.isoformat()}" + (f"-{edition.name}" if edition.name else "")
    out.mkdir(parents=True, exist_ok=True)
    with sources.as_pdf(edition.id) as pdf:
        shutil.copyfile(pdf, out / f"{stem}.pdf")
    wanted = None if all_pages else items.corrected_pages(edition)
    states = [s for s in items.snapshot(edition).values() if s]
    written = []
    for page in edition.pages.order_by("number"):
        if wanted is not None and page.number not in wanted:
            continue
        on_page = sorted((s for s in states if s["page"] == page.number), key=lambda s: s["order"])
        result = PageResult(
            source=f"{stem}.pdf",
            page=page.number,
            width=page.width_pt,
            height=page.height_pt,
            direction="rtl" if edition.direction == "rtl" else "ltr",
            language=edition.language,
            items=[_item(n, s) for n, s in enumerate(on_page, start=1)],
            text_layer=TextLayer(page.text_layer),
            problems=list(page.problems),
        )
        written.append(out / f"{stem}-p{page.number}.gt.json")
        write_page(result, written[-1])
    return written


def relearn_profile(publication: Publication) -> int:
    """Learn the publication's profile again from the pages its staff corrected, in every edition
    uploaded in the newsroom, and store it: every later ingest of the paper uses it
    (:mod:`broadsheet.extract.learn`). Returns how many pages it was learned from (0: none, the
    stored profile is left as it was)."""
    from broadsheet.extract.learn import learn_profile
    from broadsheet.ingest import store

    with tempfile.TemporaryDirectory() as folder:
        pages = 0
        for edition in publication.editions.order_by("date", "id"):
            if sources.folder(edition.id).is_dir() and items.corrected_pages(edition):
                pages += len(export(edition, Path(folder) / str(edition.id)))
        if not pages:
            return 0
        profile, _ = learn_profile([Path(folder)], publication.slug)
    store.set_profile(publication, profile.to_json())
    return pages
