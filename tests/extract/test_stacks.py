"""Headline-sized type stacked on a headline: its kicker and deck (``extract/stacks.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from broadsheet.extract import ExtractOptions, extract_pages
from tests.extract.layouts import (
    COLUMNS,
    WIDTH,
    articles,
    bodies,
    extract_drawn,
    generated_page,
    headlines_of,
    story,
    true_headlines,
)
from tests.extract.test_no_text_lost import CORPUS
from tests.pdfs import WORDS, column, rule, text_at


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


def test_a_label_in_a_sans_face_on_a_serif_headline_of_its_size_is_the_kicker(tmp_path: Path) -> None:
    """Regression (generated daily, seed 1612): "Viewpoint" in a sans bold a little smaller than the
    serif bold headline right under it was read as the headline's first line."""
    result = extract_drawn(
        tmp_path,
        text_at(40, 60, "Viewpoint", "Helvetica-Bold", 13.5),
        text_at(40, 76, "The long-serving mayor", "Times-Bold", 14),
        text_at(40, 92, "funded an agreement", "Times-Bold", 14),
        *(column(x, 116, WIDTH, 30, seed=k) for k, x in enumerate(COLUMNS)),
    )
    (article,) = articles(result)
    assert article.kicker == "Viewpoint"
    assert article.headline == "The long-serving mayor funded an agreement"


def test_a_four_word_label_in_a_serif_face_on_a_sans_headline_of_its_size_is_the_kicker(tmp_path: Path) -> None:
    """Regression (generated Spanish daily, seed 1716): "La nueva autoridad portuaria" in a serif bold
    as big as the sans bold headline right under it was a headline of its own with no text, so page
    furniture; a kicker in a face of its own may be four or five words."""
    result = extract_drawn(
        tmp_path,
        text_at(40, 60, "The new harbour authority", "Times-Bold", 13.5),
        text_at(40, 76, "The long-serving mayor", "Helvetica-Bold", 14),
        text_at(40, 92, "funded an agreement", "Helvetica-Bold", 14),
        *(column(x, 116, WIDTH, 30, seed=k) for k, x in enumerate(COLUMNS)),
    )
    (article,) = articles(result)
    assert article.kicker == "The new harbour authority"
    assert article.headline == "The long-serving mayor funded an agreement"


def test_a_line_of_capitals_right_on_a_headline_of_its_size_and_face_is_its_kicker(tmp_path: Path) -> None:
    """Regression (a community magazine, page labelled blind): a column's head in two tiers of one
    bold face and size, capitals over lower case, lost its first tier to a label of its own (it
    measured a hair bigger than the second, so it was taken for the bigger headline)."""
    result = extract_drawn(
        tmp_path,
        text_at(60, 60, "NOTES FROM THE LINE", "Helvetica-Bold", 11.06),
        text_at(60, 73, "Friends of the Railway", "Helvetica-Bold", 11),
        *(column(x, 96, WIDTH, 30, seed=k) for k, x in enumerate(COLUMNS)),
    )
    (article,) = articles(result)
    assert article.kicker == "NOTES FROM THE LINE" and article.headline == "Friends of the Railway"


def test_a_label_over_the_start_corner_of_an_indented_headline_is_its_kicker(tmp_path: Path) -> None:
    """Regression (Echorouk 7977 p14): a rubric's name at a box's corner, over the start of a headline
    set further in, was a headline of its own and took the story's first column from it."""
    label = "Lessons of Life"
    head_x = COLUMNS[0] + stringWidth(label, "Helvetica", 15) - 15  # the label overhangs the headline's start
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, label, "Helvetica", 15),
        text_at(head_x, 82, "Divide and Rule Still Works", "Helvetica-Bold", 26),
        *(column(x, 124, WIDTH, 30, seed=k) for k, x in enumerate(COLUMNS)),
    )
    (article,) = articles(result)
    assert article.kicker == label and article.headline == "Divide and Rule Still Works"
    assert article.body is not None and article.body.startswith(" ".join(WORDS[:3]))


