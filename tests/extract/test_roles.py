"""What each block is: kickers, decks, captions and name plates on small generated pages."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

from broadsheet.extract.model import ItemType
from tests.extract.layouts import (
    COLUMNS,
    WIDTH,
    articles,
    extract_drawn,
    generated_page,
    headlines_of,
    run_in_brief,
    story,
    true_headlines,
)
from tests.pdfs import WORDS, box, centred, column, photo, rule, text_at


def test_a_date_line_centred_on_the_page_is_not_the_kicker_of_a_headline_set_off_centre(tmp_path: Path) -> None:
    """Regression (a national daily's editorial page): the page's date line, centred under its title,
    became the kicker of the lead headline set further right."""
    result = extract_drawn(
        tmp_path,
        centred(0, 40, 612, "SATURDAY, AUGUST 15", "Times-Roman", 10),
        text_at(COLUMNS[1], 64, "Bridge Plan Goes to the Board", "Helvetica-Bold", 22),
        *(column(x, 100, WIDTH, 30, seed=k) for k, x in enumerate(COLUMNS)),
    )
    (article,) = articles(result)
    assert article.headline == "Bridge Plan Goes to the Board" and article.kicker is None


def test_a_page_title_over_a_date_line_over_the_lead_headline_does_not_make_it_a_deck(tmp_path: Path) -> None:
    """Regression (a national daily's editorial page): the lead headline, under the page's title in
    bigger type with the date line between them, was taken as the title's deck and went into the
    masthead with it; its story lost its headline."""
    result = extract_drawn(
        tmp_path,
        centred(0, 20, 612, "The Editorial Page", "Times-Bold", 40),
        centred(0, 68, 612, "SATURDAY, AUGUST 15", "Times-Roman", 10),
        text_at(COLUMNS[0], 90, "Bridge Plan Goes to the Board", "Times-Bold", 28),
        *(column(x, 130, WIDTH, 30, seed=k) for k, x in enumerate(COLUMNS)),
    )
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board"]


def test_a_name_plate_of_display_lines_without_text_is_not_an_article(tmp_path: Path) -> None:
    """Regression (a national daily's editorial page): the paper's name plate — its name, "founded
    by", the founder's name — read as a kicker, headline and deck with no body: an empty article."""
    result = extract_drawn(
        tmp_path,
        centred(COLUMNS[0], 60, WIDTH, "FOUNDED BY", "Times-Roman", 13),
        centred(COLUMNS[0], 76, WIDTH, "The Daily Courier", "Times-Roman", 20),
        centred(COLUMNS[0], 100, WIDTH, "IN 1932", "Helvetica", 12),
        *story(160, "Bridge Plan Goes to the Board"),
    )
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board"]
    assert any(i.type in (ItemType.FURNITURE, ItemType.MASTHEAD) and i.regions[0][1] < 70 for i in result.items)


def test_a_paragraph_under_a_little_picture_beside_a_headline_is_not_its_caption(tmp_path: Path) -> None:
    """Regression (a club newsletter set all in bold): a story's whole first paragraph, right under a
    small flag set beside its headline, was taken as the flag's caption."""
    result = extract_drawn(
        tmp_path,
        photo(50, 60, 40, 30),
        text_at(120, 66, "Member in the USA", "Helvetica-Bold", 22),
        column(40, 96, 530, 8, seed=1, font="Times-Bold"),
        column(40, 200, 530, 10, seed=4, font="Times-Bold"),
    )
    (article,) = articles(result)
    assert article.headline == "Member in the USA" and not article.captions
    assert (article.body or "").startswith(" ".join(WORDS[1:4]))


def test_run_in_labels_inside_a_story_do_not_split_it(tmp_path: Path) -> None:
    """Regression (generated daily pages): "Methods:" and "Results:" opening paragraphs of one story
    were taken as briefs' headings, and the story fell into three articles."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 26),
        column(COLUMNS[0], 100, WIDTH, 40, seed=1),
        run_in_brief(COLUMNS[1], 100, "Methods:", 8, seed=3),
        run_in_brief(COLUMNS[1], 210, "Results.", 8, seed=6),
        column(COLUMNS[2], 100, WIDTH, 40, seed=9),
    )
    (article,) = articles(result)
    assert article.headline == "Bridge Plan Goes to the Board"
    assert "Methods:" in (article.body or "") and "Results." in (article.body or "")


def test_a_lead_headline_bigger_than_the_title_is_the_lead_storys(tmp_path: Path) -> None:
    """Regression (generated daily pages): a front page whose lead headline is set bigger than the
    paper's title; the title was read as a header line and the lead's deck and text lost their story."""
    result = extract_drawn(
        tmp_path,
        centred(0, 30, 612, "The Evening Post", "Times-Bold", 40),
        text_at(COLUMNS[0], 80, "SATURDAY, AUGUST 15", "Helvetica", 8),
        text_at(COLUMNS[0], 100, "A plan to rebuild", "Helvetica-Bold", 56),
        text_at(COLUMNS[0], 170, "The city council funded the plan despite strong opposition", "Times-Bold", 12),
        *(column(x, 195, WIDTH, 40, seed=k) for k, x in enumerate(COLUMNS)),
    )
    (masthead,) = [i for i in result.items if i.type is ItemType.MASTHEAD]
    assert masthead.regions[0][1] < 40
    (article,) = articles(result)
    assert article.headline == "A plan to rebuild" and article.subheadline


def test_a_bold_standfirst_across_the_columns_and_a_name_under_it_are_deck_and_byline(tmp_path: Path) -> None:
    """Regression (generated daily pages): a three-line bold standfirst set smaller than the body
    across two columns was read as the first paragraph, and the writer's name under it as text."""
    deck = (
        "The city council funded the so-called green corridor with a narrow majority",
        "after months of talks with the residents of the old quarter, who had asked",
        "for a public hearing on the cost and the route of the new road.",
    )
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "A plan to rebuild", "Helvetica-Bold", 40),
        *(text_at(COLUMNS[0], 110 + 10 * k, line, "Times-Bold", 8.5) for k, line in enumerate(deck)),
        text_at(COLUMNS[0], 146, "PETER MORRISON", "Helvetica", 7),
        *(column(x, 175, WIDTH, 40, seed=k) for k, x in enumerate(COLUMNS)),
    )
    (article,) = articles(result)
    assert (article.subheadline or "").startswith("The city council funded")
    assert article.byline == "PETER MORRISON"
    assert (article.body or "").startswith(" ".join(WORDS[:3]))


def test_a_jump_line_set_as_a_columns_first_line_sets_the_jump_and_stays_out_of_the_body(tmp_path: Path) -> None:
    """Regression (generated daily pages): "From page 1", set in the text's size at the top of a
    continued story's column, was read as its first words and set no jump."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 20),
        text_at(COLUMNS[0], 90, "From page 1", "Times-Roman", 9),
        column(COLUMNS[0], 100.8, WIDTH, 30, seed=1),
        column(COLUMNS[1], 90, WIDTH, 31, seed=2),
    )
    (article,) = articles(result)
    assert article.jump is not None and article.jump.from_page == 1
    assert "page 1" not in (article.body or "")


def test_a_jump_line_wrapped_over_a_narrow_columns_last_two_lines_sets_the_jump(tmp_path: Path) -> None:
    """Regression (generated dailies, seeds 7–20): "Continued on" / "page 3" in italics, the last two
    lines of a narrow column, stayed the text's last words and set no jump (each line alone names no
    page). The text's own last two lines naming a page, in its own style, stay the text."""
    narrow = 80.0
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 20),
        column(COLUMNS[0], 90, narrow, 30, seed=1),
        text_at(COLUMNS[0] + 18, 90 + 30 * 10.8 + 4, "Continued on", "Times-Italic", 9),
        text_at(COLUMNS[0] + 51, 90 + 31 * 10.8 + 4, "page 3", "Times-Italic", 9),
        text_at(COLUMNS[2], 60, "Harvest Fair Opens Today", "Helvetica-Bold", 20),
        column(COLUMNS[2], 90, narrow, 30, seed=4),
        text_at(COLUMNS[2], 90 + 30 * 10.8, "as we said on", "Times-Roman", 9),
        text_at(COLUMNS[2], 90 + 31 * 10.8, "page 3 too", "Times-Roman", 9),
    )
    bridge, fair = sorted(articles(result), key=lambda a: a.headline or "")
    assert bridge.jump is not None and bridge.jump.to_page == 3
    assert "Continued" not in (bridge.body or "") and "page 3" not in (bridge.body or "")
    assert fair.jump is None and (fair.body or "").endswith("as we said on page 3 too")


