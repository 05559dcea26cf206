"""What a daily prints around its stories that the extractor must not take for one: a row of
boxed teasers under the masthead, the imprint (colophon) box, and adverts made to look like
editorial matter (a headline, justified body type, then prices and contact details).

Teasers and the imprint are ``furniture``, the advert an ``advert``: none of their words may
end up in an article.
"""

from __future__ import annotations

from broadsheet.extract.model import Box, Item, ItemType
from broadsheet.synthetic import fonts
from broadsheet.synthetic.compose import PageStyle, display, fit
from broadsheet.synthetic.daily_text import DailyText
from broadsheet.synthetic.flow import Frame, cut_at_sentence, draw_lines, flow
from broadsheet.synthetic.sheet import BLACK, Color, Owner, Sheet

PAPER_TINTS: list[Color | None] = [None, (0.96, 0.96, 0.96), (0.93, 0.95, 0.99), (0.98, 0.97, 0.92)]


def teaser_strip(
    sheet: Sheet, ps: PageStyle, tg: DailyText, item_id: str, x0: float, x1: float, y: float, pages: int
) -> float:
    """A row of three to five boxed teasers (a heading, one line, perhaps a thumbnail) across
    the front under the masthead; one furniture item, one region per box. Returns the y below."""
    r, f = tg.rng, ps.fonts
    n, gap = r.randint(3, 5), 6.0
    width = (x1 - x0 - gap * (n - 1)) / n
    hsize, lsize = round(r.uniform(9, 12), 1), round(r.uniform(7.5, 9), 1)
    hfont = f["sansbold"] if r.random() < 0.6 else f["head"]
    lfont = f["body"] if r.random() < 0.5 else f["sans"]
    tint, stroke = r.choice(PAPER_TINTS), ps.accent if r.random() < 0.5 else BLACK
    thumb = r.random() < 0.4
    tall = sum(fonts.extent(hfont)) * hsize + sum(fonts.extent(lfont)) * lsize + 12
    height = max(tall, 38.0) if thumb else tall
    for i in range(n):
        bx0 = x0 + i * (width + gap)
        owner: Owner = (item_id, f"t{i}")
        sheet.rect((bx0, y, bx0 + width, y + height), owner, stroke=stroke, fill=tint, line_width=0.8)
        tx = bx0 + 5
        if thumb:
            tw = (height - 8) * 1.2
            sheet.image((tx - 1, y + 4, tx - 1 + tw, y + height - 4), owner, r.randrange(1 << 30), "raster")
            tx += tw + 3
        hl, hs = fit(tg.pick("section"), hfont, hsize, bx0 + width - 5 - tx, False, 1)
        ty = display(sheet, hl, hfont, hs, tx, bx0 + width - 5, y + 4, owner, color=ps.accent) + 2
        line = f"{tg.headline(long=False)} {r.randint(2, pages + 12)}"
        ll, ls = fit(line, lfont, lsize, bx0 + width - 5 - tx, False, 1, 6.5)
        display(sheet, ll, lfont, ls, tx, bx0 + width - 5, ty, owner)
    return y + height + 8


def imprint_box(sheet: Sheet, ps: PageStyle, tg: DailyText, item_id: str, block: Box, paper: str) -> Item:
    """The colophon: paper name, then "Label: value" lines (publisher, editor, address, phone,
    email, printer) in small type inside a thin frame."""
    r, f = tg.rng, ps.fonts
    x0, y0, x1, y1 = block
    owner: Owner = (item_id, "all")
    sheet.rect(block, owner, stroke=BLACK, fill=r.choice(PAPER_TINTS), line_width=0.5)
    size = round(r.uniform(5.8, 7.0), 1)
    tl, ts = fit(paper, f["head"], size * 1.6, x1 - x0 - 10, False, 1)
    y = display(sheet, tl, f["head"], ts, x0 + 5, x1 - 5, y0 + 5, owner) + 3
    above, below = fonts.extent(f["sans"])
    lead = (above + below) * size + 1.0
    for label, value in tg.imprint(paper):
        if y + lead > y1 - 4:
            break
        head = f"{label}:"
        hw = fonts.measure(head, f["sansbold"], size, False)
        vl, vs = fit(value, f["sans"], size, x1 - x0 - 10 - hw - 3, False, 1, size)
        if not vl:
            continue
        sheet.text(x0 + 5, y + above * size, head, f["sansbold"], size, owner, space_after=True)
        sheet.text(x0 + 5 + hw + 3, y + above * size, vl[0], f["sans"], vs, owner)
        y += lead
    return Item(id=item_id, type=ItemType.FURNITURE, regions=[])


def editorial_advert(sheet: Sheet, ps: PageStyle, tg: DailyText, item_id: str, block: Box) -> Item:
    """An advert set like a story: perhaps an "ADVERTISEMENT" label, a sentence-case headline,
    body type in one or two columns, then a price and contact details."""
    r, f, st = tg.rng, ps.fonts, ps.body
    x0, y0, x1, y1 = block
    owner: Owner = (item_id, "all")
    sheet.rect(block, owner, stroke=BLACK, fill=r.choice(PAPER_TINTS), line_width=r.choice([0.5, 1.0, 1.5]))
    x0, y0, x1, y1 = x0 + 8, y0 + 6, x1 - 8, y1 - 6
    y = y0
    if r.random() < 0.6:
        label = tg.dpick("ad_label")
        y = display(sheet, [label], f["sans"], 6.5, x0, x1, y, owner, align="center" if r.random() < 0.5 else "start")
        y += 3
    hl, hs = fit(tg.fill("ad_head"), f["head"], round(r.uniform(16, 26), 1), x1 - x0, False, 2, 10.0)
    y = display(sheet, hl, f["head"], hs, x0, x1, y, owner, leading=hs * 1.05) + 5
    price = tg.fill("ad_price")
    contact = f"{tg.phone()} · {tg.web(' '.join(hl[:1]))}"
    psize = round(st.size * 1.6, 1)
    foot = sum(fonts.extent(f["sansbold"])) * (psize + st.size) + 8
    ncols = 2 if x1 - x0 > 260 else 1
    cw = (x1 - x0 - 10 * (ncols - 1)) / ncols
    frames = [Frame(x0 + i * (cw + 10), y, x0 + i * (cw + 10) + cw, y1 - foot, "all") for i in range(ncols)]
    paras = [tg.advert_copy() for _ in range(r.randint(1, 3))]
    res = flow(paras, st, frames, [])
    if not res.done:
        res = flow(cut_at_sentence(paras, res.para, res.word), st, frames, [])
    draw_lines(sheet, res, st, frames, item_id)
    fy = y1 - foot + 4
    pl, psize = fit(price, f["sansbold"], psize, x1 - x0, False, 1)
    fy = display(sheet, pl, f["sansbold"], psize, x0, x1, fy, owner, color=ps.accent) + 2
    cl, cs = fit(contact, f["sans"], st.size, x1 - x0, False, 1)
    display(sheet, cl, f["sans"], cs, x0, x1, fy, owner)
    return Item(id=item_id, type=ItemType.ADVERT, regions=[])
