"""Headline-sized type stacked on a headline: its kicker and deck (``extract/stacks.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.extract.layouts import articles, generated_page, headlines_of, true_headlines


def test_a_head_of_several_lines_over_a_bigger_sentence_is_the_headline_over_its_deck(tmp_path: Path) -> None:
    """Regression (fresh generated plain pages, Spanish seed 3221 page 1, and French and Portuguese
    ones alike): a head of three short lines in bold sans over a deck set bigger in italics, a
    sentence to its full stop: the deck, being bigger, was taken for the headline and the head for
    its kicker (a kicker is a label of a line)."""
    _, result = generated_page(tmp_path, 1, seed=3221, language="es")
    story = next(a for a in articles(result) if a.headline == "El alcalde prometió un acuerdo")
    assert story.kicker == "ECONOMÍA"
    assert story.subheadline == "El ministro de transportes anunció nuevos carriles para bicicletas junto al río."


@pytest.mark.parametrize("language", ["fr", "it", "es"])
def test_a_deck_in_small_italics_under_a_small_head_is_its_deck(tmp_path: Path, language: str) -> None:
    """Regression (fresh generated plain pages, seed 3321 page 1 in French, Italian and Spanish): three
    lines in italics set smaller than the text, right under a one-column head, white under them
    before the text: no deck rule took a deck smaller than the text, so it opened the story's text."""
    truth, result = generated_page(tmp_path, 1, seed=3321, language=language)
    first = next(i for i in truth["items"] if i["type"] == "article" and i.get("subheadline"))
    story = next(a for a in articles(result) if a.headline == first["headline"])
    assert story.subheadline == first["subheadline"]
    assert (story.body or "").startswith(first["body"][:60])


@pytest.mark.parametrize(("seed", "page", "writer"), [(1914, 1, "Margaret Langley"), (2113, 2, "Jane Morrison")])
def test_a_writers_name_in_small_italics_under_a_head_stays_its_byline(
    tmp_path: Path, seed: int, page: int, writer: str
) -> None:
    """Regression (generated daily pages, seeds 1914 page 1 and 2113 page 2): a columnist's name in
    italics smaller than the text, right under the head, white under it: the first version of the
    small-deck rule took it for a deck before the byline rules saw it."""
    _, result = generated_page(tmp_path, page, seed=seed, daily=True)
    story = next(a for a in articles(result) if a.byline == writer)
    assert story.subheadline is None


def test_a_deck_in_small_italics_over_the_byline_is_its_deck(tmp_path: Path) -> None:
    """Regression (fresh generated plain German page, seed 3721 page 1): a small bold head over three
    lines in italics set smaller than the text, the byline under them and then the text: the deck
    rule looked for the text right under the italics, found the byline there, and the deck opened
    the story's text."""
    truth, result = generated_page(tmp_path, 1, seed=3721, language="de")
    first = next(i for i in truth["items"] if i["type"] == "article" and i.get("subheadline") and i.get("byline"))
    story = next(a for a in articles(result) if a.headline == first["headline"])
    assert story.subheadline == first["subheadline"]
    assert story.byline == first["byline"]


def test_a_deck_in_small_bold_under_a_small_head_is_its_deck(tmp_path: Path) -> None:
    """Regression (fresh generated plain English page, seed 4722 page 1): three lines in bold set far
    smaller than the text, right under a one-column head, white under them: only a deck in small
    italics was taken for one, and this one opened the story's text."""
    truth, result = generated_page(tmp_path, 1, seed=4722)
    first = next(i for i in truth["items"] if i["type"] == "article" and i.get("subheadline"))
    story = next(a for a in articles(result) if a.headline == first["headline"])
    assert story.subheadline == first["subheadline"]


def test_a_sections_name_over_the_first_column_is_no_kicker_of_the_headline_beside(tmp_path: Path) -> None:
    """Regression (fresh generated English daily page, seed 5014 page 2): the page's section name
    ("LOCAL NEWS") over a column of briefs, a hair over the start of the lead's huge headline beside
    them: taken for a label over the headline's start corner, it was the lead's kicker, widening its
    reach over the column of briefs, which the lead took."""
    truth, result = generated_page(tmp_path, 2, seed=5014, daily=True)
    assert headlines_of(result) == true_headlines(truth)


def _first_with(truth: dict[str, Any], *fields: str) -> dict[str, Any]:
    """The first article of a page's ground truth with all of ``fields`` set."""
    return next(i for i in truth["items"] if i["type"] == "article" and all(i.get(f) for f in fields))


@pytest.mark.parametrize(("seed", "page"), [(3911, 3), (4016, 3)])
def test_a_small_deck_over_the_storys_photo_is_its_deck(tmp_path: Path, seed: int, page: int) -> None:
    """Regression (fresh generated French daily pages, seeds 3911 and 4016 page 3): a lead's deck in
    small italics (its byline closing the block) or small bold, right under the huge headline and
    right over the story's photo, the text under the photo: with no text right under it, no deck
    rule took it, and it was the photo's caption."""
    truth, result = generated_page(tmp_path, page, seed=seed, daily=True, language="fr")
    first = _first_with(truth, "subheadline")
    story = next(a for a in articles(result) if a.headline == first["headline"])
    assert story.subheadline == first["subheadline"]
    assert story.byline == first["byline"]


def test_a_writers_name_under_a_small_deck_over_the_photo_is_the_byline(tmp_path: Path) -> None:
    """Regression (fresh generated French daily page, seed 4011 page 2): a lead's deck set far
    smaller than the text, the writer's name in bold a hair over the text's size under it, then
    the photo: the name was taken for a small story's head over the lead's text."""
    truth, result = generated_page(tmp_path, 2, seed=4011, daily=True, language="fr")
    assert headlines_of(result) == true_headlines(truth)
    first = _first_with(truth, "subheadline", "byline")
    story = next(a for a in articles(result) if a.headline == first["headline"])
    assert (story.subheadline, story.byline) == (first["subheadline"], first["byline"])


def test_a_head_of_several_lines_over_a_bigger_exclamation_is_the_headline_over_its_deck(tmp_path: Path) -> None:
    """Regression (fresh generated French plain page, seed 4022 page 3): as the Spanish page above,
    the deck ending in an exclamation mark, not a full stop: the deck was the headline."""
    truth, result = generated_page(tmp_path, 3, seed=4022, language="fr")
    assert headlines_of(result) == true_headlines(truth)


def test_a_deck_in_italics_almost_the_texts_size_set_apart_is_its_deck(tmp_path: Path) -> None:
    """Regression (fresh generated French plain page, seed 4021 page 1): three lines in italics a
    hair under the text's size, under a one-column head, two line pitches of white before the text
    (opening with a drop cap): the deck rules asked for a deck clearly smaller than the text and the
    text within two pitches, and the deck opened the story's text."""
    truth, result = generated_page(tmp_path, 1, seed=4021, language="fr")
    first = _first_with(truth, "subheadline")
    story = next(a for a in articles(result) if a.headline == first["headline"])
    assert story.subheadline == first["subheadline"]
