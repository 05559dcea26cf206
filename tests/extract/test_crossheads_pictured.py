"""Crossheads where a story's columns stand under its photo, its pull quote or a headline reaching
over them in part (``broadsheet.extract.crossheads``): a bold line there stays in the story."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.layouts import (
    COLUMNS,
    PICTURED_HEADS,
    PICTURED_TEXT_TOP,
    WIDTH,
    articles,
    extract_drawn,
    generated_page,
    headlines_of,
    pictured_story_head,
    story,
    true_headlines,
)
from tests.pdfs import box, column, photo, text_at


def test_a_crosshead_in_the_column_under_a_picture_beside_the_headline_stays_in_the_story(tmp_path: Path) -> None:
    """Regression (Echorouk 7977 p15): the lead's photo stands level with its headline, beside it, and
    the story runs on in the column under the photo; a bold line there, with no headline over its
    column, was taken for a side story's head and cut the column off."""
    x0, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        text_at(x0, 60, "Speeding Before the Evening", "Helvetica-Bold", 24),
        text_at(x0, 88, "Accidents on the Rise", "Helvetica-Bold", 24),
        photo(x2, 58, WIDTH, 150),
        column(x0, 130, WIDTH, 40, seed=1),
        column(x1, 130, WIDTH, 40, seed=2),
        column(x2, 214, WIDTH, 12, seed=3, full_stop=True),
        text_at(x2, 350, "Time before safety", "Times-Bold", 9.3),
        column(x2, 363, WIDTH, 18, seed=4),
    )
    (article,) = articles(result)
    assert "Time before safety" in (article.body or "")


@pytest.mark.parametrize(
    ("headline", "size", "deck_top"), [("Bridge Plan Goes to the Board", 28, 95), ("Bridge Plan Wins", 40, 104)]
)
def test_a_crosshead_under_a_headline_with_a_deck_in_a_regular_face_stays_in_the_story(
    tmp_path: Path, headline: str, size: float, deck_top: float
) -> None:
    """Regression (a daily laid out in HTML, printed by Chromium): the italic deck under a story's
    headline, not yet told from a headline, was taken for the small head over the crosshead's column,
    so the crosshead opened a brief; then the same with the deck set into a 40 pt head's descenders."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, headline, "Helvetica-Bold", size),
        text_at(
            COLUMNS[0], deck_top, "The council weighs the cost of a new crossing over the river", "Times-Italic", 13
        ),
        column(COLUMNS[0], 120, WIDTH, 40, seed=1),
        column(COLUMNS[1], 120, WIDTH, 12, seed=2, full_stop=True),
        text_at(COLUMNS[1], 260, "What happens next", "Times-Bold", 9.3),
        column(COLUMNS[1], 273, WIDTH, 25, seed=3),
    )
    (article,) = articles(result)
    assert "What happens next" in (article.body or "")


def test_a_crosshead_at_the_top_of_a_storys_column_stays_in_the_story(tmp_path: Path) -> None:
    """Regression (a daily laid out in HTML, printed by Chromium): a crosshead that fell at the top
    of a story's third column, under the story's photo, had no text over it and opened a brief; the
    story's text in the next column runs level with it."""
    top = PICTURED_TEXT_TOP
    result = extract_drawn(
        tmp_path,
        *pictured_story_head(),
        column(COLUMNS[0], top, WIDTH, 30, seed=1),
        column(COLUMNS[1], top, WIDTH, 30, seed=2),
        text_at(COLUMNS[2], top, "What happens next", "Times-Bold", 9),
        column(COLUMNS[2], top + 13, WIDTH, 28, seed=3),
    )
    assert [a.headline for a in articles(result)] == list(PICTURED_HEADS)
    assert "What happens next" in (articles(result)[1].body or "")


