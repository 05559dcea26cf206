"""Furniture: the page's header and footer bands, and what runs up its margins."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.extract import extract_pages
from broadsheet.extract.blocks import TypeScale
from broadsheet.extract.furniture import _footer_line
from broadsheet.extract.model import ItemType
from broadsheet.extract.options import ExtractOptions
from tests.extract.layouts import COLUMNS, WIDTH, articles, bodies, extract_drawn, generated_page, story
from tests.extract.scanned_blocks import BODY, PITCH, text_block
from tests.extract.test_no_text_lost import CORPUS
from tests.pdfs import Draw, box, column, photo, sideways, text_at

EXPLAIN = ExtractOptions(explain=True)


def _header_between_rules() -> list[Draw]:
    """A page header ruled above and below: folio, the paper's name over the page's title, and the
    date between two rules (the name straddles the top rule)."""
    return [
        box(36, 30, 540, 0.3),
        text_at(40, 36, "8", "Helvetica-Bold", 14),
        text_at(262, 25, "THE DAILY POST", "Times-Roman", 10),
        text_at(250, 38, "Editorial", "Helvetica-Bold", 24),
        text_at(480, 38, "Wednesday, August 19, 2026", "Times-Roman", 7),
        text_at(540, 48, "Chennai", "Times-Roman", 6),
        box(36, 70, 540, 0.3),
    ]


def test_a_date_between_a_rule_over_the_page_and_the_header_rule_is_furniture(tmp_path: Path) -> None:
    """Regression (a national daily's editorial page): a rule across the top of the page, over all
    its text, was taken for the header's foot, so the date line under it became an article; and the
    paper's name over the page's title, a kicker over a label, became an empty article."""
    result = extract_drawn(
        tmp_path,
        *_header_between_rules(),
        text_at(COLUMNS[0], 90, "Time to push back", "Helvetica-Bold", 24),
        *(column(x, 130, WIDTH, 50, seed=k) for k, x in enumerate(COLUMNS)),
        options=EXPLAIN,
    )
    (article,) = articles(result)
    assert article.headline == "Time to push back"
    date = [d for d in result.decisions if "2026" in d.text or d.text == "Chennai"]
    assert len(date) == 2 and all(d.role == "furniture" for d in date)


def test_a_letters_signature_at_the_foot_of_its_column_is_not_a_footer(tmp_path: Path) -> None:
    """Regression (a national daily's letters): the last lines of a column, in the bottom twentieth
    of the page, were taken for a footer while the columns beside them ran on down as far."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 420, "Letters of the week", "Helvetica-Bold", 22),
        column(COLUMNS[0], 460, WIDTH, 30, seed=1),
        column(COLUMNS[1], 460, WIDTH, 27, seed=2),
        text_at(COLUMNS[1], 756, "Ravi Mathur, Noida", "Times-Bold", 9),
        column(COLUMNS[2], 460, WIDTH, 30, seed=3),
    )
    (article,) = articles(result)
    assert "Ravi Mathur" in (article.body or "") + (article.byline or "")


def test_text_set_sideways_in_the_pages_margin_is_furniture_not_a_credit(tmp_path: Path) -> None:
    """Regression (a national daily's editorial page): a job number running up each margin became
    part of the story beside it, and an empty article of its own."""
    result = extract_drawn(
        tmp_path,
        sideways(20, 500, "2fc42cf3-7364-4766-badf-6d89935c52b0"),
        sideways(598, 500, "2fc42cf3-7364-4766-badf-6d89935c52b0"),
        text_at(COLUMNS[0], 60, "Time to push back", "Helvetica-Bold", 24),
        *(column(x, 100, WIDTH, 50, seed=k) for k, x in enumerate(COLUMNS)),
        options=EXPLAIN,
    )
    (article,) = articles(result)
    assert "2fc42cf3" not in (article.body or "") and not article.captions
    margin = [d for d in result.decisions if "2fc42cf3" in d.text]
    assert len(margin) == 2 and all(d.role == "furniture" for d in margin)


def test_a_columns_last_lines_low_on_a_page_with_a_narrow_margin_are_no_footer(tmp_path: Path) -> None:
    """Regression (Civil Chronicles p6, labelled blind): a story's last two lines, starting in the page's
    bottom twentieth right under the line before them, were taken for a footer: a stray mark the
    word processor left level with that line (two backquotes) had cut them off as a block of
    their own."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Teachers Honoured for Their Work", "Helvetica-Bold", 20),
        column(COLUMNS[0], 100, WIDTH, 55, size=10, seed=1),
        text_at(COLUMNS[0] + 80, 754, "``", size=8),
        column(COLUMNS[0], 760, WIDTH, 2, size=10, seed=7, full_stop=True),  # in the page's bottom 5 %
        *(column(x, 100, WIDTH, 40, size=10, seed=3 + k) for k, x in enumerate(COLUMNS[1:])),
    )
    (article,) = articles(result)
    furniture = [r for i in result.items if i.type is ItemType.FURNITURE for r in i.regions]
    assert all(r[2] - r[0] < 10 for r in furniture)  # the mark at most
    assert max(r[3] for r in article.regions) > 780


def _story_under_the_header() -> list[Draw]:
    return [
        text_at(COLUMNS[0], 100, "Reading the budget", "Helvetica-Bold", 18),
        *(column(x, 130, WIDTH, 45, seed=k) for k, x in enumerate(COLUMNS)),
    ]


def test_a_folio_in_the_papers_logo_over_the_header_rule_is_furniture(tmp_path: Path) -> None:
    """Regression (Echorouk, three pages of one issue): the folio set in the paper's logo, hanging
    over the header's foot, was read as a headline; the story under it became its deck."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 38, "7 Courier", "Helvetica-Bold", 24),
        text_at(260, 30, "Correspondents", "Helvetica-Bold", 14),
        text_at(250, 48, "Saturday, 29 March 2025, No. 7977", "Times-Roman", 7),
        text_at(COLUMNS[0], 70, "Two years for the publisher", "Helvetica-Bold", 18),
        *(column(x, 100, WIDTH, 50, seed=k) for k, x in enumerate(COLUMNS)),
        options=EXPLAIN,
    )
    (article,) = articles(result)
    assert article.headline == "Two years for the publisher"
    (logo,) = [d for d in result.decisions if d.text == "7 Courier"]
    assert logo.role == "furniture" and "page number" in logo.role_rule


