"""Reading order: the recursive XY-cut and what it does where no clean cut exists."""

from __future__ import annotations

from broadsheet.extract.model import Direction
from broadsheet.extract.order import reading_order
from broadsheet.geometry import Box

# A page in an L: a third column on the left; a story across the right two thirds (its head over
# two columns, the second running on down); a story whose head crosses the feet of the first two.
L_SHAPED: dict[str, Box] = {
    "left top": (0, 0, 200, 240),
    "left foot": (0, 250, 200, 500),
    "right head": (220, 0, 430, 30),
    "right first column": (220, 40, 320, 500),
    "right column running on": (330, 40, 430, 700),
    "foot head": (0, 510, 320, 530),
    "foot first column": (0, 540, 150, 700),
    "foot second column": (170, 540, 320, 700),
}


def _order(boxes: dict[str, Box], direction: Direction = "ltr") -> list[str]:
    names = list(boxes)
    return [names[i] for i in reading_order([boxes[n] for n in names], direction, 8.0)]


def test_an_l_shaped_region_reads_its_columns_before_the_story_across_their_feet() -> None:
    """Regression (Echorouk 7977 page 7): a story's head across the feet of two columns, with a
    column running on down beside it, left no clean cut; the region was read top to bottom, so
    a lead's columns came after the next column's story and went to it."""
    assert _order(L_SHAPED) == list(L_SHAPED)


def test_an_l_shaped_region_right_to_left_reads_the_right_columns_first() -> None:
    mirrored: dict[str, Box] = {name: (430 - x1, y0, 430 - x0, y1) for name, (x0, y0, x1, y1) in L_SHAPED.items()}
    order = _order(mirrored, "rtl")
    assert order[:2] == ["left top", "left foot"] and order[-3:] == list(L_SHAPED)[-3:]


def test_columns_under_a_picture_under_a_centred_head_are_not_parted_at_their_level_tops() -> None:
    """Regression (generated daily page, seed 1215 page 3): a head centred over two columns, a jump
    line and a picture across both over them, is no L: the columns start level with each other and
    are read left to right (taking the first off as the region's foot read it after the second)."""
    boxes: dict[str, Box] = {
        "head": (251, 528, 333, 553),
        "jump line": (39, 557, 123, 567),
        "picture": (39, 572, 545, 692),
        "caption": (39, 695, 263, 704),
        "left column": (39, 713, 287, 830),
        "right column": (296, 713, 543, 836),
    }
    names = list(boxes)
    order = reading_order([boxes[n] for n in names], "ltr", 10.0, floating=[2, 3])
    text = [names[i] for i in order if names[i] not in ("picture", "caption")]
    assert text == ["head", "jump line", "left column", "right column"]


def test_a_head_overhanging_the_next_storys_column_does_not_stop_the_cut_between_them() -> None:
    """Regression (an Urdu page printed by Chromium): a Nastaliq headline's kaf reached 5 pt past its
    story's column into the next story's, on its right; no cut parted the two stories, so the page's
    foot was read line by line across both and a story's columns came out in pieces. Its descenders
    reach into the first lines under it too."""
    boxes: dict[str, Box] = {
        "right story's head": (628, 626, 812, 645),
        "right story's column": (557, 648, 812, 806),
        "left story's head": (32, 621, 561, 681.4),
        "its right column": (380, 680.3, 552, 896),
        "its middle column": (206, 680.3, 376, 896),
        "its left column": (30, 680.3, 200, 884),
    }
    names = list(boxes)
    order = reading_order([boxes[n] for n in names], "rtl", 11.3)  # the page's line pitch
    assert [names[i] for i in order] == names


def test_a_head_whose_descenders_reach_into_the_columns_under_it_is_read_before_them() -> None:
    """Regression (an Urdu page printed by Chromium): a Nastaliq head across two columns reached a
    point into their first lines' boxes; no y parted it from them, and the columns' paragraphs were
    read level by level across both."""
    boxes: dict[str, Box] = {
        "head": (0, 0, 300, 31.1),
        "left first paragraph": (0, 30, 140, 100),
        "left second paragraph": (0, 110, 140, 200),
        "right first paragraph": (160, 30, 300, 120),
        "right second paragraph": (160, 130, 300, 200),
    }
    names = list(boxes)
    assert [names[i] for i in reading_order([boxes[n] for n in names], "ltr", 11.3)] == names
