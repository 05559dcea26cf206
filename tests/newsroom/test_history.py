"""The log of corrections: every change recorded (who, when, what) and undoable, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.newsroom.conftest import PASSWORD
from tests.newsroom.editions import reviewed_edition, uid_of

HARBOUR, LIBRARY = "Harbour ferries to run again", "Library opens night reading room"


@pytest.fixture
def edition_id(site: Path, tmp_path: Path) -> int:
    return reviewed_edition(tmp_path / "upload")


def test_every_change_is_recorded_with_who_when_what_and_the_states(edition_id: int) -> None:
    from broadsheet.editions.models import Correction
    from broadsheet.newsroom.history import correct
    from broadsheet.newsroom.roles import Role, create_user

    eddie = create_user("eddie", Role.EDITOR, PASSWORD)
    harbour = uid_of(edition_id, HARBOUR)
    correct(edition_id, eddie, "text", {"uid": harbour, "fields": {"headline": "Ferries return"}})
    entry = Correction.objects.get()
    assert (entry.user, entry.action, entry.uids, entry.version) == (eddie, "text", [harbour], 0)
    assert entry.before[harbour]["headline"] == HARBOUR and entry.after[harbour]["headline"] == "Ferries return"
    assert entry.at is not None and entry.summary == f"edited the headline of “{HARBOUR}”"


def test_undo_takes_back_the_changes_one_by_one_newest_first(edition_id: int) -> None:
    from broadsheet.editions.items import snapshot
    from broadsheet.editions.models import Article, Edition
    from broadsheet.errors import UsageError
    from broadsheet.newsroom.history import correct, undo

    edition = Edition.objects.get(id=edition_id)
    start = snapshot(edition)
    harbour, library = uid_of(edition_id, HARBOUR), uid_of(edition_id, LIBRARY)
    correct(edition_id, None, "merge", {"uids": [harbour, library]})
    correct(edition_id, None, "text", {"uid": harbour, "fields": {"headline": "Ferries return"}})
    assert undo(edition_id, None).summary == f"undid: edited the headline of “{HARBOUR}”"
    assert Article.objects.get(uid=harbour).headline == HARBOUR
    assert not Article.objects.filter(uid=library).exists()  # still merged
    assert undo(edition_id, None).summary.startswith("undid: merged")
    assert snapshot(edition) == start
    assert Article.objects.get(uid=library).headline == LIBRARY
    with pytest.raises(UsageError, match="nothing to undo"):
        undo(edition_id, None)


def test_the_review_page_and_its_json_api_need_the_csrf_token(edition_id: int) -> None:
    from django.test import Client

    from broadsheet.newsroom.roles import Role, create_user

    client = Client(enforce_csrf_checks=True)
    client.force_login(create_user("eddie", Role.EDITOR, PASSWORD))
    page = client.get(f"/staff/editions/{edition_id}/pages/1/")
    assert page.status_code == 200 and 'name="csrf-token"' in page.content.decode()
    data = client.get(f"/staff/editions/{edition_id}/pages/1.json").json()
    assert [i["kind"] for i in data["items"]] == ["masthead", "article", "article", "article"]
    harbour = data["items"][1]["uid"]
    body = {"action": "text", "params": {"uid": harbour, "fields": {"headline": "Ferries return"}}, "page": 1}
    url = f"/staff/editions/{edition_id}/changes/"
    assert client.post(url, body, content_type="application/json").status_code == 403
    token = client.cookies["csrftoken"].value
    answer = client.post(url, body, content_type="application/json", headers={"X-CSRFToken": token}).json()
    assert answer["ok"] and answer["items"][1]["headline"] == "Ferries return" and answer["can_undo"]
    assert answer["history"][0]["user"] == "eddie"
    bad = client.post(
        url, {"action": "merge", "params": {}}, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert bad.status_code == 400 and "select two or more" in bad.json()["error"]
    undone = client.post(
        f"/staff/editions/{edition_id}/undo/",
        {"page": 1},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert undone.json()["items"][1]["headline"] == HARBOUR
