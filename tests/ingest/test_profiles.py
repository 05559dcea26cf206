"""Ingest with a publication profile: given once, stored with the publication, used by every later ingest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from broadsheet.extract.learn import learn_profile
from tests.extract.layouts import courier_day, label_courier_day
from tests.pdfs import combine, make_pdf


def _ingest(pdf: Path, date: dt.date, **kw: object) -> None:
    from broadsheet.ingest import IngestOptions, IngestRequest, ingest_edition
    from broadsheet.ingest.images import ImageOptions

    options = IngestOptions(images=ImageOptions(full_dpi=72, screen_width=300), workers=1)
    ingest_edition(IngestRequest(pdf=pdf, publication="the-courier", date=date, **kw), options)  # type: ignore[arg-type]


def _headlines(date: dt.date) -> list[str]:
    from broadsheet.editions.models import Article

    return sorted(a.headline for a in Article.objects.filter(edition__date=date, edition__status="published"))


def test_a_profile_given_once_is_used_by_the_next_ingests(site: Path, tmp_path: Path) -> None:
    from broadsheet.editions.models import Publication

    monday = ("Harbour Works Begin", "Night Market Opens")
    labelled = tmp_path / "gt"
    labelled.mkdir()
    label_courier_day(labelled, make_pdf(labelled / "monday.pdf", combine(*courier_day(monday, 1))), monday)
    profile, _ = learn_profile([labelled], "the-courier")

    tuesday, wednesday = ("Bridge Tolls Rise", "Fair Comes to Town"), ("Ferry Back in Service", "Library Wins Prize")
    _ingest(make_pdf(tmp_path / "tue.pdf", combine(*courier_day(tuesday, 7))), dt.date(2025, 4, 22), profile=profile)
    assert Publication.objects.get(slug="the-courier").profile == profile.to_json()
    assert _headlines(dt.date(2025, 4, 22)) == sorted(tuesday)
    _ingest(make_pdf(tmp_path / "wed.pdf", combine(*courier_day(wednesday, 11))), dt.date(2025, 4, 23))
    assert _headlines(dt.date(2025, 4, 23)) == sorted(wednesday)
