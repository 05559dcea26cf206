"""Drawing a :class:`Sheet` with reportlab.

Text is written word by word (or run by run) at exact positions, followed by a real space
character unless the page imitates LaTeX, so both readers see the intended words. Right-to-left
runs are shaped (joined Arabic letter forms) and put in visual order here, at the last moment:
the layout and the ground truth only ever see logical text. Pictures are small generated raster
images, embedded as real image XObjects like a photo in a print PDF.
"""

from __future__ import annotations

import random
from functools import lru_cache

from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from broadsheet.synthetic import fonts
from broadsheet.synthetic.sheet import ImageOp, LineOp, RectOp, Sheet, TextOp


@lru_cache(maxsize=256)
def picture(seed: int) -> ImageReader:
    """A small made-up photo: sky gradient, ground, a few blobs. Deterministic in ``seed``."""
    r = random.Random(seed)
    w, h = 120, 80
    img = Image.new("RGB", (w, h))
    top = (r.randint(60, 200), r.randint(90, 210), r.randint(150, 255))
    ground = (r.randint(40, 140), r.randint(60, 150), r.randint(20, 90))
    horizon = r.randint(30, 55)
    px = img.load()
    assert px is not None
    for yy in range(h):
        t = yy / h
        c = top if yy < horizon else ground
        shade = tuple(int(v * (0.75 + 0.35 * t)) % 256 for v in c)
        for xx in range(w):
            px[xx, yy] = shade
    draw = ImageDraw.Draw(img)
    for _ in range(r.randint(2, 6)):
        x, y = r.randint(0, w), r.randint(10, h)
        s = r.randint(6, 30)
        col = (r.randint(0, 255), r.randint(0, 255), r.randint(0, 255))
        if r.random() < 0.5:
            draw.ellipse((x - s, y - s, x + s, y + s // 2), fill=col)
        else:
            draw.rectangle((x - s // 2, y - s, x + s // 2, y + s), fill=col)
    return ImageReader(img)


def draw_sheet(c: Canvas, sheet: Sheet, dx: float, page_height: float) -> None:
    """Draw ``sheet`` with its left edge at ``dx`` on a PDF page ``page_height`` tall."""
    hh = page_height

    def py(y: float) -> float:
        return hh - y

    texts: list[TextOp] = []
    for op in sheet.ops:
        if isinstance(op, TextOp):
            texts.append(op)
            continue
        if texts:  # keep the drawing order: a later fill never hides earlier words
            _draw_texts(c, texts, dx, hh)
            texts = []
        if isinstance(op, RectOp):
            x0, y0, x1, y1 = op.box
            if op.fill is not None:
                c.setFillColorRGB(*op.fill)
            if op.stroke is not None:
                c.setStrokeColorRGB(*op.stroke)
                c.setLineWidth(op.line_width)
            c.rect(dx + x0, py(y1), x1 - x0, y1 - y0, stroke=int(op.stroke is not None), fill=int(op.fill is not None))
        elif isinstance(op, LineOp):
            c.setStrokeColorRGB(*op.color)
            c.setLineWidth(op.width)
            c.line(dx + op.x0, py(op.y0), dx + op.x1, py(op.y1))
        elif isinstance(op, ImageOp):
            x0, y0, x1, y1 = op.box
            if op.kind == "raster":
                c.drawImage(picture(op.seed % 997), dx + x0, py(y1), x1 - x0, y1 - y0)
            else:
                c.setFillColorRGB(*op.color)
                c.rect(dx + x0, py(y1), x1 - x0, y1 - y0, stroke=0, fill=1)
    if texts:
        _draw_texts(c, texts, dx, hh)


def _draw_texts(c: Canvas, ops: list[TextOp], dx: float, hh: float) -> None:
    t = c.beginText()
    font: tuple[str, float] | None = None
    color = None
    for op in ops:
        if (op.font, op.size) != font:
            font = (op.font, op.size)
            t.setFont(op.font, op.size)
        if op.color != color:
            color = op.color
            t.setFillColorRGB(*op.color)
        x = dx + op.x
        if op.rtl:
            s = fonts.visual(op.text)
            if op.space_after:
                s = " " + s
                x -= fonts.width(" ", op.font, op.size)
        else:
            s = op.text + " " if op.space_after else op.text
        if op.upright:
            t.setTextOrigin(x, hh - op.baseline)
        else:  # a quarter turn left: the run reads upwards from its origin
            t.setTextTransform(0, 1, -1, 0, x, hh - op.baseline)
        t.textOut(s)
    c.drawText(t)
