"""Small PDFs made on the fly for tests: nothing from a publisher is ever committed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas

Draw = Callable[[Canvas], None]


def make_pdf(path: Path, *pages: Draw, size: tuple[float, float] = (612, 792), **canvas_args: object) -> Path:
    """Write a PDF whose page N is drawn by ``pages[N-1]`` (reportlab: origin bottom-left)."""
    canvas = Canvas(str(path), pagesize=size, **canvas_args)  # type: ignore[arg-type]
    for draw in pages:
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return path


def text_at(
    x: float,
    y_top: float,
    text: str,
    font: str = "Times-Roman",
    size: float = 10,
    ink: tuple[float, float, float] | None = None,
) -> Draw:
    """Draw ``text`` with its baseline ``size`` points below ``y_top`` (top-left coordinates), in
    ``ink`` (RGB, 0 to 1) if given, else in the canvas's fill colour as it is."""

    def draw(canvas: Canvas) -> None:
        canvas.setFont(font, size)
        if ink is None:
            canvas.drawString(x, canvas._pagesize[1] - y_top - size, text)
            return
        canvas.saveState()
        canvas.setFillColorRGB(*ink)
        canvas.drawString(x, canvas._pagesize[1] - y_top - size, text)
        canvas.restoreState()

    return draw


def glyph_by_glyph(
    x: float, y_top: float, text: str, font: str = "Times-Roman", size: float = 10, tracking: float = 0.0
) -> Draw:
    """``text`` drawn a glyph at a time at each glyph's place and no space drawn, as Chromium writes
    a PDF; ``tracking`` (font sizes) spaces the letters out."""

    def draw(canvas: Canvas) -> None:
        left = x
        for ch in text:
            if ch != " ":
                text_at(left, y_top, ch, font, size)(canvas)
            left += canvas.stringWidth(ch, font, size) + tracking * size

    return draw


def centred(x: float, y_top: float, width: float, text: str, font: str = "Times-Roman", size: float = 9) -> Draw:
    """One line of ``text`` centred over a column ``width`` wide."""

    def draw(canvas: Canvas) -> None:
        left = x + (width - canvas.stringWidth(text, font, size)) / 2
        text_at(left, y_top, text, font, size)(canvas)

    return draw


def combine(*draws: Draw) -> Draw:
    def draw(canvas: Canvas) -> None:
        for d in draws:
            d(canvas)

    return draw


PROSE = (
    "the council said on tuesday that new plans for the river bridge would go before the board next month "
    "after residents asked for a public hearing on the cost and the route of the road through the valley"
)
WORDS = PROSE.split(" ")


def column(
    x: float,
    y_top: float,
    width: float,
    lines: int,
    size: float = 9,
    seed: int = 0,
    font: str = "Times-Roman",
    full_stop: bool = False,
) -> Draw:
    """A column of body text: ``lines`` lines of plain words, each close to ``width`` wide; with
    ``full_stop``, its last line ends a sentence (as a paragraph does before a crosshead)."""

    def draw(canvas: Canvas) -> None:
        canvas.setFont(font, size)
        k = seed
        for n in range(lines):
            words: list[str] = []
            while canvas.stringWidth(" ".join([*words, WORDS[k % len(WORDS)]]), font, size) < width:
                words.append(WORDS[k % len(WORDS)])
                k += 1
            text = " ".join(words) + ("." if full_stop and n == lines - 1 else "")
            canvas.drawString(x, canvas._pagesize[1] - y_top - size - n * 1.2 * size, text)

    return draw


def box(x: float, y_top: float, width: float, height: float, fill: tuple[float, float, float] | None = None) -> Draw:
    """A rectangle: filled with ``fill`` (a tint) and no border, or a thin black border when no fill."""

    def draw(canvas: Canvas) -> None:
        canvas.saveState()
        if fill is not None:
            canvas.setFillColorRGB(*fill)
        canvas.rect(x, canvas._pagesize[1] - y_top - height, width, height, stroke=fill is None, fill=fill is not None)
        canvas.restoreState()

    return draw


def rule(y_top: float, x0: float = 40, x1: float = 555, width: float = 0.5) -> Draw:
    """A horizontal line across the page, stroked ``width`` pt wide."""

    def draw(canvas: Canvas) -> None:
        canvas.saveState()
        canvas.setLineWidth(width)
        y = canvas._pagesize[1] - y_top
        canvas.line(x0, y, x1, y)
        canvas.restoreState()

    return draw


