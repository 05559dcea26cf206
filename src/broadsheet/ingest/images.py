"""Page images: two thumbnails, a screen image, static IIIF Image API 3 level-0 tiles with info.json, and
a clip of each article cut from the screen image (the picture a shared link shows, Open Graph's image).

Tiles are cut exactly where OpenSeadragon's IIIF tile source asks for them (region ``x,y,w,h``, size
``w,h``, ``full``/``max`` when a tile is the whole image), so the viewer reads them as plain files —
no image server; each is kept as one file in the service's folder, not three folders and a file
(:mod:`broadsheet.editions.tiles`). Each page is rendered twice by PDFium, at the full size and at the
screen width (cheaper than resampling the full one, and as sharp); the tile levels are halved from the
full render and the thumbnails are scaled from the smallest of them at least twice as wide.

What it costs (CPU per page, issue 12: the ingest's budget is three times PDFium's bare render and read)
is mostly JPEG encoding. libjpeg's optimised Huffman tables take a second pass, as long again as the
encoding, for files 3–5 % smaller: worth it where bytes are fetched by every reader — the tile levels a
page view opens on (the whole page in a browser window: on a 1280 × 900 one, the level 925 pixels wide of
a page drawn 1850 wide; ``optimized_tiles_max_width``), the thumbnails — but not for the full-resolution
level (three quarters of the pixels, fetched only when a reader zooms in), the screen image (fetched
only where deep zoom cannot run) nor the article clips (fetched by a shared link's preview). Nor are the
clips resampled: cut from the screen image, they keep its width at most (a preview scales the picture itself): scaling
a story across the page down to 1200 pixels took twice as long as encoding it (Lanczos at a ratio of
1.2: 17 ms for a clip 1446 pixels wide). The clips are cut in the same job
from the screen image as drawn, so the job needs the articles' regions: the ingest renders a page once
its articles are stored under their final keys (:mod:`broadsheet.ingest`).
Runs in worker processes: everything here is a top-level function over picklable arguments.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from broadsheet.editions import tiles
from broadsheet.pdf.document import load_page
from broadsheet.pdf.kept import kept_pdf


@dataclass(frozen=True, slots=True)
class ImageOptions:
    """Sizes of the images made for each page."""

    thumb_width: int = 240  # thumb.jpg: the page strip's picture on high-density screens, the home page's
    small_thumb_width: int = 120  # thumb-small.jpg: the page strip's picture on other screens
    screen_width: int = 1600
    full_dpi: float = 200.0
    full_max_width: int = 4000
    tile_size: int = 512
    jpeg_quality: int = 82
    optimized_tiles_max_width: int = 1300  # tile levels at most this wide get optimised Huffman tables (module doc)
    optimize_clips: bool = False  # and for the article clips (:func:`cut_clips`)
    clip_max_width: int = 1600  # the screen image's width: a clip is cut, never resampled (module doc)
    clip_max_aspect: float = 1.0
    clip_margin: float = 0.01


@dataclass(frozen=True, slots=True)
class PageImages:
    """What was written for one page: the full (tile) image size in pixels."""

    number: int
    width: int
    height: int


def _save(image: Image.Image, path: Path, quality: int, optimize: bool = True) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=quality, optimize=optimize)


def _scaled(image: Image.Image, width: int) -> Image.Image:
    """Downscaled to ``width``: box-reduced first, then Lanczos (Pillow's ``reducing_gap``), several times
    faster than Lanczos all the way and indistinguishable at these ratios. An image no wider is returned
    as it is: Pillow's resize to its own size would copy every pixel for the same picture (most article
    clips are a column or two of the screen image, narrower than ``clip_max_width``)."""
    if width >= image.width:
        return image
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


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


def level_tiles(full: tuple[int, int], tile: int, sf: int) -> list[tuple[str, tuple[int, int, int, int]]]:
    """The tiles of the level at scale factor ``sf``: each one's name (its path under the service, as
    OpenSeadragon asks for it; the file it is kept in is :func:`broadsheet.editions.tiles.stored_name`'s)
    and its box in that level's pixels. Cut by :func:`write_tiles`; looked for by ``broadsheet check``."""
    lw, lh = math.ceil(full[0] / sf), math.ceil(full[1] / sf)
    if lw < tile and lh < tile:
        return [(f"full/{'max' if (lw, lh) == full else f'{lw},{lh}'}/0/default.jpg", (0, 0, lw, lh))]
    tiles = []
    for ty in range(math.ceil(lh / tile)):
        for tx in range(math.ceil(lw / tile)):
            rx, ry = tx * tile * sf, ty * tile * sf
            region = (rx, ry, min(tile * sf, full[0] - rx), min(tile * sf, full[1] - ry))
            size = (min(tile, lw - tx * tile), min(tile, lh - ty * tile))
            tiles.append(
                (_tile_name(full, region, size), (tx * tile, ty * tile, tx * tile + size[0], ty * tile + size[1]))
            )
    return tiles


