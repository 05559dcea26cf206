"""Left-to-right and right-to-left editions in headless Chromium: every outline sits on its article's
region as the deep-zoom viewer itself maps it, and the page, its panel and History mirror with the edition."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import pytest
from PIL import Image

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

# The box of the first occurrence of ``text`` as rendered inside an element.
TEXT_BOX = """(el, text) => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(text);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const r = range.getBoundingClientRect();
      return {x: r.x, y: r.y, width: r.width, height: r.height};
    }
  }
  return null;
}"""

# A link's or button's arrow and the letter of its label it stands next to ("next": the label's last).
ARROW = r"""(el, forward) => {
  const arrow = el.querySelector(".arrow"), node = forward ? arrow.previousSibling : arrow.nextSibling;
  const at = node.data.search(forward ? /\S\s*$/ : /\S/);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + 1);
  const box = r => ({x: r.x, y: r.y, width: r.width, height: r.height});
  return {arrow: box(arrow.getBoundingClientRect()), letter: box(range.getBoundingClientRect())};
}"""


def _edition(live_url: str, direction: str) -> str:
    return f"{live_url}/{generated_slug(LANGUAGE[direction])}/{GENERATED_DATE}"


def _box(locator: Locator) -> FloatRect:
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not displayed"
    return box


def _text_box(locator: Locator, text: str) -> FloatRect:
    box: FloatRect | None = locator.evaluate(TEXT_BOX, text)
    assert box is not None, f"{text!r} is not in {locator}"
    return box


def _follows(first: FloatRect, then: FloatRect, direction: str) -> bool:
    """Whether ``then`` comes after ``first`` in the reading direction: to its right in LTR, left in RTL."""
    if direction == "rtl":
        return then["x"] + then["width"] <= first["x"] + 1
    return then["x"] >= first["x"] + first["width"] - 1


def _at_start(inner: FloatRect, outer: FloatRect, direction: str) -> bool:
    """Whether ``inner`` sits in the half of ``outer`` where lines start."""
    middle = outer["x"] + outer["width"] / 2
    centre = inner["x"] + inner["width"] / 2
    return centre > middle if direction == "rtl" else centre < middle


def _pointing(arrow: Locator) -> str:
    """Which way an arrow is drawn on the screen, read from its pixels: its head is its tallest column of ink."""
    image = Image.open(io.BytesIO(arrow.screenshot())).convert("L")
    dark, light = image.getextrema()
    ink = image.point(lambda v: 255 if v < (dark + light) / 2 else 0)
    heights = []
    for x in range(image.width):
        column = ink.crop((x, 0, x + 1, image.height)).getbbox()
        heights.append(column[3] - column[1] if column else 0)
    head = heights.index(max(heights))
    return "left" if head < image.width / 2 else "right"


def _assert_arrow(control: Locator, forward: bool, direction: str) -> None:
    """A "next" arrow stands after its label and points the way reading goes; a "previous" one stands
    before its label and points back."""
    boxes = control.evaluate(ARROW, forward)
    before, after = (boxes["letter"], boxes["arrow"]) if forward else (boxes["arrow"], boxes["letter"])
    assert _follows(before, after, direction), f"the arrow of {control} is on the wrong side: {boxes}"
    left = (direction == "rtl") == forward
    assert _pointing(control.locator(".arrow")) == ("left" if left else "right"), f"{control} points the wrong way"


def _html(page: Page) -> tuple[str | None, str | None]:
    html = page.locator("html")
    return html.get_attribute("lang"), html.get_attribute("dir")


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


@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_edition_and_article_views_take_the_editions_language_and_direction(
    page: Page, live_url: str, direction: str
) -> None:
    base = _edition(live_url, direction)
    page.goto(base + "/")
    assert _html(page) == (LANGUAGE[direction], direction)
    thumbs = page.locator(".strip li")
    assert _follows(_box(thumbs.nth(0)), _box(thumbs.nth(1)), direction)
    page.locator(".contents a").first.click()
    assert _html(page) == (LANGUAGE[direction], direction)
    _assert_arrow(page.locator('.pager a[rel="next"]'), True, direction)
    page.goto(live_url + "/search/")
    assert _html(page) == ("en", "ltr")


@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_page_panel_and_history_mirror_with_the_edition(page: Page, live_url: str, direction: str) -> None:
    _open_page(page, _edition(live_url, direction) + "/page/2/")
    assert _html(page) == (LANGUAGE[direction], direction)
    prev, nxt = page.locator('.pager a[rel="prev"]'), page.locator('.pager a[rel="next"]')
    assert _follows(_box(prev), _box(nxt), direction)
    _assert_arrow(prev, False, direction)
    _assert_arrow(nxt, True, direction)

    page.locator(".region").first.click()
    panel = page.locator("#article-panel")
    panel.wait_for(state="visible")
    assert _follows(_box(page.locator("#viewer")), _box(panel), direction)
    bar = _box(page.locator(".panel-bar"))
    assert _at_start(_box(page.locator("#panel-close")), bar, direction)
    _assert_arrow(page.locator("#panel-prev"), False, direction)
    _assert_arrow(page.locator("#panel-next"), True, direction)
    smaller = page.locator('[data-font="-1"]')
    assert _follows(_text_box(smaller, "A"), _text_box(smaller, "−"), "ltr")  # a sign, read "A−" either way

    page.locator("#history-toggle").click()  # named in the edition's language
    history = _box(page.locator("#history-panel"))
    window = page.viewport_size
    assert window is not None
    edge = history["x"] if direction == "rtl" else window["width"] - history["x"] - history["width"]
    assert abs(edge) <= 1, "History opens from the side the reading ends on"
    head = _box(page.locator("#history-panel .panel-head"))
    assert not _at_start(_box(page.locator("#history-close")), head, direction)
    assert _at_start(_box(page.locator("#history-clear")), head, direction)
