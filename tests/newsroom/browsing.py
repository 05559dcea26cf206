"""What the browser tests do in the newsroom as a person would: log in, add a publication, upload an
edition, select items on a page and correct them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.newsroom.conftest import PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import Page


def log_in(tab: Page, url: str, name: str) -> None:
    tab.goto(url + "/staff/login/")
    tab.get_by_label("User name").fill(name)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Log in").click()
    tab.wait_for_url(url + "/staff/")


def add_publication(tab: Page, url: str) -> None:
    log_in(tab, url, "ada")
    tab.get_by_role("link", name="Publications").click()
    tab.get_by_label("Short name (in URLs)").fill("the-courier")
    tab.get_by_label("Name", exact=True).fill("The Courier")
    tab.get_by_role("button", name="Add publication").click()
    tab.get_by_text("Added The Courier.").wait_for()
    tab.get_by_role("button", name="Log out").click()


def upload_edition(tab: Page, url: str, pdf: Path) -> None:
    log_in(tab, url, "eddie")
    tab.get_by_role("link", name="Upload", exact=True).click()
    tab.get_by_label("Publication").select_option(label="The Courier")
    tab.get_by_label("Date", exact=True).fill("2025-05-01")
    tab.get_by_label("The edition's PDF, or its page images in order").set_input_files(str(pdf))
    tab.get_by_role("button", name="Upload").click()
    tab.wait_for_selector("#status[data-status=review]", timeout=120_000)  # the progress page reloads when done


def saved(tab: Page, what: str) -> None:
    """Wait for the review editor to say the change ``what`` (its summary's start) was saved."""
    tab.wait_for_function(
        "t => document.getElementById('status').textContent.startsWith(t)", arg=f"Saved: {what}", timeout=15_000
    )


def select(tab: Page, uid: str, shift: bool = False) -> None:
    tab.locator(f'.box[data-uid="{uid}"][data-index="0"]').click(modifiers=["Shift"] if shift else None)


def page_items(tab: Page, url: str, edition_id: str, number: int) -> list[dict[str, Any]]:
    """The items of page ``number`` of an edition, as the review editor reads them."""
    items: list[dict[str, Any]] = tab.request.get(f"{url}/staff/editions/{edition_id}/pages/{number}.json").json()[
        "items"
    ]
    return items


def edit_headline(tab: Page, uid: str, headline: str) -> None:
    select(tab, uid)
    tab.get_by_label("Headline").fill(headline)
    tab.get_by_label("Headline").press("Enter")
    saved(tab, "edited the headline")
