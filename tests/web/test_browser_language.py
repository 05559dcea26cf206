"""The interface language in headless Chromium against a real server (issue 10, item 2): an Urdu edition in
Urdu, right to left, its scripts' words too; the switch to English, remembered on the next page; an English
edition in English; Nastaliq and Naskh fetched for Urdu and Arabic text only, as small woff2 subsets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect

from broadsheet.web.testing import GENERATED_DATE, generated_slug
from tests.web.pages import open_page, read_first_article

if TYPE_CHECKING:
    from playwright.sync_api import Page, Response

URDU, ARABIC, ENGLISH = (f"/{generated_slug(lang)}/{GENERATED_DATE}" for lang in ("ur", "ar", "en"))
NASTALIQ_BYTES, NASKH_BYTES = 170_000, 110_000  # the Arabic-script subsets in woff2: ~160 KB, and ~53 KB a weight


def _html(page: Page) -> tuple[str | None, str | None]:
    html = page.locator("html")
    return html.get_attribute("lang"), html.get_attribute("dir")


def _fonts(page: Page) -> list[tuple[str, int]]:
    """Record the fonts the page fetches (name, bytes)."""
    fetched: list[tuple[str, int]] = []

    def record(response: Response) -> None:
        if "/vendor/noto" in response.url:
            fetched.append((response.url.rsplit("/", 1)[-1], len(response.body())))

    page.on("response", record)
    return fetched


def _family(page: Page, selector: str) -> str:
    return str(page.locator(selector).evaluate("el => getComputedStyle(el).fontFamily"))


def test_an_urdu_edition_is_in_urdu_and_the_switch_to_english_is_remembered(page: Page, live_url: str) -> None:
    fonts = _fonts(page)
    open_page(page, live_url + URDU + "/page/1/")
    assert _html(page) == ("ur", "rtl")
    read_first_article(page)
    for name in ("بند کریں", "A− چھوٹا متن", "A+ بڑا متن", "A متن کا اصل سائز", "لنک کاپی کریں", "اگلا مضمون"):
        expect(page.get_by_role("button", name=name, exact=True)).to_have_count(1)
    page.get_by_role("button", name="سابقہ مطالعہ", exact=True).click()
    expect(page.get_by_role("button", name="سابقہ مطالعہ مٹائیں")).to_be_visible()
    # written by the script, with the words and month names the server gave it
    expect(page.locator("#history-list .muted")).to_have_text("Generated Ur، 22 اپریل 2025، صفحہ 1")
    page.keyboard.press("Escape")

    # Urdu in Nastaliq, from npm's package, one woff2 weight of its Arabic-script subset, swapped in when loaded
    assert _family(page, "#panel-body p >> nth=0").startswith('"Noto Nastaliq Urdu"')
    faces = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => [f.family, f.display])")
    assert faces == [["Noto Nastaliq Urdu", "swap"]]
    assert [name for name, _ in fonts] == ["noto-nastaliq-urdu-arabic-400-normal.woff2"]
    assert sum(size for _, size in fonts) < NASTALIQ_BYTES

    page.get_by_role("button", name="English", exact=True).click()
    page.wait_for_url(live_url + URDU + "/page/1/")  # back on the page it was chosen on
    page.wait_for_selector("#viewer[data-ready=true]")
    assert _html(page) == ("en", "ltr")
    expect(page.get_by_role("button", name="History", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Next page")).to_be_visible()
    # the paper's text stays Urdu, right to left, in Nastaliq; the interface around it is English
    assert page.locator("#panel-article").evaluate("el => [el.lang, el.dir]") == ["ur", "rtl"]
    assert page.locator(".strip").get_attribute("dir") == "rtl"

    page.get_by_role("link", name="Next page").click()  # remembered on the next page
    page.wait_for_url(live_url + URDU + "/page/2/")
    assert _html(page) == ("en", "ltr")
    page.get_by_role("button", name="History", exact=True).click()
    expect(page.get_by_role("button", name="Clear History")).to_be_visible()
    expect(page.locator("#history-list .muted")).to_have_text("Generated Ur, 22 April 2025, page 1")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="اردو", exact=True).click()
    page.wait_for_url(live_url + URDU + "/page/2/")
    assert _html(page) == ("ur", "rtl")


def test_an_arabic_edition_is_in_arabic_with_arabic_indic_digits_in_naskh(page: Page, live_url: str) -> None:
    fonts = _fonts(page)
    open_page(page, live_url + ARABIC + "/page/2/")
    assert _html(page) == ("ar", "rtl")
    expect(page.locator(".page-head h1 .muted")).to_have_text("٢٢ إبريل ٢٠٢٥ · الصفحة ٢ من ٣")
    read_first_article(page)
    page.get_by_role("button", name="سجل القراءة", exact=True).click()
    expect(page.get_by_role("button", name="مسح السجل")).to_be_visible()
    expect(page.locator("#history-list .muted")).to_have_text("Generated Ar، ٢٢ إبريل ٢٠٢٥، الصفحة ٢")
    assert _family(page, "#history-clear").startswith('"Noto Naskh Arabic"')
    page.wait_for_function("document.fonts.status === 'loaded'")
    assert sorted(name for name, _ in fonts) == [
        "noto-naskh-arabic-arabic-400-normal.woff2",
        "noto-naskh-arabic-arabic-700-normal.woff2",
    ]
    assert sum(size for _, size in fonts) < 2 * NASKH_BYTES


def test_an_english_edition_stays_english_and_fetches_no_web_font(page: Page, live_url: str) -> None:
    fonts = _fonts(page)
    open_page(page, live_url + ENGLISH + "/page/1/")
    assert _html(page) == ("en", "ltr")
    read_first_article(page)
    for name in ("Close", "A− smaller text", "A+ larger text", "A reset text size", "Copy link", "Next article"):
        expect(page.get_by_role("button", name=name, exact=True)).to_have_count(1)
    page.get_by_role("button", name="History", exact=True).click()
    expect(page.get_by_role("button", name="Clear History")).to_be_visible()
    assert _family(page, "#panel-body p >> nth=0").startswith('"DejaVu Sans"')
    page.wait_for_function("document.fonts.status === 'loaded'")
    assert fonts == []  # the switch names Urdu and Arabic in the system's fonts: no web font for two words


@pytest.mark.parametrize(("url", "expected"), [("/search/", "en"), (URDU + "/", "ur"), (ARABIC + "/", "ar")])
def test_pages_without_a_choice_take_the_papers_language_or_english(
    page: Page, live_url: str, url: str, expected: str
) -> None:
    page.goto(live_url + url)
    assert _html(page)[0] == expected
    current: Any = page.locator(".languages [aria-current=true]").get_attribute("value")
    assert current == expected
