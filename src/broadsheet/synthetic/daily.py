"""Pages laid out like real dailies: the layout classes that break the extractor on real papers.

A daily page opens with a lead story across (nearly) the whole width under the masthead or the
running head, its headline in the biggest type on the page, a multi-line deck, a byline, a
photo with its credit set up the side, a drop cap, perhaps run-in labels and a pull quote, and
often a "continued on page N" line. Under it: stories, boxed opinion columns with the author's
bio at the end, a column of briefs, adverts set like editorial matter, the imprint box, and on
the front a row of boxed teasers. Every one of these is a class the extractor got wrong on real
pages (issue 9); here it comes with exact ground truth.

Only :class:`~broadsheet.synthetic.SyntheticOptions` with ``daily=True`` lead here, so pages
generated without it stay what they were.
"""

from __future__ import annotations

from dataclasses import replace

from broadsheet.extract.model import Item, ItemType
from broadsheet.synthetic.briefs import compose_briefs
from broadsheet.synthetic.compose import ArticlePlan, compose_article
from broadsheet.synthetic.daily_furniture import editorial_advert, imprint_box, teaser_strip
from broadsheet.synthetic.daily_text import DailyText
from broadsheet.synthetic.furniture import banner, masthead, photo
from broadsheet.synthetic.layout import (
    Continuation,
    PageContext,
    PageLayout,
    PagePlan,
    Tile,
    add_jump,
    block_capacity,
    briefs_column,
    continuation,
    cut_around,
    finish,
    inside_head,
    page_foot,
    start_page,
    story_plan,
)

Classes = dict[str, list[Item]]  # layout class -> the items that show it, for tests and measurement
LEAD_MIN_SIZE = 56.0  # above any other headline (at most 40 pt) even when fitted down by a tenth
MASTHEAD_SHARE = 0.75  # the title's type at most this share of the lead headline's
IMPRINT_HEIGHT = 92.0
AD_MIN_HEIGHT = 150.0  # room for a headline, a few lines of copy, a price and a phone number
JUMP_MIN_HEIGHT = 250.0  # a story that jumps keeps some of its body on this page
OPINION_MIN_HEIGHT = 250.0  # a frame, a head, a body and the bio line


def layout_daily(plan: PagePlan) -> PageLayout:
    """One daily page (see the module doc); same inputs and outputs as ``layout_page``."""
    pc = start_page(plan, DailyText)
    pc.ps = replace(pc.ps, daily=True, drop_caps=0.7)
    pc.sheet.exact_overhang = True
    tg = pc.tg
    assert isinstance(tg, DailyText)
    r = pc.rng
    lead_size = round(min(120.0, max(LEAD_MIN_SIZE, plan.size[0] * r.uniform(0.09, 0.12))), 1)
    items, pc.top = _head(pc, tg, lead_size)
    tail = page_foot(pc)
    n = len(pc.ps.columns)
    main, briefs_side = (0, n), None
    if n >= 5 and r.random() < 0.4:
        briefs_side = r.choice([0, n - 1])
        main = (1, n) if briefs_side == 0 else (0, n - 1)
    pc.vgap = r.uniform(10, 18)
    classes: Classes = {"masthead": items[:1]} if plan.number == 1 else {}
    if len(items) > 1 and plan.number == 1:
        classes["teasers"] = items[1:]
    body, conts = _fill(pc, tg, _tiles(pc, main, lead_size), lead_size, classes)
    if briefs_side is not None:
        old = {id(it) for it in body}
        body = briefs_column(pc, briefs_side, body)
        classes.setdefault("briefs", []).extend(it for it in body if id(it) not in old and it.type is ItemType.ARTICLE)
    return finish(pc, items + body + tail, conts, classes)


def _head(pc: PageContext, tg: DailyText, lead_size: float) -> tuple[list[Item], float]:
    """Masthead (smaller than the lead headline) and a teaser strip on the front, the running
    head inside; returns the items and the y below them."""
    plan, y = pc.plan, pc.margin * 0.9
    if plan.number != 1:
        y, head = inside_head(pc, y)
        return head, y
    mid = pc.ids("m")
    y = masthead(pc.sheet, pc.ps, tg, mid, pc.x0, pc.x1, y, plan.paper, plan.date, lead_size * MASTHEAD_SHARE)
    items = [Item(mid, ItemType.MASTHEAD, [])]
    if pc.rng.random() < 0.8:
        y, strip = pc.furniture(lambda fid: teaser_strip(pc.sheet, pc.ps, tg, fid, pc.x0, pc.x1, y, plan.total))
        items.append(strip)
    return items, y


