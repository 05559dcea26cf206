"""Reading order: the recursive XY-cut and what it does where no clean cut exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.extract.model import ItemType
from broadsheet.geometry import Box
from tests.extract.layouts import articles, generated_page, order_of

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


def test_an_l_shaped_region_reads_its_columns_before_the_story_across_their_feet() -> None:
    """Regression (Echorouk 7977 page 7): a story's head across the feet of two columns, with a
    column running on down beside it, left no clean cut; the region was read top to bottom, so
    a lead's columns came after the next column's story and went to it."""
    assert order_of(L_SHAPED) == list(L_SHAPED)


def test_an_l_shaped_region_right_to_left_reads_the_right_columns_first() -> None:
    mirrored: dict[str, Box] = {name: (430 - x1, y0, 430 - x0, y1) for name, (x0, y0, x1, y1) in L_SHAPED.items()}
    order = order_of(mirrored, "rtl")
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
    order = order_of(boxes, "ltr", 10.0, floating=("picture", "caption"))
    assert [name for name in order if name not in ("picture", "caption")] == [
        "head",
        "jump line",
        "left column",
        "right column",
    ]


# Regressions (an Urdu page printed by Chromium): a Nastaliq headline's kaf reached 5 pt past its
# story's column into the next story's, on its right, and its descenders a point into the boxes of its
# own columns' first lines; no cut parted the two stories, or the head from its columns, so the page's
# foot was read line by line across both and a story's columns came out in pieces.
OVERHANGING: dict[str, dict[str, Box]] = {
    "a kaf into the next story's column": {
        "right story's head": (628, 626, 812, 645),
        "right story's column": (557, 648, 812, 806),
        "left story's head": (32, 621, 561, 681.4),
        "its right column": (380, 680.3, 552, 896),
        "its middle column": (206, 680.3, 376, 896),
        "its left column": (30, 680.3, 200, 884),
    },
    "descenders into the columns under the head": {
        "head": (1000, 0, 1300, 31.1),
        "right first paragraph": (1160, 30, 1300, 120),
        "right second paragraph": (1160, 130, 1300, 200),
        "left first paragraph": (1000, 30, 1140, 100),
        "left second paragraph": (1000, 110, 1140, 200),
    },
}


@pytest.mark.parametrize("case", list(OVERHANGING))
def test_a_heads_ink_overhanging_what_stands_beside_or_under_it_does_not_stop_the_cuts(case: str) -> None:
    boxes = OVERHANGING[case]
    assert order_of(boxes, "rtl", 11.3) == list(boxes)  # the page's line pitch


# Regressions (fresh generated pages): the paragraphs of a story's columns broke level, a gap a line's
# pitch tall across them, and the region was cut there — one column's top was read, then the next
# one's top, then both feet. Seed 2116 page 3: two columns under the deck, a photo over the first;
# seed 2222 page 2: a photo and its caption atop the first column, whose foot is level with a
# paragraph gap of the second column beside it. Each case: the boxes in reading order, the line pitch.
PARAGRAPH_GAPS: dict[str, tuple[dict[str, Box], float]] = {
    "level across a story's columns under a photo": (
        {
            "deck": (49, 295, 641, 323),
            "byline": (49, 330, 118, 338),
            "photo": (49, 344, 334, 535),
            "caption": (49, 539, 258, 547),
            "first column's first paragraph": (49, 560, 343, 614),
            "first column's second paragraph": (49, 624, 343, 659),
            "second column's first paragraph": (353, 350, 647, 614),
            "second column's second paragraph": (353, 624, 647, 650),
        },
        9.2,
    ),
    "level with the foot of a caption in the column beside": (
        {
            "head": (25, 623, 257, 647),
            "byline": (25, 651, 73, 661),
            "photo": (25, 667, 141, 753),
            "caption": (25, 757, 135, 783),
            "first column under the caption": (25, 795, 141, 865),
            "second column's first paragraph": (150, 675, 266, 784),
            "second column's second paragraph": (150, 795, 266, 855),
        },
        10.0,
    ),
    # seed 2513 page 2: a lead's second column ends its text round a pull quote, a paragraph's last
    # line under it level with a paragraph gap in the first column
    "level with the foot of a pull quote in the column beside": (
        {
            "first column's paragraphs": (39, 256, 269, 492),
            "first column's last paragraph": (39, 502, 269, 529),
            "photo": (281, 251, 512, 379),
            "caption": (281, 382, 512, 391),
            "second column's text": (281, 402, 511, 447),
            "pull quote": (281, 464, 495, 492),
            "a paragraph's last line": (280, 511, 300, 519),
        },
        9.0,
    ),
    # French seed 2916 page 1: a photo's caption ends the first column's top, a pull quote the
    # second's; the gap under both, level and over a line's pitch, cut the story there
    "level with the feet of a caption and of a pull quote beside it": (
        {
            "head": (39, 709, 507, 734),
            "photo": (39, 774, 277, 944),
            "caption": (39, 947, 166, 955),
            "first column under the caption": (39, 978, 286, 1142),
            "second column's text": (294, 781, 547, 901),
            "pull quote": (295, 914, 511, 964),
            "second column under the pull quote": (295, 978, 547, 1142),
        },
        11.0,
    ),
}


@pytest.mark.parametrize("case", list(PARAGRAPH_GAPS))
def test_paragraph_gaps_in_a_row_across_a_storys_columns_do_not_cut_them(case: str) -> None:
    boxes, pitch = PARAGRAPH_GAPS[case]
    floating = tuple(name for name in ("photo", "caption", "pull quote") if name in boxes)
    assert order_of(boxes, min_gap=pitch, floating=floating) == list(boxes)


def test_a_kicker_and_byline_flush_left_beside_a_centred_heads_start_are_no_column() -> None:
    """Regression (fresh generated daily page, seed 3214 page 1): a boxed story's kicker and byline
    flush left, the byline ending where its centred head starts, a photo over the first two columns
    and the last two beside it: the kicker and byline were split off as a column of the L-shaped
    region's top, so the columns beside the photo were read before the two under it."""
    boxes: dict[str, Box] = {
        "kicker": (34, 670, 61, 680),
        "head": (125.4, 683, 517, 709),
        "byline": (34, 716, 124.9, 722),
        "photo": (34, 728, 315, 835),
        "caption": (34, 840, 211, 848),
        "first column": (34, 860, 165, 963),
        "second column's first line": (178, 860, 283, 869),
        "second column": (178, 869, 315, 963),
        "third column": (328, 737, 464, 944),
        "third column's last line": (328, 944, 464, 963),
        "fourth column": (477, 737, 608, 944),
    }
    order = order_of(boxes, min_gap=9.0, floating=("photo", "caption"))
    assert [name for name in order if name not in ("photo", "caption")] == [
        name for name in boxes if name not in ("photo", "caption")
    ]


