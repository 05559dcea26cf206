"""A section's title over stories with heads of their own: the letters to the editor."""

from __future__ import annotations

from pathlib import Path

from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn, generated_page, headlines_of, true_headlines
from tests.pdfs import Draw, column, rule, text_at

HEADS = ("Students bear the burden", "Elections and finance")


def _letters_page() -> list[Draw]:
    """The section's title in capitals over the first letter's head and its first column."""
    x0 = COLUMNS[0]
    return [
        text_at(x0, 400, "LETTERS TO THE EDITOR", "Helvetica-Bold", 13),
        text_at(x0, 420, HEADS[0], "Helvetica-Bold", 8.6),
        column(x0, 432, WIDTH, 30, seed=1),
    ]


def test_letters_under_a_section_title_are_stories_of_their_own_under_their_heads(tmp_path: Path) -> None:
    """Regression (a national daily's letters): the section's title took the first letter's head
    (a heavy face a little under the body's size) for its deck and every letter for its text; the
    second head, at the foot of a column with two lines under it, was not taken for a head at all."""
    _, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        *_letters_page(),
        column(x1, 420, WIDTH, 27, seed=2),
        text_at(x1, 716, "Ravi Mathur, Noida", "Helvetica-Bold", 8),
        text_at(x1, 736, HEADS[1], "Helvetica-Bold", 8.6),
        column(x1, 748, 100, 2, seed=3),
        column(x2, 420, WIDTH, 30, seed=4),
    )
    stories = articles(result)
    assert [a.headline for a in stories] == list(HEADS)
    assert "LETTERS" not in " ".join(a.body or "" for a in stories)


def test_one_letter_under_a_section_title_in_capitals_is_headed_by_its_own_head(tmp_path: Path) -> None:
    """Regression (a national daily's letters, one topic that day): with no sibling head to tell it,
    the title in capitals kept the letter's head, set no bigger than the text, as its deck."""
    x1 = COLUMNS[1]
    result = extract_drawn(
        tmp_path,
        *_letters_page(),
        column(x1, 420, WIDTH, 30, seed=2),
    )
    assert [a.headline for a in articles(result)] == [HEADS[0]]


def test_a_headline_in_capitals_keeps_a_deck_in_display_type(tmp_path: Path) -> None:
    x0, x1, _ = COLUMNS
    result = extract_drawn(
        tmp_path,
        text_at(x0, 400, "COUNCIL APPROVES BRIDGE", "Helvetica-Bold", 18),
        text_at(x0, 424, "The vote was close", "Helvetica-Bold", 12),
        column(x0, 442, WIDTH, 28, seed=1),
        column(x1, 442, WIDTH, 28, seed=2),
    )
    (story,) = articles(result)
    assert story.headline == "COUNCIL APPROVES BRIDGE" and story.subheadline == "The vote was close"


def test_the_place_under_a_letters_signature_is_not_the_kicker_of_the_next_head(tmp_path: Path) -> None:
    """Regression (a national daily's letters): "Durgapur, West Bengal", the second line of a
    letter's signature, right over the next letter's head, was taken for that head's kicker."""
    _, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        *_letters_page(),
        column(x1, 420, WIDTH, 20, seed=2),
        text_at(x1, 640, "Sasti Brata Kabiraj,", "Helvetica-Bold", 8),
        text_at(x1, 650, "Durgapur, West Bengal", "Helvetica", 7.5),
        text_at(x1, 664, HEADS[1], "Helvetica-Bold", 8.6),
        column(x1, 676, WIDTH, 8, seed=3),
        column(x2, 420, WIDTH, 30, seed=4),
    )
    first, second = articles(result)
    assert (first.headline, second.headline) == HEADS and second.kicker is None
    assert "Durgapur" in (first.body or "") + (first.byline or "")


def test_briefs_under_a_section_bar_in_arabic_are_briefs_not_crossheads(tmp_path: Path) -> None:
    """Regression (fresh generated Arabic page, seed 1031 page 2): under a section's title in display
    type ("أخبار قصيرة"), the first brief's bold head stood right under it, so the title seemed to
    open running text and every later head of the column was taken for its crosshead: one article
    for a column of twenty briefs. A head in the style of the first line under the title is a sibling."""
    truth, page = generated_page(tmp_path, 2, seed=1031, direction="rtl", language="ar")
    assert headlines_of(page) == true_headlines(truth)


