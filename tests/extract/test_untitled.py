"""Untitled pieces joined to their story: pull quotes, signatures, text boxed with one story."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.extract import extract_pages
from broadsheet.extract.articles import Cluster
from broadsheet.extract.model import Item, ItemType
from broadsheet.extract.untitled import _on_a_line_of
from broadsheet.synthetic import SyntheticOptions, generate_edition
from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn, generated_page
from tests.extract.scanned_blocks import text_block
from tests.extract.test_no_text_lost import CORPUS
from tests.pdfs import box, column, photo, text_at

HEADLINE = "Bridge Plan Goes to the Board"
QUOTE = ("We have to learn", "to speak of ourselves", "as great, and the", "more bombast the", "less evidence")


def test_a_pull_quote_between_a_storys_columns_joins_it_and_stays_out_of_its_body(tmp_path: Path) -> None:
    """Regression (a national daily's editorial page): a pull quote in type a little bigger than the
    body, set in the middle of a story's column, became an untitled article of its own."""
    quote = [text_at(COLUMNS[1], 260 + 14 * k, line, "Times-Roman", 12) for k, line in enumerate(QUOTE)]
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, HEADLINE, "Helvetica-Bold", 26),
        column(COLUMNS[0], 100, WIDTH, 50, seed=1),
        column(COLUMNS[1], 100, WIDTH, 14, seed=2),
        *quote,
        column(COLUMNS[1], 350, WIDTH, 28, seed=3),
        column(COLUMNS[2], 100, WIDTH, 50, seed=4),
    )
    (article,) = articles(result)
    assert article.headline == HEADLINE and "to speak of ourselves" not in (article.body or "")


def test_a_writers_initials_under_a_boxed_story_join_it(tmp_path: Path) -> None:
    """Regression (a club newsletter): the editor's call sign, set a few lines under each story in its
    tinted box, was an untitled article of its own."""
    result = extract_drawn(
        tmp_path,
        text_at(200, 60, "Annual Meeting", "Helvetica-Bold", 24),
        box(36, 96, 540, 200, fill=(0.8, 0.95, 0.8)),
        column(40, 100, 530, 10, seed=1),
        text_at(40, 260, "M6CUE", "Times-Bold", 9),
        text_at(200, 330, "Member Abroad", "Helvetica-Bold", 24),
        box(36, 366, 540, 200, fill=(0.9, 0.8, 0.9)),
        column(40, 370, 530, 8, seed=3),
        text_at(40, 530, "M6CUE", "Times-Bold", 9),
    )
    assert [a.headline for a in articles(result)] == ["Annual Meeting", "Member Abroad"]
    assert all((a.body or "").endswith("M6CUE") for a in articles(result))


def test_a_signature_under_a_story_joins_it(tmp_path: Path) -> None:
    """The same without boxes: a scrap a few lines under a story's last line, nothing between."""
    result = extract_drawn(
        tmp_path,
        text_at(40, 60, "Annual Meeting", "Helvetica-Bold", 24),
        column(40, 100, 530, 10, seed=1),
        text_at(40, 250, "Jane Smith, Secretary", "Times-Italic", 9),
        text_at(40, 330, "Member Abroad", "Helvetica-Bold", 24),
        column(40, 370, 530, 8, seed=3),
    )
    assert [a.headline for a in articles(result)] == ["Annual Meeting", "Member Abroad"]
    assert "Jane Smith" in (articles(result)[0].body or "") + (articles(result)[0].byline or "")


