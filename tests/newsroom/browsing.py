"""What the browser tests do in the newsroom as a person would: log in, add a publication, upload an edition."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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
