"""What a reader's browser downloads for a page view, cold (issue 10: ≤ 600 KB): the page, its scripts and
styles (OpenSeadragon gzipped) and the tiles deep zoom shows first — not the screen image that the tiles
would hide, which is only for readers without deep zoom."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.web.pages import cold_page_view, open_page

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
    assert not [url for url in received if "/openseadragon/images/" in url], "OpenSeadragon's buttons were fetched"
    thumbs = [url.rsplit("/", 1)[-1] for url in received if "/thumb" in url]
    assert thumbs and set(thumbs) == {"thumb-small.jpg"}, f"the strip on a 1× screen fetched {thumbs}"


def test_the_strip_gives_high_density_screens_the_larger_thumbnail(browser: Browser, live_url: str) -> None:
    context = browser.new_context(device_scale_factor=2)
    page = context.new_page()
    page.goto(live_url + PAGE1)
    image = page.locator(".strip img").first
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    assert image.evaluate("img => img.currentSrc").endswith("/thumb.jpg")
    context.close()


ZOOM = "() => OpenSeadragon.getViewer(document.getElementById('viewer')).viewport.getZoom(false)"


def test_the_pages_own_zoom_buttons_zoom_in_out_and_back(page: Page, live_url: str) -> None:
    open_page(page, live_url + PAGE1)
    home = page.evaluate(ZOOM)
    page.get_by_role("button", name="+ zoom in").click()
    assert page.evaluate(ZOOM) > home * 1.5
    page.get_by_role("button", name="− zoom out").press("Enter")  # keyboards have them as any button
    page.get_by_role("button", name="− zoom out").press(" ")
    assert page.evaluate(ZOOM) < home
    page.get_by_role("button", name="⌂ whole page").click()
    assert abs(page.evaluate(ZOOM) - home) < 1e-6


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
