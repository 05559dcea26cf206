"""The masthead (``broadsheet.extract.mastheads``): the paper's title block at the top of a front page,
told from a lead story's headline set as big by the story under the headline."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.extract import extract_pages
from broadsheet.extract.model import ItemType, PageResult
from broadsheet.extract.options import ExtractOptions
from tests.extract.layouts import (
    COLUMNS,
    WIDTH,
    articles,
    extract_drawn,
    generated_page,
    headlines_of,
    story,
    title_block,
    true_headlines,
)
from tests.extract.test_no_text_lost import CORPUS
from tests.pdfs import WORDS, Draw, box, column, text_at

EXPLAIN = ExtractOptions(explain=True)


def _next_story(top: float, lines: int, body: float = 9) -> list[Draw]:
    """The story under the one a test is about: "Market Hours Extended" over three columns of text."""
    headline = text_at(COLUMNS[0], top, "Market Hours Extended", "Helvetica-Bold", 20)
    return [headline, *(column(x, top + 30, WIDTH, lines, size=body, seed=5 + k) for k, x in enumerate(COLUMNS))]


def test_a_huge_short_headline_with_a_standfirst_and_a_byline_under_it_is_no_name_plate(tmp_path: Path) -> None:
    # regression (generated daily pages): an inside page's lead, "A plan" in type ten times the
    # body's, with a panel between its byline and its text, was taken for the paper's name plate
    standfirst = ("Residents of the old quarter welcomed the plan", "to reopen the night market on Tuesday, with")
    result = extract_drawn(
        tmp_path,
        text_at(40, 20, "Tuesday, November 12, 2023", "Helvetica-Bold", 8),
        text_at(280, 20, "The Evening Standard Post", "Helvetica-Bold", 8),
        text_at(40, 44, "A plan", "Times-Bold", 92),
        *[text_at(40, 163 + 17 * k, line, "Times-Italic", 14) for k, line in enumerate(standfirst)],
        text_at(40, 203, "LAURA FLETCHER", "Times-Italic", 8),
        box(40, 222, 330, 150, fill=(0.6, 0.6, 0.6)),  # a tint panel between the byline and the text
        *[column(x, 384, WIDTH, 30, seed=3 * k) for k, x in enumerate(COLUMNS)],
    )
    assert "A plan" in [a.headline for a in articles(result)]
    assert not [i for i in result.items if i.type.value == "masthead"]


def test_a_centred_lead_headline_with_its_byline_flush_with_the_first_column_is_no_title(tmp_path: Path) -> None:
    # regression (generated daily pages): an inside page's lead, set huge and centred over its
    # columns, with a standfirst across them and the byline under the standfirst's start, beyond
    # the headline's ends: the byline was not seen, the gap to the text looked like a title's
    standfirst = [f"{' '.join(WORDS[k : k + 12])}" for k in (0, 12, 24)]
    result = extract_drawn(
        tmp_path,
        text_at(40, 20, "Sunday, August 19, 2023", "Helvetica-Bold", 8),
        text_at(280, 20, "The Evening Standard Post", "Helvetica-Bold", 8),
        text_at(225, 44, "A plan", "Helvetica-Bold", 60),
        *[text_at(40, 122 + 13 * k, line, "Times-Italic", 11) for k, line in enumerate(standfirst)],
        text_at(40, 166, "By Laura Fletcher", "Times-Bold", 8),
        *[column(x, 186, WIDTH, 20, seed=3 * k) for k, x in enumerate(COLUMNS)],
        *story(500, "The budget for the coming year", seed=5, lines=12),
    )
    assert [a.headline for a in articles(result)] == ["A plan", "The budget for the coming year"]
    assert not [i for i in result.items if i.type.value == "masthead"]


def test_a_lead_headline_in_huge_type_whose_first_column_opens_with_its_byline_is_no_title(tmp_path: Path) -> None:
    """Regression (fresh generated daily pages, seed 1311 page 2): an inner page's lead headline in
    huge type, over a standfirst, whose first column opens with the writer's name a line and a half
    above the other columns' tops, was taken for the paper's title (furniture): its columns did not
    seem to start level, so no story seemed to start under it."""
    standfirst = ("Residents of the old quarter questioned the plan", "at a crowded meeting before the summer holidays")
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 40, "Harbour Deal Signed", "Helvetica-Bold", 50),
        *(text_at(COLUMNS[0], 104 + 14 * k, line, "Times-Italic", 12) for k, line in enumerate(standfirst)),
        text_at(COLUMNS[0], 146, "Helen Fletcher, Elmstead", "Times-Roman", 9),
        column(COLUMNS[0], 157, WIDTH, 14, seed=1),
        column(COLUMNS[1], 165, WIDTH, 14, seed=2),
        column(COLUMNS[2], 165, WIDTH, 14, seed=3),
        *_next_story(360, lines=20),
        pages=2,
    )
    assert [a.headline for a in articles(result)] == ["Harbour Deal Signed", "Market Hours Extended"]


def test_a_lead_headline_in_huge_type_over_a_deck_a_dateline_and_a_photo_is_no_title(tmp_path: Path) -> None:
    """Regression (fresh generated daily pages, seed 1415 page 2): an inner page's lead headline of two
    words in huge type, over its deck, a dateline and a grey box where a photo goes across its later
    columns, was taken for the paper's title: its first column starts a little more than two lines
    under the dateline (a drop cap), and the photo that starts right under the deck was not seen to
    bridge the gap."""
    deck = ("Residents of the old quarter questioned the plan", "at a crowded meeting before the summer holidays")
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 30, "Plans for", "Helvetica-Bold", 100),
        *(text_at(COLUMNS[0], 150 + 16 * k, line, "Times-Italic", 13) for k, line in enumerate(deck)),
        text_at(COLUMNS[0], 186, "Millbrook", "Helvetica-Bold", 8),
        box(COLUMNS[1], 200, 2 * WIDTH + 10, 150, fill=(0.6, 0.6, 0.6)),  # where the photo goes
        column(COLUMNS[0], 219, WIDTH, 30, seed=1),
        column(COLUMNS[1], 360, WIDTH, 18, seed=2),
        column(COLUMNS[2], 360, WIDTH, 18, seed=3),
        *_next_story(580, lines=12),
        pages=2,
    )
    assert [a.headline for a in articles(result)] == ["Plans for", "Market Hours Extended"]


def _title_over_a_date_line(tmp_path: Path, title: Draw, date_top: float) -> PageResult:
    """A front page: the paper's ``title``, its date, number and price on a line at ``date_top``, and two
    stories under them ("Bridge Plan Goes to the Board", "Market Hours Extended"), extracted with the
    decisions explained."""
    return extract_drawn(
        tmp_path,
        title,
        text_at(COLUMNS[0], date_top, "Thursday, December 8, 2022", "Helvetica", 8.5),
        text_at(280, date_top, "No. 12854", "Helvetica", 8.5),
        text_at(520, date_top, "Price 4,20", "Helvetica", 8.5),
        *story(date_top + 42, "Bridge Plan Goes to the Board", seed=1, lines=25),
        *story(date_top + 382, "Market Hours Extended", seed=9, lines=20),
        options=EXPLAIN,
    )


def test_the_date_line_right_under_the_papers_title_is_the_titles(tmp_path: Path) -> None:
    """Regression (fresh generated pages, seed 1421 page 1): the date, number and price set a few
    points under the title, lower than one line pitch, became three untitled articles."""
    result = _title_over_a_date_line(tmp_path, text_at(COLUMNS[0], 20, "Northport Herald", "Helvetica-Bold", 60), 98)
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board", "Market Hours Extended"]
    dates = [d for d in result.decisions if d.text.startswith(("Thursday", "No.", "Price"))]
    assert len(dates) == 3 and all(d.role == "masthead" for d in dates), [(d.text, d.role) for d in dates]


def test_a_lead_headline_in_huge_type_over_a_photo_across_its_columns_is_no_title(tmp_path: Path) -> None:
    """Regression (fresh generated pages, seed 1521 page 2): an inner page's lead headline of two lines
    in big type and its jump line, over a photo across its first two columns with its caption under it
    and its text under that, was taken for the paper's title (and a story's headline beside it for the
    title's band): the photo bridged the gap under the jump line only to its own top, so the text
    seemed too far under the headline."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 24, "4", "Helvetica-Bold", 8),
        text_at(480, 24, "Tuesday, May 5, 2026", "Helvetica", 8),
        text_at(COLUMNS[0], 44, "An Independent", "Times-Bold", 24),
        text_at(COLUMNS[0], 69, "Committee Approved", "Times-Bold", 24),
        text_at(COLUMNS[0], 101, "From page 1", "Times-Italic", 8.75),
        text_at(COLUMNS[2], 44, "Architect Named", "Times-Bold", 12),
        text_at(COLUMNS[2], 59, "By Alice Whitfield", "Times-Italic", 8),
        column(COLUMNS[2], 74, WIDTH, 20, size=8.75, seed=4),
        box(COLUMNS[0], 116, 2 * WIDTH + 10, 174, fill=(0.6, 0.6, 0.6)),  # where the photo goes
        text_at(COLUMNS[0], 293, "A view of the site from the river", "Helvetica", 7.5),
        column(COLUMNS[0], 319, WIDTH, 20, size=8.75, seed=1),
        column(COLUMNS[1], 319, WIDTH, 20, size=8.75, seed=2),
        column(COLUMNS[2], 319, WIDTH, 20, size=8.75, seed=3),
        *_next_story(560, lines=12, body=8.75),
        pages=2,
    )
    headlines = ["An Independent Committee Approved", "Architect Named", "Market Hours Extended"]
    assert [a.headline for a in articles(result)] == headlines


