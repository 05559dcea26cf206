"""Helpers for the reader's tests and demo fallbacks: a small edition PDF drawn with reportlab and the
extraction result that describes it exactly (a stage to swap in for :func:`extract_pages`).

Kept in the package (like ``django.test``) so tests in several folders, and the browser tests'
server subprocess, share one definition. Needs reportlab (a dev dependency).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from broadsheet.extract.model import Item, ItemType, Jump, PageResult

WIDTH, HEIGHT = 595.0, 842.0
HOSTILE = 'Hostile <script>window.pwned=1</script> &amp; <img src=x onerror="window.pwned=2"> &lt;b&gt; café'
HOSTILE_HEADLINE = "Council <script>window.pwned=3</script> &amp; &#60;i&#62;tax"


@dataclass(frozen=True, slots=True)
class SampleArticle:
    headline: str
    body: str
    kicker: str | None = None
    byline: str | None = None
    jump: Jump | None = None


def sample_pages(hostile: bool = False) -> list[list[SampleArticle]]:
    """Three pages of public-domain-style text written for these tests; one article jumps to page 2."""
    lorem = (
        "The harbour board met on Tuesday to discuss the new ferry timetable. Members agreed that "
        "early crossings would resume in spring.\n\nFishermen welcomed the decision. The mayor said "
        "the town would repaint the old lighthouse before the summer festival."
    )
    return [
        [
            SampleArticle(
                "Harbour ferries to run again",
                lorem,
                kicker="Transport",
                byline="By Ada Reporter",
                jump=Jump(to_page=2),
            ),
            SampleArticle("Library opens night reading room", "Students crowded the new reading room. " * 6),
            SampleArticle("Café owners celebrate", "A résumé of the naïve year at the café, with crème brûlée. " * 3),
        ],
        [
            SampleArticle(
                "Harbour ferries to run again", "The timetable will be printed weekly. " * 5, jump=Jump(from_page=1)
            ),
            SampleArticle(
                HOSTILE_HEADLINE if hostile else "Orchard harvest is early",
                ("Body with " + HOSTILE + ". ") * 2 if hostile else "Apples ripened two weeks early this year. " * 6,
            ),
        ],
        [SampleArticle("Weather: a mild week ahead", "Sunny spells and light winds are forecast. " * 5)],
    ]


def _draw_article(canvas: object, art: SampleArticle, box: tuple[float, float, float, float]) -> None:
    from reportlab.pdfgen.canvas import Canvas

    assert isinstance(canvas, Canvas)
    x0, y0, x1, _ = box
    y = HEIGHT - y0 - 20
    canvas.setFont("Helvetica-Bold", 15)
    canvas.drawString(x0, y, art.headline[:60])
    canvas.setFont("Helvetica", 9)
    for para in art.body.split("\n\n"):
        for line in textwrap.wrap(para, width=int((x1 - x0) / 4.6)):
            y -= 12
            canvas.drawString(x0, y, line)
        y -= 6


def article_boxes(count: int) -> list[tuple[float, float, float, float]]:
    """Where the n articles of a page sit: stacked full-width bands under a masthead."""
    top, band = 90.0, (HEIGHT - 120.0) / max(count, 1)
    return [(36.0, top + i * band, WIDTH - 36.0, top + (i + 1) * band - 10) for i in range(count)]


def make_pdf(path: Path, pages: list[list[SampleArticle]], title: str = "The Test Gazette") -> list[PageResult]:
    """Draw ``pages`` into ``path``; return the exact extraction result for each page."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(WIDTH, HEIGHT))
    results = []
    for number, articles in enumerate(pages, start=1):
        canvas.setFont("Times-Bold", 30)
        canvas.drawCentredString(WIDTH / 2, HEIGHT - 60, title)
        items = [Item("m1", ItemType.MASTHEAD, [(100.0, 30.0, 495.0, 70.0)])]
        for i, (art, box) in enumerate(zip(articles, article_boxes(len(articles)), strict=True)):
            _draw_article(canvas, art, box)
            items.append(
                Item(
                    f"a{i + 1}",
                    ItemType.ARTICLE,
                    [box],
                    kicker=art.kicker,
                    headline=art.headline,
                    byline=art.byline,
                    body=art.body,
                    jump=art.jump,
                )
            )
        canvas.showPage()
        results.append(PageResult(source=path.name, page=number, width=WIDTH, height=HEIGHT, items=items))
    canvas.save()
    return results