def _lead_height(pc: PageContext, lead_size: float) -> float:
    """Room for the lead's two headline lines, deck, byline and a dozen lines of body."""
    return 2.2 * lead_size + 80 + 12 * pc.ps.body.leading


def _tiles(pc: PageContext, main: tuple[int, int], lead_size: float) -> list[tuple[Tile, str]]:
    """The page cut into blocks, each with what goes in it: the lead band on top (perhaps with an
    opinion column beside it), an editorial-looking advert along the foot, the rest cut like the
    plain pages; one bottom block may give its foot to the imprint box."""
    r, top, bottom = pc.rng, pc.top, pc.bottom
    minh = max(110.0, pc.ps.body.leading * 10)
    mspan = main[1] - main[0]
    lead_bottom = top + max((bottom - top) * r.uniform(0.4, 0.55), _lead_height(pc, lead_size))
    # an opinion column beside the lead, which keeps at least three columns in four
    side = mspan == len(pc.ps.columns) >= 4 and r.random() < 0.35
    out: list[tuple[Tile, str]] = [((main[0], main[1] - int(side), top, lead_bottom), "lead")]
    if side:
        out.append(((main[1] - 1, main[1], top, lead_bottom), "opinion"))
    ad: Tile | None = None
    ad_height = (bottom - lead_bottom) * r.uniform(0.35, 0.5)
    if mspan >= 2 and ad_height > AD_MIN_HEIGHT and bottom - lead_bottom - ad_height > minh and r.random() < 0.6:
        k = r.randint(2, min(3, mspan))
        at = bottom - ad_height
        first = main[0] if r.random() < 0.5 else main[1] - k
        ad = (first, first + k, at, bottom)
    rest = cut_around(r, main, lead_bottom, bottom, minh, ad, 1)
    briefs = False
    for t in rest:
        span, height = t[1] - t[0], t[3] - t[2]
        if t == ad:
            kind = "advert"
        elif span == 1 and height > 300 and not briefs and r.random() < 0.5:
            kind, briefs = "briefs", True
        elif span <= 2 and height > OPINION_MIN_HEIGHT and r.random() < 0.3:
            kind = "opinion"
        elif span <= 2 and height < 420 and r.random() < 0.06:
            kind = "photo"
        else:
            kind = "story"
        out.append((t, kind))
    return _imprint(pc, out, minh)


def _imprint(pc: PageContext, tiles: list[tuple[Tile, str]], minh: float) -> list[tuple[Tile, str]]:
    """On some pages the foot of a one-column bottom block becomes the imprint box."""
    if pc.rng.random() >= 0.5:
        return tiles
    for k in range(len(tiles) - 1, -1, -1):
        (c0, c1, t0, t1), kind = tiles[k]
        if c1 - c0 == 1 and t1 >= pc.bottom - 1 and kind == "story" and t1 - t0 > minh + IMPRINT_HEIGHT:
            cut = t1 - IMPRINT_HEIGHT
            return [*tiles[:k], ((c0, c1, t0, cut), kind), ((c0, c1, cut, t1), "imprint"), *tiles[k + 1 :]]
    return tiles


def _fill(
    pc: PageContext, tg: DailyText, tiles: list[tuple[Tile, str]], lead_size: float, classes: Classes
) -> tuple[list[Item], list[Continuation]]:
    """Compose every block; continuations from earlier pages take the first story blocks.
    Records in ``classes`` which item shows which layout class."""
    plan, r, ps, sheet, ids = pc.plan, pc.rng, pc.ps, pc.sheet, pc.ids
    items: list[Item] = []
    conts: list[Continuation] = []
    pending = list(plan.continuations)
    jumps_left = (2 if plan.number == 1 else 1) if plan.jump_targets else 0
    article_no = 0
    for t, kind in tiles:
        bx = pc.tile_box(t)
        pc.separators(t)
        span = t[1] - t[0]
        if kind == "advert":
            items.append(editorial_advert(sheet, ps, tg, ids("ad"), bx))
        elif kind == "imprint":
            items.append(imprint_box(sheet, ps, tg, ids("f"), bx, plan.paper))
        elif kind == "photo":
            items.append(photo(sheet, ps, tg, ids("ph"), bx))
        elif kind == "briefs":
            block = _briefs(pc, tg, bx)
            items += block
            classes.setdefault("briefs", []).extend(it for it in block if it.type is ItemType.ARTICLE)
            continue
        else:
            cap = block_capacity(pc, t, bx)
            if kind == "opinion":
                ap = _opinion(pc, tg, cap)
            elif pending and kind == "story":
                c = pending.pop(0)
                ap = ArticlePlan(headline=c.headline, importance=2, paras=c.paras + tg.body(cap), jump_from=c.from_page)
            else:
                ap = story_plan(pc, span, cap, 0 if kind == "lead" else min(3, article_no + 1))
                _dress(pc, tg, ap, span, kind == "lead", lead_size)
                tall = bx[3] - bx[1] > JUMP_MIN_HEIGHT
                if jumps_left and tall and r.random() < (0.8 if kind == "lead" else 0.3):
                    add_jump(pc, ap)
                    jumps_left -= 1
                article_no += 1
            items.append(compose_article(sheet, ps, tg, ids("a"), bx, (t[0], t[1]), ap))
            _note(classes, items[-1], ap)
            cont = continuation(ap, plan.number, tg)
            if cont:
                conts.append(cont)
            continue
        classes.setdefault(kind, []).append(items[-1])
    return items, conts