Level = tuple[int, Image.Image]
"""One level of the tile pyramid: its scale factor and its image."""


def pyramid(image: Image.Image, tile: int) -> list[Level]:
    """Every level of ``image``'s tiles, the full size first: each halves the one above (2×2 means, as
    image pyramids are usually built), down to the level that one tile holds."""
    levels = [(1, image)]
    for sf in scale_factors(image.width, image.height, tile)[1:]:
        levels.append((sf, levels[-1][1].reduce(2)))
    return levels


def write_tiles(
    image: Image.Image,
    out: Path,
    tile: int,
    quality: int,
    optimized_max_width: int,
    levels: list[Level] | None = None,
) -> list[int]:
    """Cut every level's tiles into ``out``, all in that one folder under their files' names
    (:mod:`broadsheet.editions.tiles`: no folders a tile), of ``levels``, ``image``'s :func:`pyramid`
    (made here when not given); return the scale factors written. The levels at most
    ``optimized_max_width`` wide get optimised Huffman tables (module doc)."""
    full = (image.width, image.height)
    out.mkdir(parents=True, exist_ok=True)
    for sf, level in levels or pyramid(image, tile):
        cuts = level_tiles(full, tile, sf)
        optimize = level.width <= optimized_max_width
        for name, box in cuts:
            cut = level if len(cuts) == 1 else level.crop(box)
            cut.save(out / tiles.stored_name(name), "JPEG", quality=quality, optimize=optimize)
    return scale_factors(*full, tile)


def thumbnail(levels: list[Level], width: int) -> Image.Image:
    """The page ``width`` pixels wide (at most its full width), bicubic from the smallest pyramid level
    at least twice as wide: a few hundred thousand pixels to resample, not millions. Bicubic, as Pillow's
    own thumbnails are: a page a few hundred pixels wide looks the same as by Lanczos, in two thirds of
    the time (5 ms, not 7, for the 240-pixel one). The level's box is the page's exact extent in it (its
    last row and column are partly padding), so that the thumbnail is not shifted by a fraction of a pixel."""
    full = levels[0][1]
    sf, level = next(((sf, level) for sf, level in reversed(levels) if level.width >= 2 * width), levels[0])
    width = min(width, full.width)
    height = max(1, round(full.height * width / full.width))
    box = (0.0, 0.0, full.width / sf, full.height / sf)
    return level.resize((width, height), Image.Resampling.BICUBIC, box=box)


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


def _rendered(page: pdfium.PdfPage, scale: float) -> Image.Image:
    """The page at ``scale``, drawn by PDFium as RGBX, which Pillow takes over as it is (RGB would be
    copied, and PDFium's own BGR swapped and copied again): the same JPEGs, a fifth of the time less."""
    image: Image.Image = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True).to_pil()
    return image if image.mode in ("RGB", "RGBX") else image.convert("RGB")


def render_full(pdf_path: Path, index: int, options: ImageOptions) -> tuple[Image.Image, Image.Image]:
    """Render page ``index`` (0-based) at the full tile resolution and at the screen width.

    PDFium draws the screen image itself: cheaper than resampling the full one, and as sharp. A file
    PDFium cannot read is refused as :func:`~broadsheet.pdf.document.open_pdf` refuses it; in an ingest's
    worker the document stays open for the worker's next job (:mod:`broadsheet.pdf.kept`).
    """
    with kept_pdf(pdf_path) as pdf:
        page = load_page(pdf, index + 1)
        try:
            width_pt = page.get_width()
            full = _rendered(page, min(options.full_dpi / 72.0, options.full_max_width / width_pt))
            screen_scale = min(options.screen_width, full.width) / width_pt
            return full, _rendered(page, screen_scale)
        finally:
            page.close()


