"""What was found on a press PDF's printed part is placed on the whole page; its slug is furniture."""

from __future__ import annotations

from broadsheet.extract.margins import MAX_MARGIN_GLYPHS, margin_lines, on_whole_page
from broadsheet.extract.model import Item, ItemType, LineDecision, PageResult


def _glyphs(x: float, y: float, n: int, size: float = 6.0) -> list[tuple[float, float, float, float]]:
    return [(x + k * size * 0.6, y, x + (k + 1) * size * 0.6, y + size) for k in range(n)]


def test_the_slugs_glyphs_make_its_lines() -> None:
    file_and_time = _glyphs(0, 810, 30) + _glyphs(30 * 3.6 + 10, 810, 20)  # a word gap between
    colours = _glyphs(400, 810, 12)  # far along the same foot
    side = _glyphs(-30, 300, 8)
    lines = margin_lines(file_and_time + colours + side)
    assert [tuple(round(v, 1) for v in line) for line in lines] == [
        (-30, 300, -1.2, 306),
        (0, 810, 190, 816),
        (400, 810, 443.2, 816),
    ]


def test_a_crowd_of_glyphs_in_the_margins_is_one_block() -> None:
    crowd = _glyphs(0, 810, MAX_MARGIN_GLYPHS + 1, size=1)
    assert len(margin_lines(crowd)) == 1


def test_items_move_onto_the_whole_page_and_the_slug_is_furniture() -> None:
    result = PageResult("p.pdf", 1, 600, 800, items=[Item("a1", ItemType.ARTICLE, [(10, 20, 110, 220)])])
    result.items.append(Item("f1", ItemType.FURNITURE, [(0, 780, 600, 790)]))
    result.decisions = [LineDecision((10, 20, 110, 32), "Head", 12, "Bold", "headline", "r", "a1", "r")]
    moved = on_whole_page(result, (30, 40, 30, 20), _glyphs(0, 805, 10))
    assert (moved.width, moved.height) == (660, 860)
    assert moved.items[0].regions == [(40, 60, 140, 260)]
    assert moved.decisions[0].box == (40, 60, 140, 72)
    slug = moved.items[-1]
    assert (slug.id, slug.type) == ("f2", ItemType.FURNITURE)
    assert [tuple(round(v, 1) for v in box) for box in slug.regions] == [(30, 845, 66, 851)]


def test_a_page_without_margins_is_left_as_it_is() -> None:
    result = PageResult("p.pdf", 1, 600, 800, items=[Item("a1", ItemType.ARTICLE, [(10, 20, 110, 220)])])
    assert on_whole_page(result, (0, 0, 0, 0), []).items[0].regions == [(10, 20, 110, 220)]
