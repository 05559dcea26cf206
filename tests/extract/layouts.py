"""Small generated pages for the extractor's stage tests: extract one, list its articles, draw a story."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from broadsheet.extract import extract_pages
from broadsheet.extract.model import Direction, Item, ItemType, PageResult
from broadsheet.extract.options import ExtractOptions
from broadsheet.extract.order import reading_order
from broadsheet.geometry import Box
from broadsheet.synthetic import SyntheticOptions, generate_edition
from tests.pdfs import WORDS, Draw, column, combine, make_pdf, photo, rule, text_at

COLUMNS = (40.0, 215.0, 390.0)  # three 165 pt columns on a 612 pt page
WIDTH = 165.0


def extract_drawn(tmp_path: Path, *draws: Draw, pages: int = 1, options: ExtractOptions | None = None) -> PageResult:
    """Extract the last page of a PDF whose pages are all drawn alike."""
    page = combine(*draws)
    *_, result = extract_pages(make_pdf(tmp_path / "page.pdf", *([page] * pages)), options=options)
    return result


def articles(result: PageResult) -> list[Item]:
    return [i for i in result.items if i.type is ItemType.ARTICLE]


def generated_page(tmp_path: Path, page: int, **options: Any) -> tuple[dict[str, Any], PageResult]:
    """Page ``page`` of a generated three-page edition (``options``: :class:`SyntheticOptions`'s, the
    seed among them): its ground truth, and what the extractor makes of it."""
    edition = generate_edition(SyntheticOptions(pages=3, **options), tmp_path)
    truth = json.loads((tmp_path / f"synthetic-p{page}.gt.json").read_text())
    (result,) = extract_pages(edition.pdf, pages=[page])
    return truth, result


def true_headlines(truth: dict[str, Any]) -> list[str]:
    """The headlines of a page's articles in its ground truth, sorted."""
    return sorted(i["headline"] or "" for i in truth["items"] if i["type"] == "article")


def headlines_of(result: PageResult) -> list[str]:
    """The headlines of the articles extracted, sorted."""
    return sorted(a.headline or "" for a in articles(result))


def bodies(truth: dict[str, Any], result: PageResult, headline: str) -> tuple[str, str]:
    """The body of the article headed ``headline`` as extracted and in the ground truth, each with
    its white space made single spaces."""
    true = next(i for i in truth["items"] if i["type"] == "article" and i["headline"] == headline)
    extracted = next((a for a in articles(result) if a.headline == headline), None)
    found = extracted.body if extracted is not None else None
    return " ".join((found or "").split()), " ".join((true["body"] or "").split())


def story(top: float, headline: str, seed: int = 0, lines: int = 20) -> list[Draw]:
    """A headline across the three columns and body text under it."""
    body = [column(x, top + 40, WIDTH, lines, seed=seed + k * 7) for k, x in enumerate(COLUMNS)]
    return [text_at(COLUMNS[0], top, headline, "Helvetica-Bold", 26), *body]


# Under a story across the page's top, a headline across the three columns, its photo and the photo's
# caption; its columns start at PICTURED_TEXT_TOP.
PICTURED_HEADS = ("Harbour Board Votes to Keep the Ferry", "Bridge Plan Goes Before the Board of Works")
PICTURED_TEXT_TOP = 400.0


def pictured_story_head() -> list[Draw]:
    """The story above and the pictured story's head, photo and caption (:data:`PICTURED_HEADS`)."""
    return [
        *story(40, PICTURED_HEADS[0], lines=12),
        text_at(COLUMNS[0], 220, PICTURED_HEADS[1], "Helvetica-Bold", 22),
        photo(COLUMNS[0], 255, 3 * WIDTH + 10, 120),
        text_at(COLUMNS[0], 381, "The old bridge over the river at dusk.", "Times-Italic", 8),
    ]


def title_block(rule_top: float) -> list[Draw]:
    """A front page's title block: the paper's name in 50 pt over a date line and a folio, and the
    rule across the page at ``rule_top`` that closes the block."""
    return [
        text_at(COLUMNS[0] + 90, 18, "The Harbour Herald", "Times-Bold", 50),
        text_at(COLUMNS[0], 79, "Sunday, September 4, 2020", "Helvetica", 8),
        text_at(420, 79, "Vol. 12 No. 345", "Helvetica", 8),
        rule(rule_top),
    ]


def run_in_brief(
    x: float, y_top: float, head: str, lines: int, seed: int, words: int = 6, capital: bool = False
) -> Draw:
    """A brief: a bold run-in heading, then its paragraph in regular type, a full column wide
    (``words`` of it on the heading's line; ``capital``: the first with a capital)."""

    def draw(canvas: Canvas) -> None:
        text = canvas.beginText(x, canvas._pagesize[1] - y_top - 9)
        text.setFont("Times-Bold", 9)
        text.textOut(head + " ")
        text.setFont("Times-Roman", 9)
        opening = " ".join(WORDS[(seed + k) % len(WORDS)] for k in range(words))
        text.textOut(opening.capitalize() if capital else opening)
        canvas.drawText(text)
        column(x, y_top + 10.8, WIDTH, lines, seed=seed + 6)(canvas)

    return draw


# This paper sets its headlines in the body's size, in another face: the rules see no headline.
HEAD_FONT, BODY_FONT = "Courier", "Times-Roman"


def courier_day(headlines: tuple[str, str], seed: int) -> list[Draw]:
    draws: list[Draw] = []
    for k, (x, headline) in enumerate(zip(COLUMNS[:2], headlines, strict=True)):
        draws += [text_at(x, 60, headline, HEAD_FONT, 9), column(x, 80, WIDTH, 40, seed=seed + 5 * k)]
    return draws


def label_courier_day(folder: Path, pdf: Path, headlines: tuple[str, str]) -> None:
    """Ground truth for a courier_day page: two stories, each a column with its headline on top."""
    items = []
    for k, (x, headline) in enumerate(zip(COLUMNS[:2], headlines, strict=True)):
        items.append(
            {
                "id": f"a{k + 1}",
                "type": "article",
                "regions": [[x - 1, 58, x + WIDTH + 1, 80 + 40 * 10.8 + 2]],
                "headline": headline,
                "body": " ".join(WORDS),  # the body's words; lines in it are body, wherever they fall
            }
        )
    page = {"format": "broadsheet-page/1", "source": pdf.name, "page": 1, "unit": "pt", "width": 612,
            "height": 792, "direction": "ltr", "language": "en", "items": items, "words": None}  # fmt: skip
    (folder / f"{pdf.stem}-p1.gt.json").write_text(json.dumps(page))


def order_of(
    boxes: Mapping[str, Box],
    direction: Direction = "ltr",
    min_gap: float = 8.0,
    floating: tuple[str, ...] = (),
    hrules: tuple[Box, ...] = (),
) -> list[str]:
    """The names of ``boxes`` in reading order (``min_gap``: the page's line pitch)."""
    names = list(boxes)
    floats = [names.index(f) for f in floating]
    found = reading_order([boxes[n] for n in names], direction, min_gap, hrules, floating=floats)
    return [names[i] for i in found]