@pytest.mark.parametrize("date_top", [56, 63])
def test_text_on_a_banner_across_the_pages_head_is_furniture(tmp_path: Path, date_top: float) -> None:
    """Regression (Echorouk): the folio and a three-line date printed on a picture banner across the
    page's head, reaching below the header band, were read as an article; and (Echorouk 7998 p12)
    so was the date whose last line, the issue's number, hangs a little below the banner."""
    result = extract_drawn(
        tmp_path,
        photo(36, 20, 540, 70),
        text_at(280, 26, "14", "Helvetica-Bold", 24),
        text_at(262, date_top, "Saturday 29 March 2025", "Times-Bold", 8),
        text_at(262, date_top + 10, "Ramadan 29, 1446", "Times-Bold", 8),
        text_at(262, date_top + 20, "Number 7977", "Times-Bold", 8),
        *_story_under_the_header(),
        options=EXPLAIN,
    )
    (article,) = articles(result)
    assert article.headline == "Reading the budget"
    header = [d for d in result.decisions if d.text in ("14", "Number 7977")]
    assert len(header) == 2 and all(d.role == "furniture" for d in header)


def test_a_headline_on_a_band_across_the_pages_head_heads_its_story(tmp_path: Path) -> None:
    """Regression (Ridgeway page 2, by the rule above at first): a story's headline set on a tinted
    band across the page's head is no page header."""
    result = extract_drawn(
        tmp_path,
        box(36, 24, 540, 44, fill=(0.8, 0.85, 0.95)),
        text_at(60, 34, "Is anyone out there listening?", "Helvetica-Bold", 24),
        *(column(x, 90, WIDTH, 50, seed=k) for k, x in enumerate(COLUMNS)),
    )
    (article,) = articles(result)
    assert article.headline == "Is anyone out there listening?"


