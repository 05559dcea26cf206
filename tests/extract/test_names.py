"""Bylines, names and datelines (``broadsheet.extract.names``), as the extractor finds them under a
headline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from broadsheet.extract.model import PageResult
from broadsheet.extract.names import BYLINE, NAME, by_a_writer, names_a_writer
from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn, generated_page, headlines_of, true_headlines
from tests.pdfs import column, text_at


@pytest.mark.parametrize(("place", "font"), [("Kingsbridge", "Helvetica-Bold"), ("Westfield", "Times-Italic")])
def test_a_place_on_a_line_of_its_own_over_the_text_is_the_storys_dateline(
    tmp_path: Path, place: str, font: str
) -> None:
    """Regression (fresh generated daily pages, seeds 2916 page 3, 2911 page 1, 2914 page 1): the
    place a story is written from, on a line of its own in small bold or italics between the
    headline and the text, was read as the text's first words (or, in bold, as a deck)."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "The Budget for the Coming Year", "Times-Bold", 14),
        text_at(COLUMNS[0], 80, place, font, 7),
        column(COLUMNS[0], 100, WIDTH, 30, size=9, seed=2),
    )
    (article,) = articles(result)
    assert article.byline == place
    assert not (article.body or "").startswith(place)


def test_a_name_in_italics_of_the_texts_size_spaced_off_it_is_the_byline(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 2921 page 3): a writer's name in italics of about
    the text's size, white under it, stacked into one block with the roman text under it (italic
    words inside a paragraph keep its block), so the story's text opened with the name."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "The Transport Minister Presented", "Times-Bold", 12),
        text_at(COLUMNS[0], 78, "Emily Osborne", "Times-Italic", 8.2),
        column(COLUMNS[0], 94, WIDTH, 30, size=8, seed=3),
    )
    (article,) = articles(result)
    assert article.byline == "Emily Osborne"
    assert not (article.body or "").startswith("Emily")


@pytest.mark.parametrize(("seed", "page", "daily"), [(2414, 3, True), (2822, 2, False)])
def test_a_briefs_one_word_head_under_its_sections_name_is_no_dateline(
    tmp_path: Path, seed: int, page: int, daily: bool
) -> None:
    """Regression (generated daily pages, caught while the rule above was taught): the first brief's
    head, one word ("Plans") in small bold under the section's name ("BRIEFLY") and over its text, was
    taken for a dateline, and the section's name for the brief's headline."""
    truth, result = generated_page(tmp_path, page, seed=seed, daily=daily)
    assert headlines_of(result) == true_headlines(truth)


def test_a_small_bold_name_closed_by_a_bare_comma_under_a_small_head_is_its_byline(tmp_path: Path) -> None:
    """Regression (fresh generated daily pages, seed 3411 page 1 and seed 3316 page 3): "Margaret
    Pritchard," in small bold under a small head, its place left off after the comma, was no name by
    its spelling (a name may end in ", Place", not in a bare comma), so it was read as the deck."""
    _, page = generated_page(tmp_path, 1, seed=3411, daily=True)
    story = next(a for a in articles(page) if (a.headline or "").startswith("The football club presented"))
    assert (story.byline, story.subheadline) == ("Margaret Pritchard,", None)


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("De nouvelles pistes", False),
        ("Di notte il porto", False),
        ("von der Leyen in Rom", False),
        ("De Maria Silva", True),
        ("par Louis Martin", True),
        ("di GIORGIO GRECO", True),
        ("By our correspondent", True),
    ],
)
def test_by_in_a_language_where_it_is_a_common_word_heads_a_byline_only_before_a_name(line: str, byline: bool) -> None:
    """Regression (fresh generated French daily page, seed 3016 page 3): "De nouvelles", a brief's
    head, matched "de" + a word as a byline; set like a small head, it was taken for a byline, and
    the next briefs down its column for labels of the brief over it."""
    assert bool(BYLINE.match(line)) is byline


