"""Geometry made visible: the page rendered with every item's regions drawn and labelled.

A person sees at a glance what the extractor found (as pdfplumber's visual debugging does).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from broadsheet.extract.model import ItemType, PageResult

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


def draw_items(image: Image.Image, result: PageResult, scale: float) -> None:
    draw = ImageDraw.Draw(image, "RGBA")
    font = ImageFont.load_default(size=max(10, int(9 * scale)))
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