def test_a_sentence_right_under_a_headline_of_about_its_size_is_its_deck(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 2311 page 1): a standfirst set a little bigger than
    its headline, in a condensed face, a sentence to its full stop, was taken for the headline; the
    headline itself, with no text under it, became a label."""
    x0, x1, x2 = COLUMNS
    head = ("The Chamber of Commerce Backs", "the Decision to Raise Charges")
    deck = ("The football club promised a", "long-term strategy for public housing.")
    result = extract_drawn(
        tmp_path,
        *story(40, "Harbour works go ahead at last", lines=12),
        rule(220),
        *(text_at(x0, 232 + 12 * k, line, "Times-Bold", 10) for k, line in enumerate(head)),
        *(text_at(x0, 262 + 13 * k, line, "Helvetica-Bold", 10.5) for k, line in enumerate(deck)),
        column(x0, 296, WIDTH, 30, seed=2),
        text_at(x1, 232, "Market Hall Reopens", "Helvetica-Bold", 16),
        column(x1, 258, WIDTH, 33, seed=3),
        column(x2, 258, WIDTH, 33, seed=4),
    )
    chamber = next(a for a in articles(result) if "Chamber" in (a.headline or ""))
    assert chamber.headline == " ".join(head)
    assert chamber.subheadline == "The football club promised a long-term strategy for public housing."


def test_a_kicker_in_a_condensed_cut_of_its_headlines_face_is_its_kicker(tmp_path: Path) -> None:
    """Regression (fresh generated Arabic page, seed 2331 page 2): a kicker in the condensed bold of
    the headline's sans, about its size, right over it, was read as a headline of its own (one
    family, so no label in another face), and then as a label with no text."""
    truth, page = generated_page(tmp_path, 2, seed=2331, direction="rtl", language="ar")
    kickers = {i["headline"]: i["kicker"] for i in truth["items"] if i["type"] == "article" and i["kicker"]}
    assert {a.headline: a.kicker for a in articles(page) if a.headline in kickers} == kickers


def test_italic_lines_between_a_headline_and_its_byline_are_its_deck(tmp_path: Path) -> None:
    """Regression (fresh generated French page, seed 5121 page 1): a deck of three lines in italics
    a shade over the body's size, between a centred headline and the byline: neither bold nor wider
    than the column, it was read as the story's first paragraph."""
    truth, page = generated_page(tmp_path, 1, seed=5121, language="fr")
    head = "La direction de l'hôpital a remis en question de nouvelles pistes cyclables le long du fleuve après"
    extracted, true = bodies(truth, page, head)
    assert extracted == true
    deck = next(a.subheadline for a in articles(page) if a.headline == head)
    assert (deck or "").startswith("L'agence régionale de l'eau a rejeté")


def test_a_standfirst_in_a_wide_face_over_condensed_text_is_a_deck(tmp_path: Path) -> None:
    """Regression (fresh generated Urdu page, seed 7041 page 1): a boxed story's standfirst across its
    two columns, set in the text's family but its wide face (the text condensed) a hair bigger: with
    no italics, bold or size to set it apart, it was read as the first paragraph, and the byline
    under it stood too far from the headline to be its own."""
    truth, page = generated_page(tmp_path, 1, seed=7041, direction="rtl", language="ur")
    head = "شمالی پل کی تعمیر نو کا منصوبه"
    true = next(a for a in truth["items"] if a["type"] == "article" and a["headline"] == head)
    story = next(a for a in articles(page) if a.headline == head)
    assert (story.subheadline, story.byline) == (true["subheadline"], true["byline"])


def test_an_address_under_an_italic_line_in_the_boxs_face_is_no_standfirst() -> None:
    """Regression (Sedbergh's Lookaround, directory page 84; caught when a standfirst in another face
    than the text under it was made a deck): an information centre's box, an italic line and its
    address in the face of the listing under it, read as the heading's deck by the italic first
    line's face; the band's heading was then taken for a section's name over it."""
    pdf = CORPUS / "real-unlabelled/sedbergh-lookaround-437-2024-11.pdf"
    if not pdf.exists():
        pytest.skip(f"{pdf} is not here (../shared/corpus)")
    (page,) = extract_pages(pdf, pages=[84], options=ExtractOptions(ocr=False))
    assert "SEDBERGH & DISTRICT INFORMATION CENTRE" in [a.headline for a in articles(page)]
