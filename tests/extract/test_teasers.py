"""Teasers told by their pictures: a caption that sends the reader to another page."""

from __future__ import annotations

from pathlib import Path

from broadsheet.extract.model import ItemType
from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn, generated_page, headlines_of, true_headlines
from tests.pdfs import Draw, column, photo, text_at

HEADLINE = "Bridge Plan Goes to the Board"
RAIL = COLUMNS[2]


def _front_page_with_a_rail(teasers: int) -> list[Draw]:
    """The lead over two columns; down the third, a banner over teasers: a photo, an inside story's
    headline in small bold type under it, ending with the page it is on."""
    draws: list[Draw] = [
        text_at(COLUMNS[0], 60, HEADLINE, "Helvetica-Bold", 22),
        column(COLUMNS[0], 100, WIDTH, 50, size=10, seed=1),
        column(COLUMNS[1], 100, WIDTH, 50, size=10, seed=4),
        text_at(RAIL, 60, "NEWS TODAY", "Times-Roman", 20),
    ]
    for k in range(teasers):
        top = 100 + k * 150
        draws += [
            photo(RAIL, top, WIDTH, 100),
            text_at(RAIL, top + 104, "College and the Transport Centre", "Helvetica-Bold", 8),
            text_at(RAIL, top + 114, f"Sign a Road Safety Pact See Page {k + 2:02d}", "Helvetica-Bold", 8),
        ]
    return draws


def test_a_rail_of_pictures_captioned_with_the_page_of_their_story_is_teasers(tmp_path: Path) -> None:
    """Regression (Civil Chronicles' front page, labelled blind): the rail's banner took its five
    teasers (a picture, a bold caption ending "See Page 04") as one article of captions."""
    result = extract_drawn(tmp_path, *_front_page_with_a_rail(3))
    assert [a.headline for a in articles(result)] == [HEADLINE]
    assert not [i for i in result.items if i.type is ItemType.PHOTO]
    teasers = [i for i in result.items if i.type is ItemType.FURNITURE and len(i.regions) == 1]
    assert len([t for t in teasers if t.regions[0][0] >= RAIL - 1]) == 4  # the banner and three teasers


def test_a_short_story_in_columns_boxed_beside_another_boxed_story_is_no_teaser(tmp_path: Path) -> None:
    """Regression (fresh generated Arabic page, seed 4731 page 3): a boxed story (kicker, headline,
    four columns of two lines) in a row with another boxed story of its height: the two boxes looked
    like a strip of teasers, and the story was taken for furniture."""
    truth, result = generated_page(tmp_path, 3, seed=4731, direction="rtl", language="ar")
    assert headlines_of(result) == true_headlines(truth)
