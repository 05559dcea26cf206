"""Whole synthetic editions: several pages, jumps between them, spreads, and the ground truth.

An edition is laid out page by page in memory (continuations of stories that jump are handed
forward to the page they jump to), then drawn into one PDF and written as one page-JSON file per
PDF page with :func:`broadsheet.pagejson.write_page`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from reportlab.pdfgen.canvas import Canvas

from broadsheet.extract.model import Box, Item, PageResult
from broadsheet.pagejson import write_page
from broadsheet.synthetic import marks
from broadsheet.synthetic.daily import layout_daily
from broadsheet.synthetic.layout import Continuation, PageLayout, PagePlan, layout_page
from broadsheet.synthetic.render import draw_sheet
from broadsheet.synthetic.text import TextGen
from broadsheet.synthetic.vocab import LANGUAGES, RTL_LANGUAGES

PAGE_SIZES: dict[str, tuple[float, float]] = {
    "a4": (595.28, 841.89),
    "berliner": (666.0, 893.0),
    "tabloid": (792.0, 1224.0),
    "a3": (841.89, 1190.55),
    "broadsheet": (1000.0, 1600.0),
}


@dataclass(frozen=True)
class SyntheticOptions:
    """What kind of edition to generate; everything not fixed here is drawn from ``seed``.

    ``spread`` puts two newspaper pages side by side on each PDF page (one page JSON covers both
    halves). ``cropped_spread`` makes each PDF page a printer's spread whose CropBox shows only one
    newspaper page: the other half is drawn but lies outside the visible page and outside the
    ground truth. ``nospace`` places words by gaps without space characters, as LaTeX does
    (``None``: about one page in ten). ``body_chars_target`` sets the body type size so a page
    holds roughly that many characters (benchmarks use ~30000). ``daily`` lays pages out like
    real dailies (:mod:`broadsheet.synthetic.daily`: huge lead headlines, drop caps, bylines and
    jump lines, rotated credits, briefs, teasers, opinion boxes, editorial-looking adverts,
    imprints); left-to-right languages only. Without it a seed gives the pages it always gave.
    ``print_marks`` exports each page as a printer would (:mod:`broadsheet.synthetic.marks`): inside a
    larger sheet, with crop marks, registration targets and a slug line, the TrimBox on the page.
    ``house_style`` seeds the paper's type and column grid apart from the content: editions with
    one house style and different seeds are two days of one paper (for publication profiles).
    """

    seed: int
    pages: int = 1
    columns: int | None = None
    direction: Literal["ltr", "rtl"] = "ltr"
    language: str = "en"
    spread: bool = False
    cropped_spread: bool = False
    print_marks: bool = False
    page_size: tuple[float, float] | None = None
    body_chars_target: int | None = None
    nospace: bool | None = None
    paper: str | None = None
    daily: bool = False
    house_style: int | None = None

    def resolved_language(self) -> str:
        """RTL pages need an RTL language and vice versa; unknown languages fall back to English."""
        lang = self.language if self.language in LANGUAGES else "en"
        if self.direction == "rtl" and lang not in RTL_LANGUAGES:
            return "ar"
        return lang


@dataclass
class GeneratedEdition:
    """Where the files went and the ground truth that was written to them."""

    pdf: Path
    ground_truth: list[Path] = field(default_factory=list)
    pages: list[PageResult] = field(default_factory=list)
    # per PDF page: layout class ("lead", "drop_cap", "credit", "teasers"...) -> ids of the items
    # that show it; filled for daily pages, so tests and measurements can find each class
    classes: list[dict[str, list[str]]] = field(default_factory=list)


def _shift(item: Item, dx: float) -> Item:
    item.regions = [(r[0] + dx, r[1], r[2] + dx, r[3]) for r in item.regions]
    return item


def _clip(regions: list[Box], width: float) -> list[Box]:
    return [r for r in regions if r[0] < width and r[2] > 0]


def generate_edition(options: SyntheticOptions, out_dir: Path, stem: str = "synthetic") -> GeneratedEdition:
    """Write ``out_dir/<stem>.pdf`` and ``out_dir/<stem>-p<N>.gt.json`` for each PDF page."""
    lang = options.resolved_language()
    rtl = lang in RTL_LANGUAGES
    if options.daily and rtl:
        raise ValueError("daily pages are left-to-right only: drop --daily or pick a left-to-right language")
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(options.seed)
    lay_out = layout_daily if options.daily else layout_page
    tg = TextGen(random.Random(options.seed ^ 0x5EED), lang)
    house = random.Random(options.house_style) if options.house_style is not None else None
    paper = options.paper or (house.choice(tg.v["masthead"]) if house else tg.pick("masthead"))
    date = tg.date()
    size = options.page_size or (house or rng).choice(list(PAGE_SIZES.values()))
    n_pdf = max(1, options.pages)
    n_news = 2 * n_pdf if options.spread else n_pdf
    jumps_ok = not options.spread and n_news > 1
    seeds = [rng.randrange(1 << 31) for _ in range(n_news)]
    extra_seeds = [rng.randrange(1 << 31) for _ in range(n_pdf)]
    nospace = [options.nospace if options.nospace is not None else rng.random() < 0.1 for _ in range(n_news)]

    conts: dict[int, list[Continuation]] = {}
    layouts: list[PageLayout] = []
    for i in range(n_news):
        number = i + 1
        targets = [p for p in range(number + 1, n_news + 1) if len(conts.get(p, [])) < 2] if jumps_ok else []
        plan = PagePlan(
            number=number,
            total=n_news,
            seed=seeds[i],
            language=lang,
            size=size,
            paper=paper,
            date=date,
            columns=options.columns,
            body_chars_target=options.body_chars_target,
            nospace=nospace[i],
            continuations=conts.pop(number, []),
            jump_targets=targets[:3],
            house_style=options.house_style,
        )
        lay = lay_out(plan)
        for c in lay.continuations:
            conts.setdefault(c.to_page, []).append(c)
        layouts.append(lay)

    pdf_path = out_dir / f"{stem}.pdf"
    w, h = size
    canvas = Canvas(str(pdf_path), pagesize=(w, h), pageCompression=1, invariant=1)
    canvas.setTitle(f"{paper} (synthetic)")
    result = GeneratedEdition(pdf=pdf_path)
    for p in range(n_pdf):
        number = p + 1
        items: list[Item] = []
        page_h = h
        if options.spread:
            left, right = layouts[2 * p], layouts[2 * p + 1]
            if rtl:  # the right-hand page comes first in a right-to-left paper
                left, right = right, left
            canvas.setPageSize((2 * w, h))
            draw_sheet(canvas, left.sheet, 0.0, h)
            draw_sheet(canvas, right.sheet, w, h)
            first, second = (right, left) if rtl else (left, right)
            items = list(first.items) + list(second.items)
            classes = _merge(first.classes, second.classes)
            for it in right.items:
                _shift(it, w)
            _renumber(items)
            page_w = 2 * w
        elif options.cropped_spread:
            lay = layouts[p]
            other = lay_out(PagePlan(number + 1, n_news, extra_seeds[p], lang, size, paper, date, options.columns))
            visible_right = number % 2 == 1
            canvas.setPageSize((2 * w, h))
            if visible_right:
                draw_sheet(canvas, other.sheet, 0.0, h)
                draw_sheet(canvas, lay.sheet, w, h)
                canvas.setCropBox((w, 0, 2 * w, h))
            else:
                draw_sheet(canvas, lay.sheet, 0.0, h)
                draw_sheet(canvas, other.sheet, w, h)
                canvas.setCropBox((0, 0, w, h))
            items = list(lay.items)
            classes = lay.classes
            page_w = w
        elif options.print_marks:
            page_w, page_h = w + 2 * marks.MARGIN, h + 2 * marks.MARGIN
            canvas.setPageSize((page_w, page_h))
            canvas.setTrimBox((marks.MARGIN, marks.MARGIN, marks.MARGIN + w, marks.MARGIN + h))
            draw_sheet(canvas, layouts[p].sheet, marks.MARGIN, h + marks.MARGIN)
            marks.draw_marks(canvas, w, h)
            slug = marks.draw_slug(canvas, f"{stem}-p{number}.indd   {number}   {date}   21:14", page_h, "f-slug")
            items = [marks.shifted(it) for it in layouts[p].items] + [slug]
            _renumber(items)
            classes = layouts[p].classes
        else:
            canvas.setPageSize((w, h))
            draw_sheet(canvas, layouts[p].sheet, 0.0, h)
            items = list(layouts[p].items)
            classes = layouts[p].classes
            page_w = w
        canvas.showPage()
        canvas.setCropBox(None)
        canvas.setTrimBox(None)
        for it in items:
            it.regions = _clip(it.regions, page_w)
        page = PageResult(
            source=pdf_path.name,
            page=number,
            width=page_w,
            height=page_h,
            direction="rtl" if rtl else "ltr",
            language=lang,
            items=items,
        )
        gt_path = out_dir / f"{stem}-p{number}.gt.json"
        write_page(page, gt_path)
        result.ground_truth.append(gt_path)
        result.pages.append(page)
        result.classes.append({k: [it.id for it in v] for k, v in classes.items()})
    canvas.save()
    return result


def _merge(a: dict[str, list[Item]], b: dict[str, list[Item]]) -> dict[str, list[Item]]:
    return {k: a.get(k, []) + b.get(k, []) for k in sorted(set(a) | set(b))}


def _renumber(items: list[Item]) -> None:
    """Item ids must be unique on a page; the two halves of a spread were numbered separately."""
    counts: dict[str, int] = {}
    for it in items:
        prefix = it.id.rstrip("0123456789")
        counts[prefix] = counts.get(prefix, 0) + 1
        it.id = f"{prefix}{counts[prefix]}"
