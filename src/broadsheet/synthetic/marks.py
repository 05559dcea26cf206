"""A publisher's print PDF: the page inside a larger sheet with printer's marks and a slug line.

Print PDFs are exported with bleed and marks: the MediaBox (and, as most exports leave it, the CropBox
a viewer shows) is larger than the printed page, whose edges the TrimBox gives; crop marks stand at the
trim's corners, registration targets on its sides, and the slug — the file name, the page and the time
of export — runs in the margin. The marks are no part of the page; the slug's text is on the visible
page, so the ground truth holds it as furniture (every glyph is in some item).
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from broadsheet.extract.model import Box, Item, ItemType

MARGIN = 36.0  # from the sheet's edge to the trim
BLEED = 9.0  # crop marks stand this far off the trim
MARK_LENGTH = 18.0
MARK_WIDTH = 0.25
TARGET_RADIUS = 5.0
SLUG_FONT = "Helvetica"
SLUG_SIZE = 6.0


def draw_marks(canvas: Canvas, width: float, height: float) -> None:
    """Crop marks at the four corners of a ``width`` × ``height`` page drawn :data:`MARGIN` in from the
    sheet's edges, and a registration target in the middle of each side's margin."""
    canvas.saveState()
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineWidth(MARK_WIDTH)
    left, bottom, right, top = MARGIN, MARGIN, MARGIN + width, MARGIN + height
    for x, sx in ((left, -1), (right, 1)):
        for y, sy in ((bottom, -1), (top, 1)):
            canvas.line(x + sx * BLEED, y, x + sx * (BLEED + MARK_LENGTH), y)
            canvas.line(x, y + sy * BLEED, x, y + sy * (BLEED + MARK_LENGTH))
    middle_x, middle_y, off = (left + right) / 2, (bottom + top) / 2, MARGIN / 2
    for x, y in ((middle_x, off), (middle_x, top + MARGIN - off), (off, middle_y), (right + MARGIN - off, middle_y)):
        canvas.circle(x, y, TARGET_RADIUS)
        canvas.line(x - 1.6 * TARGET_RADIUS, y, x + 1.6 * TARGET_RADIUS, y)
        canvas.line(x, y - 1.6 * TARGET_RADIUS, x, y + 1.6 * TARGET_RADIUS)
    canvas.restoreState()


def draw_slug(canvas: Canvas, text: str, sheet_height: float, item_id: str) -> Item:
    """The slug line in the bottom margin, left of the middle; returns it as a furniture item, its
    region in the top-down coordinates of the sheet."""
    baseline = MARGIN / 2 - SLUG_SIZE / 3
    x = MARGIN + BLEED + MARK_LENGTH + 6.0
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(SLUG_FONT, SLUG_SIZE)
    canvas.drawString(x, baseline, text)
    canvas.restoreState()
    text_width = canvas.stringWidth(text, SLUG_FONT, SLUG_SIZE)
    region: Box = (x - 1.0, sheet_height - baseline - SLUG_SIZE, x + text_width + 1.0, sheet_height - baseline + 2.0)
    return Item(id=item_id, type=ItemType.FURNITURE, regions=[region])


def shifted(item: Item) -> Item:
    """``item`` moved from the page's coordinates into the sheet's."""
    item.regions = [(r[0] + MARGIN, r[1] + MARGIN, r[2] + MARGIN, r[3] + MARGIN) for r in item.regions]
    return item
