"""A side head: a story's headline set at the start of its columns instead of over them (Echorouk
7977 p14, right of its columns in Arabic); each test is a layout a real page got wrong."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn, story
from tests.pdfs import WORDS, Draw, column, text_at

SIDE_HEAD = ("Harbour Board", "Votes to Keep", "the Old Ferry")


def rule(y_top: float, x0: float = 40, x1: float = 555, width: float = 0.5) -> Draw:
    """A horizontal line across the page, stroked ``width`` pt wide."""

    def draw(canvas: Canvas) -> None:
        canvas.saveState()
        canvas.setLineWidth(width)
        y = canvas._pagesize[1] - y_top
        canvas.line(x0, y, x1, y)
        canvas.restoreState()

    return draw


def side_head_band(top: float, rule_width: float = 0.5) -> list[Draw]:
    """Under a rule, a three-line bold headline in the first column and its story in the next two,
    starting level with the headline's top."""
    head = [text_at(COLUMNS[0], top + k * 22, line, "Helvetica-Bold", 18) for k, line in enumerate(SIDE_HEAD)]
    body = [column(x, top, WIDTH, 16, seed=40 + 9 * k) for k, x in enumerate(COLUMNS[1:])]
    return [rule(top - 12, width=rule_width), *head, *body]


def test_a_headline_beside_the_start_of_its_columns_heads_them(tmp_path: Path) -> None:
    """It was furniture ("a headline with no text under it is a label") and its columns an untitled story."""
    result = extract_drawn(tmp_path, *story(40, "Bridge Plan Goes to the Board", lines=22), *side_head_band(360))
    ferry = next(a for a in articles(result) if a.headline == " ".join(SIDE_HEAD))
    assert ferry.body is not None and ferry.body.startswith(" ".join(WORDS[40 % len(WORDS) : 40 % len(WORDS) + 3]))
    assert len(articles(result)) == 2


def test_a_rule_stroked_thick_parts_the_band_under_it_from_the_story_above(tmp_path: Path) -> None:
    """A 2 pt line's box is 4 pt tall: it was neither a rule nor a frame, and the story above took
    the columns under it."""
    result = extract_drawn(
        tmp_path, *story(40, "Bridge Plan Goes to the Board", lines=22), *side_head_band(360, rule_width=2)
    )
    bridge = next(a for a in articles(result) if a.headline == "Bridge Plan Goes to the Board")
    ferry = next(a for a in articles(result) if a.headline == " ".join(SIDE_HEAD))
    assert bridge.body is not None and ferry.body is not None
    assert all(region[1] < 360 for region in bridge.regions)