def test_a_crosshead_in_a_column_under_the_storys_photo_stays_in_the_story(tmp_path: Path) -> None:
    """Regression (a daily laid out in HTML, printed by Chromium): under a headline, the story's photo
    and its caption, then its columns: the text started too far under the headline to be its running
    text, and a crosshead in the second column opened a brief."""
    result = extract_drawn(
        tmp_path,
        *story(40, "Harbour Board Votes to Keep the Ferry", lines=12),
        text_at(COLUMNS[0], 220, "Bridge Plan Goes to the Board", "Helvetica-Bold", 26),
        photo(COLUMNS[0], 255, 2 * WIDTH + 10, 100),
        text_at(COLUMNS[0], 360, "The old bridge over the river at dusk.", "Times-Italic", 8),
        column(COLUMNS[0], 375, WIDTH, 30, seed=1),
        column(COLUMNS[1], 375, WIDTH, 10, seed=2, full_stop=True),
        text_at(COLUMNS[1], 375 + 10 * 10.8 + 6, "What happens next", "Times-Bold", 9),
        column(COLUMNS[1], 375 + 11 * 10.8 + 8, WIDTH, 18, seed=3),
    )
    assert [a.headline for a in articles(result)] == [
        "Harbour Board Votes to Keep the Ferry",
        "Bridge Plan Goes to the Board",
    ]


def test_a_crosshead_under_a_photo_with_its_caption_in_another_column_stays_in_the_story(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 69): a photo across a story's columns, its
    caption two lines deep in the first: the columns start level under the caption, so the next
    column's text starts more than two line pitches under the photo, and a crosshead in it opened a
    story."""
    top = 383.0
    result = extract_drawn(
        tmp_path,
        *story(40, "Harbour Board Votes to Keep the Ferry", lines=12),
        text_at(COLUMNS[0], 220, "Bridge Plan Goes to the Board", "Helvetica-Bold", 26),
        photo(COLUMNS[0], 255, 2 * WIDTH + 10, 100),
        text_at(COLUMNS[0], 360, "The old bridge over the river at dusk,", "Times-Italic", 8),
        text_at(COLUMNS[0], 370, "seen from the ferry landing.", "Times-Italic", 8),
        column(COLUMNS[0], top, WIDTH, 30, seed=1),
        column(COLUMNS[1], top, WIDTH, 10, seed=2, full_stop=True),
        text_at(COLUMNS[1], top + 10 * 10.8 + 6, "What happens next", "Times-Bold", 9),
        column(COLUMNS[1], top + 11 * 10.8 + 8, WIDTH, 18, seed=3),
    )
    assert [a.headline for a in articles(result)] == [
        "Harbour Board Votes to Keep the Ferry",
        "Bridge Plan Goes to the Board",
    ]
    assert "What happens next" in (articles(result)[1].body or "")


def test_a_crosshead_under_a_pull_quote_at_a_columns_top_stays_in_the_story(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seeds 75 and 85): a long pull quote (too long for a
    headline) between its two rules at the top of a story's column, a crosshead right under it: the
    quote's rules stood between the crosshead and the story's headline (or its side head), and the
    crosshead opened a story."""
    quote = (
        "\u201cThe hospital",
        "trust funded the",
        "so-called green",
        "corridor with a",
        "narrow",
        "majority.\u201d",
    )
    top = PICTURED_TEXT_TOP
    foot = top + 3 + 17 * len(quote)
    result = extract_drawn(
        tmp_path,
        *pictured_story_head(),
        column(COLUMNS[0], top, WIDTH, 30, seed=1),
        box(COLUMNS[1], top - 2, WIDTH, 0.5),
        *(text_at(COLUMNS[1], top + 3 + 17 * k, line, "Times-Italic", 14) for k, line in enumerate(quote)),
        box(COLUMNS[1], foot + 2, WIDTH, 0.5),
        text_at(COLUMNS[1], foot + 10, "What happens next", "Times-Bold", 9),
        column(COLUMNS[1], foot + 23, WIDTH, 20, seed=2),
        column(COLUMNS[2], top, WIDTH, 30, seed=3),
    )
    assert [a.headline for a in articles(result)] == list(PICTURED_HEADS)
    assert "What happens next" in (articles(result)[1].body or "")


