"""What the benchmarks share: the generated edition they measure, PDFium's bare character reading (part
of every floor they divide by) and how figures are reported.

The benchmarks run as scripts (``python benchmarks/NAME.py``), so this folder is on ``sys.path`` and
they import this module as ``common``.
"""

from __future__ import annotations

import ctypes
import json
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from broadsheet.synthetic import SyntheticOptions, generate_edition

BUILD = Path("build/bench")


def edition(pages: int, chars: int) -> Path:
    """The benchmark edition, generated once and kept under build/ (out of git)."""
    stem = f"bench-{pages}p-{chars}c"
    pdf = BUILD / f"{stem}.pdf"
    if not pdf.exists():
        BUILD.mkdir(parents=True, exist_ok=True)
        generate_edition(SyntheticOptions(seed=2024, pages=pages, body_chars_target=chars), BUILD, stem=stem)
    return pdf


def read_chars(page: pdfium.PdfPage) -> int:
    """Read every character's box and font size on ``page``: the floor any extractor pays; returns the count."""
    text = page.get_textpage()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    refs = [ctypes.byref(v) for v in (left, right, bottom, top)]
    n = int(pdfium_c.FPDFText_CountChars(text.raw))
    for k in range(n):
        pdfium_c.FPDFText_GetCharBox(text.raw, k, *refs)
        pdfium_c.FPDFText_GetFontSize(text.raw, k)
    text.close()
    return n


def emit(figures: dict[str, Any], path: Path | None) -> None:
    """Print the figures as JSON (and write them to ``path`` when given)."""
    print(json.dumps(figures, indent=1))
    if path:
        path.write_text(json.dumps(figures, indent=1))
