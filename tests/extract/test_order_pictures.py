"""Reading order round pictures and pull quotes (``broadsheet.extract.order``): a column's text runs on past
a photo, its caption or a quote set into it; white under a photo across the columns still cuts them."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.geometry import Box
from tests.extract.layouts import articles, bodies, generated_page, order_of


def test_the_page_reads_its_text_round_a_pull_quote_as_round_a_picture(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 2513 page 2): a paragraph gap in a lead's first
    column, level with the white between a pull quote and the last line of a paragraph under it in
    the second, cut the columns there: the pull quote was no picture to the reading order, so the
    second column's text was read before the first column's last paragraph."""
    _, page = generated_page(tmp_path, 2, seed=2513, daily=True)
    lead = next(a for a in articles(page) if a.headline == "The budget")
    assert "the hospital trust delayed an agreement with neighbouring districts" in (lead.body or "")


def test_a_photo_across_the_columns_still_cuts_them_under_its_caption() -> None:
    """A caption that spans the columns under it is no float set inside one: read row by row."""
    boxes = {
        "upper left": (0, 0, 100, 100),
        "upper right": (110, 0, 210, 100),
        "photo": (0, 115, 210, 200),
        "caption": (0, 203, 210, 210),
        "lower left": (0, 224, 100, 300),
        "lower right": (110, 224, 210, 300),
    }
    assert order_of(boxes, min_gap=10.0, floating=("photo", "caption")) == list(boxes)


def test_text_under_a_photo_runs_on_past_a_caption_narrower_than_the_photo() -> None:
    """Regression (fresh generated Italian page, seed 3115 page 2): a photo over two columns, its
    caption under the first only, a third column beside the photo breaking a paragraph level with the
    caption's foot: the gap there was taken for white across the region (the second column's text
    was under no float ending at the gap), and the third column's top was read first."""
    boxes: dict[str, Box] = {
        "photo": (38, 263, 536, 394),
        "caption": (38, 397, 247, 405),
        "first column": (38, 425, 288, 546),
        "second column": (296, 415, 546, 546),
        "third column's top": (554, 265, 804, 405),
        "third column": (554, 415, 804, 546),
    }
    order = order_of(boxes, min_gap=9.6, floating=("photo", "caption"))
    assert order == list(boxes)


def test_a_pull_quote_under_a_columns_text_beside_a_photo_does_not_cut_the_columns() -> None:
    """Regression (fresh generated pages: English daily seed 4215 page 2, Spanish seed 3414 page 2):
    a photo over two columns, the third column's text beside it broken by a pull quote a little under
    the caption's foot: the gap over the quote was taken for white across the region (the column
    over it ran on in no text right under it), and the third column's top was read first."""
    boxes: dict[str, Box] = {
        "photo": (46, 878, 648, 1031),
        "caption": (46, 1035, 276, 1043),
        "first column": (46, 1058, 343, 1212),
        "second column": (352, 1058, 648, 1212),
        "third column's top": (657, 885, 954, 1039),
        "pull quote": (657, 1053, 935, 1083),
        "third column": (657, 1090, 954, 1212),
    }
    order = order_of(boxes, min_gap=9.0, floating=("photo", "caption", "pull quote"))
    assert order == list(boxes)


def test_a_column_starting_lower_under_a_photos_caption_is_read_before_the_next() -> None:
    """Regression (fresh generated daily page, seed 4215 page 1): a photo atop the first column, its
    text starting more than a paragraph's gap under the caption, the next column's text running on
    from the top beside it and breaking a paragraph level with the caption: the gap was taken for
    white across both, and the second column's top was read before the first column."""
    boxes: dict[str, Box] = {
        "photo": (38, 517, 328, 648),
        "caption": (38, 653, 257, 660),
        "first column": (38, 683, 338, 807),
        "second column's top": (350, 527, 650, 661),
        "second column": (350, 673, 650, 807),
    }
    order = order_of(boxes, min_gap=9.0, floating=("photo", "caption"))
    assert order == list(boxes)


def test_white_far_under_a_photos_caption_still_cuts_the_columns() -> None:
    """A column's text starting far under a photo's caption (over UNDER_A_PICTURE line pitches) is
    no run-on from the photo: the white across the columns parts what is above from what is below."""
    boxes: dict[str, Box] = {
        "photo": (38, 517, 328, 648),
        "caption": (38, 653, 257, 660),
        "second column's top": (350, 527, 650, 661),
        "first column": (38, 700, 338, 807),
        "second column": (350, 673, 650, 807),
    }
    order = order_of(boxes, min_gap=9.0, floating=("photo", "caption"))
    assert order.index("second column's top") < order.index("first column")


