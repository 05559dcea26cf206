"""Builders for tiny page-JSON dicts and PDFs; every test makes its own pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reportlab.pdfgen import canvas

Json = dict[str, Any]
FONT_SIZE = 12.0


def word(x: float, y: float, text: str) -> list[Any]:
    """A scan word ``[x0, y0, x1, y1, text]`` with its top-left corner at (x, y), 10 px per character."""
    return [x, y, x + 10 * len(text), y + 10, text]


def article(
    ident: str,
    regions: list[list[float]],
    headline: str | None = "Headline",
    body: str | None = "Body text",
) -> Json:
    return {
        "id": ident,
        "type": "article",
        "regions": regions,
        "kicker": None,
        "headline": headline,
        "subheadline": None,
        "byline": None,
        "body": body,
        "captions": [],
        "jump": None,
    }


def other(ident: str, kind: str, regions: list[list[float]]) -> Json:
    return {"id": ident, "type": kind, "regions": regions}


def page(
    items: list[Json],
    words: list[list[Any]] | None = None,
    source: str = "scan.png",
    number: int = 1,
    width: float = 1000,
    height: float = 1000,
) -> Json:
    return {
        "format": "broadsheet-page/1",
        "source": source,
        "page": number,
        "unit": "px" if words is not None else "pt",
        "width": width,
        "height": height,
        "direction": "ltr",
        "language": "en",
        "items": items,
        "words": words,
    }


def write_json(path: Path, data: Json) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def make_pdf(
    path: Path,
    pages: list[list[tuple[float, float, str]]],
    size: tuple[float, float] = (400, 400),
    cropbox: tuple[float, float, float, float] | None = None,
) -> Path:
    """One PDF page per list of ``(x, top, text)``: each string drawn with Helvetica 12 pt so that
    its top edge is roughly at ``top`` points below the top of the MediaBox."""
    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=size)
    for strings in pages:
        if cropbox is not None:
            c.setCropBox(cropbox)
        c.setFont("Helvetica", FONT_SIZE)
        for x, top, text in strings:
            c.drawString(x, size[1] - top - FONT_SIZE, text)
        c.showPage()
    c.save()
    return path