def test_a_storys_last_column_under_a_photo_its_headline_does_not_reach_is_the_storys(tmp_path: Path) -> None:
    """Regression (generated daily pages): a lead headline set over two of its three columns, a photo
    at the top of the third; the text under the photo was an untitled article."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, HEADLINE, "Helvetica-Bold", 26),
        column(COLUMNS[0], 100, WIDTH, 40, seed=1),
        column(COLUMNS[1], 100, WIDTH, 40, seed=2),
        photo(COLUMNS[2], 100, WIDTH, 120),
        column(COLUMNS[2], 230, WIDTH, 28, seed=3),
    )
    (article,) = articles(result)
    assert article.headline == HEADLINE and len(article.regions) >= 3


def test_text_in_another_size_opening_with_a_drop_cap_is_not_the_column_before_running_on(tmp_path: Path) -> None:
    """Regression (a club newsletter): a 12 pt untitled story opening with a drop cap, in the column
    after a 9 pt sidebar, was read as the sidebar running on into the next column."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Featured Botanist", "Helvetica-Bold", 14),
        column(COLUMNS[0], 84, WIDTH, 40, size=9, seed=1),
        text_at(COLUMNS[1], 60, "H", "Times-Roman", 44),
        column(COLUMNS[1] + 36, 64, WIDTH - 36, 3, size=12, seed=2),
        column(COLUMNS[1], 108, 2 * WIDTH, 20, size=12, seed=3),
    )
    assert len(articles(result)) == 2


def test_on_a_scan_a_column_runs_on_into_the_next_whatever_size_ocr_measured(tmp_path: Path) -> None:
    """Regression (a scanned 1850 paper): OCR measures type sizes off the pixels, roughly; the next
    column of a story, measured a size bigger, was no longer its continuation."""
    from broadsheet.extract.options import ExtractOptions
    from broadsheet.extract.pipeline import extract_page
    from broadsheet.pdf.content import read_page_content
    from broadsheet.pdf.document import open_pdf
    from tests.pdfs import combine, make_pdf

    pdf = make_pdf(
        tmp_path / "scan.pdf",
        combine(
            text_at(COLUMNS[0], 60, "THE NEW STATE", "Times-Bold", 16),
            column(COLUMNS[0], 84, WIDTH, 50, size=9, seed=1),
            column(COLUMNS[1], 60, WIDTH, 30, size=11, seed=2),
            column(COLUMNS[2], 60, WIDTH, 30, size=9, seed=3),
        ),
    )
    with open_pdf(pdf, 2**30) as doc:
        content = read_page_content(doc[0], 1)
    content.ocr = True  # as if read off the pixels
    result = extract_page(content, "scan.pdf", ExtractOptions(ocr=False))
    assert len(articles(result)) == 1


def test_a_pull_quote_under_a_writers_note_in_a_narrow_column_between_a_storys_columns_joins_it(
    tmp_path: Path,
) -> None:
    """Regression (a national daily's editorial page): a narrow column between a story's columns
    held the writer's photo and note, then a pull quote; with the note above it in its column, the
    pull quote was taken for a piece of its own."""
    note = [
        text_at(200, 176 + 10 * k, line, "Helvetica", 8)
        for k, line in enumerate(("Deputy Press", "Secretary", "to the Minister"))
    ]
    quote = [text_at(200, 626 + 13 * k, line, "Times-Roman", 10) for k, line in enumerate(QUOTE)]
    result = extract_drawn(
        tmp_path,
        text_at(60, 60, HEADLINE, "Helvetica-Bold", 26),
        column(40, 100, 150, 55, seed=1),
        photo(200, 100, 80, 60),
        text_at(200, 164, "Helena Costa", "Times-Bold", 8),
        *note,
        *quote,
        column(310, 100, 125, 55, seed=2),
        column(450, 100, 125, 55, seed=3),
    )
    (article,) = articles(result)
    assert article.headline == HEADLINE


def test_a_credit_beside_a_column_that_joined_the_story_joins_it_too(tmp_path: Path) -> None:
    # regression (generated daily page, seed 712 page 3): a photo's credit, set up the photo's edge
    # beside the lead's last column, was looked at before that column had joined the lead (nothing
    # of the story stood beside it yet), and stayed an empty article
    edition = generate_edition(SyntheticOptions(seed=712, pages=3, daily=True), tmp_path)
    *_, page = extract_pages(edition.pdf, pages=[3])
    empty = [a for a in articles(page) if not a.headline and not a.body]
    assert not empty and len(articles(page)) == 8