def test_a_line_bigger_than_the_small_text_under_it_is_its_headline_in_the_body_size(tmp_path: Path) -> None:
    """Regression (a club newsletter): a sidebar's headline, set in the page's body size (12 pt) over
    its own 9 pt text, was read as text and the sidebar as part of the story before it."""
    result = extract_drawn(
        tmp_path,
        *(column(x, 60, WIDTH, 50, size=12, seed=k) for k, x in enumerate(COLUMNS[1:])),
        text_at(COLUMNS[0], 60, "Featured Plant: Dendrophylax", "Helvetica", 12),
        column(COLUMNS[0], 80, WIDTH, 12, size=9, seed=4),
        text_at(COLUMNS[0], 250, "Featured Botanist", "Helvetica", 12),
        column(COLUMNS[0], 270, WIDTH, 12, size=9, seed=6),
    )
    headlines = [a.headline for a in articles(result)]
    assert "Featured Plant: Dendrophylax" in headlines and "Featured Botanist" in headlines


def test_a_heading_in_capitals_whose_short_last_line_is_centred_opens_a_story(tmp_path: Path) -> None:
    """Regression (a community magazine): "HARDSHIP AND EXHIBITION / FUNDS" in bold capitals of the
    body size, its short last line centred over the column, was read as text."""
    result = extract_drawn(
        tmp_path,
        centred(COLUMNS[0], 60, WIDTH, "HARDSHIP AND EXHIBITION", "Times-Bold", 9),
        centred(COLUMNS[0], 71, WIDTH, "FUNDS", "Times-Bold", 9),
        column(COLUMNS[0], 86, WIDTH, 30, seed=1),
        *(column(x, 60, WIDTH, 40, seed=k + 3) for k, x in enumerate(COLUMNS[1:])),
        text_at(COLUMNS[1], 40, "Bridge Plan Goes to the Board", "Helvetica-Bold", 14),
    )
    assert "HARDSHIP AND EXHIBITION FUNDS" in [a.headline for a in articles(result)]