def photo(x: float, y_top: float, width: float, height: float) -> Draw:
    """A made-up photo (an image XObject) in the given box."""
    from broadsheet.synthetic.render import picture

    def draw(canvas: Canvas) -> None:
        canvas.drawImage(picture(1), x, canvas._pagesize[1] - y_top - height, width, height)

    return draw


def sideways(x: float, y_top: float, text: str, size: float = 6) -> Draw:
    """``text`` set up the page, turned a quarter to the left (a photo credit up a picture's edge)."""

    def draw(canvas: Canvas) -> None:
        canvas.saveState()
        canvas.translate(x, canvas._pagesize[1] - y_top)
        canvas.rotate(90)
        canvas.setFont("Helvetica", size)
        canvas.drawString(0, 0, text)
        canvas.restoreState()

    return draw


def pages_of(out: Path, *pages: tuple[Path, int]) -> Path:
    """One PDF of the given pages (a PDF, a page number from 1), in order: pypdfium2 copies each page
    as it is, so it prints what it printed there."""
    import pypdfium2 as pdfium

    combined = pdfium.PdfDocument.new()
    for pdf, number in pages:
        source = pdfium.PdfDocument(pdf)
        combined.import_pages(source, [number - 1])
        source.close()
    combined.save(out)
    combined.close()
    return out


GLYPH_LIMIT_MESSAGE = "the page has 420000 glyphs, more than the limit of 400000"


def crowded_page(canvas: Canvas) -> None:
    """A page of 420,000 glyphs, over the default glyph limit: its extraction fails (a hostile page)."""
    canvas.setFont("Courier", 1)
    for k in range(600):
        canvas.drawString(10, canvas._pagesize[1] - 12 - k * 1.2, "x" * 700)


def scaled_copy(pdf: Path, page: int, scale: float, out: Path) -> Path:
    """A one-page PDF of ``pdf``'s ``page`` (1-based; its crop box, which PDFium's form of the page
    starts at the origin) drawn ``scale`` times as big, as a form: the same page made at another
    size, as some producers make theirs."""
    import pypdfium2 as pdfium

    source, copy = pdfium.PdfDocument(pdf), pdfium.PdfDocument.new()
    left, bottom, right, top = source[page - 1].get_cropbox()
    form = source.page_as_xobject(page - 1, copy).as_pageobject()
    form.transform(pdfium.PdfMatrix().scale(scale, scale))
    target = copy.new_page((right - left) * scale, (top - bottom) * scale)
    target.insert_obj(form)
    target.gen_content()
    copy.save(out)
    return out


def outlined_copy(pdf: Path, out: Path, min_size: float = 0.0, max_size: float = float("inf")) -> Path:
    """A copy of ``pdf`` whose text in type from ``min_size`` to under ``max_size`` pt is drawn as
    outlines, one filled path a glyph, as a publisher converts a display face it may not embed (or an
    Urdu page's body, exported so): the words are to be seen but are no text."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    doc = pdfium.PdfDocument(pdf)
    for page in doc:
        text = c.FPDFText_LoadPage(page.raw)
        display: dict[int, tuple[Any, list[int]]] = {}
        for k in range(c.FPDFText_CountChars(text)):
            obj = c.FPDFText_GetTextObject(text, k)
            size = ctypes.c_float()
            if obj and c.FPDFTextObj_GetFontSize(obj, size) and min_size <= size.value < max_size:
                display.setdefault(ctypes.cast(obj, ctypes.c_void_p).value or 0, (obj, []))[1].append(k)
        for obj, chars in display.values():
            for k in chars:
                _draw_outline(page.raw, obj, text, k)
            c.FPDFPage_RemoveObject(page.raw, obj)
        c.FPDFText_ClosePage(text)
        c.FPDFPage_GenerateContent(page.raw)
    doc.save(out)
    return out


def _draw_outline(page: Any, obj: Any, text: Any, k: int) -> None:
    """Draw character ``k`` of the text page as a filled path of its glyph's outline, where it stands."""
    import ctypes

    import pypdfium2.raw as c

    size, x, y = ctypes.c_float(), ctypes.c_double(), ctypes.c_double()
    unicode = c.FPDFText_GetUnicode(text, k)
    c.FPDFTextObj_GetFontSize(obj, size)
    glyph = c.FPDFFont_GetGlyphPath(c.FPDFTextObj_GetFont(obj), unicode, size.value)
    if unicode == 32 or not glyph or not c.FPDFText_GetCharOrigin(text, k, x, y):
        return
    path = c.FPDFPageObj_CreateNewPath(x.value, y.value)
    curve: list[float] = []
    for s in range(c.FPDFGlyphPath_CountGlyphSegments(glyph)):
        segment = c.FPDFGlyphPath_GetGlyphPathSegment(glyph, s)
        px, py = ctypes.c_float(), ctypes.c_float()
        c.FPDFPathSegment_GetPoint(segment, px, py)
        point = (x.value + px.value * size.value, y.value + py.value * size.value)  # the outline is in ems
        kind = c.FPDFPathSegment_GetType(segment)
        if kind == c.FPDF_SEGMENT_MOVETO:
            c.FPDFPath_MoveTo(path, *point)
        elif kind == c.FPDF_SEGMENT_LINETO:
            c.FPDFPath_LineTo(path, *point)
        else:  # a Bézier's three points come one segment each
            curve += point
            if len(curve) == 6:
                c.FPDFPath_BezierTo(path, *curve)
                curve = []
        if c.FPDFPathSegment_GetClose(segment):
            c.FPDFPath_Close(path)
    c.FPDFPageObj_SetFillColor(path, 0, 0, 0, 255)
    c.FPDFPath_SetDrawMode(path, c.FPDF_FILLMODE_WINDING, False)
    c.FPDFPage_InsertObject(page, path)


