"""Page images: a thumbnail, a screen image and static IIIF Image API 3 level-0 tiles with info.json.

Tiles are cut exactly where OpenSeadragon's IIIF tile source asks for them (region ``x,y,w,h``, size
``w,h``, ``full``/``max`` when a tile is the whole image), so the viewer reads them as plain files —
no image server. Each page is rendered once at the full size; the other images are scaled from it.
Runs in worker processes: everything here is a top-level function over picklable arguments.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from broadsheet.errors import BrokenPdfError


@dataclass(frozen=True, slots=True)
class ImageOptions:
    """Sizes of the images made for each page."""

    thumb_width: int = 240
    screen_width: int = 1600
    full_dpi: float = 200.0
    full_max_width: int = 4000
    tile_size: int = 512
    jpeg_quality: int = 82


@dataclass(frozen=True, slots=True)
class PageImages:
    """What was written for one page: the full (tile) image size in pixels."""

    number: int
    width: int
    height: int


def _save(image: Image.Image, path: Path, quality: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=quality, optimize=True)


def _scaled(image: Image.Image, width: int) -> Image.Image:
    width = min(width, image.width)
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS)


def scale_factors(width: int, height: int, tile: int) -> list[int]:
    """Powers of two down to the level where the whole image fits one tile."""
    factors = [1]
    while math.ceil(width / factors[-1]) > tile or math.ceil(height / factors[-1]) > tile:
        factors.append(factors[-1] * 2)
    return factors


def _tile_name(full: tuple[int, int], region: tuple[int, int, int, int], size: tuple[int, int]) -> str:
    whole = region == (0, 0, *full)
    region_part = "full" if whole else ",".join(map(str, region))
    size_part = "max" if size == full else f"{size[0]},{size[1]}"
    return f"{region_part}/{size_part}/0/default.jpg"


def write_tiles(image: Image.Image, out: Path, tile: int, quality: int) -> list[int]:
    """Cut every level's tiles into ``out``; return the scale factors written."""
    full = (image.width, image.height)
    factors = scale_factors(*full, tile)
    for sf in factors:
        lw, lh = math.ceil(full[0] / sf), math.ceil(full[1] / sf)
        level = image if sf == 1 else image.resize((lw, lh), Image.Resampling.LANCZOS)
        if lw < tile and lh < tile:
            size_part = "max" if (lw, lh) == full else f"{lw},{lh}"
            _save(level, out / f"full/{size_part}/0/default.jpg", quality)
            continue
        for ty in range(math.ceil(lh / tile)):
            for tx in range(math.ceil(lw / tile)):
                rx, ry = tx * tile * sf, ty * tile * sf
                region = (rx, ry, min(tile * sf, full[0] - rx), min(tile * sf, full[1] - ry))
                size = (min(tile, lw - tx * tile), min(tile, lh - ty * tile))
                crop = level.crop((tx * tile, ty * tile, tx * tile + size[0], ty * tile + size[1]))
                _save(crop, out / _tile_name(full, region, size), quality)
    return factors


def info_json(service_id: str, width: int, height: int, tile: int, factors: list[int]) -> dict[str, object]:
    """The IIIF Image API 3 level-0 description of the tiles."""
    return {
        "@context": "http://iiif.io/api/image/3/context.json",
        "id": service_id,
        "type": "ImageService3",
        "protocol": "http://iiif.io/api/image",
        "profile": "level0",
        "width": width,
        "height": height,
        "tiles": [{"width": tile, "height": tile, "scaleFactors": factors}],
    }


def render_full(pdf_path: Path, index: int, options: ImageOptions) -> Image.Image:
    """Render page ``index`` (0-based) at the full tile resolution."""
    try:
        pdf = pdfium.PdfDocument(pdf_path)
    except pdfium.PdfiumError as e:
        raise BrokenPdfError(f"{pdf_path}: PDFium cannot open it ({e})") from e
    try:
        page = pdf[index]
        try:
            width_pt = page.get_width()
            scale = min(options.full_dpi / 72.0, options.full_max_width / width_pt)
            bitmap = page.render(scale=scale)
            image: Image.Image = bitmap.to_pil().convert("RGB")
            return image
        finally:
            page.close()
    finally:
        pdf.close()


def render_page_images(pdf_path: Path, index: int, out_dir: Path, service_id: str, options: ImageOptions) -> PageImages:
    """Write thumb.jpg, screen.jpg and iiif/ (tiles + info.json) for one page into ``out_dir``."""
    full = render_full(pdf_path, index, options)
    _save(_scaled(full, options.thumb_width), out_dir / "thumb.jpg", options.jpeg_quality)
    _save(_scaled(full, options.screen_width), out_dir / "screen.jpg", options.jpeg_quality)
    factors = write_tiles(full, out_dir / "iiif", options.tile_size, options.jpeg_quality)
    info = info_json(service_id, full.width, full.height, options.tile_size, factors)
    (out_dir / "iiif" / "info.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    return PageImages(number=index + 1, width=full.width, height=full.height)
