"""Steps the browser tests take on the reader's pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page


def open_page(page: Page, url: str) -> None:
    """Go to a page view and wait for its deep zoom viewer to be ready."""
    page.goto(url)
    page.wait_for_selector("#viewer[data-ready=true]")


def read_first_article(page: Page) -> None:
    """Click the page's first article and wait for the panel to show it."""
    page.locator(".region").first.click()
    page.locator("#article-panel").wait_for(state="visible")
    page.wait_for_function("document.getElementById('panel-headline').textContent.length > 0")
