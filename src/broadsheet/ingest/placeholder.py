"""What a page whose rendering failed shows, when its edition is published anyway (``--allow-partial``).

Its thumbnail, screen image and tiles are a plain sheet of paper of a fixed, small size (whatever the
page's own size, which may be what made it fail): the reader's page view, the edition's strip and
``broadsheet check`` find every file a page has, and the page's text and error are still there.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PIL import Image

from broadsheet.ingest.images import ImageOptions, PageImages, info_json, write_tiles

SIZE = (800, 1131)  # A-series proportions
PAPER = (236, 236, 232)


def write_placeholder(out_dir: Path, number: int, service_id: str, options: ImageOptions) -> PageImages:
    """Replace whatever a failed rendering left in ``out_dir`` with placeholder images for page ``number``."""
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    sheet = Image.new("RGB", SIZE, PAPER)
    sheet.save(out_dir / "screen.jpg", "JPEG", quality=options.jpeg_quality)
    thumb_height = round(SIZE[1] * options.thumb_width / SIZE[0])
    sheet.resize((options.thumb_width, thumb_height)).save(out_dir / "thumb.jpg", "JPEG", quality=options.jpeg_quality)
    factors = write_tiles(
        sheet, out_dir / "iiif", options.tile_size, options.jpeg_quality, options.optimized_tiles_max_width
    )
    info = info_json(service_id, *SIZE, options.tile_size, factors)
    (out_dir / "iiif" / "info.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    return PageImages(number=number, width=SIZE[0], height=SIZE[1])
