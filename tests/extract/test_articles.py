"""How blocks become articles on small generated pages; each test is a layout a real page got wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.extract import extract_pages
from broadsheet.extract.model import ItemType
from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn, generated_page, run_in_brief, story
from tests.pdfs import WORDS, Draw, box, centred, column, photo, text_at


def test_big_bold_kicker_and_deck_stay_with_their_headline(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        text_at(40, 80, "Rivers and roads", "Helvetica-Bold", 15),
        *story(100, "Bridge Plan Goes to the Board"),
        text_at(40, 132, "Residents ask for a hearing on the route", "Helvetica-Bold", 15),
    )
    (article,) = articles(result)
    assert article.headline == "Bridge Plan Goes to the Board"
    assert article.kicker == "Rivers and roads"
    assert article.subheadline == "Residents ask for a hearing on the route"


def test_a_tint_behind_the_headline_does_not_cut_the_story_from_it(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path, box(36, 96, 540, 34, fill=(0.85, 0.9, 0.85)), *story(100, "Bridge Plan Goes to the Board")
    )
    (article,) = articles(result)
    assert article.headline == "Bridge Plan Goes to the Board" and article.body and len(article.regions) >= 4


def test_a_bordered_box_with_its_own_headline_and_body_is_its_own_story(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        *story(100, "Bridge Plan Goes to the Board", lines=12),
        box(36, 300, 540, 200),
        text_at(50, 310, "Market Hall Reopens", "Helvetica-Bold", 20),
        column(50, 340, 250, 10, seed=3),
    )
    assert sorted(a.headline or "" for a in articles(result)) == [
        "Bridge Plan Goes to the Board",
        "Market Hall Reopens",
    ]


def test_columns_running_round_a_photo_across_the_gutter_are_read_one_after_the_other(tmp_path: Path) -> None:
    """Regression (generated pages): a photo and its caption set across the gutter, each column's text
    narrowed beside it; the columns were read row by row round the photo."""
    parts = [  # (x, top, width, first word): each column above, beside and below the photo
        (40, 100, 165, "Aardvark"),
        (40, 190, 80, "Badger"),
        (40, 285, 165, "Cheetah"),
        (215, 100, 165, "Dingo"),
        (300, 190, 80, "Eland"),
        (215, 285, 165, "Ferret"),
    ]
    draws: list[Draw] = [text_at(40, 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 26)]
    for seed, (x, top, width, marker) in enumerate(parts):
        draws += [text_at(x, top, f"{marker} said", "Times-Roman", 9), column(x, top + 10.8, width, 7, seed=seed * 5)]
    draws += [photo(130, 192, 160, 70), text_at(130, 266, "The river at dawn, from the new bridge.", "Times-Italic", 8)]
    (article,) = articles(extract_drawn(tmp_path, *draws))
    body = article.body or ""
    positions = [body.find(f"{marker} said") for *_, marker in parts]
    assert -1 not in positions and positions == sorted(positions), positions


DECK = (
    "Residents ask for a public hearing on the route of the new bridge before the board",
    "votes on it next month, and the council says that it will listen to all of them.",
)


def test_an_italic_deck_across_the_columns_is_the_subheadline_and_an_italic_lede_is_body(tmp_path: Path) -> None:
    """Regression (generated pages): an italic standfirst over three columns was read as the body's
    first paragraph. An italic first paragraph in the column's own width (a real student paper's lede)
    stays body."""
    deck = [text_at(40, 132 + 11 * n, line, "Times-Italic", 9.5) for n, line in enumerate(DECK)]
    body = [column(x, 165, WIDTH, 20, seed=k * 7) for k, x in enumerate(COLUMNS)]
    result = extract_drawn(
        tmp_path, text_at(40, 100, "Bridge Plan Goes to the Board", "Helvetica-Bold", 26), *deck, *body
    )
    (article,) = articles(result)
    assert article.subheadline == " ".join(DECK) and DECK[0] not in (article.body or "")
    lede = [text_at(40, 140 + 11 * n, line, "Times-Italic", 9) for n, line in enumerate(("Italic words", "lead in."))]
    one_column = [text_at(40, 100, "Bridge Plan Goes On", "Helvetica-Bold", 18), *lede, column(40, 165, WIDTH, 20)]
    (article,) = articles(extract_drawn(tmp_path, *one_column))
    assert article.subheadline is None and (article.body or "").startswith("Italic words lead in.")


def test_a_flush_right_byline_goes_with_the_column_under_it(tmp_path: Path) -> None:
    lower = 380
    result = extract_drawn(
        tmp_path,
        *story(60, "Bridge Plan Goes to the Board", lines=22),
        text_at(60, lower, "Market Hall Reopens After Years", "Helvetica-Bold", 26),
        text_at(520, lower + 34, "Ann Lee", "Helvetica-Bold", 9),
        *(column(x, lower + 48, WIDTH, 15, seed=k) for k, x in enumerate(COLUMNS)),
    )
    market = next(a for a in articles(result) if a.headline == "Market Hall Reopens After Years")
    assert "Ann Lee" in " ".join(filter(None, [market.byline, market.body]))


def test_a_stray_label_inside_a_story_is_not_a_story(tmp_path: Path) -> None:
    result = extract_drawn(tmp_path, *story(100, "Bridge Plan Goes to the Board"), text_at(34, 250, "a", size=6))
    assert len(articles(result)) == 1


def test_a_caption_set_above_its_photo_stays_with_the_photo(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        text_at(215, 82, "The view from the bridge", "Times-Italic", 8),
        photo(215, 94, 340, 180),
        *story(300, "Bridge Plan Goes to the Board", lines=12),
    )
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board"]
    (picture,) = [i for i in result.items if i.type is ItemType.PHOTO]
    assert picture.captions == ["The view from the bridge"]


def test_body_text_right_under_a_photo_is_body_not_caption(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        text_at(40, 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 26),
        photo(40, 100, WIDTH, 100),
        column(40, 203, WIDTH, 8, seed=4),
        column(215, 100, WIDTH, 20, seed=9),
    )
    (article,) = articles(result)
    assert article.body and "".join(article.captions) == ""
    assert article.body.count("council") >= 3


def test_a_photo_inside_a_story_is_the_story_s_photo(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        *story(60, "Bridge Plan Goes to the Board", lines=40),
        photo(120, 200, 180, 120),
        text_at(120, 324, "The bridge at dusk", "Times-Italic", 8),
    )
    (article,) = articles(result)
    assert not [i for i in result.items if i.type is ItemType.PHOTO]
    assert article.captions == ["The bridge at dusk"]


def test_columns_under_a_wide_photo_are_read_one_after_the_other(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        photo(215, 40, 340, 180),
        text_at(215, 222, "Bridge Plan Goes to the Board", "Helvetica-Bold", 20),
        text_at(215, 246, "First column starts here and runs on", size=9),
        column(215, 257, WIDTH, 30, seed=1),
        text_at(390, 246, "Second column starts here at the top", size=9),
        column(390, 257, WIDTH, 30, seed=2),
        column(40, 40, WIDTH, 60, seed=3),
    )
    article = next(a for a in articles(result) if a.headline == "Bridge Plan Goes to the Board")
    assert article.body is not None
    first, second = article.body.index("First column"), article.body.index("Second column")
    assert second - first > 1000  # the whole first column comes before the second


def test_an_indented_list_belongs_to_the_short_headline_above_it(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        text_at(40, 60, "Previous Sunday meeting", "Helvetica-Bold", 14),
        column(40, 80, 250, 10),
        text_at(40, 200, "Programme", "Helvetica-Bold", 14),
        *(text_at(58, 222 + 12 * k, f"• item {k} of the work planned at the park on Sunday") for k in range(5)),
    )
    programme = next(a for a in articles(result) if a.headline == "Programme")
    assert programme.body and "item 4" in programme.body


def test_small_bold_brief_headlines_open_their_own_briefs(tmp_path: Path) -> None:
    briefs = [
        draw
        for k, (x, title) in enumerate(zip(COLUMNS, ("Market Hall", "Night Bus", "Library Hours"), strict=True))
        for draw in (text_at(x, 400, title, "Helvetica-Bold", 10), column(x, 416, WIDTH, 6, seed=k))
    ]
    result = extract_drawn(tmp_path, *story(60, "Bridge Plan Goes to the Board", lines=25), *briefs)
    headlines = sorted(a.headline or "" for a in articles(result))
    assert headlines == ["Bridge Plan Goes to the Board", "Library Hours", "Market Hall", "Night Bus"]


def test_a_bold_headline_barely_bigger_than_the_body_opens_a_story(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        *story(60, "Bridge Plan Goes to the Board", lines=12),
        text_at(40, 260, "Library opens on Sundays", "Times-Bold", 9.6),
        text_at(40, 274, "By Ann Lee", "Times-Bold", 8),
        column(40, 290, WIDTH, 10, seed=6),
    )
    headlines = sorted(a.headline or "" for a in articles(result))
    assert headlines == ["Bridge Plan Goes to the Board", "Library opens on Sundays"]


def test_a_headline_over_the_first_of_two_columns_owns_both(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        text_at(40, 60, "Mayor Approves", "Helvetica-Bold", 16),
        column(40, 90, WIDTH, 8, seed=1),
        column(215, 90, WIDTH, 8, seed=2),
        text_at(40, 200, "Architect Rejects Plan", "Helvetica-Bold", 16),
        column(40, 230, WIDTH, 8, seed=3),
        column(215, 230, WIDTH, 8, seed=4),
        column(390, 60, WIDTH, 30, seed=5),
    )
    stories = {a.headline: a for a in articles(result)}
    assert len(stories["Mayor Approves"].regions) >= 3
    assert len(stories["Architect Rejects Plan"].regions) >= 3


def test_a_drop_cap_joins_its_word_in_text_bigger_than_the_body(tmp_path: Path) -> None:
    words = ["idden away from the rest of the town", *["and the greenhouse is kept by the club"] * 5]
    result = extract_drawn(
        tmp_path,
        *story(300, "Bridge Plan Goes to the Board", lines=30),
        text_at(40, 100, "A Greenhouse Tour", "Helvetica-Bold", 22),
        text_at(60, 138, "H", "Times-Roman", 40),
        *(text_at(90, 140 + 16 * k, line, size=12) for k, line in enumerate(words)),
    )
    tour = next(a for a in articles(result) if a.headline == "A Greenhouse Tour")
    assert tour.body and tour.body.startswith("Hidden away")


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("Samuel Caldwell", 9),
        # regression (generated daily, seed 1214): a name in bold capitals 1.11 times the body's size
        # opened a story of its own, taking the story's text from it
        ("MARGARET MORRISON", 10),
    ],
)
def test_a_writers_name_under_the_headline_is_the_byline(tmp_path: Path, name: str, size: float) -> None:
    result = extract_drawn(
        tmp_path,
        text_at(40, 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 26),
        text_at(40, 94, name, "Helvetica-Bold", size),
        *(column(x, 110, WIDTH, 20, seed=k) for k, x in enumerate(COLUMNS)),
    )
    (article,) = articles(result)
    assert article.byline == name and article.subheadline is None
    assert article.body and name.split()[-1] not in article.body


def test_a_column_after_a_hole_belongs_to_the_story_beside_it_not_the_one_above(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        text_at(40, 60, "Council Backs the Bridge Plan", "Helvetica-Bold", 22),
        column(40, 95, WIDTH, 12, seed=1),
        column(215, 95, WIDTH, 12, seed=2),
        text_at(40, 300, "Market Opens", "Helvetica-Bold", 16),
        column(40, 325, WIDTH, 15, seed=3),
        text_at(215, 325, "Second column of the market story", size=9),
        column(215, 336, WIDTH, 14, seed=4),
        column(390, 60, WIDTH, 45, seed=5),
    )
    market = next(a for a in articles(result) if a.headline == "Market Opens")
    assert market.body and "Second column of the market story" in market.body


def test_a_headline_set_right_of_its_first_column_still_owns_it(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        column(40, 60, WIDTH, 50, seed=1),
        text_at(300, 60, "Plan to Rebuild the Bridge", "Helvetica-Bold", 18),
        text_at(215, 96, "First column of the bridge story", size=9),
        column(215, 107, WIDTH, 20, seed=2),
        column(390, 96, WIDTH, 21, seed=3),
        text_at(40, 40, "Earlier Story", "Helvetica-Bold", 14),
    )
    bridge = next(a for a in articles(result) if a.headline == "Plan to Rebuild the Bridge")
    assert bridge.body and bridge.body.startswith("First column of the bridge story")


def test_briefs_with_run_in_headings_are_articles_under_a_label(tmp_path: Path) -> None:
    heads = ("Harbour works.", "Night market:", "Bridge tolls.")
    briefs = [run_in_brief(COLUMNS[0], 120 + k * 90, head, 6, seed=k * 5) for k, head in enumerate(heads)]
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 90, "News in brief", "Helvetica-Bold", 14),
        *briefs,
        *story(100, "Bridge Plan Goes to the Board")[2:3],  # text in the next column, to set the body size
    )
    found = articles(result)
    assert [a.headline for a in found if a.headline != "Bridge Plan Goes to the Board"] == [
        "Harbour works",
        "Night market",
        "Bridge tolls",
    ]
    harbour = found[0]
    assert harbour.body is not None and harbour.body.startswith(" ".join(WORDS[:6]))
    assert [i.type for i in result.items if i.regions[0][1] < 110] == [ItemType.FURNITURE]


def test_a_section_label_with_nothing_of_its_own_under_it_is_furniture(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path, text_at(COLUMNS[0], 60, "SPORT", "Helvetica-Bold", 14), *story(100, "Harbour Team Wins Cup")
    )
    (article,) = articles(result)
    assert article.headline == "Harbour Team Wins Cup"
    (label,) = [i for i in result.items if i.type is ItemType.FURNITURE]
    assert label.regions[0][1] < 90


def test_a_kicker_in_capitals_over_a_headline_is_not_a_headline_of_its_own(tmp_path: Path) -> None:
    kicker = "RESIDENTS OF THE OLD QUARTER"
    result = extract_drawn(
        tmp_path,
        centred(COLUMNS[0], 90, WIDTH, kicker),
        text_at(COLUMNS[0], 100, "Hospital Plans Clinic", "Helvetica-Bold", 16),
        column(COLUMNS[0], 124, WIDTH, 20),
        *[column(x, 124, WIDTH, 20, seed=5) for x in COLUMNS[1:]],
    )
    (article,) = articles(result)
    assert (article.kicker, article.headline) == (kicker, "Hospital Plans Clinic")


def test_a_kicker_in_capitals_nearly_as_big_as_its_headline_is_the_kicker(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 80, "EDUCATION", "Helvetica-Bold", 15),
        text_at(COLUMNS[0], 98, "Architect Presents the School Plan", "Helvetica-Bold", 16),
        *[column(x, 122, WIDTH, 20, seed=3 * k) for k, x in enumerate(COLUMNS)],
    )
    (article,) = articles(result)
    assert (article.kicker, article.headline) == ("EDUCATION", "Architect Presents the School Plan")


def test_a_column_piece_that_starts_mid_sentence_joins_the_story_round_it(tmp_path: Path) -> None:
    """Regression, on the generated page where it was found (seed 104, page 2): the lower part of a
    column, under an italic pull quote ruled above and below, was an untitled article of its own,
    though it starts in the middle of a sentence inside a titled story's bounds."""
    from broadsheet.synthetic import SyntheticOptions, generate_edition

    edition = generate_edition(SyntheticOptions(seed=104, pages=2), tmp_path, stem="p")
    *_, result = extract_pages(edition.pdf)
    untitled = [a for a in articles(result) if not a.headline]
    assert not [a.body for a in untitled if (a.body or " ")[0].islower()]