def test_a_newsletters_first_headlines_at_the_top_of_an_inner_page_head_their_stories(tmp_path: Path) -> None:
    """Regression (a community newsletter's inner page, not labelled): with no header, the page's first
    two stories' headlines stood where a daily's header would (in the top band), set like its other
    headlines, one over its text, one over its picture: both were furniture, their stories untitled.
    The picture under a narrow headline below ("Beetles") then went to the story of the wider headline
    over that one: a headline standing over a picture heads the story the picture is in."""
    left, right = COLUMNS[0], COLUMNS[1]
    draws = [
        text_at(left, 26, "Kathner Street Chorale", "Times-Bold", 14),
        column(left, 47, WIDTH, 18, size=10, seed=1, full_stop=True),
        text_at(left, 300, "Beetles", "Times-Bold", 14),
        column(left, 320, WIDTH, 6, size=10, seed=3),
        photo(left + 5, 400, WIDTH - 10, 110),
        text_at(left, 560, "Myna Action Group", "Times-Bold", 14),
        column(left, 580, WIDTH, 8, size=10, seed=5),
        text_at(right + 40, 26, "What is around", "Times-Bold", 14),
        photo(right, 61, 2 * WIDTH, 150),
        column(right, 225, WIDTH, 20, size=10, seed=7),
    ]
    result = extract_drawn(tmp_path, *draws)
    stories = {a.headline: a for a in articles(result)}
    assert sorted(stories) == ["Beetles", "Kathner Street Chorale", "Myna Action Group", "What is around"]
    assert not [i for i in result.items if i.type is ItemType.FURNITURE]
    beetles = stories["Beetles"].regions
    assert any(r[1] <= 400 + 1 and r[3] >= 510 - 1 for r in beetles), beetles


def test_a_jump_line_at_the_foot_of_the_page_under_a_column_is_its_storys(tmp_path: Path) -> None:
    """Regression (generated Urdu dailies, seeds 7–20): "بقیہ صفحہ 2 پر" under the last line of a
    column, a line's space lower, in the page's bottom band, was read as a footer line: the story set
    no jump. Here in English, a column running to the page's foot."""
    lines = 61  # 9 pt text from 90 pt down to some 750 pt: the jump line falls in the bottom 5 % of 792
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 20),
        column(COLUMNS[0], 90, WIDTH, lines, seed=1),
        text_at(COLUMNS[0], 90 + lines * 10.8 + 6, "Continued on page 2", "Times-Italic", 9),
        column(COLUMNS[1], 90, WIDTH, lines, seed=4),
    )
    (article,) = articles(result)
    assert article.jump is not None and article.jump.to_page == 2
    assert not [i for i in result.items if i.type is ItemType.FURNITURE]


def test_a_teasers_see_page_line_at_the_foot_under_its_caption_stays_the_teasers() -> None:
    """Regression (Civil Chronicles p1, a college newsletter): a teaser's last caption line, "Technology
    See Page 08", in the page's bottom band right under the teaser's caption, became an untitled
    article once every jump line there was its column's; only one under running text is."""
    pdf = CORPUS / "born-digital-more/civil-chronicles-2024.pdf"
    if not pdf.exists():
        pytest.skip(f"{pdf} is not here (../shared/corpus)")
    (page,) = extract_pages(pdf, pages=[1])
    assert [a.headline for a in articles(page)] == ["SATTVA CIVIL DEPARTMENT SHINES BRIGHT WITH AAKRITI 2K23"]


