"""Publication profiles: learned from a labelled page, they find what the rules miss on the next day's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from broadsheet.cli import main
from broadsheet.errors import InputFileError
from broadsheet.extract import ExtractOptions, extract_pages
from broadsheet.extract.learn import learn_profile
from broadsheet.extract.model import ItemType
from broadsheet.extract.profile import read_profile
from tests.extract.layouts import BODY_FONT, HEAD_FONT, courier_day, label_courier_day
from tests.pdfs import combine, make_pdf, text_at


def _headlines(pdf: Path, options: ExtractOptions) -> list[str | None]:
    (page,) = extract_pages(pdf, options=options)
    return [i.headline for i in page.items if i.type is ItemType.ARTICLE]


def test_a_profile_learned_from_one_day_finds_the_next_days_headlines(tmp_path: Path) -> None:
    monday, tuesday = ("Harbour Works Begin", "Night Market Opens"), ("Bridge Tolls Rise", "Fair Comes to Town")
    labelled = tmp_path / "monday"
    labelled.mkdir()
    label_courier_day(labelled, make_pdf(labelled / "monday.pdf", combine(*courier_day(monday, 1))), monday)
    profile, notes = learn_profile([labelled], "the-courier")
    assert not notes and profile.pages == 1
    assert profile.decide(f"{HEAD_FONT}|9|mixed", "") == ("headline", "")
    assert profile.decide(f"{BODY_FONT}|9|mixed", "") == ("body", "")
    pdf = make_pdf(tmp_path / "tuesday.pdf", combine(*courier_day(tuesday, 7)))
    assert sorted(filter(None, _headlines(pdf, ExtractOptions()))) != sorted(tuesday)  # the rules alone miss them
    assert sorted(filter(None, _headlines(pdf, ExtractOptions(profile=profile)))) == sorted(tuesday)


def test_the_profile_command_writes_a_profile_that_extract_reads(tmp_path: Path) -> None:
    monday = ("Harbour Works Begin", "Night Market Opens")
    labelled = tmp_path / "gt"
    labelled.mkdir()
    label_courier_day(labelled, make_pdf(labelled / "monday.pdf", combine(*courier_day(monday, 1))), monday)
    profile_path = tmp_path / "courier.json"
    assert main(["profile", str(labelled), "--out", str(profile_path), "--publication", "the-courier"]) == 0
    assert read_profile(profile_path).publication == "the-courier"
    pdf = make_pdf(tmp_path / "tuesday.pdf", combine(*courier_day(("Bridge Tolls Rise", "Fair Comes to Town"), 7)))
    assert main(["extract", str(pdf), "--out", str(tmp_path / "out"), "--profile", str(profile_path)]) == 0
    found = json.loads((tmp_path / "out" / "tuesday-p1.json").read_text())
    assert sorted(i["headline"] for i in found["items"] if i["type"] == "article") == [
        "Bridge Tolls Rise",
        "Fair Comes to Town",
    ]


def test_a_broken_profile_is_refused_with_what_is_wrong(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "broadsheet-profile/1", "styles": {"Times|9|mixed": {"sidebar": 3}}}')
    with pytest.raises(InputFileError, match="unknown roles"):
        read_profile(bad)
    bad.write_text("{not json")
    with pytest.raises(InputFileError, match="cannot read the profile"):
        read_profile(bad)
    pdf = make_pdf(tmp_path / "p.pdf", combine(text_at(72, 72, "Hello")))
    assert main(["extract", str(pdf), "--out", str(tmp_path / "o"), "--profile", str(bad)]) == 2


def test_learning_from_a_folder_without_ground_truth_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["profile", str(tmp_path), "--out", str(tmp_path / "p.json")]) == 64
