"""Geometry made visible: the page rendered with every item's regions drawn and labelled.

A person sees at a glance what the extractor found (as pdfplumber's visual debugging does).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from broadsheet.extract.model import ItemType, LineDecision, PageResult

COLOURS: dict[ItemType, tuple[int, int, int]] = {
    ItemType.ARTICLE: (220, 30, 40),
    ItemType.ADVERT: (30, 150, 60),
    ItemType.MASTHEAD: (120, 40, 180),
    ItemType.FURNITURE: (30, 160, 60),
    ItemType.PHOTO: (230, 140, 20),
}


def render_overlay(pdf_page: pdfium.PdfPage, result: PageResult, path: Path, dpi: float = 100.0) -> None:
    """Write a PNG of the CropBox with the items of ``result`` drawn over it."""
    scale = dpi / 72.0
    bitmap = pdf_page.render(scale=scale, may_draw_forms=False)
    image: Image.Image = bitmap.to_pil().convert("RGB")
    draw_items(image, result, scale)
    image.save(path)


def draw_overlay(image: Image.Image, result: PageResult, path: Path) -> None:
    """Write a PNG of a page image (units are its pixels) with the items of ``result`` drawn over it."""
    image = image.convert("RGB")
    draw_items(image, result, 1.0)
    image.save(path)


# Line roles on an explained overlay: display type warm, running text grey, the rest cool.
ROLE_COLOURS: dict[str, tuple[int, int, int]] = {
    "headline": (200, 0, 120),
    "kicker": (230, 110, 0),
    "subheadline": (160, 90, 0),
    "byline": (0, 120, 200),
    "caption": (0, 150, 150),
    "jump": (90, 0, 200),
    "pullquote": (120, 120, 0),
}


def draw_items(image: Image.Image, result: PageResult, scale: float) -> None:
    """The items' regions, labelled; with decisions (``--explain``), every line's role and the
    rule behind each change of role or item, in small type at the line's start."""
    draw = ImageDraw.Draw(image, "RGBA")
    font = ImageFont.load_default(size=max(10, int(9 * scale)))
    if result.decisions:
        _draw_decisions(draw, result.decisions, scale)
    for item in result.items:
        colour = COLOURS[item.type]
        for k, (x0, y0, x1, y1) in enumerate(item.regions):
            box = (x0 * scale, y0 * scale, x1 * scale, y1 * scale)
            draw.rectangle(box, outline=(*colour, 255), width=max(2, int(scale)), fill=(*colour, 28))
            label = f"{item.id} {item.type.value}" + (f" [{k + 1}]" if len(item.regions) > 1 else "")
            if k == 0 and item.headline:
                label += f": {item.headline[:40]}"
            text_box = draw.textbbox((box[0] + 2, box[1] + 2), label, font=font)
            draw.rectangle(text_box, fill=(255, 255, 255, 210))
            draw.text((box[0] + 2, box[1] + 2), label, fill=(*colour, 255), font=font)


def _draw_decisions(draw: ImageDraw.ImageDraw, decisions: list[LineDecision], scale: float) -> None:
    small = ImageFont.load_default(size=max(8, int(5 * scale)))
    previous = ("", "", "")
    for d in sorted(decisions, key=lambda d: (d.item, d.box[1], d.box[0])):
        colour = ROLE_COLOURS.get(d.role, (110, 110, 110))
        x0, y0, x1, y1 = (v * scale for v in d.box)
        draw.rectangle((x0, y0, x1, y1), outline=(*colour, 200), width=1)
        if (d.item, d.role_rule, d.item_rule) != previous:
            label = f"{d.item} {d.role_rule} | {d.item_rule}"
            draw.text((x0, max(0.0, y0 - 6 * scale)), label, fill=(*colour, 255), font=small)
        previous = (d.item, d.role_rule, d.item_rule)
