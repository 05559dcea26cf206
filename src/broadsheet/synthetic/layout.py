"""Planning one newspaper page: grid, header, blocks, and what goes into each block.

The page is cut like a real paste-up: a header (masthead or running head), perhaps a briefs
column down one side and an advert across the foot, and the rest divided by guillotine cuts into
rectangular story blocks. The cut tree also gives the reading order (top before bottom, left
before right; a right-to-left page is laid out left-to-right and mirrored). Everything is drawn
onto a :class:`Sheet` so that drawing and ground truth come from the same record.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from broadsheet.extract.model import Box, Item, ItemType
from broadsheet.synthetic import fonts
from broadsheet.synthetic.briefs import compose_briefs
from broadsheet.synthetic.compose import (
    ACCENTS,
    ArticlePlan,
    PageStyle,
    capacity_chars,
    compose_article,
)
from broadsheet.synthetic.flow import BodyStyle, Frame
from broadsheet.synthetic.furniture import advert, banner, folio, index_box, masthead, photo, running_head
from broadsheet.synthetic.sheet import Sheet
from broadsheet.synthetic.text import TextGen
from broadsheet.synthetic.vocab import RTL_LANGUAGES

Tile = tuple[int, int, float, float]  # first column, end column (exclusive), top, bottom


@dataclass
class Continuation:
    """The rest of a story that jumped from ``from_page``, to be set on ``to_page``."""

    to_page: int
    from_page: int
    headline: str
    paras: list[list[str]]


@dataclass
class PagePlan:
    """Inputs for one page: where it sits in the edition and what it must carry."""

    number: int
    total: int
    seed: int
    language: str
    size: tuple[float, float]
    paper: str
    date: str
    columns: int | None = None
    body_chars_target: int | None = None
    nospace: bool = False
    continuations: list[Continuation] = field(default_factory=list)
    jump_targets: list[int] = field(default_factory=list)
    house_style: int | None = None  # a seed for the paper's type and grid, the same on every page


@dataclass
class PageLayout:
    sheet: Sheet
    items: list[Item]
    continuations: list[Continuation]
    classes: dict[str, list[Item]] = field(default_factory=dict)  # layout class -> items (daily pages)


def _page_style(plan: PagePlan, rng: random.Random, width: float, margin: float) -> PageStyle:
    rtl = plan.language in RTL_LANGUAGES
    fset = dict(fonts.RTL_STYLE) if rtl else dict(rng.choice(fonts.LTR_STYLES))
    for name in fset.values():
        fonts.ensure(name)
    usable = width - 2 * margin
    gutter = rng.uniform(8, 13)
    size = _body_size(plan, rng, usable)
    n = plan.columns or rng.randint(3, 8)
    if plan.body_chars_target and not plan.columns:  # dense pages: columns of some 30-40 ems
        n = max(3, min(8, round(usable / (size * rng.uniform(30, 40)))))
    while n > 3 and (usable - (n - 1) * gutter) / n < 78 and plan.columns is None:
        n -= 1
    cw = (usable - (n - 1) * gutter) / n
    cols = [(margin + i * (cw + gutter), margin + i * (cw + gutter) + cw) for i in range(n)]
    indent = rng.random() < 0.65
    leading = round(size * rng.uniform(1.12, 1.25), 2)
    body = BodyStyle(
        font=fset["body"],
        size=size,
        leading=leading,
        justify=rtl or rng.random() < 0.8,
        indent=size * rng.uniform(1.0, 2.0) if indent else 0.0,
        para_gap=0.0 if indent else leading * rng.choice([0.5, 1.0]),
        hyphenate=not rtl and rng.random() < 0.85,
        rtl=rtl,
        nospace=plan.nospace and not rtl,
    )
    return PageStyle(
        fonts=fset,
        body=body,
        columns=cols,
        gutter=gutter,
        accent=rng.choice(ACCENTS),
        rtl=rtl,
        drop_caps=rng.choice([0.0, 0.3, 0.6]) if not rtl else 0.0,
        rules=rng.random() < 0.6,
    )


def _body_size(plan: PagePlan, rng: random.Random, usable: float) -> float:
    """Body type size: from the character target when there is one (benchmarks), else typical."""
    if plan.body_chars_target:
        area = usable * (plan.size[1] - usable * 0.08)
        size = math.sqrt(0.42 * area / (0.55 * plan.body_chars_target))
        return round(min(11.0, max(5.5, size)), 2)
    return round(rng.uniform(7.5, 10.0), 2)


def _partition(rng: random.Random, c0: int, c1: int, y0: float, y1: float, minh: float, depth: int) -> list[Tile]:
    span, h = c1 - c0, y1 - y0
    can_h, can_v = h >= 2 * minh, span >= 2
    leaf_p = 0.0 if depth == 0 else 0.2 + 0.12 * depth
    if not (can_h or can_v) or (rng.random() < leaf_p and span <= 4):
        return [(c0, c1, y0, y1)]
    if can_v and (not can_h or rng.random() < 0.45 + 0.08 * (span - 3)):
        k = rng.randint(c0 + 1, c1 - 1)
        return _partition(rng, c0, k, y0, y1, minh, depth + 1) + _partition(rng, k, c1, y0, y1, minh, depth + 1)
    t = y0 + max(minh, min(h - minh, h * rng.uniform(0.3, 0.6)))
    return _partition(rng, c0, c1, y0, t, minh, depth + 1) + _partition(rng, c0, c1, t, y1, minh, depth + 1)


def cut_around(
    rng: random.Random, main: tuple[int, int], top: float, bottom: float, minh: float, ad: Tile | None, depth: int = 0
) -> list[Tile]:
    """Guillotine cuts of columns ``main`` from ``top`` to ``bottom`` into story blocks, in
    reading order, around an advert ``ad`` that sits at the foot of the first or last columns."""
    if ad is None:
        return _partition(rng, main[0], main[1], top, bottom, minh, depth)
    right = ad[1] == main[1] and ad[0] != main[0]
    tiles = _partition(rng, main[0], main[1], top, ad[2], minh, depth)
    rest = (main[0], ad[0]) if right else (ad[1], main[1])
    band = [] if rest[0] == rest[1] else _partition(rng, rest[0], rest[1], ad[2], bottom, minh, depth + 1)
    return tiles + ([*band, ad] if right else [ad, *band])


class _Ids:
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def __call__(self, prefix: str) -> str:
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        return f"{prefix}{self.counts[prefix]}"


@dataclass
class PageContext:
    """One page being laid out: the drawing, its style, the random source and where the
    story area starts and ends. Shared by the plain and the daily layouts."""

    plan: PagePlan
    rng: random.Random
    tg: TextGen
    ps: PageStyle
    sheet: Sheet
    margin: float
    ids: _Ids = field(default_factory=_Ids)
    top: float = 0.0  # below the header
    bottom: float = 0.0  # above the folio, if any
    vgap: float = 0.0  # space between stacked blocks

    @property
    def x0(self) -> float:
        return self.ps.columns[0][0]

    @property
    def x1(self) -> float:
        return self.ps.columns[-1][1]

    def furniture(self, draw: Callable[[str], float]) -> tuple[float, Item]:
        """Draw one furniture item with a fresh id; returns what ``draw`` returned and the item."""
        fid = self.ids("f")
        return draw(fid), Item(fid, ItemType.FURNITURE, [])

    def tile_box(self, t: Tile) -> Box:
        """The rectangle of a tile, less half the vertical gap towards its neighbours."""
        top = t[2] + (self.vgap / 2 if t[2] > self.top + 1 else 0.0)
        bot = t[3] - (self.vgap / 2 if t[3] < self.bottom - 1 else 0.0)
        return (self.ps.columns[t[0]][0], top, self.ps.columns[t[1] - 1][1], bot)

    def separators(self, t: Tile) -> None:
        """Rules between stacked blocks and, on some pages, down the gutters."""
        bx = self.tile_box(t)
        if t[2] > self.top + 1 and (self.ps.rules or self.rng.random() < 0.2):
            self.sheet.line(bx[0], t[2], bx[2], t[2], 0.6)
        if t[0] > 0 and self.ps.rules and self.rng.random() < 0.5:
            gx = self.ps.columns[t[0]][0] - self.ps.gutter / 2
            self.sheet.line(gx, bx[1], gx, bx[3], 0.4)


def start_page(plan: PagePlan, text: type[TextGen] = TextGen) -> PageContext:
    """Seeded random source, phrase generator, margins and page style of one page."""
    rng = random.Random(plan.seed)
    tg = text(rng, plan.language)
    width, height = plan.size
    # a house style fixes type and grid across pages and editions; otherwise each page draws its own
    style = random.Random(plan.house_style) if plan.house_style is not None else rng
    margin = round(width * style.uniform(0.035, 0.05), 1)
    ps = _page_style(plan, style, width, margin)
    return PageContext(plan, rng, tg, ps, Sheet(width, height), margin)


def inside_head(pc: PageContext, y: float) -> tuple[float, list[Item]]:
    """Running head (folio, paper, date) and perhaps a section banner; returns the y below."""
    plan, rng, ps, sheet = pc.plan, pc.rng, pc.ps, pc.sheet
    texts = (str(plan.number), plan.paper, plan.date)
    if plan.number % 2 == 1:
        texts = (plan.date, plan.paper, str(plan.number))
    if rng.random() < 0.3:
        texts = (texts[0], "", texts[2])
    y, head = pc.furniture(lambda fid: running_head(sheet, ps, fid, pc.x0, pc.x1, y, texts))
    items = [head]
    if rng.random() < 0.35:
        y, bar = pc.furniture(lambda fid: banner(sheet, ps, fid, pc.x0, pc.x1, y, pc.tg.pick("section")))
        items.append(bar)
    return y, items


def page_foot(pc: PageContext) -> list[Item]:
    """Perhaps a folio line at the foot; sets ``pc.bottom``."""
    pc.bottom = pc.plan.size[1] - pc.margin
    if pc.rng.random() < 0.45:
        text = f"{pc.tg.pick('page_word')} {pc.plan.number}"
        pc.bottom, item = pc.furniture(lambda fid: folio(pc.sheet, pc.ps, fid, pc.x0, pc.x1, pc.bottom, text))
        return [item]
    return []


def story_plan(pc: PageContext, span: int, cap: int, importance: int) -> ArticlePlan:
    """A fresh story for a block ``span`` columns wide that holds about ``cap`` characters."""
    rng, tg = pc.rng, pc.tg
    return ArticlePlan(
        headline=tg.headline(long=rng.random() < 0.6 or importance == 0),
        importance=importance,
        paras=tg.body(int(cap * 1.3) + 400),
        kicker=tg.kicker() if rng.random() < 0.35 else None,
        deck=tg.deck() if (span > 1 and rng.random() < 0.35) or importance == 0 else None,
        byline=tg.byline() if rng.random() < 0.55 else None,
    )


def add_jump(pc: PageContext, ap: ArticlePlan) -> None:
    """Make the story jump to one of the plan's later pages, with its "continued on" line."""
    target = pc.rng.choice(pc.plan.jump_targets)
    ap.jump_to = target
    ap.jump_label = pc.tg.jump_to(target, ap.headline.split()[0].strip(",.:").upper())
    ap.paras += pc.tg.body(1500)