def _note(classes: Classes, item: Item, ap: ArticlePlan) -> None:
    """Which classes a composed story shows: its kind and what the composer drew."""
    kinds = set(ap.drawn)
    kinds |= {"lead"} if ap.head_size else set()
    kinds |= {"opinion"} if ap.boxed else set()
    kinds |= {"byline"} if ap.byline else set()
    kinds |= {"jump_to"} if ap.jump_to is not None else set()
    kinds |= {"jump_from"} if ap.jump_from is not None else set()
    for kind in sorted(kinds):
        classes.setdefault(kind, []).append(item)


def _dress(pc: PageContext, tg: DailyText, ap: ArticlePlan, span: int, lead: bool, lead_size: float) -> None:
    """What a daily's story carries: a byline of its own kind, a credited photo, a pull quote,
    a drop cap two or three lines deep, run-in labels; the lead a huge headline and a deck."""
    r = pc.rng
    if r.random() < 0.7:
        ap.byline = tg.daily_byline()
    ap.credit = tg.credit() if r.random() < 0.6 else None
    ap.quote = span >= 2 and r.random() < 0.5
    ap.drop_lines = r.choice([2, 3])
    if r.random() < 0.3:
        ap.labels = _labels(tg, ap.paras)
    if lead:
        ap.headline = tg.lead_headline()
        ap.head_size = lead_size
        ap.deck = " ".join(tg.sentence() for _ in range(2))
        ap.photo = True
        ap.credit = ap.credit or tg.credit()


def _labels(tg: DailyText, paras: list[list[str]]) -> frozenset[tuple[int, int]]:
    """Open every second or third paragraph after the first with a bold run-in label (in
    place); returns the label tokens' (paragraph, word) indices."""
    out: set[tuple[int, int]] = set()
    i = tg.rng.randint(1, 2)
    while i < len(paras):
        label = tg.label()
        paras[i][:0] = label
        out.update((i, j) for j in range(len(label)))
        i += tg.rng.randint(2, 3)
    return frozenset(out)


def _opinion(pc: PageContext, tg: DailyText, cap: int) -> ArticlePlan:
    """A boxed, tinted opinion column: small headline, the author's name alone under it, and
    usually a bio line at the end."""
    r = pc.rng
    name = tg.name()
    return ArticlePlan(
        headline=tg.headline(long=r.random() < 0.5),
        importance=3,
        paras=tg.body(int(cap * 1.3) + 400),
        kicker=tg.fill("opinion") if r.random() < 0.8 else None,
        byline=name.upper() if r.random() < 0.3 else name,
        boxed=True,
        drop_lines=r.choice([2, 3]),
        bio=tg.bio(name) if r.random() < 0.8 else None,
    )


def _briefs(pc: PageContext, tg: DailyText, bx: tuple[float, float, float, float]) -> list[Item]:
    """A one-column block of briefs, under a section bar on some pages."""
    x0, y0, x1, y1 = bx
    items: list[Item] = []
    if pc.rng.random() < 0.6:
        y0, bar = pc.furniture(lambda fid: banner(pc.sheet, pc.ps, fid, x0, x1, y0, tg.pick("briefs")))
        items.append(bar)
    room = int((y1 - y0) / (5 * pc.ps.body.leading)) + 1
    return items + compose_briefs(pc.sheet, pc.ps, tg, [pc.ids("a") for _ in range(room)], (x0, y0, x1, y1))
