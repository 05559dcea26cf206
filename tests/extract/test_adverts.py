"""Adverts set like editorial matter are told by what they ask of the reader, or by their label."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

from broadsheet.extract.adverts import reads_like_an_advert
from broadsheet.extract.model import ItemType
from tests.extract.layouts import articles, extract_drawn, story
from tests.pdfs import Draw, box, column, text_at


def _boxed(top: float, headline: str, last_line: str, label: str | None = None) -> list[Draw]:
    draws = [
        box(36, top, 300, 150),
        text_at(44, top + 14, headline, "Helvetica-Bold", 18),
        column(44, top + 40, 280, 5, seed=3),
        text_at(44, top + 110, last_line, "Helvetica-Bold", 11),
    ]
    if label:
        draws.append(text_at(44, top + 2, label, "Helvetica", 6))
    return draws


def test_a_box_of_headline_and_text_with_a_price_and_a_phone_number_is_an_advert(tmp_path: Path) -> None:
    """Regression (generated daily pages): an advert set in the paper's own type — headline, a
    paragraph, a price and a phone number in a box — was served as an article."""
    result = extract_drawn(
        tmp_path,
        *story(60, "Bridge Plan Goes to the Board", lines=20),
        *_boxed(400, "Family dentistry, now open", "Only £12 a month · 0161 555 0199"),
    )
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board"]
    assert [i for i in result.items if i.type is ItemType.ADVERT]


def test_a_box_with_a_discount_and_a_phone_number_is_an_advert(tmp_path: Path) -> None:
    """Regression (a daily laid out in HTML, printed by Chromium): a box selling "58% OFF", with a
    phone number, was served as two articles: a discount was no advert's cue."""
    result = extract_drawn(
        tmp_path,
        *story(60, "Bridge Plan Goes to the Board", lines=20),
        *_boxed(400, "Winter sale: 58% OFF", "Call 487 330 9123"),
    )
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board"]
    assert [i for i in result.items if i.type is ItemType.ADVERT]


def test_an_adverts_display_type_running_past_its_box_is_the_adverts(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 225): an advert's big words set too wide for
    its box ran past its edge; the block of them was not inside the box, stayed a headline, and
    took a story's text as its own (here, with no text beside, it was furniture)."""
    draws = [
        box(36, 400, 160, 190),
        *(
            text_at(44, 408 + 30 * k, word, "Helvetica-Bold", 26)
            for k, word in enumerate(("WINTER", "WAREHOUSE", "SALE"))
        ),
        text_at(44, 500, "Everything must go by spring.", "Helvetica", 9),
        text_at(44, 530, "58% OFF", "Helvetica-Bold", 20),
        text_at(44, 560, "Call 487 330 9123", "Helvetica", 10),
    ]
    assert 44 + stringWidth("WAREHOUSE", "Helvetica-Bold", 26) > 196  # it runs past the box's edge
    result = extract_drawn(tmp_path, *story(60, "Bridge Plan Goes to the Board", lines=20), *draws)
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board"]
    advert = next(i for i in result.items if i.type is ItemType.ADVERT)
    assert min(region[1] for region in advert.regions) < 410  # its big words with it
    assert len(result.items) == 2


def test_a_box_under_an_advertisement_label_is_an_advert_whatever_it_says(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        *story(60, "Bridge Plan Goes to the Board", lines=20),
        *_boxed(400, "A better way to travel", "Ask at the station", label="ADVERTISEMENT"),
    )
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board"]


def test_a_boxed_story_with_one_address_stays_a_story(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        *story(60, "Bridge Plan Goes to the Board", lines=20),
        *_boxed(400, "Join the club", "Write to us: club@example.org"),
    )
    assert sorted(a.headline or "" for a in articles(result)) == ["Bridge Plan Goes to the Board", "Join the club"]


def test_cues_are_counted_by_kind() -> None:
    assert reads_like_an_advert("Rooms from €49 a night, call +39 06 555 0101")
    assert reads_like_an_advert("Book at www.example.com or call (0161) 555-0199")
    assert not reads_like_an_advert("Mail a@b.org or c@d.org, see www.club.org")  # addresses only: one kind
    assert not reads_like_an_advert("The council met on 12 May 2024 and voted 7 to 5.")


def test_a_discount_in_arabic_or_urdu_is_a_cue() -> None:
    """Regression (an Urdu page printed by Chromium): a box selling "34٪ خصم" with a phone number was
    served as an article: the Arabic percent sign and word were no discount."""
    assert reads_like_an_advert("34٪ خصم 2444 906 698")
    assert reads_like_an_advert("رعایت 50% فون 0423 555 0199")
    assert not reads_like_an_advert("خصم 2444 906 698")  # "opponent", with no percentage: one kind


def test_a_few_lines_with_a_price_and_a_phone_number_under_for_sale_are_an_advert(tmp_path: Path) -> None:
    """Regression (a community magazine, page labelled blind): a reader's classified advert, a bold
    "FOR SALE" over two lines with prices and a phone number, unboxed among the notices, was served
    as an article."""
    result = extract_drawn(
        tmp_path,
        *story(60, "Bridge Plan Goes to the Board", lines=20),
        text_at(44, 420, "FOR SALE", "Helvetica-Bold", 11),
        text_at(44, 436, "Electric recliner chair, very little used. £100", "Times-Roman", 10),
        text_at(44, 448, "Oak table, seats four, good condition £50", "Times-Roman", 10),
        text_at(44, 460, "Tel 015396 47116", "Times-Roman", 10),
    )
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board"]
    assert [i.type for i in result.items].count(ItemType.ADVERT) == 1


def _notice(x: float, top: float, heading: str, seed: int) -> list[Draw]:
    """A paid notice: a heading and running text in type well under the body's, in a box."""
    return [
        box(x, top, 260, 180),
        text_at(x + 8, top + 6, heading, "Helvetica-Bold", 7),
        column(x + 8, top + 20, 244, 16, size=6.5, seed=seed),
    ]


def test_boxes_of_small_type_side_by_side_are_notices_not_stories(tmp_path: Path) -> None:
    """Regression (Echorouk 7977 page 11): a band of paid notices (a court's, a bailiff's), each
    boxed in type well under the body's, was read as untitled articles, or merged into the story
    above them."""
    result = extract_drawn(
        tmp_path,
        *story(60, "Bridge Plan Goes to the Board", lines=30),
        *_notice(36, 560, "Notice of an auction", seed=4),
        *_notice(316, 560, "Court of the district", seed=8),
    )
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board"]
    (adverts,) = [i for i in result.items if i.type is ItemType.ADVERT]
    assert {region[0] < 300 for region in adverts.regions} == {True, False}  # both boxes in it


def test_a_lone_box_of_small_type_is_not_taken_for_a_notice(tmp_path: Path) -> None:
    """A story's sidebar in small type, boxed alone, stays editorial."""
    result = extract_drawn(
        tmp_path,
        *story(60, "Bridge Plan Goes to the Board", lines=30),
        *_notice(36, 560, "Key dates", seed=4),
    )
    assert not [i for i in result.items if i.type is ItemType.ADVERT]
