"""The reader finished (issue 10, item 8), in headless Chromium against a real server: dark mode that
follows the system and a switch that is remembered; no sideways scrolling on a phone even for a 300-letter
word; the archive calendar moving between months and years, mirrored in a right-to-left page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from broadsheet.web.testing import COURIER, COURIER_DATES, GENERATED_DATE, LONG_WORD, generated_slug
from tests.web.pages import open_page, read_first_article

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ARCHIVE = f"/{COURIER}/"
PAPER = "rgb(251, 250, 247)"  # --paper, light
NIGHT = "rgb(20, 21, 24)"  # --paper, dark


def _background(page: Page) -> str:
    return str(page.evaluate("getComputedStyle(document.body).backgroundColor"))


def _switch(page: Page) -> tuple[str | None, str | None]:
    """The switch's state and what is remembered."""
    pressed = page.get_by_role("button", name="Dark mode").get_attribute("aria-pressed")
    return pressed, page.evaluate("localStorage.getItem('broadsheet.theme')")


def test_dark_mode_follows_the_system_setting(page: Page, live_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(live_url + "/")
    assert _background(page) == PAPER and _switch(page) == ("false", None)
    page.emulate_media(color_scheme="dark")  # the system changes while the page is open
    expect(page.get_by_role("button", name="Dark mode")).to_have_attribute("aria-pressed", "true")
    assert _background(page) == NIGHT and _switch(page) == ("true", None)
    assert page.evaluate("getComputedStyle(document.documentElement).colorScheme") == "dark"  # form controls too
    page.emulate_media(media="print")  # printed on white paper all the same
    assert _background(page) == "rgb(255, 255, 255)"
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"


def test_the_dark_mode_switch_is_remembered_and_can_go_back_to_the_system(page: Page, live_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(live_url + "/")
    page.get_by_role("button", name="Dark mode").click()
    assert _background(page) == NIGHT and _switch(page) == ("true", '"dark"')
    page.goto(live_url + ARCHIVE)  # remembered across pages, applied before the first paint (theme.js)
    assert page.evaluate("document.documentElement.dataset.theme") == "dark" and _background(page) == NIGHT
    page.get_by_role("button", name="Dark mode").click()  # back to light, the system's own: nothing kept
    assert _background(page) == PAPER and _switch(page) == ("false", None)
    page.emulate_media(color_scheme="dark")
    expect(page.get_by_role("button", name="Dark mode")).to_have_attribute("aria-pressed", "true")
    assert _background(page) == NIGHT  # following the system again

    page.get_by_role("button", name="Dark mode").click()  # light on a dark system: remembered
    page.reload()
    assert _background(page) == PAPER and _switch(page) == ("false", '"light"')


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True, bypass_csp=True
    )
    yield context.new_page()
    context.close()


def _no_sideways_scroll(page: Page, what: str) -> None:
    width, client = page.evaluate("[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
    assert client == 360 and width <= client, f"{what}: {width} px wide in a {client} px screen"


def test_no_sideways_scrolling_on_a_phone_even_for_a_300_letter_word(phone: Page, live_url: str) -> None:
    assert len(LONG_WORD) == 300
    edition = f"/{COURIER}/{COURIER_DATES[-1]}"
    for url in ("/", ARCHIVE, f"{edition}/", f"{edition}/article/1-a1/", "/search/?q=slipway"):
        phone.goto(live_url + url)
        if url not in ("/", ARCHIVE):  # the pages that show the article's title or text
            assert LONG_WORD in (phone.locator("main").text_content() or ""), url
        _no_sideways_scroll(phone, url)
    phone.goto(live_url + f"{edition}/page/1/")
    phone.wait_for_selector("#viewer[data-ready=true]")
    phone.locator('.region[data-key="1-a1"]').first.tap()
    phone.wait_for_function("document.getElementById('panel-headline').textContent.includes('Quayside')")
    _no_sideways_scroll(phone, "page with the article open")
    box = phone.locator("#panel-headline").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360  # wrapped, not cut
    phone.get_by_role("button", name="Close").first.tap()
    phone.get_by_role("button", name="History").tap()
    _no_sideways_scroll(phone, "History")


@pytest.mark.parametrize("language", ["ur", "ar"])
def test_no_sideways_scrolling_on_a_phone_in_urdu_and_arabic(phone: Page, live_url: str, language: str) -> None:
    """The interface's longer words, in Nastaliq's wide letters, and the language switch in the header too."""
    paper = f"/{generated_slug(language)}"
    phone.context.add_cookies([{"name": "broadsheet_language", "value": language, "url": live_url}])
    for url in ("/", f"{paper}/", f"{paper}/{GENERATED_DATE}/", f"{ARCHIVE}?month=2025-01", "/search/?q=slipway"):
        phone.goto(live_url + url)
        assert phone.locator("html").get_attribute("lang") == language, url
        _no_sideways_scroll(phone, url)
    phone.goto(live_url + f"{paper}/{GENERATED_DATE}/page/1/")
    phone.wait_for_selector("#viewer[data-ready=true]")
    phone.locator(".region").first.tap()
    phone.wait_for_function("document.getElementById('panel-headline').textContent.length > 0")
    _no_sideways_scroll(phone, "page with the article open")
    phone.locator("#panel-close").tap()
    phone.locator("#history-toggle").tap()
    _no_sideways_scroll(phone, "History")


def _caption(page: Page) -> str:
    return str(page.locator(".calendar caption").text_content())


def test_the_archive_calendar_moves_between_months_and_years(page: Page, live_url: str) -> None:
    page.goto(live_url + ARCHIVE)
    assert _caption(page) == "March 2025"  # the latest edition's month
    assert page.get_by_role("link", name="Next month").count() == 0  # nothing after the last edition
    assert page.get_by_role("link", name="Next year").count() == 0
    page.get_by_role("link", name="Previous month: February 2025").click()
    assert _caption(page) == "February 2025" and "No editions in February 2025" in page.locator("main").inner_text()
    page.get_by_role("link", name="Previous month").click()
    assert _caption(page) == "January 2025"
    page.get_by_role("link", name="15 January 2025", exact=True).click()
    assert page.url.endswith(f"/{COURIER}/2025-01-15/")
    page.go_back()

    page.get_by_role("link", name="Previous year").click()  # a year back is before the first edition: its month
    assert _caption(page) == "November 2024" and page.url.endswith("?month=2024-11")
    assert page.get_by_role("link", name="Previous year").count() == 0
    assert page.get_by_role("link", name="Previous month").count() == 0
    page.get_by_role("link", name="Next month").click()
    assert _caption(page) == "December 2024"
    page.get_by_role("link", name="Next year: March 2025").click()
    assert _caption(page) == "March 2025"

    page.get_by_label("Go to month").select_option("2024-11")  # straight to any month with editions
    page.get_by_role("button", name="Show").click()
    assert _caption(page) == "November 2024"
    assert page.get_by_role("link", name="30 November 2024", exact=True).count() == 1


def test_the_calendar_steps_mirror_in_a_right_to_left_page(page: Page, live_url: str) -> None:
    page.goto(live_url + ARCHIVE + "?month=2025-01")
    left_to_right = {k: _x(page, k) for k in ("prev-year", "prev-month", "next-month")}
    assert (
        left_to_right["prev-year"] < left_to_right["next-month"]
        and left_to_right["prev-month"] < left_to_right["next-month"]
    )
    page.evaluate("document.documentElement.dir = 'rtl'")
    right_to_left = {k: _x(page, k) for k in left_to_right}
    assert (
        right_to_left["prev-year"] > right_to_left["next-month"]
        and right_to_left["prev-month"] > right_to_left["next-month"]
    )
    arrow = "getComputedStyle(document.querySelector('.cal-prev-month .arrow'), '::before').content"
    assert page.evaluate(arrow) == '"→"'  # backwards points right in a right-to-left page


def _x(page: Page, kind: str) -> float:
    box = page.locator(f".cal-{kind}").bounding_box()
    assert box is not None
    return float(box["x"])


PAPER_PAGE = f"/{generated_slug('en')}/{GENERATED_DATE}/page/1/"


def test_share_appears_only_where_the_browser_can_share(page: Page, live_url: str) -> None:
    """Headless Chromium on Linux has no Web Share API: the button stays hidden, Copy link is there."""
    open_page(page, live_url + PAPER_PAGE)
    read_first_article(page)
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()
    expect(page.get_by_role("button", name="Share")).to_have_count(0)


def test_share_hands_the_articles_headline_and_address_to_the_systems_share_sheet(page: Page, live_url: str) -> None:
    """Where the browser has the Web Share API (a phone), Share passes the open article on. The API is
    the platform's, absent here: a stand-in records what the page hands it."""
    page.add_init_script("navigator.share = (data) => { window.shared = data; return Promise.resolve(); };")
    open_page(page, live_url + PAPER_PAGE)
    read_first_article(page)
    page.get_by_role("button", name="Share").click()
    shared = page.evaluate("window.shared")
    headline = page.locator("#panel-headline").text_content()
    assert shared["title"] == headline and headline
    assert shared["url"].startswith(live_url + f"/{generated_slug('en')}/{GENERATED_DATE}/article/")