class FixedExtractor:
    """An extraction stage that returns known results (tests swap it in for the real one)."""

    def __init__(self, results: Iterable[PageResult]) -> None:
        self.results = list(results)

    def __call__(self, pdf: Path) -> Iterator[PageResult]:
        return iter(self.results)


def publish_sample(
    folder: Path,
    slug: str = "the-test-gazette",
    pages: list[list[SampleArticle]] | None = None,
    language: str | None = None,
    date: dt.date = dt.date(2025, 4, 20),
) -> None:
    """Publish ``pages`` (the sample's by default) as ``slug``'s edition of ``date`` into the site Django is
    set up with, its PDF drawn in ``folder``, with small images: what the in-process view tests read."""
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition
    from broadsheet.ingest.images import ImageOptions

    pdf = folder / f"{slug}.pdf"
    results = make_pdf(pdf, pages if pages is not None else sample_pages())
    ingest_edition(
        IngestRequest(pdf=pdf, publication=slug, date=date, language=language),
        IngestOptions(images=ImageOptions(full_dpi=30, screen_width=200), workers=1, extractor=FixedExtractor(results)),
    )


GENERATED_DATE = "2025-04-22"
# A publication whose editions span months and years (the archive calendar's steps), whose one article
# has a 300-letter unbroken word in its headline and body (no sideways scrolling on a phone).
COURIER = "the-quayside-courier"
COURIER_DATES = ("2024-11-30", "2025-01-15", "2025-03-02")
LONG_WORD = "Llanfairpwllgwyngyll" * 15


def generated_slug(language: str) -> str:
    """The publication a generated edition in ``language`` is ingested under by :func:`build_site`."""
    return f"generated-{language}"


def build_site(data_dir: Path) -> None:
    """Ingest the sample edition, a hostile one, three editions of a courier over two years (the archive
    calendar; a 300-letter word) and generated left-to-right (English) and right-to-left (Arabic, Urdu) editions
    into the site at ``data_dir`` (Django set up here).

    The hostile edition goes through the real extraction, as a publisher's PDF would: its markup-like
    text reaches the site only the way the extractor reads it off the page. The generated editions'
    many columns of unequal width come in with their ground truth, so outlines can be checked exactly.
    """
    from broadsheet.site.environment import migrate, setup

    setup({"BROADSHEET_DATA_DIR": str(data_dir)})
    migrate()
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition
    from broadsheet.ingest.images import ImageOptions
    from broadsheet.synthetic.edition import SyntheticOptions, generate_edition

    def ingest(pdf: Path, slug: str, date: str, extractor: FixedExtractor | None, language: str = "en") -> None:
        request = IngestRequest(pdf=pdf, publication=slug, date=dt.date.fromisoformat(date), language=language)
        small = ImageOptions(full_dpi=100, screen_width=800)
        ingest_edition(request, IngestOptions(images=small, workers=1, extractor=extractor))

    for slug, hostile, date in (("the-test-gazette", False, "2025-04-20"), ("hostile-herald", True, "2025-04-21")):
        pdf = data_dir / f"{slug}.pdf"
        results = make_pdf(pdf, sample_pages(hostile))
        ingest(pdf, slug, date, None if hostile else FixedExtractor(results))
    courier = [[SampleArticle(f"Quayside {LONG_WORD}", f"Quayside notice: {LONG_WORD} closes the slipway. " * 3)]]
    for date in COURIER_DATES:
        pdf = data_dir / f"{COURIER}-{date}.pdf"
        ingest(pdf, COURIER, date, FixedExtractor(make_pdf(pdf, courier, title="The Quayside Courier")))
    for language in ("en", "ar", "ur"):  # the generator sets Arabic and Urdu right to left
        generated = generate_edition(SyntheticOptions(seed=3, pages=3, language=language), data_dir / "gen", language)
        ingest(generated.pdf, generated_slug(language), GENERATED_DATE, FixedExtractor(generated.pages), language)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="build the browser tests' sample site")
    parser.add_argument("data_dir", type=Path)
    build_site(parser.parse_args().data_dir)
    sys.exit(0)
