"""What a reader's browser downloads for a page view, cold (issue 10: ≤ 600 KB): the page, its scripts and
styles (OpenSeadragon gzipped) and the tiles deep zoom shows first — not the screen image that the tiles
would hide, which is only for readers without deep zoom."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.web.pages import cold_page_view

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PAGE1 = "/the-test-gazette/2025-04-20/page/1/"
BUDGET = 600_000  # bytes
OPENSEADRAGON = "/static/vendor/openseadragon/openseadragon.min.js"


def test_a_cold_page_view_stays_within_its_budget_without_the_screen_image(browser: Browser, live_url: str) -> None:
    received, _ = cold_page_view(browser, live_url + PAGE1)
    total = sum(received.values())
    biggest = sorted(received.items(), key=lambda kv: -kv[1])[:5]
    assert total <= BUDGET, f"{total} bytes for a cold page view; the biggest: {biggest}"
    assert any("/iiif/" in url and url.endswith("default.jpg") for url in received), "no tiles were shown"
    assert not [url for url in received if url.endswith("screen.jpg")], "the screen image was downloaded"


def test_openseadragon_is_served_gzipped(page: Page, live_url: str) -> None:
    response = page.request.get(live_url + OPENSEADRAGON, headers={"Accept-Encoding": "gzip"})
    assert response.ok
    assert response.headers.get("content-encoding") == "gzip", "run `make node-packages` to compress it"


def test_without_openseadragon_the_page_shows_its_screen_image(page: Page, live_url: str) -> None:
    page.route("**" + OPENSEADRAGON, lambda route: route.abort())
    page.goto(live_url + PAGE1)
    image = page.locator("#page-canvas > img")
    image.wait_for(state="visible")
    assert (image.get_attribute("src") or "").endswith("screen.jpg")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert image.get_attribute("alt") == "Page 1 of The Test Gazette, 20 April 2025"
    assert page.locator("#viewer").get_attribute("data-ready") is None


def test_when_the_tiles_cannot_be_opened_the_page_shows_its_screen_image(page: Page, live_url: str) -> None:
    page.route("**/iiif/info.json", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(live_url + PAGE1)
    image = page.locator("#page-canvas > img")
    image.wait_for(state="visible")
    assert (image.get_attribute("src") or "").endswith("screen.jpg")
    assert page.locator(".region").first.is_visible()