def test_a_two_line_headline_in_huge_type_with_wide_white_under_it_is_no_title(tmp_path: Path) -> None:
    """Regression (Civil Chronicles p7, labelled blind): an inner page's first headline, two lines of
    48 pt (here 30 pt), with the white of a word processor's paragraph spacing under it (over two line
    pitches of the body, under one of its own sizes), was taken for a section's title and made
    furniture, its story untitled. White under a head grows with the head."""
    headline = "Beyond the Classroom: Students Train on the Total Station"
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 50, "Beyond the Classroom: Students Train", "Times-Bold", 30),
        text_at(COLUMNS[0], 86, "on the Total Station", "Times-Bold", 30),
        *(column(x, 150, WIDTH, 24, size=10, seed=k) for k, x in enumerate(COLUMNS)),
        *story(480, "Exhibition Draws Engineering Students", seed=9, lines=18),
    )
    assert [a.headline for a in articles(result)] == [headline, "Exhibition Draws Engineering Students"]


def test_a_kicker_right_under_the_rule_closing_the_title_block_is_its_storys(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 242): the first row's kickers right under the rule
    that closes the title block (the paper's name, its date line, the rule) stood within two line
    pitches of the name, the band the title claims, and were the masthead's."""
    x0, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        *title_block(91),
        text_at(x0, 95, "THE LONG-SERVING MAYOR", "Helvetica-Bold", 8),
        text_at(x0, 106, "Ferry Stays in Service", "Helvetica-Bold", 22),
        *(column(x, 136, WIDTH, 40, size=10, seed=k) for k, x in enumerate((x0, x1, x2))),
    )
    (ferry,) = articles(result)
    assert ferry.kicker == "THE LONG-SERVING MAYOR"


