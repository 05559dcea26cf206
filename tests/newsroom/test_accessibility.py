"""axe-core finds no serious or critical violation on the staff pages (as tests/web/test_accessibility.py
does for the reader's)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.newsroom.browsing import add_publication, log_in, upload_edition
from tests.newsroom.editions import generated
from tests.web.test_accessibility import AXE, _violations

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PAGES = [
    "/staff/",
    "/staff/upload/",
    "/staff/editions/{e}/",
    "/staff/editions/{e}/pages/1/",
    "/staff/editions/{e}/versions/",
]
ADMIN_PAGES = ["/staff/users/", "/staff/publications/"]


@pytest.fixture(scope="module")
def uploaded(browser: Browser, staff_site: tuple[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An edition waiting for review; yields its id."""
    url, _ = staff_site
    context = browser.new_context()
    tab = context.new_page()
    add_publication(tab, url)
    upload_edition(tab, url, generated(tmp_path_factory.mktemp("gen"), pages=1, seed=5).pdf)
    edition_id = re.findall(r"/staff/editions/(\d+)/", tab.url)[0]
    context.close()
    yield edition_id


def _check(page: Page, url: str) -> list[dict[str, Any]]:
    assert AXE.is_file(), f"{AXE} is missing: run `make setup` (npm ci installs axe-core)"
    page.goto(url)
    if "/pages/" in url:
        page.wait_for_selector("#sheet[data-ready=true]")
        page.locator(".box[data-kind=article]").first.click()  # the panel open, as an editor works
    return _violations(page)


def test_the_login_page(page: Page, staff_site: tuple[str, Path]) -> None:
    page.goto(staff_site[0] + "/staff/login/")
    assert _violations(page) == []


@pytest.mark.parametrize("path", PAGES)
def test_editor_pages(page: Page, staff_site: tuple[str, Path], uploaded: str, path: str) -> None:
    log_in(page, staff_site[0], "eddie")
    assert _check(page, staff_site[0] + path.format(e=uploaded)) == []


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_admin_pages(page: Page, staff_site: tuple[str, Path], path: str) -> None:
    log_in(page, staff_site[0], "ada")
    assert _check(page, staff_site[0] + path) == []
