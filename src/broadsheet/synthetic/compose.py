"""Filling one rectangular block of a page: an article, an advert, a briefs column or a photo.

Every composer records its drawing on the :class:`Sheet` under the item's id and returns the
item's ground truth. Region groups follow the corpus convention of one rectangle per column part:
the head block (kicker, headline, deck, byline) is one group, each body column another, a photo
that straddles columns a third.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from broadsheet.extract.model import Box, Item, ItemType, Jump
from broadsheet.synthetic import fonts
from broadsheet.synthetic.flow import (
    BodyStyle,
    FlowResult,
    Frame,
    RunIn,
    cut_at_sentence,
    draw_lines,
    flow,
    join_body,
    placed,
    rest,
)
from broadsheet.synthetic.sheet import BLACK, Color, Owner, Sheet
from broadsheet.synthetic.text import TextGen

ACCENTS: list[Color] = [(0.75, 0.1, 0.1), (0.1, 0.25, 0.6), (0.0, 0.45, 0.35), (0.55, 0.2, 0.5), BLACK]
TINTS: list[Color] = [(0.95, 0.93, 0.88), (0.92, 0.95, 0.98)]  # boxed stories


@dataclass
class PageStyle:
    """Typographic choices shared by every block on one page."""

    fonts: dict[str, str]
    body: BodyStyle
    columns: list[tuple[float, float]]  # x0, x1 of each grid column (logical, left to right)
    gutter: float
    accent: Color
    rtl: bool
    drop_caps: float  # probability of a drop cap per article
    rules: bool  # horizontal rules between stacked articles
    daily: bool = False  # laid out like a real daily (see broadsheet.synthetic.daily)


@dataclass
class ArticlePlan:
    """What goes into an article block, decided before it is laid out."""

    headline: str
    importance: int  # 0 = lead story, larger = less important
    paras: list[list[str]]
    kicker: str | None = None
    deck: str | None = None
    byline: str | None = None
    jump_to: int | None = None  # page the story continues on
    jump_from: int | None = None
    jump_label: str = ""  # the "Continued on page N" line as printed
    remainder: list[list[str]] = field(default_factory=list)  # set when the story jumps
    # what a daily adds (broadsheet.synthetic.daily); the defaults leave a story as it always was
    head_size: float | None = None  # the lead's huge headline type
    boxed: bool = False  # an opinion column or sidebar: always framed and tinted
    photo: bool = False  # always a photo over the first columns
    credit: str | None = None  # set up the side of that photo
    quote: bool = False  # always a pull quote (where there is room)
    drop_lines: int = 3  # how many body lines a drop cap is deep
    labels: frozenset[tuple[int, int]] = frozenset()  # run-in label tokens, see flow.RunIn
    bio: str | None = None  # "NAME is a professor at ..." after the last line
    drawn: set[str] = field(default_factory=set)  # what the composer set: "photo", "drop_cap"...


def wrap(text: str, font: str, size: float, width: float, rtl: bool) -> list[str]:
    """Greedy word wrap of display text (headlines, decks, captions)."""
    lines: list[str] = []
    cur = ""
    for word in text.split():
        cand = f"{cur} {word}" if cur else word
        if not cur or fonts.measure(cand, font, size, rtl) <= width:
            cur = cand
        else:
            lines.append(cur)
            cur = word
    if cur:
        lines.append(cur)
    return lines


def fit(
    text: str, font: str, size: float, width: float, rtl: bool, max_lines: int, min_size: float = 6.0
) -> tuple[list[str], float]:
    """Wrap at the largest size (down to ``min_size``) at which every word fits the width and the
    text takes at most ``max_lines``; past that, lines are dropped. Display text never spills
    out of its block, which would break the no-overlap rule of the ground truth."""
    words = text.split()
    s = size
    while True:
        lines = wrap(text, font, s, width, rtl)
        longest = max((fonts.measure(w, font, s, rtl) for w in words), default=0.0)
        if (len(lines) <= max_lines and longest <= width) or s <= min_size:
            break
        s = max(min_size, s * 0.93)
    lines = [" ".join(w for w in ln.split() if fonts.measure(w, font, s, rtl) <= width) for ln in lines]
    return [ln for ln in lines if ln][:max_lines], s


def display(
    sheet: Sheet,
    lines: list[str],
    font: str,
    size: float,
    x0: float,
    x1: float,
    y: float,
    owner: Owner,
    *,
    leading: float | None = None,
    rtl: bool = False,
    color: Color = BLACK,
    align: str = "start",
) -> float:
    """Draw wrapped lines from top ``y``; returns the bottom of the last line's glyph box."""
    above, below = fonts.extent(font)
    lead = leading or size * 1.12
    base = y + above * size
    for text in lines:
        w = fonts.measure(text, font, size, rtl)
        x = x0 if align == "start" else (x0 + x1 - w) / 2
        sheet.text(x, base, text, font, size, owner, color=color, rtl=rtl, width=w)
        base += lead
    return base - lead + below * size