def test_a_papers_short_name_set_big_is_its_title(tmp_path: Path) -> None:
    """Regression (fresh generated Urdu page, seed 2441 page 1): the paper's name, two short words in
    50 pt (under a fifth of the page wide), was not asked as a title: it became header furniture,
    and the date, number and price under it three untitled articles."""
    result = _title_over_a_date_line(tmp_path, text_at(250, 20, "Dawn", "Helvetica-Bold", 42), 80)
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board", "Market Hours Extended"]
    title = [d for d in result.decisions if d.text.startswith(("Dawn", "Thursday", "No.", "Price"))]
    assert len(title) == 4 and all(d.role == "masthead" for d in title), [(d.text, d.role) for d in title]


def test_a_title_over_a_first_row_of_small_bold_heads_is_the_masthead_and_they_head_stories(tmp_path: Path) -> None:
    """Regression (generated page, seed 2021 page 1): a three-line bold head in the body's size atop
    the first row's last column was read as running text, so the page's title over it seemed to head
    a story (its "text" spanned the page) and took the lead's head for its deck; once the title was
    the masthead, the lead's head stayed a deck and the small head a crosshead under the title."""
    truth, page = generated_page(tmp_path, 1, seed=2021)
    assert headlines_of(page) == true_headlines(truth)