def _story_and_truth(tmp_path: Path, seed: int, page: int, headline: str) -> tuple[str, str]:
    """The body extracted for the article under ``headline`` on a generated daily page, and its truth
    (of the stories under that headline, the longest: briefs repeat a lead's words)."""
    truth, result = generated_page(tmp_path, page, seed=seed, daily=True)
    found = max((a for a in articles(result) if a.headline == headline), key=lambda a: len(a.body or ""))
    expected = max((i for i in truth["items"] if i.get("headline") == headline), key=lambda i: len(i["body"]))
    return " ".join((found.body or "").split()), " ".join(expected["body"].split())


def test_a_story_with_a_jump_line_under_its_headline_claims_the_wide_picture_under_it(tmp_path: Path) -> None:
    """Regression (fresh generated daily pages, seed 1011 page 3): a one-column headline with
    "Continued from page 2" under it, over a picture three columns wide, did not claim the columns
    under the picture (only a byline was looked past): the story above took them."""
    body, expected = _story_and_truth(tmp_path, 1011, 3, "A survey of flooding")
    assert body == expected


def test_a_column_under_a_picture_starting_mid_sentence_carries_on_the_story_before_it(tmp_path: Path) -> None:
    """Regression (fresh generated daily pages, seed 1014 page 2): a lead's last two columns, under
    its picture, start mid-sentence; the story read just before them in the page's order (another
    story lower down) took them. The column before ends mid-sentence: they carry on that story."""
    body, expected = _story_and_truth(tmp_path, 1014, 2, "A plan to rebuild")
    assert body == expected


def _arabic_story(tmp_path: Path, seed: int, page: int, item_id: str) -> tuple[list[Item], int, int]:
    """A generated Arabic page's articles as extracted, and the words of the story ``item_id`` in the
    extraction (under its headline) and in the truth."""
    truth, result = generated_page(tmp_path, page, seed=seed, direction="rtl", language="ar")
    story = next(i for i in truth["items"] if i["id"] == item_id)
    found = next(a for a in articles(result) if a.headline == story["headline"])
    return articles(result), len((found.body or "").split()), len(story["body"].split())


def test_a_column_level_with_a_storys_byline_is_not_that_storys(tmp_path: Path) -> None:
    """Regression (fresh generated Arabic pages, seed 1331 page 2): a lead's two columns under no
    headline, starting level with the byline under the next story's headline, went to that story
    once the byline was told for one (as a deck it had counted in the headline's foot)."""
    _, found, expected = _arabic_story(tmp_path, 1331, 2, "a1")  # the page's lead, four columns wide
    assert found >= 0.95 * expected


def test_a_column_running_on_under_a_storys_text_beside_its_photo_is_that_storys(tmp_path: Path) -> None:
    """Regression (fresh generated Arabic pages, seed 1431 page 2): a story carried over from page 1,
    its headline over one column, its second column narrowed by a photo set across both: the
    column's text beside and under the photo, a line's space under the story's text in the same
    column, became two untitled articles."""
    page, found, expected = _arabic_story(tmp_path, 1431, 2, "a1")
    assert found >= 0.95 * expected
    assert [a for a in page if a.headline is None] == []


def test_a_centred_headline_with_its_jump_line_flush_left_over_a_wide_picture_claims_the_columns_under_it(
    tmp_path: Path,
) -> None:
    """Regression (fresh generated daily pages, seed 1215 page 3): a short headline centred over two
    columns, "Continued from page 2" flush with the first column under it, then a picture as wide as
    both: the jump line was not seen as the headline's, so the headline stayed over a picture alone
    (a photo's title) and both columns under the picture were untitled articles. On the same page
    the lead's kicker, flush with its columns over its centred headline, was an article of its own."""
    body, expected = _story_and_truth(tmp_path, 1215, 3, "A survey")
    assert body == expected
    (page,) = extract_pages(tmp_path / "synthetic.pdf", pages=[3])
    lead = next(a for a in articles(page) if a.headline == "The decision to raise")
    assert lead.kicker == "The transport minister" and all(a.headline for a in articles(page))