def test_a_french_briefs_head_opening_with_de_heads_its_brief(tmp_path: Path) -> None:
    """Regression (the same page): the column of briefs under "De nouvelles" is read brief by brief."""
    truth, page = generated_page(tmp_path, 3, seed=3016, daily=True, language="fr")
    assert headlines_of(page) == true_headlines(truth)


@pytest.mark.parametrize(
    ("text", "writer"),
    [
        ("Peter Morrison in Ashford", True),  # where the writer files from
        ("Louis Martin à Lyon", True),
        ("Ann Lee", True),
        ("the river in Ashford", False),  # "By the river in Ashford": no name
    ],
)
def test_a_writers_name_may_say_where_they_file_from(text: str, writer: bool) -> None:
    """Regression (fresh generated daily page, seed 3811 page 1): "By Peter Morrison in Ashford", in
    bold a size over the body, was taken for a small head: the name test stopped at "in"."""
    assert names_a_writer(text) is writer


def test_a_paragraph_opening_by_contrast_at_a_columns_foot_is_no_byline(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 3512 page 2): a paragraph's first line, "By
    contrast, volunteers", the last of its column (the paragraph runs on in the next): a line of two
    opening with "By" was taken for a byline, and the line went out of the story's text."""
    _, result = generated_page(tmp_path, 2, seed=3512, daily=True)
    assert not any((a.byline or "").startswith("By contrast") for a in articles(result))
    assert any("By contrast, volunteers from the library criticised" in (a.body or "") for a in articles(result))


def test_a_name_in_italics_under_a_small_head_signs_its_story(tmp_path: Path) -> None:
    """Regression (fresh generated German daily page, seed 3412 page 2): "Michael Krüger" in italics a
    little over the body's size under a small head: no "By", not smaller than the body, so the head
    seemed unsigned, a brief's; the story's run-in label "Hintergrund." opened a brief of its own."""
    truth, result = generated_page(tmp_path, 2, seed=3412, daily=True, language="de")
    assert headlines_of(result) == true_headlines(truth)
    story = next(a for a in articles(result) if a.byline == "Michael Krüger")
    assert "\n\nHintergrund. Vorerst finanzierte" in (story.body or "")


def test_a_place_with_a_particle_in_its_name_is_a_dateline(tmp_path: Path) -> None:
    """Regression (fresh generated Portuguese daily page, seed 3314 page 1): "Porto Alegre do Sul" in
    italics under a small head, where a byline goes: a place of capitalised words only was asked for,
    so the dateline was read as the first line of the story's text."""
    _, result = generated_page(tmp_path, 1, seed=3314, daily=True, language="pt")
    story = next(a for a in articles(result) if a.headline == "Um programa de reformas da")
    assert story.byline == "Porto Alegre do Sul"
    assert (story.body or "").startswith("A nova autoridade")


@pytest.mark.parametrize(
    ("text", "writer"),
    [
        ("Ana Costa, Porto Alegre do Sul", True),
        ("Jan Weber, Frankfurt am Main", True),
        ("Ana Costa, Harlow Bay", True),
        ("Ana Costa, do Sul", False),
        ("Ana Costa, Harlow Bay Town Hall Square", False),
    ],
)
def test_a_writers_place_may_hold_a_particle(text: str, writer: bool) -> None:
    """Regression (fresh generated Portuguese daily page, seed 3615 page 1): a byline's place with a
    small word inside it ("Porto Alegre do Sul") was no name, and the byline was read as a deck."""
    assert names_a_writer(text) is writer


def _bylines(truth: dict[str, Any], result: PageResult) -> tuple[list[str], list[str]]:
    """The bylines of the page's articles in its ground truth and as extracted, sorted."""
    true = sorted(i["byline"] or "" for i in truth["items"] if i["type"] == "article")
    return true, sorted(a.byline or "" for a in articles(result))