def capacity_chars(style: BodyStyle, frames: list[Frame]) -> int:
    """Rough number of characters that fit in ``frames``: how much filler text to generate."""
    sample = "the council approved the budget for the coming year after months of talks"
    per_char = fonts.measure(sample, style.font, style.size, False) / len(sample)
    total = 0.0
    for f in frames:
        total += max(0.0, (f.y1 - f.y0) / style.leading) * max(0.0, f.x1 - f.x0) / per_char
    return int(total)


def compose_article(
    sheet: Sheet, ps: PageStyle, tg: TextGen, item_id: str, block: Box, cols: tuple[int, int], plan: ArticlePlan
) -> Item:
    """Lay out one story in ``block`` over grid columns ``cols``: head, pictures, then the body."""
    r = tg.rng
    inner = _frame(sheet, ps, r, block, plan)
    colx = [(max(a, inner[0]), min(b, inner[2])) for a, b in ps.columns[cols[0] : cols[1]]]
    y, headline = _set_head(sheet, ps, tg, item_id, inner, colx, plan)
    frames = [Frame(a, y, b, inner[3], f"col{i}") for i, (a, b) in enumerate(colx)]
    obstacles, captions = _illustrate(sheet, ps, tg, item_id, frames, colx, inner[3] - y, plan)
    kept = _set_body(_Body(sheet, ps, r, item_id, frames, obstacles), plan)
    jump = None
    if plan.jump_to is not None:
        jump = Jump(to_page=plan.jump_to)
    elif plan.jump_from:
        jump = Jump(from_page=plan.jump_from)
    return Item(
        id=item_id,
        type=ItemType.ARTICLE,
        regions=[],
        kicker=plan.kicker,
        headline=headline,
        subheadline=plan.deck,
        byline="\n".join(b for b in (plan.byline, plan.bio) if b) or None,
        body=join_body(kept),
        captions=captions,
        jump=jump,
    )


def _frame(sheet: Sheet, ps: PageStyle, r: random.Random, block: Box, plan: ArticlePlan) -> Box:
    """Some stories (and every opinion box) sit in a frame, often tinted; returns the inside."""
    boxed = (r.random() < 0.13 and plan.importance > 0) or plan.boxed
    if not boxed:
        return block
    tint = r.choice(TINTS if plan.boxed else [None, *TINTS])
    sheet.rect(block, stroke=ps.accent if r.random() < 0.5 else BLACK, fill=tint, line_width=0.8)
    x0, y0, x1, y1 = block
    return (x0 + 6, y0 + 6, x1 - 6, y1 - 6)


