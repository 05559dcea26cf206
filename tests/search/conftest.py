"""A way to publish small editions into the test's site (``site``, tests/conftest.py) through the real ingest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from broadsheet.search import SearchBackend
from broadsheet.web.testing import FixedExtractor, SampleArticle, make_pdf

Publish = Callable[..., int]


def publish_edition(
    folder: Path, slug: str, date: str, pages: list[list[SampleArticle]], search: SearchBackend | None = None
) -> int:
    """Ingest a generated PDF whose extraction is known; returns the new edition's id."""
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition
    from broadsheet.ingest.images import ImageOptions

    pdf = folder / f"{slug}-{date}.pdf"
    results = make_pdf(pdf, pages)
    summary = ingest_edition(
        IngestRequest(pdf=pdf, publication=slug, date=dt.date.fromisoformat(date)),
        IngestOptions(
            images=ImageOptions(full_dpi=30, screen_width=200),
            workers=1,
            extractor=FixedExtractor(results),
            search=search,
        ),
    )
    return summary.edition_id


@pytest.fixture
def publish(site: Path, tmp_path: Path) -> Publish:
    """``publish(slug, date, pages)`` into the test's site."""
    return lambda *args, **kw: publish_edition(tmp_path, *args, **kw)
