"""A section's band across the page's top: furniture over a headline, a head over text alone
(``extract/section_bands.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn, generated_page, headlines_of, true_headlines
from tests.pdfs import Draw, box, column, text_at


def test_a_sections_band_across_the_pages_top_is_no_kicker_of_the_lead(tmp_path: Path) -> None:
    """Regression (fresh generated French daily page, seed 4016 page 3): the page's section on a band
    across the page ("OPINIONS"), right over a lead's headline as wide: taken for the headline's
    kicker on a tint."""
    truth, result = generated_page(tmp_path, 3, seed=4016, daily=True, language="fr")
    lead = next(i for i in truth["items"] if i["type"] == "article")
    story = next(a for a in articles(result) if a.headline == lead["headline"])
    assert (story.kicker, lead["kicker"]) == (None, None)


def _band(label: str) -> list[Draw]:
    """A tinted band across the page's top with ``label`` on it in display type."""
    return [box(36, 50, 540, 30, fill=(0.8, 0.8, 1.0)), text_at(COLUMNS[0], 56, label, "Helvetica-Bold", 20)]


def test_a_band_across_the_pages_top_over_a_headline_as_wide_names_the_section(tmp_path: Path) -> None:
    """A word or two on a band across the page's top, right over a headline across the page: the
    page's section (furniture), not the headline's kicker."""
    head = text_at(COLUMNS[0], 88, "Council approves the new bridge", "Helvetica-Bold", 32)
    body = [column(x, 130, WIDTH, 30, seed=k) for k, x in enumerate(COLUMNS)]
    result = extract_drawn(tmp_path, *_band("WORLD NEWS"), head, *body)
    (story,) = articles(result)
    assert (story.headline, story.kicker) == ("Council approves the new bridge", None)


@pytest.mark.parametrize("label", ["Is anyone out there listening to us?", "ADVERTISING IN THESE PAGES"])
def test_a_band_across_the_pages_top_over_text_alone_is_its_head(tmp_path: Path, label: str) -> None:
    """A line on a band across the page's top with only text under it is that text's headline, a
    sentence or a page's title alike (the first version of the section-band rule took the headlines
    of a club newsletter's page and of a magazine's page about its adverts for section names)."""
    body = [column(x, 100, WIDTH, 30, seed=k) for k, x in enumerate(COLUMNS)]
    result = extract_drawn(tmp_path, *_band(label), *body)
    assert [a.headline for a in articles(result)] == [label]


def test_a_sections_band_a_few_line_pitches_over_the_leads_headline_is_no_kicker(tmp_path: Path) -> None:
    """Regression (generated English daily page, seed 1016 page 2): the page's section on a band
    across the page ("SCIENCE"), three line pitches over the lead's huge headline: the first version
    of the section-band rule asked for the headline right under the band, and the section was the
    lead's kicker."""
    truth, result = generated_page(tmp_path, 2, seed=1016, daily=True)
    lead = next(i for i in truth["items"] if i["type"] == "article")
    story = next(a for a in articles(result) if a.headline == lead["headline"])
    assert (story.kicker, lead["kicker"]) == (None, None)


def test_the_head_hung_as_a_deck_on_a_sections_band_heads_the_first_story(tmp_path: Path) -> None:
    """Regression (generated English daily page, seed 3121 page 3): the section's band over the
    first story's head of three bold lines, taken for the band's deck while the band's line was a
    headline: the section-band rule made the band furniture but left the head a deck, and the story
    had no headline."""
    truth, result = generated_page(tmp_path, 3, seed=3121)
    assert headlines_of(result) == true_headlines(truth)


def test_a_columns_title_on_a_band_under_the_sections_band_is_no_kicker(tmp_path: Path) -> None:
    """Regression (generated English daily page, seed 4511 page 2): a column of briefs' title on a
    band ("NEWS IN BRIEF") right under the page's section band: with the section band marked only
    once every frame was judged (a version tried for Sedbergh p80), the title's frame stood under a
    headline still and was left alone, and the title became the first brief's kicker."""
    truth, result = generated_page(tmp_path, 2, seed=4511, daily=True)
    kickers = sorted((i["headline"] or "", i["kicker"] or "") for i in truth["items"] if i["type"] == "article")
    assert sorted((a.headline or "", a.kicker or "") for a in articles(result)) == kickers


@pytest.mark.parametrize(("seed", "page"), [(912, 2), (4312, 3)])
def test_a_sections_band_over_a_small_kicker_and_a_huge_headline_is_no_kicker(
    tmp_path: Path, seed: int, page: int
) -> None:
    """Regression (generated daily pages, seeds 912 page 2 and 4312 page 3; caught when a small bold
    label over a huge headline was made its kicker): the section's name on its band, a fraction of
    the lead's headline's size, was taken for the lead's kicker before the band was told a
    section's, and the band joined the lead."""
    truth, result = generated_page(tmp_path, page, seed=seed, daily=True)
    kickers = sorted((i["headline"] or "", i["kicker"] or "") for i in truth["items"] if i["type"] == "article")
    assert sorted((a.headline or "", a.kicker or "") for a in articles(result)) == kickers


def test_a_columns_title_on_its_own_band_under_the_sections_band_is_no_byline(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 7013 page 2): a column of briefs' title on a band
    of its own ("NEWS IN BRIEF") right under the page's section band: its words looked like a name,
    so it was taken for the byline of the section band's line (a headline while roles were given),
    and then, as a signed line in a box, for a short story of its own."""
    truth, result = generated_page(tmp_path, 2, seed=7013, daily=True)
    assert headlines_of(result) == true_headlines(truth)