def render_page_images(
    pdf_path: Path,
    index: int,
    out_dir: Path,
    service_id: str,
    options: ImageOptions,
    clips: dict[str, list[Fractions]] | None = None,
) -> PageImages:
    """Write thumb.jpg, thumb-small.jpg, screen.jpg and iiif/ (tiles + info.json) for one page into ``out_dir``,
    and ``clips/<key>.jpg`` for each article of ``clips`` (its key and regions, :func:`cut_clips`), cut from
    the screen image as drawn — not from its JPEG decoded again, which cost as much as cutting them."""
    full, screen = render_full(pdf_path, index, options)
    _save(screen, out_dir / "screen.jpg", options.jpeg_quality, optimize=False)
    cut_clips(screen, out_dir, clips or {}, options)
    levels = pyramid(full, options.tile_size)
    _save(thumbnail(levels, options.thumb_width), out_dir / "thumb.jpg", options.jpeg_quality)
    _save(thumbnail(levels, options.small_thumb_width), out_dir / "thumb-small.jpg", options.jpeg_quality)
    quality, optimized_max_width = options.jpeg_quality, options.optimized_tiles_max_width
    factors = write_tiles(full, out_dir / "iiif", options.tile_size, quality, optimized_max_width, levels)
    info = info_json(service_id, full.width, full.height, options.tile_size, factors)
    (out_dir / "iiif" / "info.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    return PageImages(number=index + 1, width=full.width, height=full.height)


Fractions = tuple[float, float, float, float]
"""A region as fractions of the page: x, y, width, height (what ``Article.region_boxes`` gives)."""


def clip_box(regions: list[Fractions], size: tuple[int, int], options: ImageOptions) -> tuple[int, int, int, int]:
    """Pixel box around all of an article's regions, with a margin, cut to at most ``clip_max_aspect``
    times as tall as wide from the top: a preview shows the headline, not a long column's foot."""
    width, height = size
    pad = options.clip_margin
    x0 = max(0.0, min(r[0] for r in regions) - pad) * width
    y0 = max(0.0, min(r[1] for r in regions) - pad) * height
    x1 = min(1.0, max(r[0] + r[2] for r in regions) + pad) * width
    y1 = min(1.0, max(r[1] + r[3] for r in regions) + pad) * height
    left, top = int(x0), int(y0)
    right = max(left + 1, min(width, round(x1)))
    bottom = max(top + 1, min(height, round(y1), top + round((right - left) * options.clip_max_aspect)))
    return left, top, right, bottom


def cut_clips(screen: Image.Image, page_dir: Path, articles: dict[str, list[Fractions]], options: ImageOptions) -> int:
    """Cut ``clips/<key>.jpg`` for each article out of the page's screen image; returns how many.

    Done once at ingest, into the edition's own media folder, so the article page links a plain file
    that is replaced with the edition and never rendered per request. A clip is the picture of a shared
    link (``og:image``), fetched by the link's preview, not by readers: saved without the optimised
    Huffman tables' second pass (``optimize_clips``), it is a few per cent larger and cut in half the time.
    """
    for key, regions in articles.items():
        if regions:
            clip = _scaled(screen.crop(clip_box(regions, screen.size, options)), options.clip_max_width)
            _save(clip, page_dir / "clips" / f"{key}.jpg", options.jpeg_quality, options.optimize_clips)
    return len(articles)


def write_clips(page_dir: Path, articles: dict[str, list[Fractions]], options: ImageOptions) -> int:
    """:func:`cut_clips` out of the page's ``screen.jpg`` as saved (a page whose images were made already)."""
    with Image.open(page_dir / "screen.jpg") as screen:
        screen.load()
        return cut_clips(screen, page_dir, articles, options)