def test_later_briefs_under_a_section_title_with_heads_shrunk_under_the_body_size_are_briefs(tmp_path: Path) -> None:
    """Regression (fresh generated daily pages, seed 1413 page 2): in a column of briefs under "IN
    BRIEF", the later heads, set smaller than the body to fit the column, were read as body text and
    five briefs as one. They are in the first head's font."""
    heads = ("An agreement with neighbours", "New cycling lanes", "Plans for a clinic")
    draws: list[Draw] = [
        text_at(COLUMNS[0], 60, "IN BRIEF", "Helvetica-Bold", 13),
        text_at(COLUMNS[0], 82, "A survey", "Times-Bold", 9),
        text_at(COLUMNS[1], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 22),
        column(COLUMNS[1], 96, WIDTH, 50, seed=4),
        column(COLUMNS[2], 96, WIDTH, 50, seed=5),
    ]
    top = 96.0
    for k, head in enumerate(heads):
        draws.append(column(COLUMNS[0], top, WIDTH, 6, seed=3 * k, full_stop=True))
        draws.append(text_at(COLUMNS[0], top + 6 * 10.8 + 12, head, "Times-Bold", 8))
        top += 6 * 10.8 + 28
    draws.append(column(COLUMNS[0], top, WIDTH, 6, seed=11, full_stop=True))
    result = extract_drawn(tmp_path, *draws)
    headlines = [a.headline for a in articles(result)]
    assert headlines == ["A survey", *heads, "Bridge Plan Goes to the Board"], headlines


def test_a_first_head_a_little_over_the_body_under_a_section_title_is_the_first_brief(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 1413 page 2, once the body was measured at its own
    9.33 pt, not its half-point bin's 9.5): the first brief's head under "IN BRIEF", 10.2 pt bold, read
    as a headline of its own, not as the deck a section's title over briefs is told by, and the
    column's later heads, set under the body's size, became the first brief's text."""
    truth, page = generated_page(tmp_path, 2, seed=1413, daily=True)
    assert headlines_of(page) == true_headlines(truth)


def test_stories_headed_by_sayings_in_quotes_under_a_section_title_are_stories_of_their_own(tmp_path: Path) -> None:
    """Regression (Echorouk 7977 p14): under a section's title, each story headed by a saying in
    quotes in display type; the first was taken for the title's deck, the second for a pull quote,
    and the two stories were one."""
    x0, x1, x2 = COLUMNS
    sayings = ('"Four things made me weep today"', '"Had you tested us, you would have shamed us"')
    second = sayings[1].split(", ")
    result = extract_drawn(
        tmp_path,
        text_at(x0, 60, "Gardens of the Righteous", "Helvetica", 17),
        text_at(x0, 84, sayings[0], "Helvetica-Bold", 11),
        column(x0, 102, WIDTH, 14, seed=1, full_stop=True),
        text_at(x0, 262, second[0] + ",", "Helvetica-Bold", 11),
        text_at(x0, 276, ", ".join(second[1:]), "Helvetica-Bold", 11),
        column(x0, 294, WIDTH, 14, seed=2, full_stop=True),
        text_at(x1, 130, "Council Opens the New Library", "Helvetica-Bold", 22),
        column(x1, 166, WIDTH, 40, seed=3),
        column(x2, 166, WIDTH, 40, seed=4),
    )
    heads = sorted(a.headline or "" for a in articles(result))
    assert heads == sorted([*sayings, "Council Opens the New Library"])


def test_briefs_parted_by_short_dashes_under_a_section_title_are_stories_of_their_own(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 2121 page 1): under "NEWS IN BRIEF", the briefs'
    heads parted by short dashes were no siblings of the first (a rule stood between), so the
    title took the first head for its deck. A dash a fraction of the column wide parts no section."""
    x0 = COLUMNS[0]
    heads = ("The restoration", "Plans ahead", "The decision")
    draws: list[Draw] = [
        text_at(x0, 60, "NEWS IN BRIEF", "Helvetica-Bold", 10.5),
        text_at(COLUMNS[1], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 22),
        column(COLUMNS[1], 96, WIDTH, 50, seed=4),
        column(COLUMNS[2], 96, WIDTH, 50, seed=5),
    ]
    top = 82.0
    for k, head in enumerate(heads):
        draws.append(text_at(x0, top, head, "Times-Bold", 9.5))
        draws.append(column(x0, top + 18, WIDTH, 8, seed=3 * k, full_stop=True))
        draws.append(rule(top + 18 + 8 * 10.8 + 14, x0 + 16, x0 + 48))
        top += 18 + 8 * 10.8 + 28
    result = extract_drawn(tmp_path, *draws)
    assert [a.headline for a in articles(result)] == [*heads, "Bridge Plan Goes to the Board"]


def test_a_first_head_of_two_lines_under_a_section_bar_in_arabic_is_the_first_story(tmp_path: Path) -> None:
    """Regression (fresh generated Arabic page, seed 2231 page 3): under a section's name on a bar,
    the first story's bold head, wrapped over two lines in its narrow column, was left the deck of
    the bar (a head was asked to be one line), and the story had no headline."""
    truth, page = generated_page(tmp_path, 3, seed=2231, direction="rtl", language="ar")
    assert headlines_of(page) == true_headlines(truth)


def test_a_briefs_head_wrapped_to_three_lines_under_a_title_in_a_band_opens_a_brief(tmp_path: Path) -> None:
    """Regression (fresh generated German daily page, seed 3811 page 2): a column of briefs under a
    title in capitals set in a band ("KURZ NOTIERT"), the first brief's bold head wrapped to three
    lines in the narrow column: a head right under the title was held back as running text, and the
    title, as a story's headline, took the first brief."""
    truth, result = generated_page(tmp_path, 2, seed=3811, daily=True, language="de")
    assert headlines_of(result) == true_headlines(truth)