def test_a_hyphenated_place_on_a_line_of_its_own_under_a_deck_is_the_byline(tmp_path: Path) -> None:
    """Regression (fresh generated French daily page, seed 3815 page 1): a place alone where the byline
    goes ("Saint-Aubin", "Port-Joli"), in bold or italics over the text: a hyphen is no letter, so the
    place was no dateline and opened the story's text."""
    truth, result = generated_page(tmp_path, 1, seed=3815, daily=True, language="fr")
    true, found = _bylines(truth, result)
    assert found == true and any("-" in b for b in true)


def test_a_place_over_the_storys_photo_under_its_headline_is_the_byline(tmp_path: Path) -> None:
    """Regression (fresh generated Italian daily page, seed 3816 page 3): a place alone where the byline
    goes, between the lead's deck and its photo: taken for the photo's caption (over it), it was no
    dateline, which asked for running text under it."""
    truth, result = generated_page(tmp_path, 3, seed=3816, daily=True, language="it")
    true, found = _bylines(truth, result)
    assert found == true


@pytest.mark.parametrize("text", ["Die Schließung", "Eine Vereinbarung", "The Harbour Board", "Le Budget"])
def test_a_head_opening_with_an_article_is_no_name(text: str) -> None:
    """A person's name opens with a given name: a brief's head in title case opening with an
    article (every German noun in capitals) is none."""
    assert NAME.match(text) is None


def test_a_briefs_head_in_title_case_is_no_byline_beside_the_next_headline(tmp_path: Path) -> None:
    """Regression (fresh generated German daily page, seed 3914 page 2): the last brief's head in a
    column of briefs ("Die Schließung", two capitalised words) level with the text of a story whose
    headline stands beside it: taken for a name, it was that story's byline, and the brief its text."""
    truth, result = generated_page(tmp_path, 2, seed=3914, daily=True, language="de")
    assert headlines_of(result) == true_headlines(truth)


def test_a_kicker_in_capitals_opening_with_an_article_stays_the_leads_kicker(tmp_path: Path) -> None:
    """Regression (generated English daily page, seed 3914 page 2): the first version of the rule
    above read lines in capitals too, and the lead's kicker in capitals over its huge headline ("THE
    TRANSPORT MINISTER"), no longer a name, was left out of the lead's stack."""
    truth, result = generated_page(tmp_path, 2, seed=3914, daily=True)
    lead = next(i for i in truth["items"] if i["type"] == "article" and i.get("kicker"))
    story = next(a for a in articles(result) if a.headline == lead["headline"])
    assert story.kicker == lead["kicker"]


def test_a_by_word_and_a_name_over_the_leads_photo_is_its_byline_in_urdu(tmp_path: Path) -> None:
    """Regression (fresh generated Urdu page, seed 5741 page 1): "رپورٹ" and the writer's name in
    regular type between a lead's deck and its photo, with no colon after the by-word: in a script
    without capitals only a bold name was a name, so the line was the photo's caption."""
    truth, page = generated_page(tmp_path, 1, seed=5741, direction="rtl", language="ur")
    lead = next(i for i in truth["items"] if i["id"] == "a1")
    found = next(a for a in articles(page) if a.headline == lead["headline"])
    assert found.byline == lead["byline"]


@pytest.mark.parametrize(
    "byline",
    [
        "Por Beatriz Costa e Rafael Rodrigues",
        "Par Louis Martin et Claire Dupont",
        "Von Anna Weber und Jan Koch",
        "Por Ana Ruiz y Pablo Castillo",
    ],
)
def test_two_writers_joined_by_and_in_the_papers_language_sign_a_byline(byline: str) -> None:
    """Regression (fresh generated Portuguese page, seed 5422 page 1): a byline of two writers
    joined by "e" named no writer (only "and" joined names), so the bold line was a headline of its
    own and took the lead's first column."""
    assert by_a_writer(byline)
