"""The newsroom in headless Chromium against a real server and its worker: log in, upload a generated
edition, watch it processed, correct it (merge, split, edit, retype, undo), publish; a reader then sees
the corrections and search finds them; a correction after publishing makes a version, and an older
version can be restored."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from tests.newsroom.browsing import add_publication, edit_headline, page_items, saved, select, upload_edition
from tests.newsroom.editions import generated

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

NEW_HEADLINE = "Quayside zebrafinch council approves ferry plan"
SECOND_HEADLINE = "Quayside zebrafinch council delays ferry plan"


def _search(reader: Page, url: str, words: str, expected: list[str]) -> None:
    """Search follows a correction within moments (a task the server's worker runs): ask until it has."""
    for _ in range(40):
        reader.goto(f"{url}/search/?q={words}")
        if reader.locator(".result-link").all_inner_texts() == expected:
            return
        reader.wait_for_timeout(250)
    raise AssertionError(f"search for {words} never found {expected}")


def _reader_headline(reader: Page, url: str) -> str:
    reader.goto(url)
    return reader.locator("h1").first.inner_text()


def test_log_in_upload_correct_publish_read_search_and_restore(
    page: Page, browser: Browser, staff_site: tuple[str, Path], tmp_path: Path
) -> None:
    url, _ = staff_site
    add_publication(page, url)
    upload_edition(page, url, generated(tmp_path, pages=2, seed=7).pdf)
    edition_id = re.findall(r"/staff/editions/(\d+)/", page.url)[0]
    page.get_by_role("link", name="Review page 1").click()
    page.wait_for_selector("#sheet[data-ready=true]")
    articles = [i for i in page_items(page, url, edition_id, 1) if i["kind"] == "article" and i["headline"]]
    merged_into, merged, edited, retyped = articles[:4]

    select(page, merged_into["uid"])
    select(page, merged["uid"], shift=True)
    page.get_by_role("button", name="Merge").click()
    saved(page, "merged")
    regions = {i["uid"]: i["regions"] for i in page_items(page, url, edition_id, 1)}[merged_into["uid"]]
    tallest = max(range(len(regions)), key=lambda n: regions[n][3] - regions[n][1])
    select(page, merged_into["uid"])
    page.get_by_role("button", name="Split").click()
    page.locator(f'.box[data-uid="{merged_into["uid"]}"][data-index="{tallest}"]').click()  # at its middle
    saved(page, "split")
    edit_headline(page, edited["uid"], NEW_HEADLINE)
    select(page, retyped["uid"])
    page.get_by_label("Type").select_option("advert")
    saved(page, "made")
    assert page.locator(f'.box[data-uid="{retyped["uid"]}"]').first.get_attribute("data-kind") == "advert"
    page.get_by_role("button", name="Undo").click()
    saved(page, "undid: made")
    assert page.locator(f'.box[data-uid="{retyped["uid"]}"]').first.get_attribute("data-kind") == "article"
    after = {i["uid"]: i for i in page_items(page, url, edition_id, 1)}
    assert merged["uid"] not in after and after[edited["uid"]]["headline"] == NEW_HEADLINE
    assert len(after[merged_into["uid"]]["regions"]) <= tallest + 1  # the regions after the line went to a new article
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Published: readers see version 1 now.").wait_for()

    reader = browser.new_context().new_page()  # logged out
    edition_url = f"{url}/the-courier/2025-05-01"
    article_url = f"{edition_url}/article/{edited['key']}/"
    assert _reader_headline(reader, article_url) == NEW_HEADLINE
    assert reader.goto(f"{edition_url}/article/{merged['key']}/").status == 404  # type: ignore[union-attr]
    _search(reader, url, "zebrafinch+approves", [NEW_HEADLINE])
    reader.goto(f"{url}/search/?q=" + "%22" + "+".join(edited["headline"].split()) + "%22")
    assert not reader.locator(f'.result-link[href*="/article/{edited["key"]}/"]').count()

    page.goto(f"{url}/staff/editions/{edition_id}/pages/1/")  # a correction to the published edition
    page.wait_for_selector("#sheet[data-ready=true]")
    edit_headline(page, edited["uid"], SECOND_HEADLINE)
    assert page.locator("#version").inner_text() == "2"
    assert _reader_headline(reader, article_url) == SECOND_HEADLINE
    _search(reader, url, "zebrafinch+delays", [SECOND_HEADLINE])

    page.get_by_role("link", name="Versions").click()
    page.get_by_role("button", name="Restore version 1").click()
    page.get_by_text("Restored version 1: readers see it as version 3.").wait_for()
    assert _reader_headline(reader, article_url) == NEW_HEADLINE
    _search(reader, url, "zebrafinch+delays", [])
    _search(reader, url, "zebrafinch+approves", [NEW_HEADLINE])
    reader.context.close()