def test_a_short_headline_flush_with_a_wide_picture_under_it_claims_the_columns_under_the_picture(
    tmp_path: Path,
) -> None:
    """Regression (generated Arabic pages): a short headline set over one end of a picture as wide
    as its story lost the columns under the picture beyond its own words to the wider headline of
    the story above."""
    assert _columns_under_a_picture(tmp_path, byline=False) == (3, 0)


def test_a_short_headline_claims_the_columns_under_a_wide_picture_under_its_byline(tmp_path: Path) -> None:
    # regression (generated daily pages): with the story's byline between headline and picture, the
    # picture was too far under the headline to be the one it is set over
    assert _columns_under_a_picture(tmp_path, byline=True) == (3, 0)


def _columns_under_a_picture(tmp_path: Path, byline: bool) -> tuple[int, int]:
    """A story across the page over a short headline, the lower story's picture across the page
    and its columns under it: how many columns under the picture each story has."""
    top = 256 + 14 * byline
    result = extract_drawn(
        tmp_path,
        *story(40, "Council Backs the Bridge Plan", lines=12),
        text_at(COLUMNS[0], 230, "Market Hours", "Helvetica-Bold", 18),
        *([text_at(COLUMNS[0], 254, "By Laura Fletcher", "Times-Bold", 8)] if byline else []),
        photo(COLUMNS[0], top, COLUMNS[2] + WIDTH - COLUMNS[0], 120),
        *(column(x, top + 130, WIDTH, 20, seed=40 + k) for k, x in enumerate(COLUMNS)),
    )
    lower = {a.headline: [r for r in a.regions if r[1] > top + 120] for a in articles(result)}
    return len(lower["Market Hours"]), len(lower["Council Backs the Bridge Plan"])