def test_a_crosshead_in_the_last_column_a_short_headline_barely_reaches_stays_in_the_story(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 110): a story's headline over its first column
    and a quarter of its second, the second column's text level with the first's: no headline covered
    enough of the second column to stand over a bold line in it, and that crosshead opened a story."""
    x0, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        text_at(x0, 60, "Harbour Plan Goes Ahead", "Helvetica-Bold", 18),
        column(x0, 90, WIDTH, 40, seed=1),
        column(x1, 90, WIDTH, 10, seed=2, full_stop=True),
        text_at(x1, 90 + 10 * 10.8 + 6, "What happens next", "Times-Bold", 9),
        column(x1, 90 + 11 * 10.8 + 8, WIDTH, 28, seed=3),
        text_at(x2, 60, "Ferry Fares Rise", "Helvetica-Bold", 18),
        column(x2, 90, WIDTH, 40, seed=4),
    )
    assert [a.headline for a in articles(result)] == ["Harbour Plan Goes Ahead", "Ferry Fares Rise"]
    assert "What happens next" in (articles(result)[0].body or "")


def test_a_crosshead_atop_a_leads_column_under_its_photo_keeps_the_lead_a_story(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 182): on a page with no name plate, a lead's
    headline over its byline and a photo across its columns, a bold crosshead at the top of its second
    column, a point higher than the text beside it (a bold serif's ascent over a sans): the text beside
    did not start level with it, so it was a headline, the first thing under the photo, and no story's
    text; so the lead's headline, biggest at the top, was taken for the paper's title."""
    top = 226.0
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 20, "Vol. 12 No. 345", "Helvetica", 8),
        box(COLUMNS[0], 32, 3 * WIDTH + 20, 0.5),
        text_at(COLUMNS[0], 40, "Harbour Board Votes to Keep", "Times-Bold", 30),
        text_at(COLUMNS[0], 76, "the Old Ferry for Another Year", "Times-Bold", 30),
        text_at(COLUMNS[0], 114, "By Anna Wagner", "Helvetica-Bold", 8),
        photo(COLUMNS[0], 128, 3 * WIDTH + 20, 70),
        text_at(COLUMNS[0], 201, "The ferry at dusk, on its last crossing of the year, with the", "Times-Italic", 8),
        text_at(COLUMNS[0], 211, "new boat beside it.", "Times-Italic", 8),
        column(COLUMNS[0], top, WIDTH, 30, seed=1, font="Helvetica"),
        text_at(COLUMNS[1], top - 2, "What happens next", "Times-Bold", 9),
        column(COLUMNS[1], top + 11, WIDTH, 29, seed=2, font="Helvetica"),
        column(COLUMNS[2], top, WIDTH, 30, seed=3, font="Helvetica"),
        *story(560, "Bridge Plan Goes to the Board", lines=10),
    )
    ferry = next(a for a in articles(result) if (a.headline or "").startswith("Harbour Board"))
    assert "What happens next" in (ferry.body or "")
    assert len(articles(result)) == 2


def test_a_crosshead_far_down_a_column_under_a_leads_photo_stays_in_the_lead(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 242): a lead's photo across its columns, a
    crosshead near the foot of its second column: the headline is over the photo, more than running
    text's reach above the columns, and the paragraph right over the crosshead started too far under
    the photo for its column to count as the photo's, so the crosshead opened a story."""
    top = PICTURED_TEXT_TOP
    result = extract_drawn(
        tmp_path,
        *pictured_story_head(),
        column(COLUMNS[0], top, WIDTH, 30, seed=1),
        column(COLUMNS[1], top, WIDTH, 12, seed=2, full_stop=True),
        column(COLUMNS[1], top + 12 * 10.8 + 11, WIDTH, 12, seed=4, full_stop=True),  # a blank line over it
        text_at(COLUMNS[1], top + 24 * 10.8 + 17, "What happens next", "Times-Bold", 9),
        column(COLUMNS[1], top + 25 * 10.8 + 19, WIDTH, 3, seed=5),
        column(COLUMNS[2], top, WIDTH, 30, seed=3),
    )
    assert [a.headline for a in articles(result)] == list(PICTURED_HEADS)
    assert "What happens next" in (articles(result)[1].body or "")


def test_a_crosshead_at_a_columns_top_under_a_headline_with_a_dateline_stays_a_crosshead(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 2911 page 1): once the place under a story's
    headline was its dateline (a byline), the headline's first row under it held no running text, so
    it opened none, and a bold label at the top of a column under it became a headline."""
    truth, page = generated_page(tmp_path, 1, seed=2911, daily=True)
    assert headlines_of(page) == true_headlines(truth)