def test_white_space_over_two_line_pitches_across_columns_still_cuts_them() -> None:
    """Two rows of a story's columns with white space between: read row by row."""
    rows = {
        "upper left": (0, 0, 100, 100),
        "upper right": (110, 0, 210, 100),
        "lower left": (0, 125, 100, 200),
        "lower right": (110, 125, 210, 200),
    }
    assert order_of(rows, min_gap=10.0) == list(rows)


def test_a_column_starting_a_little_lower_under_a_drop_cap_is_read_first_of_its_row() -> None:
    """Regression (generated page, seed 716 page 1): a story's first column, its top a line lower
    than the next columns' (under a drop cap), its kicker and byline over it and its head centred
    across the row, was taken for the foot of an L and read after the other columns."""
    boxes: dict[str, Box] = {
        "kicker": (24, 543, 80, 551),
        "head": (103, 555, 312, 575),
        "byline": (24, 579, 73, 588),
        "first column": (24, 608, 137, 849),
        "second column": (150, 597, 265, 849),
        "third column": (276, 597, 389, 832),
    }
    order = order_of(boxes, "ltr", 11.0)
    assert order[-3:] == ["first column", "second column", "third column"]


def test_ragged_paragraphs_breaking_level_in_two_columns_are_not_a_cut() -> None:
    """Regression (fresh generated plain page, seed 3522 page 3): a story's two columns set ragged
    right, their paragraphs breaking level: the right edges over and under the gap differed by a few
    points, so the gap was not taken for paragraph gaps and both columns' lower halves were read
    after both upper halves."""
    boxes: dict[str, Box] = {
        "head": (34, 51, 236, 70),
        "left upper": (34, 95, 211, 392),
        "left lower": (34, 402, 212, 535),
        "right upper": (231, 95, 411, 392),
        "right lower": (231, 402, 406, 525),
    }
    assert order_of(boxes, min_gap=9.6) == list(boxes)