def _set_head(
    sheet: Sheet, ps: PageStyle, tg: TextGen, item_id: str, box: Box, colx: list[tuple[float, float]], plan: ArticlePlan
) -> tuple[float, str]:
    """Kicker, headline, deck, byline and "continued from" line; returns the body's top and the
    headline as set (words that could not fit are dropped from the ground truth too)."""
    r, rtl, f = tg.rng, ps.rtl, ps.fonts
    x0, y0, x1, y1 = box
    head: Owner = (item_id, "head")
    y = y0
    if plan.kicker:
        ks = round(r.uniform(7.5, 10.0), 1)
        kfont = f["sansbold"] if r.random() < 0.7 else f["bold"]
        color = ps.accent if r.random() < 0.6 else BLACK
        kl, ks = fit(plan.kicker, kfont, ks, x1 - x0, rtl, 1)
        plan.kicker = kl[0]
        y = display(sheet, kl, kfont, ks, x0, x1, y, head, rtl=rtl, color=color) + 3
    span = len(colx)
    if plan.importance == 0:
        hs = min(54.0, r.uniform(26, 34) + 3.0 * span)
    else:
        hs = min(40.0, r.uniform(13, 17) + r.uniform(2.0, 4.0) * span - 2 * plan.importance)
    hs = max(min(hs, (y1 - y0) * 0.12), 12.0)
    if y1 - y0 < 260:  # a short block has no room for a deck
        plan.deck = None
    hfont = f["head"] if r.random() < 0.75 else f["head2"]
    hwidth = (x1 - x0) if (span == 1 or r.random() < 0.8) else (colx[-2][1] - x0)
    if plan.head_size:  # a daily's lead: huge type, never shrunk much
        lines, hs = fit(plan.headline, hfont, plan.head_size, hwidth, rtl, 2, plan.head_size * 0.9)
    else:
        lines, hs = fit(plan.headline, hfont, hs, hwidth, rtl, 3 if y1 - y0 > 250 else 2, 10.0)
    align = "center" if (r.random() < 0.15 and not rtl) else "start"
    y = display(sheet, lines, hfont, hs, x0, x0 + hwidth, y, head, rtl=rtl, align=align, leading=hs * 1.05) + 4
    if plan.deck:
        ds = round(r.uniform(10, 13.5) if span > 1 else r.uniform(9, 10.5), 1)
        if plan.head_size:
            ds = round(ds * 1.3, 1)
        dfont = f["italic"] if r.random() < 0.6 else f["bold"]
        dw = (x1 - x0) if span < 3 else (colx[max(1, span * 2 // 3) - 1][1] - x0)
        dl, ds = fit(plan.deck, dfont, ds, dw, rtl, 3)
        plan.deck = " ".join(dl)
        plan.drawn.add("deck")
        y = display(sheet, dl, dfont, ds, x0, x0 + dw, y, head, rtl=rtl, leading=ds * 1.15) + 4
    if plan.byline:
        bs = round(r.uniform(7.0, 8.5), 1)
        bfont = f["sansbold"] if r.random() < 0.6 else f["italic"]
        bl, bs = fit(plan.byline, bfont, bs, colx[0][1] - colx[0][0], rtl, 1)
        plan.byline = bl[0]
        y = display(sheet, bl, bfont, bs, x0, x1, y, head, rtl=rtl) + 3
    if plan.jump_from is not None:
        fl, fs = fit(tg.jump_from(plan.jump_from), f["italic"], ps.body.size, x1 - x0, rtl, 1)
        y = display(sheet, fl, f["italic"], fs, x0, x1, y, head, rtl=rtl) + 2
    return y + 3, " ".join(lines)


def _illustrate(
    sheet: Sheet,
    ps: PageStyle,
    tg: TextGen,
    item_id: str,
    frames: list[Frame],
    colx: list[tuple[float, float]],
    body_h: float,
    plan: ArticlePlan,
) -> tuple[list[Box], list[str]]:
    """A photo over some columns, one the text wraps around, a pull quote: they narrow
    ``frames`` (in place) or become obstacles; returns the obstacles and the captions."""
    r, rtl, f = tg.rng, ps.rtl, ps.fonts
    span = len(colx)
    obstacles: list[Box] = []
    captions: list[str] = []
    # a photo at the top of some of the body columns
    if body_h > (120 if plan.photo else 200) and (r.random() < (0.55 if span > 1 else 0.25) or plan.photo):
        k = span if span <= 2 and r.random() < 0.5 else r.randint(1, max(1, span - 1))
        first = 0 if r.random() < 0.6 else span - k
        px0, px1 = colx[first][0], colx[first + k - 1][1]
        top = frames[0].y0
        ph = min((px1 - px0) * r.uniform(0.55, 0.8), body_h * 0.45)
        cap = tg.caption()
        cfont, cs = (f["italic"] if r.random() < 0.5 else f["sans"]), 7.5
        cl, cs = fit(cap, cfont, cs, px1 - px0, rtl, 3)
        captions.append(" ".join(cl))
        plan.drawn.add("photo")
        owner: Owner = (item_id, "photo")
        pic = _credit(sheet, ps, plan, (px0, top, px1, top + ph), owner) if plan.credit else (px0, top, px1, top + ph)
        sheet.image(pic, owner, r.randrange(1 << 30), "raster" if r.random() < 0.7 else "flat")
        bottom = display(sheet, cl, cfont, cs, px0, px1, top + ph + 2.5, owner, rtl=rtl) + 6
        for i in range(first, first + k):
            fr = frames[i]
            frames[i] = Frame(fr.x0, bottom, fr.x1, fr.y1, fr.group)
    # a photo straddling two columns, with the text wrapping around it
    if span >= 2 and body_h > 330 and r.random() < 0.3:
        i = r.randrange(span - 1)
        gx = (colx[i][1] + colx[i + 1][0]) / 2
        pw = (colx[i][1] - colx[i][0]) * 0.85
        top = max(frames[i].y0, frames[i + 1].y0) + body_h * r.uniform(0.2, 0.35)
        ph = pw * 0.7
        if top + ph + 60 <= frames[i].y1:
            cl, _ = fit(tg.caption(), f["italic"], 7.0, pw, rtl, 2, 7.0)
            captions.append(" ".join(cl))
            owner = (item_id, "wrap")
            sheet.image((gx - pw / 2, top, gx + pw / 2, top + ph), owner, r.randrange(1 << 30), "raster")
            bottom = display(sheet, cl, f["italic"], 7.0, gx - pw / 2, gx + pw / 2, top + ph + 2, owner, rtl=rtl)
            obstacles.append((gx - pw / 2 - 6, top - 4, gx + pw / 2 + 6, bottom + 5))
    # a pull quote in a column after the first
    if span >= 2 and body_h > 280 and (r.random() < 0.3 or plan.quote):
        j = r.randint(1, span - 1)
        qa, qb = colx[j]
        qtop = frames[j].y0 + (frames[j].y1 - frames[j].y0) * r.uniform(0.3, 0.5)
        qs = round(r.uniform(12, 15), 1)
        ql, qs = fit(tg.pull_quote(), f["italic"], qs, qb - qa, rtl, 4, 10.0)
        clash = any(o[0] < qb and o[2] > qa and o[1] < qtop + 90 and o[3] > qtop - 10 for o in obstacles)
        if not clash and qtop + len(ql) * qs * 1.12 + 30 < frames[j].y1:
            qt, qbot = _pull_quote(sheet, ps, ql, qs, qa, qb, qtop, (item_id, f"col{j}"))
            plan.drawn.add("pull_quote")
            obstacles.append((qa - 1, qt - 6, qb + 1, qbot + 10))
    return obstacles, captions


def _credit(sheet: Sheet, ps: PageStyle, plan: ArticlePlan, pic: Box, owner: Owner) -> Box:
    """A photo credit set up the right-hand side of the picture ``pic`` (a run turned a quarter
    left, as papers print them); it is part of the photo's region, not of the body. Returns the
    picture's box, narrowed to leave the credit room."""
    assert plan.credit is not None
    x0, y0, x1, y1 = pic
    font = ps.fonts["sans"]
    above, below = fonts.extent(font)
    lines, size = fit(plan.credit, font, 6.0, y1 - y0 - 3, False, 1, 4.5)
    plan.credit = lines[0] if lines else None
    if not lines:
        return pic
    xb = x1 - below * size
    plan.drawn.add("credit")
    sheet.text(xb, y1 - 1, lines[0], font, size, owner, color=ps.accent, upright=False)
    return (x0, y0, xb - above * size - 1.5, y1)


@dataclass
class _Body:
    """The body of one story being set: where it goes and what it must wrap around."""

    sheet: Sheet
    ps: PageStyle
    r: random.Random
    item_id: str
    frames: list[Frame]
    obstacles: list[Box]


def _drop_cap(body: _Body, word: str, lines: int) -> None:
    """A large initial of ``word`` ``lines`` body lines deep beside the first lines of the first
    column: a glyph run of its own on the page, the whole word in the ground truth. Moves the first
    frame's first baseline down to the initial's top (in place) and adds it as an obstacle."""
    sheet, ps, r, frames = body.sheet, body.ps, body.r, body.frames
    st, fr0 = ps.body, frames[0]
    deep = (lines - 1) * st.leading
    b1 = st.snap(fr0.y0 + st.above)
    ds = (deep + 0.68 * st.size) / 0.7
    dfont = ps.fonts["bold"] if r.random() < 0.6 else ps.fonts["head"]
    dabove = fonts.extent(dfont)[0] * ds
    b1 = st.snap(max(b1, fr0.y0 + dabove - deep))
    b3 = b1 + deep
    letter = word[0]
    dw = fonts.measure(letter, dfont, ds, False)
    if ps.daily and word == letter:  # a one-letter word ("A", "O"): a word space before the next
        dw += fonts.measure(" ", st.font, st.size, False)
    sheet.text(fr0.x0, b3, letter, dfont, ds, (body.item_id, fr0.group), color=ps.accent if r.random() < 0.3 else BLACK)
    body.obstacles.append((fr0.x0 - 1, b1 - 1, fr0.x0 + dw + 2.5, b3 + 0.5))
    frames[0] = Frame(fr0.x0, fr0.y0, fr0.x1, fr0.y1, fr0.group, first_baseline=b1)


def _behead(paras: list[list[str]]) -> None:
    """Take the drop cap's letter off the first word (in place): the rest is set as body text."""
    if paras and paras[0]:
        paras[0][0] = paras[0][0][1:]
        if not paras[0][0]:
            paras[0].pop(0)


def _reserve_foot(frames: list[Frame], height: float) -> Frame:
    """Keep ``height`` free at the foot of the last column (for a jump line or a bio line)."""
    last = frames[-1]
    frames[-1] = Frame(last.x0, last.y0, last.x1, last.y1 - height, last.group, last.first_baseline)
    return frames[-1]


def _set_body(body: _Body, plan: ArticlePlan) -> list[list[str]]:
    """Flow the body through its frames, cut it at a sentence end (or hand the rest on, for a
    story that jumps), and set the jump or bio line; returns the paragraphs on the page."""
    sheet, ps, r, item_id, frames, obstacles = body.sheet, body.ps, body.r, body.item_id, body.frames, body.obstacles
    st, f, rtl = ps.body, ps.fonts, ps.rtl
    paras = [p for p in plan.paras if p]
    flow_paras = [list(p) for p in paras]
    drop = (
        not rtl
        and plan.jump_from is None
        and r.random() < ps.drop_caps
        and paras[0][0][:1].isalpha()
        and (paras[0][0][:1].isascii() or not ps.daily)  # an accent would stick out of the region
        and frames[0].y1 - frames[0].y0 > 8 * st.leading
    )
    if drop:
        _drop_cap(body, flow_paras[0][0], plan.drop_lines)
        plan.drawn.add("drop_cap")
        _behead(flow_paras)
    jumping = plan.jump_to is not None
    jl: list[str] = []
    if jumping:
        last = frames[-1]
        jl = wrap(plan.jump_label, f["italic"], st.size, last.x1 - last.x0, rtl)
        _reserve_foot(frames, len(jl) * st.size * 1.12 + 2)
    bio: tuple[list[str], float] | None = None
    if plan.bio and not jumping:
        last = frames[-1]
        bio = fit(plan.bio, f["italic"], round(st.size * 0.92, 1), last.x1 - last.x0, rtl, 3)
        room = len(bio[0]) * bio[1] * 1.15 + st.leading
        if last.y1 - last.y0 > room + 4 * st.leading:  # else the bio would push the story out
            _reserve_foot(frames, room)
        else:
            bio = None
    runin = RunIn(f["bold"], plan.labels)
    res = flow(flow_paras, st, frames, obstacles, open_end=jumping, runin=runin)
    if jumping:
        kept = placed(paras, res.para, res.word)
        plan.remainder = rest(paras, res.para, res.word)
    elif res.done:
        kept = paras
    else:
        kept = cut_at_sentence(paras, res.para, res.word, plan.labels)
    if kept != paras:
        flow_kept = [list(p) for p in kept]
        if drop:
            _behead(flow_kept)
        res = flow(flow_kept, st, frames, obstacles, open_end=jumping, runin=runin)
    draw_lines(sheet, res, st, frames, item_id, runin)
    if jl:
        last = frames[-1]
        jy = last.y1 + 2
        for k, text in enumerate(jl):
            jw = fonts.measure(text, f["italic"], st.size, rtl)
            yk = jy + k * st.size * 1.12
            display(sheet, [text], f["italic"], st.size, last.x1 - jw, last.x1, yk, (item_id, last.group), rtl=rtl)
    plan.bio = _set_bio(body, res, bio) if bio else None
    if plan.bio:
        plan.drawn.add("bio")
    if any(i < len(kept) and j < len(kept[i]) for i, j in plan.labels):
        plan.drawn.add("labels")
    return kept


def _set_bio(body: _Body, res: FlowResult, bio: tuple[list[str], float]) -> str | None:
    """The author's bio line ("NAME is a professor at ...") under the story's last line, or at
    the top of the next column when the last one is full; returns it as set, None if it had no
    room. It belongs to the story's region but not to its body."""
    ps, frames = body.ps, body.frames
    st, (lines, size) = ps.body, bio
    height = len(lines) * size * 1.15
    k = res.lines[-1].frame if res.lines else 0
    spots = [(k, res.last_y.get(k, frames[k].y0) + st.leading * 0.5)]
    if k + 1 < len(frames):
        spots.append((k + 1, frames[k + 1].y0))
    for i, top in spots:
        fr = frames[i]
        room = frames[i].y1 + (st.leading if i == len(frames) - 1 else 0.0)
        clash = any(o[0] < fr.x1 and o[2] > fr.x0 and o[1] < top + height and o[3] > top for o in body.obstacles)
        if top + height <= room and not clash:
            owner = (body.item_id, fr.group)
            display(body.sheet, lines, ps.fonts["italic"], size, fr.x0, fr.x1, top, owner, rtl=ps.rtl)
            return " ".join(lines)
    return None


def _pull_quote(
    sheet: Sheet, ps: PageStyle, lines: list[str], size: float, x0: float, x1: float, top: float, owner: Owner
) -> tuple[float, float]:
    """A quote set large between two rules; its text is on the page but not in the body."""
    sheet.line(x0, top, x1, top, 1.2, ps.accent)
    bottom = display(sheet, lines, ps.fonts["italic"], size, x0, x1, top + 5, owner, rtl=ps.rtl, color=ps.accent)
    sheet.line(x0, bottom + 4, x1, bottom + 4, 1.2, ps.accent)
    return top, bottom