def test_a_headline_over_a_boxed_deck_and_a_smaller_headline_heads_one_story(tmp_path: Path) -> None:
    """Regression (an Arabic daily's inner page): kicker and headline, then two boxed decks, then the
    text; the first deck was taken for a teaser box, the second for the story's own headline, and
    the real headline with its kicker became a label over nothing."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 50, "As the notaries are told how to take payment", "Helvetica", 11),
        text_at(COLUMNS[0], 66, "Cash is out for cars and houses", "Helvetica-Bold", 24),
        box(36, 98, 350, 22),
        text_at(COLUMNS[0], 104, "Payments by bank transfer only from May", "Helvetica-Bold", 11),
        box(36, 126, 350, 22),
        text_at(COLUMNS[0], 132, "A campaign to win over traders and citizens", "Helvetica-Bold", 11),
        *(column(x, 160, WIDTH, 40, seed=k) for k, x in enumerate(COLUMNS[:2])),
        column(COLUMNS[2], 50, WIDTH, 50, seed=9),
    )
    found = articles(result)
    assert [a.headline for a in found if a.headline and a.headline.startswith("Cash")] == [
        "Cash is out for cars and houses"
    ]
    story = next(a for a in found if a.headline == "Cash is out for cars and houses")
    assert story.body and len(story.regions) >= 3


def test_a_storys_first_column_beside_its_centred_headline_is_not_the_story_above(tmp_path: Path) -> None:
    """Regression (an Arabic daily's page, studied after its held-out figures were recorded): a
    story's first column, over less than half of which its centred headline reaches, went to the
    story above, whose wide headline covers it and whose text ends a little above it."""
    result = extract_drawn(
        tmp_path,
        *story(40, "Council Backs the Bridge Plan", lines=14),
        centred(60, 236, 380, "Market Hours Extended", "Helvetica-Bold", 20),
        *(column(x, 270, WIDTH, 25, seed=60 + k) for k, x in enumerate(COLUMNS)),
    )
    lower = {a.headline: [r for r in a.regions if r[1] > 265] for a in articles(result)}
    assert len(lower["Market Hours Extended"]) == 3 and not lower["Council Backs the Bridge Plan"]


def test_a_run_in_brief_after_a_brief_with_a_small_head_is_a_brief_of_its_own(tmp_path: Path) -> None:
    """Regression (generated daily pages): a column of briefs, the first under a small bold head a
    little bigger than the text, the next opening with a bold run-in heading right under it: the
    run-in heading was taken for a label inside the first brief and rejoined to its text."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 120, "Harbour Works Begin", "Times-Bold", 10),
        column(COLUMNS[0], 134, WIDTH, 6, seed=2),
        run_in_brief(COLUMNS[0], 206, "Bridge tolls.", 6, seed=9),
        *story(100, "Bridge Plan Goes to the Board")[2:3],  # text in the next column, to set the body size
    )
    heads = [a.headline for a in articles(result) if a.headline != "Bridge Plan Goes to the Board"]
    assert heads == ["Harbour Works Begin", "Bridge tolls"]