def test_a_title_across_the_top_over_stories_headed_in_the_bodys_size(tmp_path: Path) -> None:
    """Regression (generated pages): a paper whose headlines are bold, in the body's size, in another
    face: the title across the top of the page (four words) was taken for a story's headline, as no
    other headline was found; two of the headlines became the title's decks, 46 pt under its 60 pt
    type; and a bold label ending in a colon inside a story stays in its text."""
    heads = ["Harbour Plan Goes Ahead", "Library Opens Its Doors", "Market Hours Extended"]
    result = extract_drawn(
        tmp_path,
        centred(0, 20, 612, "The Evening Post", "Helvetica-Bold", 60),
        text_at(40, 92, "Wednesday, September 21", "Times-Roman", 8),
        text_at(500, 92, "Price 1,50", "Times-Roman", 8),
        *(text_at(x, 140, head, "Helvetica-Bold", 9.2) for x, head in zip(COLUMNS, heads, strict=True)),
        column(COLUMNS[0], 154, WIDTH, 30, seed=3),
        column(COLUMNS[1], 154, WIDTH, 30, seed=5),
        column(COLUMNS[2], 154, WIDTH, 12, seed=7),
        text_at(COLUMNS[2], 290, "What it means:", "Helvetica-Bold", 9.2),
        column(COLUMNS[2], 304, WIDTH, 12, seed=9),
    )
    (masthead,) = [i for i in result.items if i.type is ItemType.MASTHEAD]
    assert masthead.regions[0][3] < 100
    assert [a.headline for a in articles(result)] == heads
    assert "What it means:" in (articles(result)[2].body or "")


def test_a_huge_lead_headline_over_its_photo_and_a_column_is_not_the_papers_title(tmp_path: Path) -> None:
    """Regression (generated daily pages): a page's lead headline, two words in 72 pt at the top,
    over a photo (drawn as a tinted box) with the story's first column beside it, was taken for the
    paper's title: the text starting under it seemed to span too little of its width, as the photo
    was not counted."""
    result = extract_drawn(
        tmp_path,
        text_at(40, 60, "Plans for", "Helvetica-Bold", 72),
        box(40, 150, 240, 100, fill=(0.6, 0.7, 0.8)),
        column(290, 152, WIDTH, 30, seed=1),
        column(40, 262, 110, 20, seed=2),
        column(160, 262, 120, 20, seed=3),
    )
    assert [a.headline for a in articles(result)] == ["Plans for"]
    assert not [i for i in result.items if i.type is ItemType.MASTHEAD]


def test_a_bold_name_under_a_wide_deck_is_the_bylines_not_a_headline(tmp_path: Path) -> None:
    """Regression (an Arabic daily, tune set): a writer's name in bold body type, right under a
    three-line deck wider than the headline and beyond the headline's end, was taken for a small
    headline; it took the story, and the lead headline was left bare."""
    lines = [" ".join((WORDS * 2)[k * 16 : k * 16 + 16]) for k in range(3)]
    deck = [text_at(40, 104 + 12 * k, line, "Times-Bold", 10.5) for k, line in enumerate(lines)]
    end = 40 + min(stringWidth(line, "Times-Bold", 10.5) for line in lines)
    assert end > 40 + stringWidth("Bridge Plan Goes", "Helvetica-Bold", 32) + 40
    result = extract_drawn(
        tmp_path,
        text_at(40, 60, "Bridge Plan Goes", "Helvetica-Bold", 32),
        *deck,
        text_at(end - 35, 146, "Ann Lee", "Times-Bold", 9),
        *(column(x, 176, WIDTH, 30, seed=k) for k, x in enumerate(COLUMNS)),
    )
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes"]


def test_a_small_bold_head_over_a_byline_and_a_photo_opens_the_text_under_them(tmp_path: Path) -> None:
    """Regression (generated daily pages): a side column's headline in bold a little bigger than the
    body, over its byline and a photo with the text under them, was read as text: a head needs
    running text under it, and the byline and the photo stood between."""
    x = COLUMNS[2]
    result = extract_drawn(
        tmp_path,
        *story(60, "Bridge Plan Goes to the Board", lines=30)[:3],
        text_at(x, 60, "The Mayor Looks Back", "Times-Bold", 9.6),
        text_at(x, 74, "Samuel Morrison", "Helvetica-Bold", 7.5),
        photo(x, 88, WIDTH, 70),
        column(x, 166, WIDTH, 25, seed=9),
    )
    assert "The Mayor Looks Back" in [a.headline for a in articles(result)]


