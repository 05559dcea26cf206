"""Left-to-right and right-to-left editions in headless Chromium: every outline sits on its article's
region as the deep-zoom viewer itself maps it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from broadsheet.web.testing import GENERATED_DATE, generated_slug

if TYPE_CHECKING:
    from playwright.sync_api import Browser, FloatRect, Locator, Page

LANGUAGE = {"ltr": "en", "rtl": "ar"}
TOLERANCE = 2.0  # px, the target for outlines

# Each region of each article mapped to the screen by OpenSeadragon's own image-to-element conversion
# (not by page.js's arithmetic), next to the box of the outline drawn for it and the article found
# where a click at the region's centre lands.
OUTLINES = """articles => {
  const viewer = OpenSeadragon.getViewer(document.getElementById("viewer"));
  viewer.element.scrollIntoView();
  const image = viewer.world.getItemAt(0), size = image.getContentSize();
  const origin = viewer.container.getBoundingClientRect();
  const screen = (x, y) => image.imageToViewerElementCoordinates(new OpenSeadragon.Point(x * size.x, y * size.y));
  return articles.flatMap(a => {
    const outlines = document.querySelectorAll('.region[data-key="' + CSS.escape(a.key) + '"]');
    return a.regions.map((r, i) => {
      const tl = screen(r.x, r.y), br = screen(r.x + r.w, r.y + r.h);
      const expected = [origin.left + tl.x, origin.top + tl.y, br.x - tl.x, br.y - tl.y];
      const o = outlines[i] && outlines[i].getBoundingClientRect();
      const hit = document.elementFromPoint(expected[0] + expected[2] / 2, expected[1] + expected[3] / 2);
      return {key: a.key, region: i, expected: expected, outline: o ? [o.left, o.top, o.width, o.height] : null,
              clicked: hit && hit.closest(".region") ? hit.closest(".region").dataset.key : null};
    });
  });
}"""

# The viewer has stopped moving: its springs are at their targets.
SETTLED = """() => {
  const v = OpenSeadragon.getViewer(document.getElementById("viewer")).viewport;
  return v.getZoom(true) === v.getZoom(false) && v.getCenter(true).equals(v.getCenter(false));
}"""


def _edition(live_url: str, direction: str) -> str:
    return f"{live_url}/{generated_slug(LANGUAGE[direction])}/{GENERATED_DATE}"


def _box(locator: Locator) -> FloatRect:
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not displayed"
    return box


def _open_page(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#viewer[data-ready=true]")
    page.wait_for_function(SETTLED)


@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_outlines_sit_on_their_regions_as_the_viewer_maps_them(page: Page, live_url: str, direction: str) -> None:
    base = _edition(live_url, direction)
    articles = page.request.get(base + "/page/1.json").json()["articles"]
    _open_page(page, base + "/page/1/")
    boxes: list[dict[str, Any]] = page.evaluate(OUTLINES, articles)
    assert len(boxes) == sum(len(a["regions"]) for a in articles) >= 8
    off = [
        b
        for b in boxes
        if b["outline"] is None or max(abs(o - e) for o, e in zip(b["outline"], b["expected"], strict=True)) > TOLERANCE
    ]
    assert off == [], f"{len(off)} of {len(boxes)} outlines are off their regions: {off[:3]}"
    assert [b["clicked"] for b in boxes] == [b["key"] for b in boxes]


@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_outlines_without_javascript_sit_on_their_regions(browser: Browser, live_url: str, direction: str) -> None:
    """Before deep zoom (or without it) the outlines are laid over the screen image by the stylesheet alone."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    base = _edition(live_url, direction)
    articles = page.request.get(base + "/page/1.json").json()["articles"]
    page.goto(base + "/page/1/")
    image = _box(page.locator("#page-canvas img"))
    for a in articles:
        outlines = page.locator(f'.region[data-key="{a["key"]}"]')
        assert outlines.count() == len(a["regions"])
        for i, r in enumerate(a["regions"]):
            box = _box(outlines.nth(i))
            expected = (image["x"] + r["x"] * image["width"], image["y"] + r["y"] * image["height"])
            assert abs(box["x"] - expected[0]) <= TOLERANCE and abs(box["y"] - expected[1]) <= TOLERANCE, a["key"]
            assert abs(box["width"] - r["w"] * image["width"]) <= TOLERANCE, a["key"]
    context.close()