def test_text_under_a_picture_beside_a_lower_rows_headline_is_that_rows_story(tmp_path: Path) -> None:
    """A second row's story with its headline over its first column and a picture over the other two,
    its text running on under the picture: no column of that text belongs to the lead whose wide
    headline stands above both rows (a generated page's continued story went to the lead that way)."""
    result = extract_drawn(
        tmp_path,
        *story(60, "Bridge Plan Goes to the Board", lines=10),
        text_at(40, 230, "Architect Rejects Plan", "Helvetica-Bold", 16),
        column(40, 260, WIDTH, 20, seed=3),
        photo(215, 240, 2 * WIDTH + 10, 100),
        column(215, 350, WIDTH, 10, seed=4),
        column(390, 350, WIDTH, 10, seed=5),
    )
    stories = {a.headline: a for a in articles(result)}
    assert set(stories) == {"Bridge Plan Goes to the Board", "Architect Rejects Plan"}
    lead, second = stories["Bridge Plan Goes to the Board"], stories["Architect Rejects Plan"]
    assert all(r[3] < 240 for r in lead.regions)
    assert any(r[0] >= 390 and r[1] >= 350 for r in second.regions)


def test_a_jump_line_beside_a_continued_storys_headline_opens_its_first_column(tmp_path: Path) -> None:
    """A story continued from page 1, its headline over the last two columns and "Continued from page 1"
    at the head of the first, over a photo and the text under it: one story, not an untitled scrap
    and an untitled column (a generated page's jump-in went that way)."""
    result = extract_drawn(
        tmp_path,
        text_at(240, 60, "Cycle Lanes Along the River", "Helvetica-Bold", 20),
        text_at(40, 70, "Continued from page 1", "Times-Italic", 8),
        photo(40, 98, WIDTH, 90),
        column(40, 196, WIDTH, 20, seed=3),
        column(215, 90, WIDTH, 30, seed=4),
        column(390, 90, WIDTH, 30, seed=5),
    )
    (story,) = articles(result)
    assert story.headline == "Cycle Lanes Along the River"
    assert story.jump is not None and story.jump.from_page == 1
    assert any(r[0] < 60 and r[3] > 300 for r in story.regions)