SLUG = "EDITION_P01.indd   1   12/4/2026   11:42:13 PM   Black Cyan Magenta Yellow"


def printers_copy(pdf: Path, out: Path, margin: float = 36.0) -> Path:
    """A copy of ``pdf`` as sent to the press: each page's MediaBox and CropBox grown by ``margin`` all
    round, its TrimBox the page as it was, crop marks at its corners, a colour bar above it and a
    slug line (:data:`SLUG`) below it, all outside the TrimBox."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    doc = pdfium.PdfDocument(pdf)
    for page in doc:
        left, bottom, right, top = page.get_cropbox()
        page.set_trimbox(left, bottom, right, top)
        page.set_mediabox(left - margin, bottom - margin, right + margin, top + margin)
        page.set_cropbox(left - margin, bottom - margin, right + margin, top + margin)
        for x, y, dx, dy in [(left, bottom, -1, -1), (right, bottom, 1, -1), (left, top, -1, 1), (right, top, 1, 1)]:
            for ex, ey in [(dx, 0), (0, dy)]:
                mark = c.FPDFPageObj_CreateNewPath(x + ex * margin / 3, y + ey * margin / 3)
                c.FPDFPath_LineTo(mark, x + ex * margin * 0.9, y + ey * margin * 0.9)
                c.FPDFPageObj_SetStrokeWidth(mark, 0.25)
                c.FPDFPath_SetDrawMode(mark, c.FPDF_FILLMODE_NONE, True)
                c.FPDFPage_InsertObject(page.raw, mark)
        for k in range(8):
            patch = c.FPDFPageObj_CreateNewRect(left + 100 + k * 14, top + margin / 3, 12, 12)
            c.FPDFPageObj_SetFillColor(patch, k * 37 % 256, k * 91 % 256, k * 53 % 256, 255)
            c.FPDFPath_SetDrawMode(patch, c.FPDF_FILLMODE_WINDING, False)
            c.FPDFPage_InsertObject(page.raw, patch)
        slug = c.FPDFPageObj_NewTextObj(doc.raw, b"Helvetica", 7.0)
        text = ctypes.create_string_buffer((SLUG + "\0").encode("utf-16-le"))
        c.FPDFText_SetText(slug, ctypes.cast(text, ctypes.POINTER(c.FPDF_WCHAR)))
        c.FPDFPageObj_Transform(slug, 1, 0, 0, 1, left, bottom - margin * 2 / 3)
        c.FPDFPage_InsertObject(page.raw, slug)
        c.FPDFPage_GenerateContent(page.raw)
    doc.save(out)
    return out


def drawn_twice(pdf: Path, page: int, out: Path, offset: tuple[float, float]) -> Path:
    """A one-page PDF of ``pdf``'s ``page`` drawn twice, as two forms: first moved by ``offset`` (points
    right and up), then in place over it — a page whose text is printed again over itself (a shadow
    layer, bold struck twice, a merged export). PDFium itself leaves out a text object drawn again
    right after itself, but not the text of a form drawn again."""
    import pypdfium2 as pdfium

    source, copy = pdfium.PdfDocument(pdf), pdfium.PdfDocument.new()
    left, bottom, right, top = source[page - 1].get_cropbox()
    target = copy.new_page(right - left, top - bottom)
    for dx, dy in (offset, (0.0, 0.0)):
        form = source.page_as_xobject(page - 1, copy).as_pageobject()
        form.transform(pdfium.PdfMatrix().translate(dx, dy))
        target.insert_obj(form)
    target.gen_content()
    copy.save(out)
    return out
