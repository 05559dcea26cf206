"""A short label beside the start of a headline: a rubric's tab is its kicker, a name in its box its
byline (regressions found on real pages)."""

from __future__ import annotations

from pathlib import Path

from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn
from tests.pdfs import box, column, text_at


def test_a_label_in_a_tab_beside_the_headlines_panel_is_its_kicker(tmp_path: Path) -> None:
    """Regression (Echorouk 7977 p14, labelled blind): a rubric's name in a tab beside the start of a
    headline's panel, level with the headline, was read as a headline of its own and took the
    story's first column, under the tab."""
    result = extract_drawn(
        tmp_path,
        box(COLUMNS[0], 96, 120, 44, fill=(0.2, 0.6, 0.3)),
        text_at(COLUMNS[0] + 10, 108, "Gems of Ghazali", "Helvetica-Bold", 13),
        box(COLUMNS[0] + 120, 96, 410, 44, fill=(0.9, 0.9, 0.8)),
        text_at(COLUMNS[0] + 200, 104, "An Armed Peace", "Helvetica-Bold", 28),
        *(column(x, 152, WIDTH, 30, seed=3 + 5 * k) for k, x in enumerate(COLUMNS)),
    )
    (story_,) = articles(result)
    assert story_.headline == "An Armed Peace"
    assert story_.kicker == "Gems of Ghazali"


def test_a_name_beside_the_start_of_a_headline_in_its_box_is_its_byline(tmp_path: Path) -> None:
    """Regression (Echorouk 7977 p2, labelled blind): a columnist's name in two bold lines a size over
    the body, at the start of a boxed column's headline and level with it, was read as a headline
    of its own and took the column's first column of text."""
    result = extract_drawn(
        tmp_path,
        box(COLUMNS[0] - 6, 90, 540, 330),
        text_at(COLUMNS[0], 100, "Abdel Nasser", "Times-Bold", 12),
        text_at(COLUMNS[0], 114, "Ben Aissa", "Times-Bold", 12),
        text_at(COLUMNS[1], 104, "Forgetting the Lessons", "Helvetica-Bold", 26),
        *(column(x, 150, WIDTH - 10, 22, seed=3 + 5 * k) for k, x in enumerate(COLUMNS)),
    )
    (story_,) = articles(result)
    assert story_.headline == "Forgetting the Lessons"
    assert story_.byline == "Abdel Nasser Ben Aissa"


def test_a_headline_beside_another_in_a_box_of_several_stories_stays_a_headline(tmp_path: Path) -> None:
    """Regression (The Hindu's editorial page of 22 August 2026, caught by the evaluation): the second
    editorial's headline, in the first column level with the op-ed's bigger headline beside it, both
    inside the page's border, was taken for the op-ed's byline."""
    result = extract_drawn(
        tmp_path,
        box(30, 80, 552, 620),
        text_at(COLUMNS[0], 100, "Saving Faces", "Helvetica-Bold", 20),
        column(COLUMNS[0], 130, WIDTH, 12, seed=1, full_stop=True),
        text_at(COLUMNS[0], 300, "Noise Annoys", "Helvetica-Bold", 20),
        column(COLUMNS[0], 330, WIDTH, 20, seed=2),
        text_at(COLUMNS[1], 292, "Trade Needs a Plan", "Helvetica-Bold", 32),
        *(column(x, 336, WIDTH, 20, seed=3 + 5 * k) for k, x in enumerate(COLUMNS[1:])),
    )
    headlines = sorted(a.headline or "" for a in articles(result))
    assert headlines == ["Noise Annoys", "Saving Faces", "Trade Needs a Plan"]
