"""The reader in headless Chromium against a real server: panel, History, search, keyboard, phone."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from broadsheet.web.testing import HOSTILE, HOSTILE_HEADLINE

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
    assert "The Test Gazette, 20 April 2025, page 1" in (page.locator("#history-list").text_content() or "")
    items.first.click()
    page.wait_for_function("document.getElementById('panel-headline').textContent.includes('Library')")
    assert page.locator("#article-panel").is_visible()

    page.get_by_role("button", name="History").click()
    page.get_by_role("button", name="Clear History").click()
    page.get_by_role("button", name="Yes, clear history").click()
    assert page.locator("#history-list a").count() == 0
    assert page.locator("#history-empty").is_visible()


def test_search_finds_an_article_and_opens_it_with_the_hits_marked(page: Page, live_url: str) -> None:
    page.goto(live_url + "/search/")
    page.get_by_label("Words").fill("Lighthouse harbour")
    page.get_by_label("Publication").select_option("the-test-gazette")
    page.get_by_role("button", name="Search").click()
    assert page.locator(".result-link mark").first.text_content() == "Harbour"
    page.locator(".result-link").first.click()
    page.wait_for_function("document.getElementById('panel-headline').textContent.includes('Harbour')")
    assert page.locator("#panel-headline mark").all_text_contents() == ["Harbour"]
    assert page.locator("#panel-body mark").all_text_contents() == ["harbour", "lighthouse"]
    assert page.locator('.region.active[data-key="1-a1"]').count() >= 1
    assert page.locator(".region.found").evaluate_all("rs => rs.map(r => r.dataset.key)") == ["1-a1"]
    page.get_by_role("button", name="Next article").click()  # the query goes on marking what is opened next
    page.wait_for_function("document.getElementById('panel-headline').textContent.includes('Library')")
    assert page.locator("#article-panel mark").count() == 0
    page.goto(
        live_url + "/search/?q=creme+CAFE&publication=the-test-gazette"
    )  # folded like the index: no accents, no case
    page.get_by_role("link", name="text only").first.click()
    assert page.locator("h1 mark").all_text_contents() == ["Café"]
    assert page.locator(".body mark").all_text_contents() == ["café", "crème"] * 3


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


def _hostile_article_key(page: Page, edition_url: str) -> str:
    """The article the real extractor read the hostile text into: the test fails here if it read none."""
    articles = page.request.get(edition_url + "/page/2.json").json()["articles"]
    keys = [a["key"] for a in articles if a["headline"] == HOSTILE_HEADLINE and HOSTILE in "".join(a["paragraphs"])]
    assert keys, f"no article has the hostile headline and body: {[a['headline'] for a in articles]}"
    return str(keys[0])


def _assert_inert(page: Page, scope: str) -> None:
    assert page.locator(f"{scope} script, {scope} img").count() == 0
    assert page.evaluate("window.pwned") is None


def test_hostile_text_from_a_pdf_is_inert_in_panel_article_search_history_and_json(page: Page, live_url: str) -> None:
    """The hostile edition was drawn into a PDF and ingested through the real extraction (build_site)."""
    base = live_url + "/hostile-herald/2025-04-21"
    key = _hostile_article_key(page, base)
    _open_page(page, base + "/page/2/")
    page.locator(f'.region[data-key="{key}"]').first.click()
    page.wait_for_function("document.getElementById('panel-headline').textContent.length > 0")
    assert page.locator("#panel-headline").text_content() == HOSTILE_HEADLINE
    assert HOSTILE in (page.locator("#panel-body").text_content() or "")
    _assert_inert(page, "#article-panel")
    page.goto(base + f"/article/{key}/")
    assert page.locator("h1").text_content() == HOSTILE_HEADLINE
    assert HOSTILE in (page.locator("article .body").text_content() or "")
    _assert_inert(page, "article")
    page.goto(live_url + "/search/?q=pwned")
    assert page.locator(".result-link").first.text_content() == HOSTILE_HEADLINE
    assert "<script>window.pwned=1</script>" in (page.locator(".snippet").first.text_content() or "")
    _assert_inert(page, ".results")
    page.locator(".result-link").first.click()  # opened from the search: marked, and still inert
    page.wait_for_function("document.querySelectorAll('#panel-headline mark').length > 0")
    assert page.locator("#panel-headline").text_content() == HOSTILE_HEADLINE
    assert page.locator("#panel-headline mark").all_text_contents() == ["pwned"]
    _assert_inert(page, "#article-panel")
    page.get_by_role("button", name="History").click()
    assert page.locator("#history-list a").all_text_contents() == [HOSTILE_HEADLINE]
    _assert_inert(page, "#history-panel")
    page.goto(base + f"/article/{key}.json")
    assert json.loads(page.locator("body").inner_text())["headline"] == HOSTILE_HEADLINE
    _assert_inert(page, "body")
