"""A kicker right under a picture, over its headline, is the headline's kicker, not the picture's caption."""

from __future__ import annotations

from pathlib import Path

from broadsheet.extract.model import ItemType
from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn
from tests.pdfs import Draw, column, photo, text_at

CARTOON = photo(COLUMNS[0], 60, 2 * WIDTH + 10, 200)  # across the first two columns
THIRD_COLUMN = column(COLUMNS[2], 60, WIDTH, 60, seed=9)


def test_labels_under_a_cartoon_tight_over_two_stories_headlines_are_their_kickers(tmp_path: Path) -> None:
    """Regression (a student paper's page; generated dailies): a cartoon across two columns topped
    two stories, each headline with a short label set tight over it, right under the cartoon: both
    labels were read as the cartoon's captions and the stories lost their kickers."""
    result = extract_drawn(
        tmp_path,
        CARTOON,
        text_at(COLUMNS[0], 266, "Reality TV Got Too Real", "Times-Roman", 8),
        text_at(COLUMNS[0], 277, "A Spin-off Opens", "Times-Bold", 16),
        column(COLUMNS[0], 300, WIDTH, 40, seed=1),
        text_at(COLUMNS[1], 266, "Please Give Us Money", "Times-Roman", 8),
        text_at(COLUMNS[1], 277, "Reviews for Sale", "Times-Bold", 16),
        column(COLUMNS[1], 300, WIDTH, 40, seed=5),
        THIRD_COLUMN,
    )
    kickers = {a.headline: a.kicker for a in articles(result)}
    assert kickers["A Spin-off Opens"] == "Reality TV Got Too Real"
    assert kickers["Reviews for Sale"] == "Please Give Us Money"


def test_a_caption_under_a_picture_with_space_before_the_next_headline_stays_its_caption(tmp_path: Path) -> None:
    draws: list[Draw] = [
        CARTOON,
        text_at(COLUMNS[0], 266, "The old bridge at dawn", "Times-Italic", 8),
        text_at(COLUMNS[0], 292, "A Spin-off Opens", "Times-Bold", 16),
        column(COLUMNS[0], 315, WIDTH, 40, seed=1),
        column(COLUMNS[1], 292, WIDTH, 40, seed=5),
    ]
    result = extract_drawn(tmp_path, *draws, THIRD_COLUMN)
    assert [a.kicker for a in articles(result) if a.headline == "A Spin-off Opens"] == [None]
    captions = [c for item in result.items if item.type in (ItemType.ARTICLE, ItemType.PHOTO) for c in item.captions]
    assert captions == ["The old bridge at dawn"]
