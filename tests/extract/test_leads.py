"""A lead story's parts: a standfirst over its photo, crossheads a size over its text, a tint behind
its lower half (regressions found on blind-labelled pages of an Arabic daily, drawn here in English)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn, generated_page
from tests.pdfs import Draw, box, centred, column, photo, text_at

LEAD = "Medicine Runs Out"
SECOND = "Clinics Share Their Stocks"


def _lead(crosshead: bool = False, tint: bool = False) -> list[Draw]:
    """A lead: a short headline centred over three columns, a bold standfirst narrower than the page
    but wider than the photo right under it, two columns under the photo and one beside it (with a
    bold crosshead a size over the text); with ``tint``, a tint behind the lower half of the lead
    and a second story under it."""
    # a crosshead follows a paragraph's end: the text over it ends a sentence (text cut mid-sentence
    # over a bold head is a column's foot, the head the next story's)
    right = [column(COLUMNS[2], 140, WIDTH, 10, seed=5, full_stop=crosshead)]
    if crosshead:
        right += [text_at(COLUMNS[2], 140 + 10 * 10.8 + 4, "A bitter reality", "Helvetica-Bold", 11.5)]
    right += [column(COLUMNS[2], 140 + 10 * 10.8 + 20, WIDTH, 20, seed=8)]
    draws = [
        box(35, 262, 530, 500, fill=(0.9, 0.9, 0.85)) if tint else (lambda canvas: None),
        centred(40, 60, 515, LEAD, "Helvetica-Bold", 30),
        column(40, 100, 460, 3, size=10, seed=1, font="Times-Bold"),
        photo(40, 140, 330, 120),
        column(COLUMNS[0], 270, WIDTH, 24, seed=2),
        column(COLUMNS[1], 270, WIDTH, 24, seed=3),
        *right,
    ]
    if tint:
        draws += [
            text_at(COLUMNS[0], 560, SECOND, "Helvetica-Bold", 20),
            column(COLUMNS[0], 590, WIDTH, 14, seed=11),
            column(COLUMNS[1], 590, WIDTH, 14, seed=12),
        ]
    return draws


def test_a_standfirst_over_a_leads_photo_is_its_deck(tmp_path: Path) -> None:
    # a bold standfirst right over the photo, running on past its right edge, was read as the
    # photo's caption: the headline kept no text and became a label
    (lead,) = articles(extract_drawn(tmp_path, *_lead()))
    assert lead.headline == LEAD
    assert lead.subheadline is not None and lead.subheadline.startswith("council said on tuesday")


def test_a_crosshead_a_size_over_the_text_stays_in_its_lead(tmp_path: Path) -> None:
    # a bold crosshead 1.3 times the body's size, under a headline far bigger, opened a story
    heads = [a.headline for a in articles(extract_drawn(tmp_path, *_lead(crosshead=True)))]
    assert heads == [LEAD]


def test_a_tint_behind_a_leads_lower_half_and_the_next_story_does_not_cut_the_lead(tmp_path: Path) -> None:
    # a frame holding the lead's lower columns and the next story was taken for a boxed story:
    # the lead's columns in it were cut off from their headline above it
    result = extract_drawn(tmp_path, *_lead(tint=True))
    assert [a.headline for a in articles(result)] == [LEAD, SECOND]


def test_briefs_heads_a_size_over_their_text_far_under_the_papers_name_open_briefs(tmp_path: Path) -> None:
    # found while writing the crosshead rule: the paper's name, the biggest head over the briefs'
    # column, was taken for the story whose crossheads the briefs' heads were; the nearest head over
    # them is their section's small title
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 20, "The Morning Ledger", "Times-Bold", 60),
        text_at(COLUMNS[0], 110, "IN BRIEF", "Helvetica-Bold", 13),
        text_at(COLUMNS[0], 132, "Harbour Works Begin", "Times-Bold", 10.5),
        column(COLUMNS[0], 146, WIDTH, 8, seed=2),
        text_at(COLUMNS[0], 146 + 8 * 10.8 + 4, "Bridge Tolls Rise", "Times-Bold", 10.5),
        column(COLUMNS[0], 146 + 8 * 10.8 + 18, WIDTH, 8, seed=5),
        column(COLUMNS[1], 110, WIDTH, 40, seed=7),
        column(COLUMNS[2], 110, WIDTH, 40, seed=9),
    )
    heads = [a.headline for a in articles(result)]
    assert "Harbour Works Begin" in heads and "Bridge Tolls Rise" in heads


@pytest.mark.parametrize(
    ("seed", "page", "language", "headline"),
    [(5113, 3, "pt", "Novas ciclovias ao longo"), (5116, 1, "it", "Il recupero della")],
)
def test_a_small_bold_label_over_a_leads_huge_headline_is_its_kicker(
    tmp_path: Path, seed: int, page: int, language: str, headline: str
) -> None:
    """Regression (fresh generated daily pages, seeds 5113 page 3 and 5116 page 1): a label in small
    bold capitals (or bold type) over a lead's headline set many times its size: a shade over the
    body's size, it was taken for a headline of its own, with no text under it, and left as a label;
    the lead lost its kicker."""
    truth, result = generated_page(tmp_path, page, seed=seed, daily=True, language=language)
    true_kicker = next(a["kicker"] for a in truth["items"] if a["type"] == "article" and a["headline"] == headline)
    lead = next(a for a in articles(result) if a.headline == headline)
    assert true_kicker is not None
    assert lead.kicker == true_kicker
