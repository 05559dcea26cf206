"""What an edition shows is cached per build: served again unchanged, replaced with the edition."""

from __future__ import annotations

import json
import socket
from pathlib import Path

from django.test import Client, override_settings

from broadsheet.web.testing import SampleArticle, publish_sample, sample_pages

PAGE = "/the-test-gazette/2025-04-20/page/1/"


def _publish(tmp_path: Path, pages: list[list[SampleArticle]]) -> None:
    publish_sample(tmp_path, pages=pages)


def test_a_reingested_edition_is_shown_at_once_not_the_cached_one(site: Path, tmp_path: Path) -> None:
    from broadsheet.editions.models import Article

    _publish(tmp_path, sample_pages())
    client = Client()
    first = client.get(PAGE).content.decode()
    Article.objects.filter(key="1-a2").update(headline="Changed behind the cache's back")
    assert client.get(PAGE).content.decode() == first  # the build is immutable: served from the cache
    assert "Changed behind" in client.get(PAGE + "?q=library").content.decode()  # queries are rendered
    pages = sample_pages()
    pages[0][1] = SampleArticle("Library closes for the summer", "Readers will have to wait. " * 4)
    _publish(tmp_path, pages)
    fresh = client.get(PAGE).content.decode()
    assert "Library closes for the summer" in fresh and "Library opens" not in fresh
    # another story in the same place is another article: the old one's URL does not show it
    assert client.get("/the-test-gazette/2025-04-20/article/1-a2.json").status_code == 404
    assert (
        client.get("/the-test-gazette/2025-04-20/article/1-a2-2.json").json()["headline"].startswith("Library closes")
    )


def test_a_new_build_drops_what_the_old_build_had_in_the_cache(site: Path, tmp_path: Path) -> None:
    """No request names a replaced build again: its responses would only hold memory, re-ingest after
    re-ingest, until the cache's MAX_ENTRIES."""
    from django.core.cache import cache

    from broadsheet.web.caching import BUILD_KEYS

    edition = "the-test-gazette/2025-04-20"
    _publish(tmp_path, sample_pages())
    client = Client()
    for url in (PAGE, "/the-test-gazette/2025-04-20/page/2/", "/the-test-gazette/2025-04-20/article/1-a1.json"):
        assert client.get(url).status_code == 200
    old = BUILD_KEYS.keys(edition)
    assert len(old) == 3 and all(cache.get(key) is not None for key in old)
    _publish(tmp_path, sample_pages())
    assert client.get(PAGE).status_code == 200
    new = BUILD_KEYS.keys(edition)
    assert [cache.get(key) is None for key in old] == [True, True, True]
    assert len(new) == 1 and cache.get(new[0]) is not None


def test_missing_things_are_not_cached_as_found(site: Path, tmp_path: Path) -> None:
    _publish(tmp_path, sample_pages())
    client = Client()
    assert client.get("/the-test-gazette/2025-04-20/page/9/").status_code == 404
    assert client.get("/the-test-gazette/2025-04-21/page/1/").status_code == 404
    assert client.get(PAGE).status_code == 200


def test_unknown_parameters_are_served_from_the_cache(site: Path, tmp_path: Path) -> None:
    from broadsheet.editions.models import Article

    _publish(tmp_path, sample_pages())
    client = Client()
    first = client.get(PAGE).content.decode()
    Article.objects.filter(key="1-a2").update(headline="Changed behind the cache's back")
    for params in ["?utm_source=feed", "?page=2&x=1", "?q=", "?Q=library"]:
        assert client.get(PAGE + params).content.decode() == first, params
    assert "Changed behind" in client.get(PAGE + "?q=library&utm_source=feed").content.decode()


def test_reader_responses_say_how_long_to_keep_them_and_answer_304_when_unchanged(site: Path, tmp_path: Path) -> None:
    _publish(tmp_path, sample_pages())
    client = Client()
    for url in ["/", "/the-test-gazette/", PAGE, PAGE + "?q=library", PAGE.rstrip("/") + ".json", "/search/?q=ferries"]:
        response = client.get(url)
        assert response["Cache-Control"] == "public, no-cache", url  # a correction must show at once
        again = client.get(url, headers={"If-None-Match": response["ETag"]})
        assert (again.status_code, again.content) == (304, b""), url
        assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200, url
    assert "Cache-Control" not in client.get("/search.json?q=ferries&page=0")
    with override_settings(BROADSHEET_CACHE_SECONDS=60):
        assert client.get("/").headers["Cache-Control"] == "public, max-age=60"


READER_URLS = [
    "/",
    "/the-test-gazette/",
    "/the-test-gazette/2025-04-20/",
    "/the-test-gazette/2025-04-20.json",
    PAGE,
    "/the-test-gazette/2025-04-20/page/1.json",
    "/the-test-gazette/2025-04-20/page/1/?q=ferries",
    "/the-test-gazette/2025-04-20/article/1-a1/",
    "/the-test-gazette/2025-04-20/article/1-a1.json",
    "/search/?q=ferries",
    "/search.json?q=ferries",
]


def _raw(base: str, method: str, path: str) -> tuple[int, dict[str, str], bytes]:
    """One request on its own connection, and everything the server sent back: status, headers, body."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall(f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}
    return int(status_line.split()[1]), headers, body


def test_every_reader_view_answers_head_like_get_and_405_to_other_methods(live_url: str) -> None:
    media = json.loads(_raw(live_url, "GET", "/the-test-gazette/2025-04-20/page/1.json")[2])["thumbnail"]
    for url in [*READER_URLS, media]:
        status, headers, body = _raw(live_url, "GET", url)
        assert status == 200 and body, url
        for _ in range(2):  # the second time from the cache, where there is one
            head_status, head_headers, head_body = _raw(live_url, "HEAD", url)
            assert (head_status, head_body) == (200, b""), url
            for name in ("content-type", "cache-control", "etag"):
                assert head_headers.get(name) == headers.get(name), (url, name)
            for method in ("POST", "PUT", "DELETE", "TRACE", "PATCH"):
                refused, refused_headers, _ = _raw(live_url, method, url)
                assert refused == 405, (url, method)
                assert refused_headers["allow"] == "GET, HEAD", (url, method)
