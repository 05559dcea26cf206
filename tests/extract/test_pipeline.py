"""The pipeline's own steps between the stages: pictures behind text."""

from __future__ import annotations

from pathlib import Path

from broadsheet.extract.model import ItemType
from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn
from tests.pdfs import box, column, photo, text_at


def test_a_picture_behind_a_boxed_story_is_its_panel_not_a_photo_over_its_text(tmp_path: Path) -> None:
    """Regression (an Arabic daily's page, Echorouk 7998 p2, labelled blind): a tinted panel drawn
    as a picture behind a boxed story became a photo item whose region covered the story's text, so
    the story's words fell in the photo (or, here, in furniture); the stories beside it ran together."""
    x0, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        photo(x0 - 6, 54, WIDTH + 12, 330),
        text_at(x0, 60, "Bridge plan", "Helvetica-Bold", 20),
        column(x0, 90, WIDTH, 26, seed=1),
        text_at(x1, 60, "Harbour works go ahead", "Helvetica-Bold", 20),
        column(x1, 90, WIDTH, 40, seed=2),
        column(x2, 90, WIDTH, 40, seed=3),
    )
    middle = (COLUMNS[0] + WIDTH / 2, 230.0)  # of the boxed story's column
    over_text = [
        i for i in result.items if i.type is not ItemType.ARTICLE and any(_holds(r, middle) for r in i.regions)
    ]
    assert not over_text
    assert sorted(a.headline or "" for a in articles(result)) == ["Bridge plan", "Harbour works go ahead"]


def test_a_picture_drawn_as_a_filled_box_takes_the_caption_under_it_out_of_the_text(tmp_path: Path) -> None:
    """Regression (generated dailies, seeds 7–20): a picture drawn in vectors, a filled box with
    nothing on it, was no picture: the caption under it was read as the story's text, and a tenth of
    the generated stories' captions were lost so. A tinted box with text on it stays a panel."""
    x0, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        text_at(x0, 60, "Harbour works go ahead", "Helvetica-Bold", 20),
        column(x0, 90, WIDTH, 40, seed=1),
        box(x1, 90, WIDTH, 110, fill=(0.6, 0.6, 0.6)),
        text_at(x1, 204, "A view of the harbour works.", "Helvetica", 7.5),
        column(x1, 222, WIDTH, 28, seed=2),
        box(x2 - 4, 86, WIDTH + 8, 200, fill=(0.9, 0.9, 0.8)),
        column(x2, 90, WIDTH, 40, seed=3),
    )
    (article,) = articles(result)
    assert [i.type for i in result.items] == [ItemType.ARTICLE]
    assert article.captions == ["A view of the harbour works."]
    assert "harbour works." not in (article.body or "")


def test_a_picture_drawn_inside_a_boxed_story_is_its_picture(tmp_path: Path) -> None:
    """Regression (fresh generated Arabic page, seed 2731 page 2): a filled box drawn inside the frame
    of a boxed story was no picture, as a box nested in another is a logo's shape: the story's bold
    head of the body's size, with the picture and its caption under it and not text, was read as
    the text of the story above the box."""
    x0, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        text_at(x0, 60, "Harbour works go ahead", "Helvetica-Bold", 20),
        column(x0, 90, WIDTH, 60, seed=1),
        column(x1, 90, WIDTH, 17, seed=2, full_stop=True),
        box(x1 - 6, 300, WIDTH + 12, 400),
        text_at(x1 + 20, 310, "Mayor defends the parking", "Times-Bold", 9),  # centred
        text_at(x1 + 40, 321, "fees for the market", "Times-Bold", 9),
        box(x1, 345, WIDTH, 100, fill=(0.6, 0.6, 0.6)),
        text_at(x1, 449, "The mayor at the town hall.", "Helvetica", 7.5),
        column(x1, 467, WIDTH, 20, seed=3),
        column(x2, 90, WIDTH, 60, seed=4),
    )
    boxed = next((a for a in articles(result) if a.headline == "Mayor defends the parking fees for the market"), None)
    assert boxed is not None
    assert boxed.captions == ["The mayor at the town hall."]


def test_empty_table_cells_and_a_logos_nested_boxes_are_no_pictures(tmp_path: Path) -> None:
    """Regression (a community magazine's service table; a national daily's page logo): drawn boxes
    with nothing on them that share their edges (a table's empty cells) or nest (a logo's shapes)
    became pictures: the text in the cell under an empty one was read as its caption, and the logo
    came out as five photo items."""
    x0, x1, x2 = COLUMNS
    cells = [box(x1 + c * 55, 90 + r * 40, 55, 40) for r in range(3) for c in range(3)]
    logo = [box(x2 + k * 6, 60 + k * 6, 120 - 12 * k, 60 - 12 * k) for k in range(3)]
    result = extract_drawn(
        tmp_path,
        text_at(x0, 60, "Harbour works go ahead", "Helvetica-Bold", 20),
        column(x0, 90, WIDTH, 40, seed=1),
        *cells,
        text_at(x1 + 58, 134, "10.30am", "Helvetica", 8),
        text_at(x1 + 113, 174, "2.30pm", "Helvetica", 8),
        *logo,
        column(x2, 160, WIDTH, 30, seed=3),
    )
    assert not [i for i in result.items if i.type is ItemType.PHOTO]
    assert not [c for i in result.items for c in i.captions]


def _holds(region: tuple[float, float, float, float], point: tuple[float, float]) -> bool:
    return region[0] <= point[0] <= region[2] and region[1] <= point[1] <= region[3]
