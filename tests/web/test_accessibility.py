"""axe-core (from npm, installed by `make setup`) finds no serious or critical violation on the reader's pages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from broadsheet.web.testing import COURIER, GENERATED_DATE, generated_slug

if TYPE_CHECKING:
    from playwright.sync_api import Page

AXE = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "/",
    "archive": "/the-test-gazette/",
    "archive-month-steps": f"/{COURIER}/?month=2025-01",
    "edition": "/the-test-gazette/2025-04-20/",
    "page": "/the-test-gazette/2025-04-20/page/1/",
    "page-rtl": f"/{generated_slug('ar')}/{GENERATED_DATE}/page/1/",
    "page-urdu": f"/{generated_slug('ur')}/{GENERATED_DATE}/page/1/",  # the interface in Urdu, in Nastaliq
    "edition-urdu": f"/{generated_slug('ur')}/{GENERATED_DATE}/",
    "archive-arabic": f"/{generated_slug('ar')}/",
    "article": "/the-test-gazette/2025-04-20/article/1-a1/",
    "search": "/search/?q=harbour",
    "article-with-hits": "/the-test-gazette/2025-04-20/article/1-a1/?q=harbour+lighthouse",
}


def _violations(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_violations(page: Page, live_url: str, name: str) -> None:
    assert AXE.is_file(), f"{AXE} is missing: run `make setup` (npm ci installs axe-core)"
    page.goto(live_url + PAGES[name])
    if name.startswith("page"):
        page.wait_for_selector("#viewer[data-ready=true]")
    assert _violations(page) == []


@pytest.mark.parametrize(
    "name", ["home", "archive-month-steps", "page", "page-rtl", "page-urdu", "article-with-hits", "search"]
)
def test_no_serious_violations_in_dark_mode(page: Page, live_url: str, name: str) -> None:
    """Dark mode's own colours pass too (axe checks contrast against what is drawn)."""
    page.emulate_media(color_scheme="dark")
    page.goto(live_url + PAGES[name])
    if name.startswith("page"):
        page.wait_for_selector("#viewer[data-ready=true]")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(20, 21, 24)"
    assert _violations(page) == []


def test_open_panel_and_history_have_no_serious_violations(page: Page, live_url: str) -> None:
    page.goto(live_url + PAGES["page"] + "?q=harbour#article=1-a1")  # as a search result opens it: hits marked
    page.locator("#article-panel mark").first.wait_for(state="visible")
    page.get_by_role("button", name="History").click()
    assert _violations(page) == []