def test_a_date_in_the_header_row_over_a_headline_is_furniture_not_its_kicker(tmp_path: Path) -> None:
    """Regression (generated pages): the date at the right end of the page's header row (the folio
    and the paper's name on the same line, in the same size) sat right above a headline in the
    right-hand column and was taken for its kicker."""
    result = extract_drawn(
        tmp_path,
        text_at(40, 38, "2", "Helvetica-Bold", 8),
        centred(0, 38, 612, "The Evening Post", "Helvetica-Bold", 8),
        text_at(COLUMNS[2], 38, "Monday, February 16", "Helvetica-Bold", 8),
        text_at(COLUMNS[2], 52, "Mayor Rejects the Plan", "Helvetica-Bold", 14),
        column(COLUMNS[2], 74, WIDTH, 30, seed=3),
        *story(90, "Bridge Plan Goes Ahead", lines=25)[:3],
    )
    mayor = next(a for a in articles(result) if a.headline == "Mayor Rejects the Plan")
    assert mayor.kicker is None
    assert any(
        i.type is ItemType.FURNITURE and any(r[0] >= COLUMNS[2] - 1 and r[1] < 50 for r in i.regions)
        for i in result.items
    )


def test_a_byline_set_bold_and_a_little_bigger_than_the_body_is_no_headline(tmp_path: Path) -> None:
    """Regression (fresh generated daily pages, seed 1014): "By LAURA OSBORNE" in bold a size over
    the body, under a lead's deck, was taken for a small headline and opened an article of its own."""
    x0, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        text_at(x0, 60, "Harbour plan wins the vote", "Helvetica-Bold", 30),
        text_at(x0, 100, "The council backed the plan after a long night of debate", "Times-Bold", 12),
        text_at(x0, 122, "By LAURA OSBORNE", "Helvetica-Bold", 10),
        *(column(x, 140, WIDTH, 40, seed=k) for k, x in enumerate((x0, x1, x2))),
    )
    (article,) = articles(result)
    assert article.headline == "Harbour plan wins the vote" and article.byline == "By LAURA OSBORNE"


def test_a_run_in_label_ending_in_a_colon_at_a_columns_top_is_no_brief(tmp_path: Path) -> None:
    """Regression (fresh generated daily pages, seed 1013): a story's bold label ("Methods:") opening
    the paragraph at the top of its last column, beyond its headline's reach, became a brief's
    run-in heading and split the story; a brief's run-in heading ends in a full stop."""
    x0, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        text_at(x0, 60, "Harbour plan wins the vote", "Helvetica-Bold", 26),
        column(x0, 100, WIDTH, 40, seed=1),
        column(x1, 100, WIDTH, 40, seed=2),
        run_in_brief(x2, 100, "Methods:", 38, seed=3),
    )
    (article,) = articles(result)
    assert "Methods:" in (article.body or "")


def test_a_bold_lead_in_smaller_than_the_text_under_it_is_no_headline(tmp_path: Path) -> None:
    """Regression (an Arabic daily's page, Echorouk 7998 p7, labelled blind): a lead's column beside
    its photo opened with its first words in bold, a little over the page's body size but smaller
    than the column's own text; taken for a small headline, it split the lead in two."""
    x0, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        text_at(x0, 50, "Harbour works go ahead at last", "Helvetica-Bold", 26),
        column(x0, 90, WIDTH, 50, seed=1),
        column(x1, 90, WIDTH, 50, seed=2),
        photo(x2, 90, WIDTH, 190),
        text_at(x2, 290, "In the port city", "Times-Bold", 10),
        column(x2, 304, WIDTH, 30, size=11, seed=3),
    )
    (article,) = articles(result)
    assert article.headline == "Harbour works go ahead at last"


def test_a_line_a_size_over_the_text_ending_in_a_colon_is_a_label_not_a_headline(tmp_path: Path) -> None:
    # regression (an Arabic daily's lead, labelled blind): a speaker's name with a colon in a tab,
    # over the words quoted, was taken for a sidebar's headline and took the lead's standfirst
    result = extract_drawn(
        tmp_path,
        *story(100, "Bridge Plan Goes to the Board", lines=12),
        text_at(COLUMNS[2], 140 + 12 * 10.8 + 8, "The mayor:", "Times-Roman", 12),
        column(COLUMNS[2], 140 + 12 * 10.8 + 24, WIDTH, 6, seed=5),
    )
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board"]


def test_a_bold_head_over_a_byline_without_by_under_a_storys_end_opens_a_story(tmp_path: Path) -> None:
    # regression (generated Urdu page 1141): a small bold head in a story's last column, over a
    # writer's name in small bold type ("By" is not written in every language), was taken for the
    # story's crosshead
    result = extract_drawn(
        tmp_path,
        *story(100, "Bridge Plan Goes Before the Board Today", lines=10),
        text_at(COLUMNS[2], 258, "Residents Back the Bridge", "Helvetica-Bold", 9.4),
        text_at(COLUMNS[2], 272, "Amina Qureshi", "Helvetica-Bold", 7.5),
        column(COLUMNS[2], 286, WIDTH, 10, seed=5),
    )
    assert [a.headline for a in articles(result)] == [
        "Bridge Plan Goes Before the Board Today",
        "Residents Back the Bridge",
    ]