def test_a_jump_out_line_level_with_the_next_storys_headline_ends_its_own_story(tmp_path: Path) -> None:
    """ "Turn to page 2" under a story's last column, level with the headline of a story beside it, is
    the first story's jump, not the second's (a jump-in line's rule must not take it)."""
    result = extract_drawn(
        tmp_path,
        text_at(40, 60, "Mayor Approves", "Helvetica-Bold", 16),
        column(40, 90, WIDTH, 20, seed=1),
        column(215, 90, WIDTH, 20, seed=2),
        text_at(215, 290, "Turn to page 2", "Times-Italic", 8),
        text_at(390, 60, "Harbour Works", "Helvetica-Bold", 14),
        column(390, 84, WIDTH, 18, seed=3),
        text_at(390, 286, "Library Opens", "Helvetica-Bold", 14),
        column(390, 310, WIDTH, 10, seed=4),
    )
    stories = {a.headline: a for a in articles(result)}
    mayor, library = stories["Mayor Approves"], stories["Library Opens"]
    assert mayor.jump is not None and mayor.jump.to_page == 2
    assert library.jump is None


def test_text_under_a_storys_own_picture_level_with_a_neighbours_headline_stays_in_the_story(tmp_path: Path) -> None:
    """The lead's picture over its second and third columns starts level with the headline of a story
    set under the lead's first column: the lead's text runs right down to the picture, so no row of
    stories opens there, and the text under the picture is still the lead's."""
    result = extract_drawn(
        tmp_path,
        text_at(40, 60, "Bridge Plan Goes to the Board of Works", "Helvetica-Bold", 30),
        column(40, 100, WIDTH, 12, seed=1),
        column(215, 100, WIDTH, 12, seed=2),
        column(390, 100, WIDTH, 12, seed=3),
        text_at(40, 238, "Library Opens", "Helvetica-Bold", 16),
        column(40, 262, WIDTH, 18, seed=4),
        photo(215, 238, 2 * WIDTH + 10, 90),
        column(215, 336, WIDTH, 8, seed=5),
        column(390, 336, WIDTH, 8, seed=6),
    )
    stories = {a.headline: a for a in articles(result)}
    lead = stories["Bridge Plan Goes to the Board of Works"]
    assert any(r[0] >= 390 and r[3] > 400 for r in lead.regions)
    assert all(r[2] < 215 for r in stories["Library Opens"].regions)


