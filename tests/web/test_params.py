"""Every query parameter of the reader is bounded: out of bounds is a 400 naming the limit, never a 500
or a dead server (``/search.json?q=the&page=1000000000`` once aborted the process)."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.test import Client, override_settings

from tests.web.test_views import ED, _publish


def _get(url: str) -> tuple[int, str, str]:
    """Status, content type and body of a GET, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as e:
        with e:
            return e.code, e.headers["Content-Type"], e.read().decode()


HUGE_PAGES = ["1000000000", "9" * 30, "900000000000000000", "0", "-1", "2.5", "abc", "٣", " 1e9"]


def test_a_huge_search_page_is_a_400_and_the_server_lives_on(live_url: str) -> None:
    for page in HUGE_PAGES:
        status, kind, body = _get(f"{live_url}/search.json?q=the&page={urllib.parse.quote(page)}")
        assert (status, kind) == (400, "application/json"), page
        assert json.loads(body)["error"] == (
            "page must be a whole number from 1 to 50 (the limit is BROADSHEET_MAX_SEARCH_PAGE)"
        )
        status, _, body = _get(f"{live_url}/search/?q=the&page={urllib.parse.quote(page)}")
        assert status == 400 and "BROADSHEET_MAX_SEARCH_PAGE" in body, page
    status, _, body = _get(f"{live_url}/search.json?q=ferries&page=50")
    assert status == 200 and json.loads(body)["hits"] == []
    status, _, body = _get(f"{live_url}/search.json?q=ferries")
    assert status == 200 and json.loads(body)["total"] >= 1


def test_a_long_query_is_a_400_wherever_it_is_read(live_url: str) -> None:
    words = urllib.parse.quote(" ".join(["harbour"] * 30))  # 239 characters
    for url in ["/search.json", "/search/", f"{ED}/page/1/", f"{ED}/page/1.json", f"{ED}/article/1-a1/"]:
        status, kind, body = _get(f"{live_url}{url}?q={words}")
        assert status == 400, url
        message = json.loads(body)["error"] if url.endswith(".json") else body
        assert "at most 200 characters, not 239 (the limit is BROADSHEET_MAX_QUERY_CHARS)" in message, url
        assert message.strip().count("\n") == 0 or "<html" in message, url
    status, kind, body = _get(f"{live_url}{ED}/article/1-a1.json?q={words}")
    assert status == 400 and kind == "application/json" and "BROADSHEET_MAX_QUERY_CHARS" in json.loads(body)["error"]
    assert _get(f"{live_url}{ED}/page/1/?q=harbour")[0] == 200


def test_the_other_search_parameters_are_bounded(live_url: str) -> None:
    cases = {
        "publication=" + "x" * 81: "publication must be a publication's slug of at most 80 characters",
        "from=2025-13-01": "from must be a date like 2025-04-20",
        "to=99999-01-01": "to must be a date like 2025-04-20",
    }
    for params, message in cases.items():
        status, _, body = _get(f"{live_url}/search.json?q=ferries&{params}")
        assert (status, json.loads(body)["error"]) == (400, message), params
    status, _, body = _get(f"{live_url}/search.json?q=ferries&publication=the-test-gazette&from=0001-01-01")
    assert status == 200 and json.loads(body)["total"] >= 1


def test_page_numbers_in_urls_past_any_page_are_404(live_url: str) -> None:
    for number in ["0", "99999", "9" * 30]:
        assert _get(f"{live_url}{ED}/page/{number}/")[0] == 404, number
        assert _get(f"{live_url}{ED}/page/{number}.json")[0] == 404, number


def test_limits_are_settings(site: Path, tmp_path: Path) -> None:
    _publish(tmp_path, "the-test-gazette", hostile=False)
    client = Client()
    with override_settings(BROADSHEET_MAX_SEARCH_PAGE=2, BROADSHEET_MAX_QUERY_CHARS=5):
        assert client.get("/search.json?q=ferry&page=2").status_code == 200
        refused = client.get("/search.json?q=ferry&page=3").json()["error"]
        assert refused == "page must be a whole number from 1 to 2 (the limit is BROADSHEET_MAX_SEARCH_PAGE)"
        assert client.get("/search.json?q=ferries").status_code == 400