def test_a_column_of_paragraphs_set_apart_by_blank_lines_beside_a_storys_columns_is_that_storys(
    tmp_path: Path,
) -> None:
    """Regression (fresh generated Arabic pages, seed 1231 page 1): a story's last column, beside the
    columns its headline and deck stand over, with a blank line between its paragraphs: each
    paragraph after the first became an untitled article."""
    page, found, expected = _arabic_story(tmp_path, 1231, 1, "a2")
    assert found >= 0.95 * expected
    assert [a for a in page if a.headline is None] == []


def test_a_photo_over_columns_that_joined_a_story_as_pieces_is_that_storys(tmp_path: Path) -> None:
    """Regression (fresh generated daily pages, seed 1512 page 3): a lead's photo, over its last three
    columns beyond the reach of its headline, stayed a photo item of its own: those columns joined the
    lead as untitled pieces, but the lead's bounds, where a photo inside is the story's, were measured
    before they joined."""
    truth, result = generated_page(tmp_path, 3, seed=1512, daily=True)
    photos = [i for i in result.items if i.type is ItemType.PHOTO]
    assert len(photos) == sum(i["type"] == "photo" for i in truth["items"])


def test_a_storys_columns_beyond_its_headline_level_with_its_others_are_that_storys(tmp_path: Path) -> None:
    """Regression (fresh generated daily pages, seed 1513 page 3): a story's fourth column, more than
    half a column past the end of a headline over two and a half, went to the story read before it:
    only the headline was looked beside, not the story's columns level with it."""
    body, expected = _story_and_truth(tmp_path, 1513, 3, "A long-term strategy for")
    assert body == expected


def test_a_column_under_an_advert_before_a_storys_headline_is_not_that_storys(tmp_path: Path) -> None:
    """Regression (Sedbergh's newsletter p33, labelled blind): text carried over from the page before,
    under an advert in the first column, joined the story whose headline tops the second column, as
    a column beside its columns: a story does not run back into the column before its headline."""
    result = extract_drawn(
        tmp_path,
        photo(COLUMNS[0], 60, WIDTH, 200),
        column(COLUMNS[0], 275, WIDTH, 36, seed=1),
        text_at(COLUMNS[1], 60, "Fifty Years Ago", "Helvetica-Bold", 18),
        column(COLUMNS[1], 90, WIDTH, 56, seed=2),
    )
    carried, story = sorted(articles(result), key=lambda a: a.regions[0][0])
    assert (carried.headline, story.headline) == (None, "Fifty Years Ago")


def test_on_a_scan_an_ocr_scrap_inside_a_storys_bounds_joins_no_story() -> None:
    """Regression (Lankadeepa's front page, Sinhala, OCR, labelled blind): a scrap of a few letters
    OCR read off a blot inside a story's bounds joined that story's text once the bounds were measured
    again as pieces joined it. On a scan such a scrap is noise (furniture); in type, a few words inside
    a story's bounds are its own."""
    from broadsheet.extract.articles import Cluster
    from broadsheet.extract.blocks import Role, TypeScale
    from broadsheet.extract.roles import PageLayout
    from broadsheet.extract.untitled import join_untitled
    from tests.extract.scanned_blocks import text_block

    def items(scanned: bool) -> list[str]:
        head = text_block(40, 40, 400, ["Harbour Works Begin"], role=Role.HEADLINE)
        left = text_block(40, 70, 200, [f"running text of the story, line {k}" for k in range(20)])
        right = text_block(240, 70, 400, [f"running text of the story, line {k}" for k in range(20)])
        scrap = text_block(210, 200, 232, ["ii /"])
        story = Cluster(ItemType.ARTICLE, [head, left, right], head)
        piece = Cluster(ItemType.ARTICLE, [scrap])
        rank = {id(b): k for k, b in enumerate([head, left, scrap, right])}
        layout = PageLayout(width=612, height=792, scanned=scanned)
        kept = join_untitled([story, piece], TypeScale(body=10.0, pitch=12.0), rank, layout)
        return [c.type.value for c in kept]

    assert items(scanned=True) == ["article", "furniture"]
    assert items(scanned=False) == ["article"]


