"""A column of briefs: short items, each with a bold run-in head or a small headline.

Every item is an article of its own in the ground truth, however short: that is how a reader
(and a search) sees them, and the class the extractor must neither merge nor split.
"""

from __future__ import annotations

from broadsheet.extract.model import Box, Item, ItemType
from broadsheet.synthetic import fonts
from broadsheet.synthetic.compose import PageStyle, display, fit
from broadsheet.synthetic.flow import Frame, cut_at_sentence, draw_lines, flow, join_body
from broadsheet.synthetic.sheet import Sheet
from broadsheet.synthetic.text import TextGen


def compose_briefs(sheet: Sheet, ps: PageStyle, tg: TextGen, ids: list[str], block: Box) -> list[Item]:
    """A column of short items, each with a bold run-in or a small headline: one article each."""
    r = tg.rng
    st, f, rtl = ps.body, ps.fonts, ps.rtl
    x0, y, x1, y1 = block
    items: list[Item] = []
    runin = r.random() < 0.5
    hs = round(st.size * r.uniform(1.05, 1.3), 1)
    for item_id in ids:
        if y1 - y < 5 * st.leading:
            break
        title = tg.brief_title()
        paras = [tg.paragraph(2, 4)]
        obstacles: list[Box] = []
        first_baseline: float | None = None
        use_runin = runin and not rtl and fonts.measure(title + ".", f["bold"], st.size, False) < 0.55 * (x1 - x0)
        hl: list[str] = []
        if use_runin:
            b1 = st.snap(y + st.above)
            w = fonts.measure(title + ".", f["bold"], st.size, False)
            obstacles.append((x0 - 1, b1 - 1, x0 + w + fonts.measure(" ", st.font, st.size, False), b1 + 0.5))
            first_baseline = b1
            top = y
        else:
            hl, hs = fit_brief_head(title, f["head"], hs, x1 - x0, rtl, st.size)
            title = " ".join(hl)
            above, below = fonts.extent(f["head"])
            top = y + (above + below) * hs + (len(hl) - 1) * hs * 1.12 + 2
        frame = Frame(x0, top, x1, y1, "col", first_baseline)
        res = flow(paras, st, [frame], obstacles)
        kept = paras
        if not res.done:
            kept = cut_at_sentence(paras, res.para, res.word)
            if len(" ".join(kept[0])) < 40:
                break
            res = flow(kept, st, [frame], obstacles)
        if use_runin:
            sheet.text(x0, b1, title + ".", f["bold"], st.size, (item_id, "col"), space_after=True)
        else:
            display(sheet, hl, f["head"], hs, x0, x1, y, (item_id, "col"), rtl=rtl)
        draw_lines(sheet, res, st, [frame], item_id)
        bottom = max(res.last_y.values()) if res.last_y else top
        items.append(Item(id=item_id, type=ItemType.ARTICLE, regions=[], headline=title, body=join_body(kept)))
        y = bottom + st.leading * 0.9
        if r.random() < 0.5 and y + 4 < y1:
            mid = (x0 + x1) / 2
            sheet.line(mid - 15, y - 2, mid + 15, y - 2, 0.5)
            y += 4
    return items


def fit_brief_head(title: str, font: str, size: float, width: float, rtl: bool, body: float) -> tuple[list[str], float]:
    """A brief's head on two lines, shrunk no further than the body's size (no paper sets a head
    smaller than its text): a title with a long word (a German compound) takes a third line instead."""
    lines, fitted = fit(title, font, size, width, rtl, 2, min_size=body)
    if len(" ".join(lines).split()) < len(title.split()):
        lines, fitted = fit(title, font, size, width, rtl, 3, min_size=body)
    return lines, fitted
