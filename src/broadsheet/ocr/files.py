"""Page images as input: open a scan and refuse what is not one, with a message that says why."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from broadsheet.errors import InputFileError, TooLargeError

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".bmp"})


def is_image_file(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_SUFFIXES


def image_pages(path: Path, max_bytes: int, max_pixels: int) -> Iterator[Image.Image]:
    """Each page of a page image (a multi-page TIFF has several), checked against the limits
    before its pixels are decoded."""
    if not path.is_file():
        raise InputFileError(f"{path}: no such file")
    if path.stat().st_size > max_bytes:
        raise TooLargeError(f"{path}: {path.stat().st_size / 2**20:.0f} MiB is more than the limit")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                pages = []
                for frame in range(getattr(image, "n_frames", 1)):
                    image.seek(frame)
                    width, height = image.size
                    if width * height > max_pixels:
                        raise TooLargeError(
                            f"{path}: the image is {width}×{height} pixels, more than the limit of {max_pixels:,}"
                        )
                    pages.append(image.copy())
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise InputFileError(f"{path}: not a page image PIL can read ({e})") from e
    except OSError as e:
        raise InputFileError(f"{path}: the image is broken or truncated ({e})") from e
    yield from pages
