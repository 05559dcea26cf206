"""Urdu text rendered in the Nastaliq faces Debian ships, as a printed line or a page of columns.

Awami Nastaliq is a Graphite font, and only the system's HarfBuzz (which Pango uses) is built with
Graphite: it is rendered by Pango (``pango-view``, a process a line), as are columns, which Pango wraps.
Pillow's own HarfBuzz would draw Awami's letters unjoined, but shapes Noto Nastaliq Urdu (OpenType) as
Pango does, in-process and some fifty times faster: single lines in Noto are drawn by Pillow. Every
image is grey, black on white, at the given resolution: what a 300 dpi scan of a clean page looks like.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, features

from broadsheet.errors import InputFileError

# The Nastaliq faces, by fontconfig name, with the Debian package of each.
NASTALIQ_FONTS: dict[str, str] = {
    "Noto Nastaliq Urdu": "fonts-noto-core",
    "Awami Nastaliq": "fonts-sil-awami-nastaliq",
}


@dataclass(frozen=True, slots=True)
class ColumnPage:
    """A page of body text in columns, right to left, and its text in reading order."""

    image: Image.Image
    text: str


# OpenType Nastaliq faces Pillow shapes right, by fontconfig name.
_PILLOW_FONTS = {"Noto Nastaliq Urdu": Path("/usr/share/fonts/truetype/noto/NotoNastaliqUrdu-Regular.ttf")}


def render_line(text: str, font: str, size: float, dpi: int = 300, margin: int = 12) -> Image.Image:
    """One line of ``text`` in ``font`` at ``size`` points, never wrapped."""
    path = _PILLOW_FONTS.get(font)
    if path is None or not path.is_file() or not features.check("raqm"):
        return _pango(text, font, size, dpi, margin, width=None)
    face = ImageFont.truetype(str(path), round(size * dpi / 72), layout_engine=ImageFont.Layout.RAQM)
    left, top, right, bottom = (round(v) for v in face.getbbox(text, direction="rtl", language="ur"))
    image = Image.new("L", (right - left + 2 * margin, bottom - top + 2 * margin), 255)
    ImageDraw.Draw(image).text((margin - left, margin - top), text, font=face, fill=0, direction="rtl", language="ur")
    return image


def render_column(text: str, font: str, size: float, width: float, dpi: int = 300) -> Image.Image:
    """``text`` set in a column ``width`` points wide, right-aligned and wrapped at words."""
    return _pango(text, font, size, dpi, margin=0, width=width)


def render_page(
    paragraphs: list[str], font: str, size: float, columns: int = 3, width: float = 180.0, dpi: int = 300
) -> ColumnPage:
    """A page of ``columns`` columns, each ``width`` points wide, with the paragraphs shared out among
    them in order: the first column is the rightmost, as an Urdu paper reads."""
    per_column = max(1, -(-len(paragraphs) // columns))
    chunks = [paragraphs[k : k + per_column] for k in range(0, len(paragraphs), per_column)]
    images = [render_column("\n".join(chunk), font, size, width, dpi) for chunk in chunks]
    gutter = round(dpi / 72 * 14)
    column_width = round(width * dpi / 72)
    page = Image.new(
        "L", (len(images) * column_width + (len(images) + 1) * gutter, max(i.height for i in images) + 2 * gutter), 255
    )
    for k, image in enumerate(images):
        right = page.width - gutter - k * (column_width + gutter)
        page.paste(image, (right - image.width, gutter))
    return ColumnPage(page, "\n".join(p for chunk in chunks for p in chunk))


def _pango(text: str, font: str, size: float, dpi: int, margin: int, width: float | None) -> Image.Image:
    if shutil.which("pango-view") is None:
        raise InputFileError("rendering Urdu needs pango-view: install the Debian package pango1.0-tools")
    with tempfile.TemporaryDirectory(prefix="nastaliq-") as folder:
        out = Path(folder) / "line.png"
        source = Path(folder) / "text.txt"
        source.write_text(text, encoding="utf-8")
        args = ["pango-view", "-q", f"--font={font} {size}", f"--dpi={dpi}", f"--margin={margin}", "--rtl"]
        args += ["--wrap=word", f"--width={round(width)}"] if width else []
        done = subprocess.run([*args, "-o", str(out), str(source)], capture_output=True, check=False)
        if done.returncode != 0:
            raise InputFileError(f"pango-view could not render in {font}: {done.stderr.decode(errors='replace')}")
        with Image.open(out) as image:
            return image.convert("L")