def test_a_writers_name_and_place_in_bold_under_a_flush_left_standfirst_is_the_byline(tmp_path: Path) -> None:
    # regression (generated daily page 1213): "Jane Morrison, Elmstead", bold a little over the body,
    # flush left under the lead's standfirst and outside its centred headline's width, opened a story
    result = extract_drawn(
        tmp_path,
        centred(40, 60, 515, "Bridge Plan Goes Ahead", "Helvetica-Bold", 30),
        column(40, 100, 400, 2, size=10, seed=1, font="Times-Italic"),
        text_at(40, 127, "Jane Morrison, Elmstead", "Helvetica-Bold", 9.8),
        *(column(x, 145, WIDTH, 30, seed=k) for k, x in enumerate(COLUMNS)),
    )
    (lead,) = articles(result)
    assert lead.headline == "Bridge Plan Goes Ahead" and lead.byline == "Jane Morrison, Elmstead"


def test_a_small_bold_head_over_a_standfirst_bigger_than_itself_heads_its_story(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 2121 page 1): a story's head, bold a size over the
    body, over its standfirst in bigger italics across two columns, was taken for a lead-in smaller
    than the text under it; the story, headless, went to the story beside it. The standfirst is
    itself over smaller running text: no lead-in's text."""
    x0, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        *story(40, "Harbour works go ahead", lines=12),
        rule(220),
        text_at(x1, 230, "A Well-known Architect", "Times-Bold", 10),
        text_at(x1, 242, "Presented Plans", "Times-Bold", 10),
        text_at(x1, 262, "The school governors postponed a", "Helvetica-Oblique", 12.4),
        text_at(x1, 276, "programme of repairs to the town", "Helvetica-Oblique", 12.4),
        text_at(x1, 290, "hall without further explanation.", "Helvetica-Oblique", 12.4),
        column(x1, 318, WIDTH, 30, seed=2),
        column(x2, 318, WIDTH, 30, seed=3),
        text_at(x0, 230, "Market Hall Reopens", "Helvetica-Bold", 16),
        column(x0, 256, WIDTH, 34, seed=4),
    )
    headlines = sorted(a.headline or "" for a in articles(result))
    assert headlines == ["A Well-known Architect Presented Plans", "Harbour works go ahead", "Market Hall Reopens"]


def test_a_small_bold_head_over_a_bigger_standfirst_and_a_picture_heads_its_story(tmp_path: Path) -> None:
    """Regression (fresh generated Arabic page, seed 2631 page 1): a lead's bold head, a little over
    the body's size, over a standfirst set bigger in a regular face, then a photo, then the text, was
    read as the standfirst's bold lead-in: the smaller text that makes it a standfirst was looked for
    right under it, not under the photo."""
    truth, page = generated_page(tmp_path, 1, seed=2631, direction="rtl", language="ar")
    lead = next(i for i in truth["items"] if i["id"] == "a1")
    found = next(a for a in articles(page) if a.headline == lead["headline"])
    assert found.subheadline == lead["subheadline"]


def test_a_paragraphs_last_line_atop_a_column_over_a_bio_in_small_type_is_no_headline(tmp_path: Path) -> None:
    """Regression (generated Italian daily page, seed 4711 page 1, studied this session): a boxed
    comment's text set big in narrow columns, its second column holding only the last line of the
    text ("trattative.") over the writer's note in small italics: the line, bigger than that note, was
    taken for a head over it, and the comment's first column, beside it, lost its story."""
    truth, result = generated_page(tmp_path, 1, seed=4711, daily=True, language="it")
    assert headlines_of(result) == true_headlines(truth)


def test_a_caption_over_a_writers_note_in_smaller_type_is_no_headline(tmp_path: Path) -> None:
    """Regression (generated German daily page, seed 4711 page 1, studied this session): in a boxed
    comment, the photo's one-line caption stands over the writer's note in small italics: bigger than
    that note, it was taken for a head over it (before captions are told), and the comment's text
    went to it."""
    truth, result = generated_page(tmp_path, 1, seed=4711, daily=True, language="de")
    assert headlines_of(result) == true_headlines(truth)