def test_headlines_and_kickers_at_the_top_of_a_page_with_no_header_head_their_stories(tmp_path: Path) -> None:
    """Regression (a daily laid out in HTML, printed by Chromium): on a page with no header, the first
    row's stories start at the top: each headline (its size its own, as a daily sets them by width)
    stands over its deck or byline in the top band a header would fill, under a kicker; the kickers
    in a row looked like a header's line. All were furniture, the stories untitled or run together."""
    right = COLUMNS[1]
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 12, "WORLD", "Helvetica-Bold", 8),
        text_at(COLUMNS[0], 22, "Green corridor approved", "Times-Bold", 17),
        column(COLUMNS[0], 44, WIDTH, 3, size=12, seed=4, font="Times-Italic"),
        column(COLUMNS[0], 96, WIDTH, 40, seed=1),
        text_at(right, 12, "OPINION", "Helvetica-Bold", 8),
        text_at(right, 22, "The railway station is restored", "Times-Bold", 24),
        text_at(right, 52, "By Robert Caldwell", "Times-Bold", 8),
        column(right, 66, WIDTH, 43, seed=7),
        column(COLUMNS[2], 66, WIDTH, 43, seed=9),
    )
    stories = {a.headline: a for a in articles(result)}
    assert sorted(stories) == ["Green corridor approved", "The railway station is restored"]
    assert stories["Green corridor approved"].kicker == "WORLD"
    assert stories["The railway station is restored"].kicker == "OPINION"
    assert stories["Green corridor approved"].subheadline is not None


def test_a_picture_under_a_headline_at_the_top_of_a_page_with_no_header_is_its_storys(tmp_path: Path) -> None:
    """Regression (a daily laid out in HTML, printed by Chromium): the picture right under the first
    story's headline started inside the top band a header would fill, and was served as furniture."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 12, "The railway station is restored", "Times-Bold", 20),
        photo(COLUMNS[0], 40, 2 * WIDTH, 120),
        column(COLUMNS[0], 170, WIDTH, 40, seed=1),
        column(COLUMNS[1], 170, WIDTH, 40, seed=3),
        text_at(COLUMNS[2], 170, "Bridge vote delayed", "Helvetica-Bold", 13),
        column(COLUMNS[2], 190, WIDTH, 38, seed=5),
    )
    assert not [i for i in result.items if i.type is ItemType.FURNITURE]
    (station,) = [a for a in articles(result) if a.headline == "The railway station is restored"]
    assert any(r[1] <= 41 and r[3] >= 159 for r in station.regions), station.regions


def test_kickers_flush_right_over_headlines_at_the_top_of_a_page_with_no_header_are_their_kickers(
    tmp_path: Path,
) -> None:
    """A right-to-left paper sets a kicker flush with its headline's right edge, its start: kickers in
    a row at the top of a page with no header stand over their stories' heads from that edge."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def flush_right(edge: float, y: float, text: str, font: str, size: float) -> Draw:
        return text_at(edge - stringWidth(text, font, size), y, text, font, size)

    wide, narrow = COLUMNS[2] + WIDTH, COLUMNS[0] + WIDTH
    result = extract_drawn(
        tmp_path,
        flush_right(wide, 12, "OPINION", "Helvetica-Bold", 8),
        flush_right(wide, 22, "The railway station is restored", "Times-Bold", 22),
        flush_right(wide, 50, "By Robert Caldwell", "Times-Bold", 8),
        *(column(x, 66, WIDTH, 43, seed=7 + k) for k, x in enumerate(COLUMNS[1:])),
        flush_right(narrow, 12, "WORLD", "Helvetica-Bold", 8),
        flush_right(narrow, 22, "Green corridor approved", "Times-Bold", 15),
        column(COLUMNS[0], 44, WIDTH, 42, seed=1),
    )
    kickers = {a.headline: a.kicker for a in articles(result)}
    assert kickers == {"The railway station is restored": "OPINION", "Green corridor approved": "WORLD"}


