"""Everything on a page that is not an article: masthead, running heads, folios, banners, index
boxes, adverts and stand-alone photos.

These are the things an extractor must not mistake for stories (or merge into them), so they are
drawn the way papers draw them: big display type, reversed-out bars, boxes with phone numbers.
Each function draws one item and returns it (regions are filled in from the sheet later).
"""

from __future__ import annotations

from broadsheet.extract.model import Box, Item, ItemType
from broadsheet.synthetic import fonts
from broadsheet.synthetic.compose import PageStyle, display, fit
from broadsheet.synthetic.sheet import BLACK, Color, Sheet
from broadsheet.synthetic.text import TextGen

WHITE: Color = (1.0, 1.0, 1.0)


def _fit(text: str, font: str, size: float, width: float, rtl: bool) -> float:
    """The largest size up to ``size`` at which ``text`` fits on one line of ``width``."""
    w = fonts.measure(text, font, size, rtl)
    return size if w <= width else max(5.0, size * width / w * 0.98)


def masthead(
    sheet: Sheet,
    ps: PageStyle,
    tg: TextGen,
    item_id: str,
    x0: float,
    x1: float,
    y: float,
    name: str,
    date: str,
    max_size: float | None = None,
) -> float:
    """The title block of page 1; returns the y below it. ``max_size`` keeps the title smaller
    than a daily's lead headline, as on the tabloid-style fronts whose lead outshouts the title."""
    r, f, rtl = tg.rng, ps.fonts, ps.rtl
    owner = (item_id, "all")
    size = _fit(name, f["head"], r.uniform(48, 72), x1 - x0, rtl)
    if max_size is not None:
        size = min(size, max_size)
    tag = tg.pick("tagline")
    if r.random() < 0.5:
        y = display(sheet, [tag], f["italic"], 9, x0, x1, y, owner, rtl=rtl, align="center") + 3
    y = display(sheet, [name], f["head"], size, x0, x1, y, owner, rtl=rtl, align="center") + 4
    sheet.line(x0, y, x1, y, 1.5)
    num = f"No. {r.randint(1000, 39999)}" if not rtl else f"{r.randint(1000, 39999)}"
    price = f"{tg.pick('price')} {r.randint(1, 4)},{r.choice(['00', '50', '20'])}"
    by = y + 3
    above = fonts.extent(f["sans"])[0] * 8.5
    for text, where in ((date, 0), (num, 1), (price, 2)):
        w = fonts.measure(text, f["sans"], 8.5, rtl)
        x = (x0, (x0 + x1 - w) / 2, x1 - w)[where]
        sheet.text(x, by + above, text, f["sans"], 8.5, owner, rtl=rtl, width=w)
    y = by + fonts.extent(f["sans"])[1] * 8.5 + above + 3
    sheet.line(x0, y, x1, y, 0.6)
    return y + 8


def running_head(
    sheet: Sheet, ps: PageStyle, item_id: str, x0: float, x1: float, y: float, texts: tuple[str, str, str]
) -> float:
    """Folio, paper name and date across the top of an inside page; returns the y below it."""
    owner = (item_id, "all")
    font = ps.fonts["sansbold"]
    above, below = fonts.extent(font)
    base = y + above * 8
    for text, where in zip(texts, range(3), strict=True):
        if not text:
            continue
        w = fonts.measure(text, font, 8, ps.rtl)
        x = (x0, (x0 + x1 - w) / 2, x1 - w)[where]
        sheet.text(x, base, text, font, 8, owner, rtl=ps.rtl, width=w)
    y = base + below * 8 + 2
    sheet.line(x0, y, x1, y, 0.8)
    return y + 8


def folio(sheet: Sheet, ps: PageStyle, item_id: str, x0: float, x1: float, y_bottom: float, text: str) -> float:
    """A page number line at the foot of the page; returns the top of it."""
    font = ps.fonts["sans"]
    above, below = fonts.extent(font)
    base = y_bottom - below * 8
    w = fonts.measure(text, font, 8, ps.rtl)
    sheet.text((x0 + x1 - w) / 2, base, text, font, 8, (item_id, "all"), rtl=ps.rtl, width=w)
    sheet.line(x0, base - above * 8 - 3, x1, base - above * 8 - 3, 0.4)
    return base - above * 8 - 8