def test_a_heading_over_text_set_all_in_bold_heads_its_story_not_the_page() -> None:
    """Regression (this session's small bold heads under a title, on the Ridgeway newsletter p2): a
    story's whole text set in bold (a panel of seven long lines) was taken for a small bold head, so
    the big heading over it opened no story and became the page's title."""
    pdf = CORPUS / "real-unlabelled/ridgeway-2015-06.pdf"
    if not pdf.exists():
        pytest.skip(f"{pdf} is not here (../shared/corpus)")
    (page,) = extract_pages(pdf, pages=[2])
    assert "Is ET trying to communicate with us?" in [a.headline for a in articles(page)]


def test_a_leads_headline_over_its_photo_and_columns_run_on_from_beside_it_is_no_title(tmp_path: Path) -> None:
    """Regression (fresh generated English page, seed 6121 page 3): a lead's headline, deck and photo
    over three columns, its first column set beside the photo; under the photo, two of the three
    columns open with the last two lines of a paragraph run on from the column before. Only the
    third seemed running text, too little of the headline's width for a story: the headline became
    the page's title and took the top row's heads into its band."""
    truth, page = generated_page(tmp_path, 3, seed=6121)
    assert headlines_of(page) == true_headlines(truth)


def test_the_lead_headline_of_an_inner_page_is_not_a_masthead(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        text_at(215, 70, "Ports Are Full as Ships Wait", "Helvetica-Bold", 26),
        *(column(x, 120, WIDTH, 25, seed=k) for k, x in enumerate((215, 390))),
        text_at(40, 60, "Verdict Due", "Helvetica-Bold", 22),
        column(40, 100, WIDTH, 28, seed=5),
        text_at(215, 420, "Fair Opens", "Helvetica-Bold", 20),
        *(column(x, 450, WIDTH, 10, seed=k) for k, x in enumerate((215, 390))),
        pages=3,
    )
    headlines = sorted(a.headline or "" for a in articles(result))
    assert headlines == ["Fair Opens", "Ports Are Full as Ships Wait", "Verdict Due"]


TEASER = ("A tour of the greenhouse led", "by the head gardener, and a", "plant swap with free cuttings!")


def test_a_newsletter_name_in_huge_type_is_the_masthead_though_no_headline_follows(tmp_path: Path) -> None:
    """Regression (a club newsletter): its one-word name at nine times the body size, the club's name
    beside it, and under them stories with no headline bigger than the body: it was a story's headline."""
    result = extract_drawn(
        tmp_path,
        text_at(40, 30, "hort", "Times-Roman", 80),
        text_at(300, 40, "University Garden Club", "Times-Roman", 20),
        text_at(300, 70, "March Newsletter", "Times-Italic", 15),
        *(text_at(40, 150 + 18 * n, line, "Times-Roman", 15) for n, line in enumerate(TEASER)),
        text_at(40, 230, "Featured Plant: Dendrophylax", "Times-Roman", 12),
        column(40, 250, 230, 20, seed=2),
        column(300, 160, 250, 30, seed=3),
    )
    (masthead,) = [i for i in result.items if i.type is ItemType.MASTHEAD]
    assert min(r[1] for r in masthead.regions) < 50 and max(r[3] for r in masthead.regions) < 140
    # a teaser of several lines is not the title's deck; nor, with no headline and no running text, a
    # story: furniture, as the newsletter's labels have it (tools/labels/uvic-hort-2023-03-p1)
    texts = [" ".join(filter(None, [a.kicker, a.headline, a.subheadline, a.body])) for a in articles(result)]
    assert not any(TEASER[0] in text for text in texts)
    furniture = [i for i in result.items if i.type is ItemType.FURNITURE]
    assert any(r[0] < 60 and r[1] < 155 < r[3] for i in furniture for r in i.regions)
    assert all(not (a.headline or "").startswith("hort") for a in articles(result))


def test_an_inside_leads_huge_one_word_head_over_an_italic_standfirst_is_no_title(tmp_path: Path) -> None:
    """Regression (fresh generated German daily page, seed 5412 page 2): an inside page's lead, its
    headline one huge word centred over the page, an italic standfirst flush left under it, not yet
    told a deck: the standfirst was taken for running text spanning too little of the headline, no
    story opened under the headline, and it was taken for the page's title."""
    truth, page = generated_page(tmp_path, 2, seed=5412, daily=True, language="de")
    assert headlines_of(page) == true_headlines(truth)
