"""Captions told from text: under (or over) a picture, in their own style, line by line."""

from __future__ import annotations

from pathlib import Path

from broadsheet.extract.model import ItemType
from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn
from tests.pdfs import Draw, centred, column, photo, text_at

HEADLINE = "Bridge Plan Goes to the Board"


def _story() -> list[Draw]:
    """A headline over the page's second and third columns, and their text: the body size is 10 pt."""
    return [
        text_at(COLUMNS[1], 60, HEADLINE, "Helvetica-Bold", 22),
        column(COLUMNS[1], 100, WIDTH, 50, size=10, seed=1),
        column(COLUMNS[2], 100, WIDTH, 50, size=10, seed=4),
    ]


def test_an_italic_caption_set_off_under_its_photo_with_a_short_centred_second_line_is_its_caption(
    tmp_path: Path,
) -> None:
    """Regression (Civil Chronicles, a Word newsletter, labelled blind): photos down a column, each
    with an italic caption centred under it after a word processor's paragraph space (1.6 to 1.9 body
    sizes), its short second line a block of its own: each caption was an untitled article."""
    x = COLUMNS[0]
    draws = [*_story()]
    for k, top in enumerate((100, 330, 560)):
        draws += [
            photo(x, top, WIDTH, 150),
            centred(x, top + 150 + 18, WIDTH, f"Technical session {k + 1} handled by a", "Times-Italic", 10),
            centred(x, top + 150 + 31, WIDTH, "scientist on the first day", "Times-Italic", 10),
        ]
    result = extract_drawn(tmp_path, *draws)
    assert [a.headline for a in articles(result)] == [HEADLINE]
    photos = [i for i in result.items if i.type is ItemType.PHOTO]
    assert [p.captions for p in photos] == [
        [f"Technical session {k} handled by a scientist on the first day"] for k in (1, 2, 3)
    ]


def test_a_caption_centred_under_a_row_of_portraits_is_the_rows(tmp_path: Path) -> None:
    """Regression (Civil Chronicles, labelled blind): a head over a gallery of portraits, each row
    captioned by one italic line centred under the row (too wide for any one portrait), came out an
    article of captions: pictures with their captions and a head, no story, are a photo item."""
    x, size = COLUMNS[0], 50.0
    draws = [*_story(), text_at(x, 100, "Placement Offers", "Helvetica-Bold", 14)]
    for k, top in enumerate((130, 230)):
        draws += [photo(x + c * (size + 5), top, size, size) for c in range(3)]
        draws.append(
            centred(x, top + size + 6, 3 * size + 10, f"Three students placed at firm {k + 1}", "Times-Italic", 10)
        )
    result = extract_drawn(tmp_path, *draws)
    assert [a.headline for a in articles(result)] == [HEADLINE]
    captions = [c for i in result.items if i.type is ItemType.PHOTO for c in i.captions]
    assert sorted(captions) == ["Three students placed at firm 1", "Three students placed at firm 2"]