def test_a_columns_last_line_under_a_paragraph_gap_is_read_before_the_next_column() -> None:
    """Regression (fresh generated Spanish daily page, seed 3322 page 3): a story's first column ending
    in a new paragraph's first line ("La dirección del hospital finan-") a blank line under its text,
    lower than the second column's foot: the gap over it was white across the region, so the line
    was read after the second column, which it runs on into."""
    boxes: dict[str, Box] = {
        "first column": (152, 242, 267, 323),
        "first column's last line": (152, 333, 267, 342),
        "second column": (276, 242, 390, 305),
    }
    assert order_of(boxes, min_gap=9.0) == list(boxes)


def test_a_columns_last_paragraph_under_a_paragraph_gap_is_read_before_the_next_column() -> None:
    """Regression (fresh generated Spanish plain page, seed 3521 page 2; English seed 3916 page 1): as
    above, the first column ending in a paragraph of three lines under the gap, level with the second
    column's foot: it was read after the second column."""
    boxes: dict[str, Box] = {
        "first column": (152, 242, 267, 323),
        "first column's last paragraph": (152, 333, 267, 361),
        "second column": (276, 242, 390, 321),
    }
    assert order_of(boxes, min_gap=9.0) == list(boxes)


def test_a_story_under_one_column_of_another_is_still_cut_off() -> None:
    """A box under a gap over one column, taller than a column's last line or two, is no column's
    foot: the white over it parts it from the columns above."""
    boxes: dict[str, Box] = {
        "first column": (152, 242, 267, 323),
        "second column": (276, 242, 390, 305),
        "story under the first column": (152, 333, 267, 420),
    }
    assert order_of(boxes, min_gap=9.0) == list(boxes)


def test_a_kicker_under_a_columns_foot_is_no_line_of_that_column() -> None:
    """Regression (generated page, seed 1815 page 3, with the first version of COLUMN_FOOT): the next
    story's kicker, flush left under a story's first column but short of its right edge, was taken
    for that column's last line, the white over it no cut, and the story's columns were read after
    the headline of the story beside them."""
    boxes: dict[str, Box] = {
        "head": (26, 435, 141, 465),
        "jump line": (26, 472, 138, 482),
        "first column": (26, 496, 154, 554),
        "second column": (164, 496, 293, 530),
        "kicker beside": (303, 430, 335, 440),
        "head beside": (303, 448, 534, 478),
        "byline beside": (303, 483, 430, 490),
        "third column": (303, 508, 431, 554),
        "fourth column": (442, 508, 569, 530),
        "next kicker": (26, 570, 138, 581),
        "next head": (26, 590, 567, 628),
    }
    assert order_of(boxes, min_gap=11.5) == list(boxes)