def test_a_story_continued_from_the_page_before_runs_on_past_a_picture_topping_its_next_column(
    tmp_path: Path,
) -> None:
    """Regression (a community magazine, page labelled blind): text carried over from the page before
    fills the first column and runs on in the second, under a picture advert at that column's head;
    the second column became an untitled article of its own (reading order went through the
    picture between the two)."""
    result = extract_drawn(
        tmp_path,
        column(COLUMNS[0], 60, WIDTH, 50, seed=1, full_stop=True),
        photo(COLUMNS[1], 60, WIDTH, 150),
        text_at(COLUMNS[1], 220, "Create an alternative night at home", size=9),
        column(COLUMNS[1], 230.8, WIDTH, 36, seed=2),
    )
    (article,) = articles(result)
    assert article.headline is None
    assert not [i for i in result.items if i.type is ItemType.ARTICLE and i is not article]


def test_a_picture_advert_across_the_page_under_one_storys_column_is_not_that_storys(tmp_path: Path) -> None:
    """Regression (a community magazine, page labelled blind): a story's end carried over from the
    page before fills the left column; a titled piece fills the right; a picture advert spans both
    under them. The headline claimed the picture (it stood inside the picture's width), and with the
    picture in its bounds the left column's text joined it too."""
    result = extract_drawn(
        tmp_path,
        column(COLUMNS[0], 60, WIDTH, 20, seed=1),
        text_at(COLUMNS[1], 60, "Be Alert for Scams", "Helvetica-Bold", 11),
        column(COLUMNS[1], 76, WIDTH, 18, seed=2),
        photo(COLUMNS[0], 300, 2 * WIDTH + 10, 200),
    )
    assert [a.headline for a in articles(result)] == [None, "Be Alert for Scams"]
    assert [i.type for i in result.items].count(ItemType.PHOTO) == 1