def test_a_columns_last_line_level_with_the_last_lines_beside_it_is_no_footer(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 3411 page 1): a boxed story's second column,
    one line at the page's foot under white, was taken for a footer line (set apart from what stood
    over it, nothing under it), though the columns beside it ran down level with it and past it."""
    _, page = generated_page(tmp_path, 1, seed=3411, daily=True)
    story = next(a for a in articles(page) if a.byline == "By Jane Harrington,")
    assert (story.body or "").endswith("rejected an agreement with neighbouring districts.")


def test_a_speck_at_the_foot_level_with_the_columns_last_lines_is_still_no_text() -> None:
    """Regression (Deseret News 1850 p6, a scan; broken by the rule above): a letter OCR read at the
    page's foot, in the gutter beside the columns' last lines, stopped being a footer line and joined
    a story, bringing a column of another story with it. Words level with those lines stay text."""
    columns = [text_block(x, 600, x + 200, ["words of the column"] * 20) for x in (40, 250)]
    speck = text_block(452, columns[0].lines[-1].top, 460, ["v"])
    line = text_block(460, columns[0].lines[-1].top, 600, ["neighbouring districts."])
    scale = TypeScale(body=BODY, pitch=PITCH)
    assert _footer_line(speck, [*columns, speck], scale, height=columns[0].bottom + 20)
    assert not _footer_line(line, [*columns, line], scale, height=columns[0].bottom + 20)


def test_a_short_storys_text_at_the_pages_foot_under_its_head_is_no_footer(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 4111 page 2): the last brief of a column, its
    two lines of text in the page's foot band right under its bold head, was read as a footer, and
    the head, with no text under it, as a label."""
    truth, result = generated_page(tmp_path, 2, seed=4111, daily=True)
    expected = next(i for i in truth["items"] if i.get("headline") == "An agreement with neighbouring")
    brief = next(a for a in articles(result) if a.headline == "An agreement with neighbouring")
    assert brief.body == expected["body"]


@pytest.mark.parametrize(
    ("page", "headline"), [(1, "رفض غرفة التجارة برنامج ترميم مقر البلدية"), (3, "خطة لإعادة بناء الجسر الشمالي")]
)
def test_a_storys_one_line_last_paragraph_at_the_pages_foot_is_its_text(
    tmp_path: Path, page: int, headline: str
) -> None:
    """Regression (fresh generated Arabic pages, seed 5531 pages 1 and 3): a story's last paragraph, one
    line in the body's type spaced under the column as its paragraphs are, stood in the page's foot
    band and was read as a footer line (its paragraph's short last line over it, set flush right, was a
    block of its own: no running text of two lines ended right over it)."""
    truth, result = generated_page(tmp_path, page, seed=5531, direction="rtl", language="ar")
    expected = next(i for i in truth["items"] if i.get("headline") == headline)
    found = next(a for a in articles(result) if a.headline == headline)
    assert found.body == expected["body"]


def test_a_big_page_number_in_the_header_is_furniture(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path, text_at(540, 30, "5", "Helvetica-Bold", 24), *story(100, "Bridge Plan Goes to the Board")
    )
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board"]
    assert any(i.type is ItemType.FURNITURE for i in result.items)


def test_a_footer_line_under_the_stories_is_furniture(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        *story(100, "Bridge Plan Goes to the Board", lines=40),
        text_at(40, 740, "Printed by the Valley Press, 12 Mill Road", size=8),
        text_at(390, 740, "valleypress.example", size=8),
    )
    (article,) = articles(result)
    assert article.body and "Valley Press" not in article.body


def test_a_briefs_text_under_its_bold_head_at_the_pages_foot_is_no_footer(tmp_path: Path) -> None:
    """Regression (fresh generated Arabic page, seed 6531 page 1): a brief at a column's foot, its
    head bold in the body's size, two lines of text under it in the page's bottom band: the head was
    no bigger than the text, so the text was taken for a footer and the brief had no body."""
    truth, page = generated_page(tmp_path, 1, seed=6531, direction="rtl", language="ar")
    extracted, true = bodies(truth, page, "خطة لإعادة بناء الجسر")
    assert extracted == true
