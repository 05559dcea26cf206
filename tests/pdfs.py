"""Small PDFs made on the fly for tests: nothing from a publisher is ever committed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

Draw = Callable[[Canvas], None]


def make_pdf(path: Path, *pages: Draw, size: tuple[float, float] = (612, 792), **canvas_args: object) -> Path:
    """Write a PDF whose page N is drawn by ``pages[N-1]`` (reportlab: origin bottom-left)."""
    canvas = Canvas(str(path), pagesize=size, **canvas_args)  # type: ignore[arg-type]
    for draw in pages:
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return path


def text_at(x: float, y_top: float, text: str, font: str = "Times-Roman", size: float = 10) -> Draw:
    """Draw ``text`` with its baseline ``size`` points below ``y_top`` (top-left coordinates)."""

    def draw(canvas: Canvas) -> None:
        canvas.setFont(font, size)
        canvas.drawString(x, canvas._pagesize[1] - y_top - size, text)

    return draw


def combine(*draws: Draw) -> Draw:
    def draw(canvas: Canvas) -> None:
        for d in draws:
            d(canvas)

    return draw