def banner(sheet: Sheet, ps: PageStyle, item_id: str, x0: float, x1: float, y: float, text: str) -> float:
    """A reversed-out section bar ("SPORT"); returns the y below it."""
    font = ps.fonts["sansbold"]
    text = text.upper() if not ps.rtl else text
    size = _fit(text, font, 13.0, x1 - x0 - 12, ps.rtl)
    above, below = fonts.extent(font)
    h = (above + below) * size + 6
    sheet.rect((x0, y, x1, y + h), (item_id, "all"), stroke=None, fill=ps.accent)
    sheet.text(x0 + 6, y + 3 + above * size, text, font, size, (item_id, "all"), color=WHITE, rtl=ps.rtl)
    return y + h + 8


def index_box(
    sheet: Sheet, ps: PageStyle, tg: TextGen, item_id: str, x0: float, x1: float, y: float, pages: int
) -> float:
    """A strip of teasers pointing inside the paper; returns the y below it."""
    r, f = tg.rng, ps.fonts
    owner = (item_id, "all")
    h = 30.0
    sheet.rect((x0, y, x1, y + h), owner, stroke=ps.accent, fill=(0.96, 0.96, 0.96), line_width=1.0)
    label = tg.pick("index")
    lw = display(sheet, [label], f["sansbold"], 10, x0 + 6, x1, y + 9, owner, rtl=ps.rtl, color=ps.accent)
    del lw
    x = x0 + 12 + fonts.measure(label, f["sansbold"], 10, ps.rtl)
    n = r.randint(2, 4)
    slot = (x1 - x - 6) / n
    for _ in range(n):
        sec = tg.pick("section")
        text = f"{sec} {r.randint(2, max(2, pages + 12))}"
        size = _fit(text, f["sans"], 9, slot - 8, ps.rtl)
        sheet.text(x + 4, y + 9 + fonts.extent(f["sans"])[0] * 9, text, f["sans"], size, owner, rtl=ps.rtl)
        x += slot
    return y + h + 8


def advert(sheet: Sheet, ps: PageStyle, tg: TextGen, item_id: str, block: Box) -> Item:
    """A display advert: a box with big type, a picture and a phone number."""
    r, f, rtl = tg.rng, ps.fonts, ps.rtl
    x0, y0, x1, y1 = block
    owner = (item_id, "all")
    fill: Color = r.choice([(1.0, 0.97, 0.85), (0.9, 0.95, 1.0), (1.0, 1.0, 1.0), (0.15, 0.15, 0.2)])
    ink = WHITE if fill[0] < 0.5 else BLACK
    sheet.rect(block, owner, stroke=BLACK, fill=fill, line_width=r.choice([0.8, 1.5, 2.5]))
    w, h = x1 - x0, y1 - y0
    big = tg.pick("ad")
    size = _fit(big, f["head2"], min(48.0, h * 0.25), w - 16, rtl)
    y = display(sheet, [big], f["head2"], size, x0 + 8, x1 - 8, y0 + 8, None, rtl=rtl, color=ink, align="center")
    if h > 120 and w > 100:
        ih = min(h * 0.4, y1 - y - 40)
        if ih > 20:
            iw = min(w - 16, ih * 1.6)
            ix = (x0 + x1 - iw) / 2
            sheet.image((ix, y + 6, ix + iw, y + 6 + ih), None, r.randrange(1 << 30), "raster")
            y += ih + 6
    small = tg.pick("ad_small")
    lines, ss = fit(small, f["sans"], 9, w - 16, rtl, 2)
    y = display(sheet, lines, f["sans"], ss, x0 + 8, x1 - 8, y + 6, None, rtl=rtl, color=ink, align="center")
    phone = tg.phone()
    ps_size = _fit(phone, f["sansbold"], 14, w - 16, False)
    if y + 22 < y1:
        display(sheet, [phone], f["sansbold"], ps_size, x0 + 8, x1 - 8, y + 5, None, color=ink, align="center")
    return Item(id=item_id, type=ItemType.ADVERT, regions=[])


def photo(sheet: Sheet, ps: PageStyle, tg: TextGen, item_id: str, block: Box) -> Item:
    """A picture that belongs to no article, with its caption."""
    r = tg.rng
    x0, y0, x1, y1 = block
    owner = (item_id, "all")
    cap, cs = fit(tg.caption(), ps.fonts["italic"], 8, x1 - x0, ps.rtl, 3)
    ch = len(cap) * 8 * 1.12 + 6
    ph = min(y1 - y0 - ch, (x1 - x0) * 0.8)
    sheet.image((x0, y0, x1, y0 + ph), owner, r.randrange(1 << 30), "raster")
    display(sheet, cap, ps.fonts["italic"], cs, x0, x1, y0 + ph + 3, owner, rtl=ps.rtl)
    return Item(id=item_id, type=ItemType.PHOTO, regions=[])