def test_a_ragged_columns_last_paragraph_under_a_blank_line_stays_in_its_column() -> None:
    """Regression (fresh generated French daily page, seed 3811 page 2): a story's first column set
    ragged, its last paragraph under a blank line, the second column ending level with the first's
    paragraph over it: the last paragraph, its longest line a little short of the paragraph's over it,
    was not flush with it, and was read after the second column."""
    boxes: dict[str, Box] = {
        "head": (560, 893, 785, 928),
        "first column": (560, 960, 672.4, 1077),
        "its last paragraph": (560, 1091, 669.6, 1125),
        "second column": (683, 959, 794, 1077),
    }
    assert order_of(boxes, min_gap=11.9) == list(boxes)


def test_a_rule_drawn_column_by_column_parts_the_rows_as_one_across_the_page() -> None:
    """Regression (fresh generated French daily page, seed 3911 page 3): the rule under a lead's row
    drawn in three pieces, broken at the gutters, none across most of the page; the lead's last
    column was read after the row of stories under the rule."""
    boxes: dict[str, Box] = {
        "head": (23.9, 61.46, 368.11, 128.86),
        "deck": (23.79, 135.64, 327.07, 178.77),
        "photo": (23.9, 184.86, 319.17, 316.19),
        "caption": (23.9, 320.57, 241.97, 328.37),
        "first column": (23.9, 356.38, 171.64, 476.04),
        "credit": (322.17, 255.99, 328.41, 315.19),
        "second column": (180.71, 345.36, 328.46, 476.04),
        "third column": (337.53, 191.08, 485.27, 277.68),
        "pull quote": (337.53, 299.32, 481.26, 350.06),
        "third column, on": (337.53, 367.76, 485.28, 476.04),
        "fourth column": (494.35, 191.08, 642.1, 465.02),
        "next head": (23.9, 498.47, 164.09, 511.46),
        "jump line": (23.9, 518.23, 98.84, 527.33),
        "its text": (23.9, 543.72, 171.64, 619.3),
        "photo of the row": (180.72, 494.7, 328.47, 611.62),
        "its caption": (179.41, 616.62, 289.54, 633.9),
        "head beside": (337.53, 497.2, 476.89, 518.1),
        "byline beside": (337.53, 524.65, 427.88, 533.04),
        "its text beside": (337.53, 554.74, 485.28, 630.32),
        "its second column": (494.35, 543.73, 642.09, 630.32),
    }
    rules = ((23.3, 485.11, 172.25, 486.31), (180.12, 485.11, 329.07, 486.31), (336.93, 485.11, 642.7, 486.31))
    floating = ("deck", "photo", "caption", "credit", "pull quote", "photo of the row", "its caption")
    assert order_of(boxes, min_gap=11.0, floating=floating, hrules=rules) == list(boxes)


def test_a_rule_a_column_short_of_a_column_of_briefs_is_no_rule_across_the_page(tmp_path: Path) -> None:
    """Regression (generated French daily page, seed 3211 page 2): the first version of the rule
    above joined pieces of a rule that stopped a column short of the page's column of briefs; the
    cut split that column and the rows under it were read column by column, so a photo standing alone
    in the last row was read as the photo of the story over it in its column."""
    truth, result = generated_page(tmp_path, 2, seed=3211, daily=True, language="fr")
    photos = [i for i in truth["items"] if i["type"] == "photo"]
    assert len([i for i in result.items if i.type is ItemType.PHOTO]) == len(photos)


def test_a_storys_last_column_ending_level_with_its_paragraph_breaks_does_not_cut_it(tmp_path: Path) -> None:
    """Regression (generated French daily page, seed 4814 page 3, studied this session): a lead's
    first two columns break between paragraphs level with the foot of its shorter last column, white
    under that one: every column over the gap had to run on under it, so the gap cut the lead's
    columns in two rows, read across."""
    truth, result = generated_page(tmp_path, 3, seed=4814, daily=True, language="fr")
    expected = next(i for i in truth["items"] if i.get("headline") == "Un accord franco-allemand")
    story = next(a for a in articles(result) if a.headline == expected["headline"])
    assert story.body == expected["body"]
