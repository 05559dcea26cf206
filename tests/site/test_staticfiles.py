"""Static files under hashed names are cached for a year where ``collectstatic`` filled BROADSHEET_STATIC_ROOT;
elsewhere (a checkout, the tests, the demo) pages name the plain files, served with a short max-age."""

from __future__ import annotations

import re
from pathlib import Path

from django.core.management import call_command
from django.test import Client, override_settings

CSS = re.compile(r'href="(/static/reader/reader[^"]*\.css)"')


def _stylesheet(client: Client) -> str:
    match = CSS.search(client.get("/").content.decode())
    assert match, "the page names no reader.css"
    return match.group(1)


def test_collected_files_have_hashed_names_and_a_year_of_immutable_cache(site: Path, tmp_path: Path) -> None:
    with override_settings(STATIC_ROOT=str(tmp_path / "static")):
        call_command("collectstatic", interactive=False, verbosity=0)
        client = Client()  # WhiteNoise reads the collected folder as it starts
        url = _stylesheet(client)
        assert re.fullmatch(r"/static/reader/reader\.[0-9a-f]{12}\.css", url), url
        response = client.get(url, headers={"accept-encoding": "gzip"})
        response.close()  # a file WhiteNoise streams
        assert response.status_code == 200
        assert response["Cache-Control"] == "max-age=31536000, public, immutable"
        assert response["Content-Encoding"] == "gzip"
        plain = client.get("/static/reader/reader.css")
        plain.close()
        assert plain.status_code == 200 and "immutable" not in plain["Cache-Control"]


def test_without_a_collected_folder_pages_name_the_plain_files(site: Path, tmp_path: Path) -> None:
    (tmp_path / "never-collected").mkdir()
    for root in (None, str(tmp_path / "never-collected")):
        with override_settings(STATIC_ROOT=root):
            client = Client()
            assert _stylesheet(client) == "/static/reader/reader.css"
            response = client.get("/static/reader/reader.css")
            response.close()
            assert response.status_code == 200 and "immutable" not in response["Cache-Control"]
