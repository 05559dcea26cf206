"""An edition delivered as scanned page images (an archive's TIFFs or PNGs) becomes an image-only PDF.

The rest of ingest then runs unchanged: page images and tiles are rendered from the PDF, and the
extractor reads its pages by OCR. Each image keeps its pixels: the PDF page is sized at the image's
own resolution (300 dpi when the file does not say), which is the resolution OCR renders at.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PIL import Image

from broadsheet.errors import UsageError
from broadsheet.ocr.files import image_pages, is_image_file

DEFAULT_DPI = 300.0


def scans_to_pdf(images: Sequence[Path], out: Path, max_bytes: int, max_pixels: int) -> Path:
    """Write the pages of ``images`` (in order; a multi-page TIFF gives several) as one PDF at ``out``."""
    if not images:
        raise UsageError("give the edition's PDF or its scanned pages as images")
    not_images = [p for p in images if not is_image_file(p)]
    if not_images:
        raise UsageError(f"{not_images[0]}: give either one PDF or page images (PNG, JPEG, TIFF), not both")
    pages: list[Image.Image] = []
    for path in images:
        pages.extend(_printable(page) for page in image_pages(path, max_bytes, max_pixels))
    dpi = float(pages[0].info.get("dpi", (DEFAULT_DPI, DEFAULT_DPI))[0]) or DEFAULT_DPI
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return out


def _printable(image: Image.Image) -> Image.Image:
    """Grey or colour, as a PDF image can hold (palette, 16-bit and alpha images are converted)."""
    return image if image.mode in ("L", "RGB") else image.convert("RGB")
