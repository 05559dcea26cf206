"""Boxed stories (``broadsheet.extract.boxes``): a frame that opens with a head of its
own bounds a story; a headline outside it claims none of its text."""

from __future__ import annotations

from pathlib import Path

from broadsheet.extract.blocks import Role
from broadsheet.extract.boxes import assign_frames
from broadsheet.extract.model import ItemType
from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn, story
from tests.extract.scanned_blocks import text_block
from tests.pdfs import Draw, box, column, photo, text_at

HEADLINE = "Bridge Plan Goes to the Board"


def _boxed_text(top: float) -> list[Draw]:
    return [column(x + 8, top, WIDTH - 16, 10, seed=20 + 3 * k) for k, x in enumerate(COLUMNS)]


def test_a_frame_under_a_title_drawn_as_a_picture_is_a_story_of_its_own(tmp_path: Path) -> None:
    """Regression (Echorouk 7977 p13, labelled blind): a framed box of sayings, its title a picture
    of a ribbon hanging over the frame's top edge, had no headline set in type; its text went to the
    story whose headline stood over its columns higher up the page."""
    result = extract_drawn(
        tmp_path,
        *story(100, HEADLINE, lines=12),
        box(36, 320, 540, 170),
        photo(130, 300, 352, 44),
        *_boxed_text(356),
    )
    stories = articles(result)
    assert len(stories) == 2
    (boxed,) = [a for a in stories if a.headline != HEADLINE]
    assert boxed.type is ItemType.ARTICLE and boxed.body


def test_a_frame_under_a_band_holding_no_text_is_a_story_of_its_own(tmp_path: Path) -> None:
    """Regression (Echorouk 7977 p13, labelled blind): a box under a tinted band whose title is
    drawn, not set in type (the band holds no text), was read as more of the story above."""
    result = extract_drawn(
        tmp_path,
        *story(100, HEADLINE, lines=12),
        box(36, 276, 540, 18, fill=(0.95, 0.6, 0.2)),
        box(36, 294, 540, 150),
        *_boxed_text(300),
    )
    assert len(articles(result)) == 2


def test_a_frame_round_a_storys_photo_and_its_columns_leaves_them_the_storys(tmp_path: Path) -> None:
    """A border round the lower part of a story, its photo across the top of the frame and not
    the frame's title, must not cut the story's columns off from its headline: the photo runs
    down the frame, not across its top part."""
    result = extract_drawn(
        tmp_path,
        *story(100, HEADLINE, lines=6),
        box(36, 250, 540, 240),
        photo(44, 258, 330, 130),
        *(column(x + 8, 396, WIDTH - 16, 8, seed=20 + 3 * k) for k, x in enumerate(COLUMNS)),
    )
    assert [a.headline for a in articles(result)] == [HEADLINE]


def test_a_tint_behind_a_headline_its_kicker_and_a_one_line_byline_boxes_no_story() -> None:
    """Regression (Echorouk 7998 p8): a tint behind a kicker, a headline and a one-line byline opened
    with a head over "body text" (the byline), so it bounded a story of its own, and the columns
    under it went to the story above; a box with two lines of text under its head still does."""
    kicker = text_block(244, 421, 351, ["Festival opens on Wednesday"], Role.KICKER)
    head = text_block(80, 435, 515, ["Bridge Plan Goes to the Board"], Role.HEADLINE)
    byline = text_block(500, 469, 541, ["Oran office"])
    columns = [text_block(x, 489, x + WIDTH, ["words"] * 10) for x in COLUMNS]
    tint = (40.0, 416.0, 555.0, 482.0)
    blocks = [kicker, head, byline, *columns]
    assign_frames(blocks, [tint])
    assert [b.frame for b in blocks] == [None] * len(blocks)
    byline.lines.append(byline.lines[0])  # two lines of text in the box: a boxed story
    assign_frames(blocks, [tint])
    assert [b.frame for b in (kicker, head, byline)] == [0, 0, 0]


def test_a_boxed_story_with_a_drawn_title_beside_a_boxed_story_is_not_its_column(tmp_path: Path) -> None:
    """Regression (Echorouk 7998 p2): two boxes side by side, one story each; the second one's title a
    picture, its text was joined to the story before it as that story's last column, level with its own."""
    result = extract_drawn(
        tmp_path,
        box(40, 100, 256, 300),
        text_at(46, 108, "New Passport Service Opens", "Helvetica-Bold", 16),
        photo(46, 132, 246, 90),
        column(46, 230, 246, 14, seed=3, full_stop=True),
        box(298, 100, 257, 300),
        photo(304, 104, 245, 30),
        photo(304, 140, 245, 82),
        column(304, 230, 245, 14, seed=9),
    )
    stories = articles(result)
    assert len(stories) == 2
    (passport,) = [a for a in stories if a.headline]
    assert all(region[2] <= 297 for region in passport.regions)


def test_a_bold_label_in_a_boxed_storys_corner_over_its_head_leaves_it_boxed() -> None:
    """Regression (fresh generated daily page, seed 3214 page 1): "Science" in bold in a boxed
    story's top corner, over its head, was text above the box's head: the box was taken for one
    holding the end of a story headed outside it, and its label, byline and first column went to
    the lead above; a line of running text above the head still unboxes it, and so does a bold
    name standing further over the head."""
    label = text_block(34, 670, 61, ["Science"], bold=True)
    head = text_block(125, 683, 517, ["The Board Questioned the Plan"], Role.HEADLINE)
    columns = [text_block(x, 737, x + WIDTH, ["words"] * 10) for x in COLUMNS]
    frame = (28.0, 663.0, 615.0, 974.0)
    blocks = [label, head, *columns]
    assign_frames(blocks, [frame])
    assert [b.frame for b in blocks] == [0] * len(blocks)
    run_on = text_block(34, 670, 61, ["of the committee."])
    assign_frames([run_on, head, *columns], [frame])
    assert run_on.frame is head.frame is None
    # a name in bold far over the head (Echorouk 7977 p4: the lead's byline atop a frame round its
    # lower part) is no label of a boxed story
    byline = text_block(34, 670, 61, ["Jane Morrison"], bold=True)
    lower_head = text_block(125, 720, 517, ["The Board Questioned the Plan"], Role.HEADLINE)
    assign_frames([byline, lower_head, *columns], [frame])
    assert byline.frame is lower_head.frame is None
