"""Steps the browser tests take on the reader's pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Request


def open_page(page: Page, url: str) -> None:
    """Go to a page view and wait for its deep zoom viewer to be ready."""
    page.goto(url)
    page.wait_for_selector("#viewer[data-ready=true]")


def read_first_article(page: Page) -> None:
    """Click the page's first article and wait for the panel to show it."""
    page.locator(".region").first.click()
    page.locator("#article-panel").wait_for(state="visible")
    page.wait_for_function("document.getElementById('panel-headline').textContent.length > 0")


# Notes when (ms since the page was asked for) the viewer says deep zoom is ready.
_NOTE_READY = """new MutationObserver((_, observer) => {
  const viewer = document.getElementById("viewer");
  if (viewer && viewer.dataset.ready === "true") { window.deepZoomReady = performance.now(); observer.disconnect(); }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });"""


def cold_page_view(browser: Browser, url: str) -> tuple[dict[str, int], float]:
    """What a page view costs a reader who has never been here: the bytes received per URL (headers and body
    as sent, compressed where they were) from a fresh context with an empty cache until deep zoom is ready
    and the network is quiet, and the seconds from asking for the page to deep zoom being ready (the
    browser's own clock, when ``data-ready`` is set: not the time it takes Playwright to notice)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(_NOTE_READY)
    page = context.new_page()
    received: dict[str, int] = {}

    def count(request: Request) -> None:
        sizes = request.sizes()
        received[request.url] = sizes["responseHeadersSize"] + sizes["responseBodySize"]

    page.on("requestfinished", count)
    open_page(page, url)
    ready = float(page.evaluate("window.deepZoomReady")) / 1000
    page.wait_for_load_state("networkidle")
    context.close()
    return received, ready
