"""*Replace PDF* in headless Chromium against a real server and its worker: an edition corrected on pages 1
and 2 is replaced by a PDF whose page 2 changed; the new one is built, its page says which pages kept
their corrections and which lost them, and page 1 is as the staff left it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from tests.newsroom.browsing import add_publication, edit_headline, page_items, upload_edition
from tests.newsroom.editions import generated
from tests.pdfs import pages_of
from tests.web.test_accessibility import _violations

if TYPE_CHECKING:
    from playwright.sync_api import Page

KEPT, DROPPED = "Zebrafinch council approves quayside ferry plan", "Okapi festival returns to the marina"


def _correct_headline(tab: Page, url: str, edition_id: str, number: int, headline: str) -> str:
    """Give the first article with a headline on page ``number`` a new one, in the review editor; its uid."""
    tab.goto(f"{url}/staff/editions/{edition_id}/pages/{number}/")
    tab.wait_for_selector("#sheet[data-ready=true]")
    first = next(i for i in page_items(tab, url, edition_id, number) if i["kind"] == "article" and i["headline"])
    edit_headline(tab, first["uid"], headline)
    return str(first["uid"])


def test_replace_pdf_keeps_the_corrections_of_unchanged_pages_and_says_which_were_dropped(
    page: Page, staff_site: tuple[str, Path], tmp_path: Path
) -> None:
    url, _ = staff_site
    add_publication(page, url)
    pdf = generated(tmp_path / "first", pages=3, seed=7).pdf
    upload_edition(page, url, pdf)
    edition_id = re.findall(r"/staff/editions/(\d+)/", page.url)[0]
    kept_uid = _correct_headline(page, url, edition_id, 1, KEPT)
    _correct_headline(page, url, edition_id, 2, DROPPED)

    other = generated(tmp_path / "other", pages=3, seed=8).pdf
    new_pdf = pages_of(tmp_path / "new.pdf", (pdf, 1), (other, 2), (pdf, 3))
    page.goto(f"{url}/staff/editions/{edition_id}/")
    page.get_by_label("The new PDF, or its page images in order").set_input_files(str(new_pdf))
    page.get_by_role("button", name="Replace PDF").click()
    page.wait_for_url(re.compile(r".*/staff/editions/(?!" + edition_id + r"/)\d+/$"))
    page.get_by_text("Building the new PDF: its unchanged pages keep their corrections.").wait_for()
    page.wait_for_selector("#status[data-status=review]", timeout=120_000)  # the progress page reloads when done
    new_id = re.findall(r"/staff/editions/(\d+)/", page.url)[0]

    summary = page.locator("#kept-corrections")
    assert "Kept the corrections of page 1: it prints the same." in summary.inner_text()
    dropped = summary.locator(".dropped li").all_inner_texts()
    assert dropped == [
        "Dropped the corrections of page 2: its content changed: no page of the new PDF prints what it printed."
    ]
    page.get_by_role("link", name="the edition it replaces (Replaced)").wait_for()
    page.get_by_role("button", name="Replace PDF").wait_for()  # the new one can be replaced in its turn
    assert _violations(page) == []  # axe-core: the summary and the form are readable by everyone

    items = {i["uid"]: i for i in page_items(page, url, new_id, 1)}
    assert items[kept_uid]["headline"] == KEPT  # the same article, its id kept, as the staff left it
    assert DROPPED not in [i.get("headline") for i in page_items(page, url, new_id, 2)]
    page.get_by_role("link", name="Dashboard").click()
    assert "corrections dropped on page 2 (its page says why)" in page.locator("#review").inner_text()