def test_a_paragraph_a_blank_line_under_a_storys_text_in_its_last_column_is_that_storys(tmp_path: Path) -> None:
    """Regression (fresh generated page, seed 2622 page 1): the last paragraph of a story's third
    column (outside its headline's width), a blank line under the paragraph over it, went to the
    small head at the column's top, above the story: a paragraph ran on from the one over it only
    with a pitch or less between them."""
    _, page = generated_page(tmp_path, 1, seed=2622)
    story = next(a for a in articles(page) if a.headline == "Volunteers from the library approved")
    assert "The regional water board approved the budget for the coming year. Earlier" in (story.body or "")


def test_text_under_a_pull_quote_in_a_storys_last_column_is_that_storys(tmp_path: Path) -> None:
    """Regression (generated Urdu page, seed 1541 page 2): a story's last column (the left, on a
    right-to-left page) broken by a pull quote, its text under the quote a blank line or two down:
    once the columns were read one after the other, the text under the quote followed the quote (no
    running text), ran on from no paragraph over it, and became an untitled story."""
    truth, page = generated_page(tmp_path, 2, seed=1541, direction="rtl", language="ur")
    headline = "لائبریری کی رضاکار نی اعلان کیا"
    expected = next(i for i in truth["items"] if i.get("headline") == headline)["body"]
    story = next(a for a in articles(page) if a.headline == headline)
    assert len(articles(page)) == sum(1 for i in truth["items"] if i["type"] == "article")
    assert (story.body or "").endswith(expected[-150:])