@pytest.mark.parametrize(
    ("options", "page", "headline"),
    [
        ({"seed": 4215, "daily": True}, 2, "Residents of the old quarter welcomed"),
        ({"seed": 4215, "daily": True}, 1, "The decision to raise parking"),
        ({"seed": 3414, "daily": True, "language": "es"}, 2, "La subida"),
        ({"seed": 3413, "daily": True, "language": "es"}, 1, "Un programa"),
        ({"seed": 4616, "daily": True, "language": "fr"}, 1, "La direction de l'hôpital"),
        ({"seed": 4521, "language": "pt"}, 2, "A câmara municipal adiou"),
    ],
)
def test_a_lead_with_a_photo_over_its_first_columns_reads_its_columns_in_turn(
    tmp_path: Path, options: dict[str, object], page: int, headline: str
) -> None:
    """Regression (fresh generated daily pages: English seed 4215 pages 1 and 2, Spanish seeds 3414
    page 2 and 3413 page 1, French seed 4616 page 1): a lead's photo over its first columns, the next
    column's text beside it broken by a pull quote or a paragraph level with the caption, ending in a
    pull quote at the caption's foot, or breaking a line or two under the caption's foot, level with
    the white over the column under the photo: the column beside the photo was read first. (Generated
    Portuguese page, seed 4521 page 2: the paragraphs of both columns broke level over a photo set
    across their gutter, the text narrowed round it: the columns were read across, row by row.)"""
    truth, result = generated_page(tmp_path, page, **options)
    expected = next(i for i in truth["items"] if (i.get("headline") or "").startswith(headline))
    story = next(a for a in articles(result) if a.headline == expected["headline"])
    assert story.body == expected["body"]


def test_a_pull_quote_at_a_columns_foot_beside_a_photos_caption_does_not_cut_the_columns() -> None:
    """Regression (fresh generated Spanish daily page, seed 3413 page 1): a photo over four columns,
    the fifth beside it ending in a pull quote level with the caption's foot: only floats ended at the
    gap, the photo was inside no column under it, and the gap was taken for white across the region."""
    boxes: dict[str, Box] = {
        "photo": (31, 318, 604, 471),
        "caption": (31, 475, 241, 483),
        "first column": (31, 511, 170, 658),
        "second column": (178, 500, 318, 658),
        "fifth column's top": (622, 331, 761, 414),
        "pull quote": (622, 438, 760, 481),
        "fifth column": (622, 500, 761, 636),
    }
    order = order_of(boxes, min_gap=9.4, floating=("photo", "caption", "pull quote"))
    text = [name for name in order if name not in ("photo", "caption")]
    assert text == [name for name in boxes if name not in ("photo", "caption")]


def test_a_pull_quote_level_with_a_photos_foot_in_the_next_column_parts_no_columns() -> None:
    """Regression (fresh generated Italian daily page, seed 3816 page 3): a story's first column under
    its photo, the second beside it with a pull quote set in, the quote's top level with the first
    column's text under the caption: the white over both read as a cut across the columns, and the
    second column's top was read before the first column's text."""
    boxes: dict[str, Box] = {
        "photo": (32, 192, 216, 300),
        "caption": (32, 305, 220, 320),
        "credit": (219, 247, 225, 299),
        "first column": (32, 335, 225, 405),
        "first column's last paragraph": (32, 414, 225, 466),
        "second column": (237, 195, 429, 238),
        "its next paragraph": (237, 247, 429, 309),
        "pull quote": (237, 330, 419, 397),
        "its last paragraph": (237, 422, 429, 484),
    }
    assert order_of(boxes, min_gap=9.0, floating=("photo", "caption", "credit", "pull quote")) == list(boxes)


def test_a_column_running_past_a_pull_quote_beside_a_photos_caption_is_not_cut_across(tmp_path: Path) -> None:
    """Regression (fresh generated French daily page, seed 4911 page 1): a lead's photo over its
    first two columns, its third column beside the photo running on past a pull quote that ends a
    little over the caption's foot: the white under the caption was cut across the page, so the third
    column's top was read before the first two columns under the photo."""
    truth, page = generated_page(tmp_path, 1, seed=4911, daily=True, language="fr")
    extracted, true = bodies(truth, page, "Le budget")
    assert extracted == true
