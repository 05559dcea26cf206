"""Corrections teach: ``broadsheet export-gt`` writes corrected pages as page-JSON ground truth beside the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.cli import main
from broadsheet.pagejson import read_page
from tests.newsroom.editions import reviewed_edition, uid_of

HARBOUR, LIBRARY, CAFE = "Harbour ferries to run again", "Library opens night reading room", "Café owners celebrate"


@pytest.fixture
def edition_id(site: Path, tmp_path: Path) -> int:
    from broadsheet.newsroom.history import correct

    edition_id = reviewed_edition(tmp_path / "upload")
    harbour, library, cafe = (uid_of(edition_id, h) for h in (HARBOUR, LIBRARY, CAFE))
    correct(edition_id, None, "merge", {"uids": [harbour, library]})
    correct(edition_id, None, "retype", {"uid": cafe, "kind": "advert"})
    correct(edition_id, None, "text", {"uid": harbour, "fields": {"headline": "Ferries return"}})
    return edition_id


def test_export_gt_writes_the_corrected_pages_and_the_pdf(
    edition_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "gt"
    assert main(["export-gt", "the-post/2025-04-20", "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote 1 pages of the-post 2025-04-20 to {out}\n"
    assert sorted(p.name for p in out.iterdir()) == ["the-post-2025-04-20-p1.gt.json", "the-post-2025-04-20.pdf"]
    page = read_page(out / "the-post-2025-04-20-p1.gt.json")
    assert page.source == "the-post-2025-04-20.pdf" and (page.page, page.width, page.height) == (1, 595.0, 842.0)
    assert [(i.id, i.type.value) for i in page.items] == [("m1", "masthead"), ("a2", "article"), ("a3", "advert")]
    merged = page.items[1]
    assert merged.headline == "Ferries return" and len(merged.regions) == 2
    assert merged.body is not None and "Students crowded" in merged.body
    assert merged.jump is not None and merged.jump.to_page == 2 and merged.kicker == "Transport"
    assert (out / "the-post-2025-04-20.pdf").read_bytes().startswith(b"%PDF-")


def test_export_gt_all_pages_and_by_id(edition_id: int, tmp_path: Path) -> None:
    assert main(["export-gt", str(edition_id), "--out", str(tmp_path / "gt"), "--all-pages"]) == 0
    assert len(list((tmp_path / "gt").glob("*.gt.json"))) == 3
    continuation = read_page(tmp_path / "gt" / "the-post-2025-04-20-p2.gt.json").items[1]
    assert continuation.jump is not None and continuation.jump.from_page == 1


@pytest.mark.parametrize("spec", ["the-post/2025-04-21", "the-post", "99"])
def test_export_gt_names_an_edition_it_cannot_find(
    edition_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str], spec: str
) -> None:
    assert main(["export-gt", spec, "--out", str(tmp_path / "gt")]) == 64
    assert spec in capsys.readouterr().err


def test_publishing_a_corrected_edition_relearns_the_papers_profile_from_the_corrections(edition_id: int) -> None:
    from broadsheet.editions.models import Publication
    from broadsheet.newsroom.publishing import publish
    from broadsheet.newsroom.queue import run_pending

    assert Publication.objects.get(slug="the-post").profile is None
    publish(edition_id, None)
    assert run_pending() >= 1
    profile = Publication.objects.get(slug="the-post").profile
    assert profile is not None and profile["publication"] == "the-post" and profile["pages"] == 1
    # the café's story, retyped as an advert by the staff, taught the profile what its style means there
    assert any("advert" in roles for roles in profile["placed"].values())
