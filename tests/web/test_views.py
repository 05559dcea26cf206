"""HTML and JSON views through Django's test client: URLs, escaping, headers, 404s, media."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from django.test import Client
from PIL import Image

from broadsheet.web.testing import HOSTILE, HOSTILE_HEADLINE, publish_sample, sample_pages

ED = "/the-test-gazette/2025-04-20"


def _publish(tmp_path: Path, slug: str, hostile: bool, language: str | None = None) -> None:
    publish_sample(tmp_path, slug, sample_pages(hostile), language)


@pytest.fixture
def client(site: Path, tmp_path: Path) -> Client:
    _publish(tmp_path, "the-test-gazette", hostile=False)
    _publish(tmp_path, "hostile-herald", hostile=True)
    return Client()


def test_reader_pages_render(client: Client) -> None:
    for url in ["/", "/the-test-gazette/", f"{ED}/", f"{ED}/page/1/", f"{ED}/article/1-a1/", "/search/?q=ferries"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Content-Security-Policy" in response.headers


def test_archive_has_a_calendar_linking_the_edition(client: Client) -> None:
    html = client.get("/the-test-gazette/").content.decode()
    assert "April 2025" in html
    assert f'href="{ED}/"' in html


def test_archive_calendar_stays_within_the_months_that_have_editions(client: Client) -> None:
    for month in ("", "?month=1999-01", "?month=2030-12", "?month=2025-13", "?month=april"):
        html = client.get(f"/the-test-gazette/{month}").content.decode()
        assert "<caption>April 2025</caption>" in html, month
        steps = html.split('class="cal-nav"')[1].split('<table class="calendar">')[0]
        assert "?month=" not in steps, month  # one month: no steps


def test_page_view_outlines_regions_and_falls_back_to_the_screen_image(client: Client) -> None:
    html = client.get(f"{ED}/page/1/").content.decode()
    assert html.count('class="region"') == 3
    assert "screen.jpg" in html and "iiif/info.json" in html
    assert f'href="{ED}/article/1-a2/"' in html


def test_article_page_has_open_graph_and_continuation(client: Client) -> None:
    html = client.get(f"{ED}/article/1-a1/").content.decode()
    assert '<meta property="og:title" content="Harbour ferries to run again">' in html
    assert f'href="{ED}/article/2-a1/">Continued on page 2' in html


def test_open_graph_image_is_the_articles_page_clip_as_a_plain_file(client: Client) -> None:
    html = client.get(f"{ED}/article/1-a2/").content.decode()
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html)
    assert image is not None
    assert image[1].startswith("http://testserver/media/editions/the-test-gazette/")
    assert image[1].endswith("/p1/clips/1-a2.jpg")
    response = client.get(image[1].removeprefix("http://testserver"))
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as clip:  # type: ignore[arg-type]
        assert response["Content-Type"] == "image/jpeg" and clip.width > clip.height > 0
    response.close()
    assert '<meta property="og:image:alt" content="Library opens night reading room, as printed on page 1">' in html


def test_json_twins(client: Client) -> None:
    edition = client.get(f"{ED}.json").json()
    assert [p["number"] for p in edition["page_list"]] == [1, 2, 3]
    page = client.get(f"{ED}/page/2.json").json()
    assert [a["key"] for a in page["articles"]] == ["2-a1", "2-a2"]
    article = client.get(f"{ED}/article/2-a1.json").json()
    assert article["continued_from"]["key"] == "1-a1"
    assert article["next"]["key"] == "2-a2" and article["previous"] is None
    assert 0 < article["regions"][0]["w"] <= 1


def test_hostile_text_is_escaped_everywhere(client: Client) -> None:
    base = "/hostile-herald/2025-04-20"
    for url in [f"{base}/", f"{base}/page/2/", f"{base}/article/2-a2/", "/search/?q=hostile"]:
        html = client.get(url).content.decode()
        assert "<script>window" not in html and "<img src=x" not in html, url
        assert "&lt;script&gt;" in html, url
    data = json.loads(client.get(f"{base}/article/2-a2.json").content)
    assert data["headline"] == HOSTILE_HEADLINE and HOSTILE in data["paragraphs"][0]
    response = client.get(f"{base}/article/2-a2.json")
    assert response["Content-Type"] == "application/json"


def test_unknown_things_are_404(client: Client) -> None:
    for url in [
        "/nope/",
        f"{ED}/page/9/",
        f"{ED}/article/9-a9/",
        "/the-test-gazette/2025-02-30/",
        "/the-test-gazette/2025-04-21/",
        "/media/../broadsheet.sqlite3",
        "/media/editions/x.jpg",
    ]:
        assert client.get(url).status_code == 404, url


def test_a_media_path_through_a_file_is_404(client: Client) -> None:
    """Regression (found by hand on the demo): a page's info.json taken for a folder
    (".../iiif/info.json/info.json") made the server fail with NotADirectoryError, a 500."""
    info = client.get(f"{ED}/page/1.json").json()["iiif"]
    response = client.get(info)
    response.close()
    assert response.status_code == 200
    assert client.get(f"{info}/info.json").status_code == 404


def test_media_files_are_served_with_long_cache(client: Client) -> None:
    page = client.get(f"{ED}/page/1.json").json()
    response = client.get(page["thumbnail"])
    response.close()
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "immutable" in response["Cache-Control"]
    info_response = client.get(page["iiif"])
    info = json.loads(b"".join(info_response.streaming_content))
    info_response.close()
    assert info["type"] == "ImageService3"


def test_every_tile_is_served_at_its_iiif_url(client: Client) -> None:
    """Tiles are kept one file each (broadsheet.editions.tiles), but asked for, and answered, by their IIIF
    URLs: every tile of every level info.json lists, as OpenSeadragon names it, is a JPEG of its size."""
    from broadsheet.ingest.images import level_tiles

    page = client.get(f"{ED}/page/1.json").json()
    info_response = client.get(page["iiif"])
    info = json.loads(b"".join(info_response.streaming_content))
    info_response.close()
    full, tile = (info["width"], info["height"]), info["tiles"][0]
    names = [(n, box) for sf in tile["scaleFactors"] for n, box in level_tiles(full, tile["width"], sf)]
    assert names  # the sample's small pages: one tile, the whole image (full/max)
    for name, (x0, y0, x1, y1) in names:
        assert name.endswith("/0/default.jpg")
        response = client.get(f"{info['id']}/{name}")
        assert response.status_code == 200, name
        assert response["Content-Type"] == "image/jpeg" and "immutable" in response["Cache-Control"]
        with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
            assert image.size == (x1 - x0, y1 - y0), name
        response.close()
    assert client.get(f"{info['id']}/0,0,1,1/1,1/0/default.jpg").status_code == 404


def test_search_rejects_bad_dates(client: Client) -> None:
    assert client.get("/search/?q=x&from=nope").status_code == 400
    assert client.get("/search.json?q=x&from=nope").json()["error"].startswith("from must be a date")
    assert client.get("/search.json?q=ferries").json()["total"] >= 1


def test_search_totals_say_more_than_when_not_counted_and_an_old_index_is_a_503(client: Client) -> None:
    from django.template.loader import render_to_string

    from broadsheet.search.tantivy_backend import TantivyBackend

    page = render_to_string("reader/search.html", {"hits": [], "total": 20, "more": True, "params": {}})
    assert "More than 20 articles found." in page
    assert client.get("/search.json?q=ferries").json()["more"] is False
    path = TantivyBackend().index.path
    path.with_name(path.name.rsplit("-v", 1)[0] + "-v1").mkdir()
    assert "run `broadsheet reindex`" in client.get("/search.json?q=ferries").json()["error"]
    assert client.get("/search/?q=ferries").status_code == 503


def test_rtl_edition_views_are_right_to_left_from_the_html_element(site: Path, tmp_path: Path) -> None:
    _publish(tmp_path, "urdu-daily", hostile=False, language="ur")
    _publish(tmp_path, "the-test-gazette", hostile=False)
    client, urdu = Client(), "/urdu-daily/2025-04-20"
    for url in [f"{urdu}/", f"{urdu}/page/1/", f"{urdu}/article/1-a1/"]:
        assert '<html lang="ur" dir="rtl">' in client.get(url).content.decode(), url
    for url in ["/", "/search/?q=ferries", f"{ED}/", f"{ED}/page/1/", f"{ED}/article/1-a1/"]:
        assert '<html lang="en" dir="ltr">' in client.get(url).content.decode(), url


def test_every_environment_setting_is_documented() -> None:
    from broadsheet.site.environment import ENV_SETTINGS

    docs = (Path(__file__).parents[2] / "docs" / "reader.md").read_text(encoding="utf-8")
    missing = [s.name for s in ENV_SETTINGS if s.name not in docs]
    assert not missing, f"document these in docs/reader.md: {missing}"


def test_search_results_link_the_article_with_the_query(client: Client) -> None:
    html = client.get("/search/?q=lighthouse").content.decode()
    assert f'href="{ED}/page/1/?q=lighthouse#article=1-a1"' in html
    assert f'href="{ED}/article/1-a1/?q=lighthouse"' in html


def test_article_opened_with_a_query_marks_the_hits_in_its_text(client: Client) -> None:
    html = client.get(f"{ED}/article/1-a1/?q=LIGHTHOUSE+harbour").content.decode()
    assert "<h1><mark>Harbour</mark> ferries to run again</h1>" in html
    assert "repaint the old <mark>lighthouse</mark> before" in html
    assert '<meta property="og:title" content="Harbour ferries to run again">' in html
    assert f'href="{ED}/page/1/?q=LIGHTHOUSE+harbour#article=1-a1"' in html
    assert "<mark>" not in client.get(f"{ED}/article/1-a1/").content.decode()
    hostile = client.get("/hostile-herald/2025-04-20/article/2-a2/?q=script").content.decode()
    assert "&lt;<mark>script</mark>&gt;window.pwned=1&lt;/<mark>script</mark>&gt;" in hostile
    assert "<script>window" not in hostile and "<img src=x" not in hostile


def test_article_json_with_a_query_has_the_text_cut_at_the_hits(client: Client) -> None:
    data = client.get(f"{ED}/article/1-a3.json?q=cafe").json()
    assert data["highlight"]["title"] == ["", "Café", " owners celebrate"]
    assert data["highlight"]["paragraphs"][0][1::2] == ["café"] * 3
    assert "".join(data["highlight"]["paragraphs"][0]) == data["paragraphs"][0]
    assert "highlight" not in client.get(f"{ED}/article/1-a3.json").json()


def test_page_view_with_a_query_marks_the_regions_of_articles_with_hits(client: Client) -> None:
    html = client.get(f"{ED}/page/1/?q=lighthouse").content.decode()
    assert html.count('class="region found"') == 1
    assert f'class="region found" href="{ED}/article/1-a1/?q=lighthouse"' in html
    assert f'href="{ED}/article/1-a2/?q=lighthouse"' in html