def continuation(ap: ArticlePlan, number: int, tg: TextGen) -> Continuation | None:
    """What a story that jumps leaves for the page it jumps to."""
    if ap.jump_to is None:
        return None
    short = " ".join(ap.headline.split()[:4])
    return Continuation(ap.jump_to, number, short, ap.remainder or tg.body(600))


def block_capacity(pc: PageContext, t: Tile, bx: Box) -> int:
    return capacity_chars(pc.ps.body, [Frame(a, bx[1], b, bx[3], "") for a, b in pc.ps.columns[t[0] : t[1]]])


def finish(
    pc: PageContext, items: list[Item], conts: list[Continuation], classes: dict[str, list[Item]] | None = None
) -> PageLayout:
    """Mirror a right-to-left page, drop items that drew nothing, and fill in the regions."""
    if pc.ps.rtl:
        pc.sheet.mirror()
    items = [it for it in items if it.id in pc.sheet.boxes]
    for it in items:
        it.regions = pc.sheet.regions(it.id)
    kept = {id(it) for it in items}
    drawn = {k: [it for it in v if id(it) in kept] for k, v in (classes or {}).items()}
    return PageLayout(pc.sheet, items, conts, {k: v for k, v in drawn.items() if v})


def layout_page(plan: PagePlan) -> PageLayout:
    pc = start_page(plan)
    rng, tg, ps, sheet, ids = pc.rng, pc.tg, pc.ps, pc.sheet, pc.ids
    items: list[Item] = []
    x0, x1 = pc.x0, pc.x1
    y = pc.margin * 0.9
    if plan.number == 1:
        mid = ids("m")
        y = masthead(sheet, ps, tg, mid, x0, x1, y, plan.paper, plan.date)
        items.append(Item(mid, ItemType.MASTHEAD, []))
        if rng.random() < 0.5:
            y, box = pc.furniture(lambda fid: index_box(sheet, ps, tg, fid, x0, x1, y, plan.total))
            items.append(box)
    else:
        y, head = inside_head(pc, y)
        items += head
    pc.top = y
    tail = page_foot(pc)
    bottom = pc.bottom

    n = len(ps.columns)
    main = (0, n)
    briefs_side: int | None = None
    if n >= 4 and rng.random() < 0.35:
        briefs_side = rng.choice([0, n - 1])
        main = (1, n) if briefs_side == 0 else (0, n - 1)
    pc.vgap = rng.uniform(10, 18)
    minh = max(110.0, ps.body.leading * 10)
    ad_tile: Tile | None = None
    mspan = main[1] - main[0]
    if mspan >= 2 and (bottom - y) > 4 * minh and rng.random() < (0.3 if plan.number == 1 else 0.55):
        k = rng.randint(2, mspan)
        ah = (bottom - y) * rng.uniform(0.14, 0.3)
        at = bottom - ah
        right = rng.random() < 0.5
        ac = (main[1] - k, main[1]) if right else (main[0], main[0] + k)
        ad_tile = (ac[0], ac[1], at, bottom)
    tiles = cut_around(rng, main, y, bottom, minh, ad_tile)

    body_items: list[Item] = []
    new_conts: list[Continuation] = []
    pending = list(plan.continuations)
    jumps_left = 0
    if plan.jump_targets:
        jumps_left = rng.choice([1, 2]) if plan.number == 1 else int(rng.random() < 0.25)
    article_no = 0
    for t in tiles:
        bx = pc.tile_box(t)
        pc.separators(t)
        if t == ad_tile:
            body_items.append(advert(sheet, ps, tg, ids("ad"), bx))
            continue
        span = t[1] - t[0]
        if not pending and article_no > 0 and span <= 2 and bx[3] - bx[1] < 420 and rng.random() < 0.1:
            body_items.append(photo(sheet, ps, tg, ids("ph"), bx))
            continue
        cap = block_capacity(pc, t, bx)
        if pending:
            c = pending.pop(0)
            ap = ArticlePlan(headline=c.headline, importance=2, paras=c.paras + tg.body(cap), jump_from=c.from_page)
        else:
            importance = 0 if article_no == 0 and plan.number == 1 else min(3, article_no + 1)
            ap = story_plan(pc, span, cap, importance)
            if jumps_left and span >= 1:
                add_jump(pc, ap)
                jumps_left -= 1
            article_no += 1
        body_items.append(compose_article(sheet, ps, tg, ids("a"), bx, (t[0], t[1]), ap))
        cont = continuation(ap, plan.number, tg)
        if cont:
            new_conts.append(cont)
    if briefs_side is not None:
        body_items = briefs_column(pc, briefs_side, body_items)
    return finish(pc, items + body_items + tail, new_conts)


def briefs_column(pc: PageContext, side: int, body_items: list[Item]) -> list[Item]:
    """A full-height column of briefs under a banner, on the left or right edge of the page."""
    bc0, bc1 = pc.ps.columns[side]
    by, bar = pc.furniture(lambda fid: banner(pc.sheet, pc.ps, fid, bc0, bc1, pc.top, pc.tg.pick("briefs")))
    briefs = compose_briefs(pc.sheet, pc.ps, pc.tg, [pc.ids("a") for _ in range(30)], (bc0, by, bc1, pc.bottom))
    block = [bar, *briefs]
    return block + body_items if side == 0 else body_items + block
