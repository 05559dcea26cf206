"""The reader in headless Chromium against a real server: panel, History, search, keyboard, phone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from broadsheet.web.testing import HOSTILE

if TYPE_CHECKING:
    from playwright.sync_api import Page

PAGE1 = "/the-test-gazette/2025-04-20/page/1/"


def _open_page(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#viewer[data-ready=true]")


def test_article_panel_history_reopen_and_clear(page: Page, live_url: str) -> None:
    _open_page(page, live_url + PAGE1)
    page.locator('.region[data-key="1-a2"]').first.click()
    panel = page.locator("#article-panel")
    panel.wait_for(state="visible")
    page.wait_for_function("document.getElementById('panel-headline').textContent.length > 0")
    assert page.locator("#panel-headline").text_content() == "Library opens night reading room"
    assert "Students crowded" in (page.locator("#panel-body").text_content() or "")
    page.get_by_role("button", name="Close").first.click()
    assert panel.is_hidden()

    page.goto(live_url + "/the-test-gazette/")  # History works across pages
    page.get_by_role("button", name="History").click()
    items = page.locator("#history-list a")
    assert items.all_text_contents() == ["Library opens night reading room"]
    assert "The Test Gazette, 2025-04-20, page 1" in (page.locator("#history-list").text_content() or "")
    items.first.click()
    page.wait_for_function("document.getElementById('panel-headline').textContent.includes('Library')")
    assert page.locator("#article-panel").is_visible()

    page.get_by_role("button", name="History").click()
    page.get_by_role("button", name="Clear History").click()
    page.get_by_role("button", name="Yes, clear history").click()
    assert page.locator("#history-list a").count() == 0
    assert page.locator("#history-empty").is_visible()


def test_search_finds_an_article_and_opens_it(page: Page, live_url: str) -> None:
    page.goto(live_url + "/search/")
    page.get_by_label("Words").fill("lighthouse")
    page.get_by_role("button", name="Search").click()
    assert page.locator(".snippet mark").first.text_content() == "lighthouse"
    page.locator(".result-link").first.click()
    page.wait_for_function("document.getElementById('panel-headline').textContent.includes('Harbour')")
    assert page.locator(".region.active").count() >= 1


def test_font_size_is_remembered_and_next_article(page: Page, live_url: str) -> None:
    _open_page(page, live_url + PAGE1)
    page.locator('.region[data-key="1-a1"]').first.click()
    page.get_by_role("button", name="Larger text").click()
    page.get_by_role("button", name="Next article").click()
    page.wait_for_function("document.getElementById('panel-headline').textContent.includes('Library')")
    page.reload()
    scale = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--story-scale')")
    assert scale.strip() == "1.125"


def test_keyboard_only(page: Page, live_url: str) -> None:
    _open_page(page, live_url + PAGE1)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('region')"):
            break
    assert page.evaluate("document.activeElement.dataset.key") == "1-a1"
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('panel-headline').textContent.includes('Harbour')")
    assert page.evaluate("document.activeElement.id") == "article-panel"
    page.keyboard.press("Escape")
    assert page.locator("#article-panel").is_hidden()
    assert page.evaluate("document.activeElement.dataset.key") == "1-a1"


def test_phone_viewport(browser: object, live_url: str) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, bypass_csp=True
    )
    page = context.new_page()
    _open_page(page, live_url + PAGE1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator('.region[data-key="1-a3"]').first.tap()
    page.wait_for_function("document.getElementById('panel-headline').textContent.includes('Café')")
    box = page.locator("#article-panel").bounding_box()
    assert box is not None and box["width"] >= 380
    page.get_by_role("button", name="Close").first.tap()
    assert page.locator("#article-panel").is_hidden()
    context.close()


def test_hostile_text_is_inert_in_panel_article_search_history_and_json(page: Page, live_url: str) -> None:
    base = live_url + "/hostile-herald/2025-04-21"
    _open_page(page, base + "/page/2/")
    page.locator('.region[data-key="2-a2"]').first.click()
    page.wait_for_function("document.getElementById('panel-headline').textContent.length > 0")
    assert page.locator("#panel-headline").text_content() == HOSTILE
    assert page.locator("#article-panel script, #article-panel img").count() == 0
    page.goto(base + "/article/2-a2/")
    assert page.locator("h1").text_content() == HOSTILE
    assert page.locator("article script, article img").count() == 0
    page.goto(live_url + "/search/?q=hostile")
    assert "<script>" in (page.locator(".snippet").first.text_content() or "")
    assert page.locator(".results script, .results img").count() == 0
    page.get_by_role("button", name="History").click()
    assert page.locator("#history-list a").first.text_content() == HOSTILE
    assert page.locator("#history-panel script, #history-panel img").count() == 0
    page.goto(base + "/article/2-a2.json")
    assert page.locator("body script, body img").count() == 0
    assert page.evaluate("window.pwned") is None