def test_a_stray_mark_with_no_letter_is_no_article(tmp_path: Path) -> None:
    """Regression (Civil Chronicles p2, labelled blind): two backquotes the word processor left under a
    column of photos, in no story's reach, came out as an untitled article."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[1], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 22),
        column(COLUMNS[1], 100, WIDTH, 50, size=10, seed=1),
        column(COLUMNS[2], 100, WIDTH, 50, size=10, seed=4),
        photo(COLUMNS[0], 100, WIDTH, 300),
        text_at(COLUMNS[0] + 80, 700, "``", size=10),
    )
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board"]


def test_text_above_a_storys_headline_in_its_column_is_not_that_storys(tmp_path: Path) -> None:
    """Regression (Sedbergh's newsletter p11, labelled blind): the end of a piece carried over from the
    page before tops the left column; under it a rule and a small bold head open a story that fills the
    rest of that column and runs on at the head of the right column. The carried-over end lay inside
    the story's bounds and joined it: a story runs on below its headline, so text above the headline
    in its column ends the story before."""
    result = extract_drawn(
        tmp_path,
        column(COLUMNS[0], 60, WIDTH, 12, seed=1, full_stop=True),
        box(COLUMNS[0], 196, WIDTH, 0.8, fill=(0, 0, 0)),
        text_at(COLUMNS[0], 204, "Village Defib Fundraising", "Helvetica-Bold", 10),
        column(COLUMNS[0], 220, WIDTH, 20, seed=2),
        column(COLUMNS[1], 60, WIDTH, 34, seed=3),
    )
    carried, story = sorted(articles(result), key=lambda a: a.regions[0][1])
    assert (carried.headline, story.headline) == (None, "Village Defib Fundraising")
    assert all(r[3] < 196 for r in carried.regions)
    assert any(r[0] >= COLUMNS[1] - 1 for r in story.regions)


@pytest.mark.parametrize("kind", ["advert", "captioned", "logo"])
def test_a_picture_with_no_caption_under_the_end_of_a_storys_columns_is_not_that_storys(
    tmp_path: Path, kind: str
) -> None:
    """Regression (Sedbergh's newsletter: 23 pages labelled blind): a story fills two columns, and a
    picture advert with no caption spans both under them, at the foot of the page. The picture came
    out as the story's own (it starts right under the story's last line), and clicking the advert
    opened the story: a story's own picture is captioned (as it still is), or set above or among its
    text; a small one under its text, narrower than its column, is its sign-off (a logo: still its own)."""
    picture = {
        "advert": [photo(COLUMNS[0], 420, 2 * WIDTH + 10, 200)],
        "captioned": [
            photo(COLUMNS[0], 420, 2 * WIDTH + 10, 200),
            text_at(COLUMNS[0], 624, "The new defibrillator in the old phone box.", "Helvetica-Oblique", 8),
        ],
        "logo": [photo(COLUMNS[1] + 50, 420, 60, 30)],
    }[kind]
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Village Defib Fundraising", "Helvetica-Bold", 12),
        column(COLUMNS[0], 80, WIDTH, 30, seed=1),
        column(COLUMNS[1], 60, WIDTH, 32, seed=2, full_stop=True),
        *picture,
    )
    (story,) = articles(result)
    assert any(r[3] > 420 for r in story.regions) == (kind != "advert")
    assert [i.type for i in result.items].count(ItemType.PHOTO) == (kind == "advert")


def test_a_story_runs_on_past_a_picture_advert_at_the_foot_of_its_first_column(tmp_path: Path) -> None:
    """Regression (Sedbergh's newsletter p58): text carried over from the page before fills the top of
    the left column over a picture advert and runs on at the head of the right column. With the
    advert set apart from the story, the right column must still carry the story on (it first came
    out as an untitled article of its own, the advert read between the two)."""
    result = extract_drawn(
        tmp_path,
        column(COLUMNS[0], 60, WIDTH, 30, seed=1),
        photo(COLUMNS[0], 390, WIDTH, 300),
        column(COLUMNS[1], 60, WIDTH, 50, seed=2, full_stop=True),
    )
    (story,) = articles(result)
    assert sorted(round(r[0]) for r in story.regions) == [COLUMNS[0], COLUMNS[1]]
    assert all(r[3] < 390 or r[0] > COLUMNS[1] - 1 for r in story.regions)


def test_a_paragraph_under_a_photo_topping_a_storys_last_column_is_the_storys(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 2616 page 2): a lead's last column held a photo,
    its caption, then the story's last paragraph and its jump line; the paragraph, short beside the
    column before it, was no column of the story's (a column beside it over most of its height was
    asked for) and became a story of its own."""
    _, page = generated_page(tmp_path, 2, seed=2616, daily=True)
    lead = next(a for a in articles(page) if a.headline == "Plans for a part-time")
    assert (lead.body or "").endswith("According to officials, volunteers from the library")


def test_a_column_under_an_advert_beside_a_storys_column_is_the_storys_though_the_advert_tops_it() -> None:
    """Regression (this session's photo-topped column, on Sedbergh's Lookaround p15): a story's second
    column starts under a picture (an advert) level with the story's headline; measured with the
    picture, the column started beside the headline's stack, and the text became a story of its own."""
    pdf = CORPUS / "real-unlabelled/sedbergh-lookaround-437-2024-11.pdf"
    if not pdf.exists():
        pytest.skip(f"{pdf} is not here (../shared/corpus)")
    (page,) = extract_pages(pdf, pages=[15])
    assert [a.headline for a in articles(page)] == ["How to keep pets & wildlife safe"]


def test_a_word_read_apart_on_a_line_of_another_pieces_text_joins_that_piece() -> None:
    """Regression (Echorouk 7998 p2, labelled blind): a paragraph's last word, read apart from its
    line at the foot of a column of an untitled piece, was a footer line; once lines level with a
    column's last lines were no footer, it was an article of its own."""
    column_text = text_block(208, 980, 377, ["words"] * 12)
    word = text_block(353, column_text.lines[-1].top, 371, ["word."])
    piece, scrap = Cluster(ItemType.ARTICLE, [column_text]), Cluster(ItemType.ARTICLE, [word])
    assert _on_a_line_of(scrap, [piece, scrap]) is piece
    below = text_block(353, column_text.bottom + 30, 371, ["word."])
    assert _on_a_line_of(Cluster(ItemType.ARTICLE, [below]), [piece]) is None
