"""Which headline a block belongs to (``broadsheet.extract.owners``), where the column alone would
not say."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from broadsheet.extract import ExtractOptions, extract_pages
from broadsheet.extract.model import ItemType, PageResult
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
from tests.pdfs import column, text_at


def photo_counts(truth: dict[str, Any], result: PageResult) -> tuple[int, int]:
    """How many stand-alone photos the page holds as extracted and in its ground truth."""
    true = sum(i["type"] == "photo" for i in truth["items"])
    return sum(i.type is ItemType.PHOTO for i in result.items), true


@pytest.mark.parametrize(
    ("last_line", "font"),
    [("Continued on page 6", "Times-BoldItalic"), ("By David Langley", "Helvetica-Bold")],
    ids=["jump", "byline"],
)
def test_the_line_ending_a_story_at_the_foot_of_its_short_last_column_is_the_storys(
    tmp_path: Path, last_line: str, font: str
) -> None:
    """Regression (Chromium-printed daily pages, seeds 62 and 70): a story's last column ran short,
    and the jump line (or its writer's name) that ends it was set at the story's foot, level with the
    end of its other columns: the white over it in its column cut it off from the story, and it was
    an untitled story of its own."""
    x0, x1, x2 = COLUMNS
    lines = 30
    foot = 80 + lines * 10.8
    result = extract_drawn(
        tmp_path,
        text_at(x0, 40, "Bridge Plan Goes Before the Board", "Helvetica-Bold", 26),
        column(x0, 80, WIDTH, lines, seed=1),
        column(x1, 80, WIDTH, lines, seed=2),
        column(x2, 80, WIDTH, 12, seed=3, full_stop=True),
        text_at(x2 + 20, foot + 4, last_line, font, 8),
        *story(foot + 40, "Ferry Fares Rise Again", lines=10),
    )
    bridge = next(a for a in articles(result) if a.headline == "Bridge Plan Goes Before the Board")
    assert any(region[3] > foot for region in bridge.regions)
    assert len(articles(result)) == 2


def test_a_story_does_not_run_on_past_its_jump_line_to_another_page(tmp_path: Path) -> None:
    """Regression (fresh generated German and French daily pages, seed 3115 page 2): a lead ending
    at the foot of its last column in "Weiter auf Seite 3", the next story's photo beside that
    story's headline across the columns under it: the text under the photo in the last column went
    to the lead, whose headline was the nearest over that column."""
    _, result = generated_page(tmp_path, 2, seed=3115, daily=True, language="de")
    story = next(a for a in articles(result) if a.headline == "Einen Plan zum Wiederaufbau")
    assert "Nach Angaben der Behörden verschob der Verkehrsminister neue Radwege" in (story.body or "")


def test_a_photo_under_a_rule_under_a_storys_text_is_no_part_of_the_story(tmp_path: Path) -> None:
    """Regression (fresh generated Spanish page, seed 4221 page 3): in a page of narrow columns a
    story ends, a rule runs across its column, and a captioned photo stands under the rule; the photo
    was read as carrying on the story just read. The rule closes the story: the photo is no story's."""
    truth, result = generated_page(tmp_path, 3, seed=4221, language="es")
    found, true = photo_counts(truth, result)
    assert found == true


def test_a_storys_last_column_opening_with_its_photo_beside_its_headline_is_the_storys(tmp_path: Path) -> None:
    """Regression (fresh generated Urdu page, seed 5741 page 1): a story's headline over two of its
    three columns; the third opens with the story's photo, level with the other two, under another
    story's text that ended above. The photo was no story's (its text's short last line, set at the
    column's far edge, seemed a column away), and the text under it went to the story further up."""
    truth, result = generated_page(tmp_path, 1, seed=5741, direction="rtl", language="ur")
    assert headlines_of(result) == true_headlines(truth)
    story = next(i for i in truth["items"] if i.get("headline") == "اگلی سال کا بجٹ")
    found = next(a for a in articles(result) if a.headline == story["headline"])
    assert (found.body, found.captions) == (story["body"], story["captions"])


def test_a_photo_right_under_an_untitled_storys_text_stays_with_it_not_a_side_story(tmp_path: Path) -> None:
    """Regression (UVic's horticulture newsletter, unlabelled, with this session's first version of a
    side story opening with its photo): a photo right under an untitled story's text, beside another
    story's headline, was taken for that story's column opening with its picture."""
    pdf = CORPUS / "real-unlabelled/uvic-hort-2023-03.pdf"
    if not pdf.exists():
        pytest.skip(f"{pdf} is not here (../shared/corpus)")
    (page,) = extract_pages(pdf, pages=[1], options=ExtractOptions(ocr=False))
    greenhouse = next(a for a in articles(page) if (a.body or "").startswith("Huffing steam"))
    assert max(region[3] for region in greenhouse.regions) > 600  # down past its photo to the caption


def test_text_under_a_storys_picture_in_a_column_its_headline_covers_is_not_run_on_from_it() -> None:
    """Regression (Echorouk 7998 p1, unlabelled, read without OCR, with this session's first version
    of text run on from a picture over it): a small box's text under the lead panel's picture went to
    the panel's story as text under its picture, which left the front page's lead (headline, deck and
    photo, no text of its own) a furniture label. Only a side story's column runs on past its picture."""
    pdf = CORPUS / "real-unlabelled/echorouk_2025-04-26_7998.pdf"
    if not pdf.exists():
        pytest.skip(f"{pdf} is not here (../shared/corpus)")
    (page,) = extract_pages(pdf, pages=[1], options=ExtractOptions(ocr=False))
    lead = next(i for i in page.items if any(abs(r[1] - 380) < 3 and abs(r[2] - 712) < 3 for r in i.regions))
    assert lead.type is ItemType.ARTICLE


def test_a_photo_wider_than_a_briefs_column_beside_it_is_not_that_briefs(tmp_path: Path) -> None:
    """Regression (generated daily page, seed 2216 page 3, with this session's first version of a
    side story opening with its photo): a photo across two columns, alone under white, level with the
    text of a brief in the column beside it, was taken for the brief's next column."""
    truth, result = generated_page(tmp_path, 3, seed=2216, daily=True)
    found, true = photo_counts(truth, result)
    assert found == true


def test_text_under_a_leads_photo_beside_its_headline_is_the_leads_not_the_story_above(tmp_path: Path) -> None:
    """Regression (fresh generated French page, seed 5021 page 1): a lead's headline over its first
    two columns, its photo in the third beside it and its last column under the photo; the story
    above, its headline over the second and third columns, ended over the lead's headline. The lead's
    headline stood out past that story's left edge, so no row of stories was seen between them, and
    the column under the photo went to the story above."""
    truth, page = generated_page(tmp_path, 1, seed=5021, language="fr")
    extracted, true = bodies(truth, page, "Les habitants du vieux quartier a annoncé la fermeture du marché de nuit")
    assert extracted == true


@pytest.mark.parametrize("language", ["de", "fr"])
def test_a_picture_at_the_top_of_a_row_beside_a_headline_is_not_the_story_above(tmp_path: Path, language: str) -> None:
    """Regression (fresh generated daily pages, seed 5214 page 1): a photo under a short story in the
    second column, white between them, its top level with the next row's headline (or its kicker)
    in the first column: the photo and its caption went to the story above, as its picture, though
    that story had ended; they stand alone in the new row."""
    truth, page = generated_page(tmp_path, 1, seed=5214, daily=True, language=language)
    found, true = photo_counts(truth, page)
    assert found == true == 1
    assert not any(a.captions for a in articles(page) if a.headline and a.regions[0][1] > 700)


def test_pictures_level_with_the_next_rows_headline_a_line_under_the_leads_columns_stand_alone(
    tmp_path: Path,
) -> None:
    """Regression (fresh generated daily page, seed 6612 page 2): two photos in the lead's last two
    columns, a little over a line's pitch under the lead's text, their tops level with the next row's
    headline beside them: they went to the lead, one as its picture, the other read on after it."""
    truth, page = generated_page(tmp_path, 2, seed=6612, daily=True)
    found, true = photo_counts(truth, page)
    assert found == true == 2


def test_a_picture_right_under_its_storys_text_level_by_chance_with_a_head_beside_it_is_the_storys() -> None:
    """Regression (Cooleman Ridge's newsletter, page 2; caught when a picture level with the next
    row's headline was taken out of the story over it): a story's photo under its last paragraph,
    less than a line's pitch of white between them, its top level with a headline in the next column
    by chance: the white was measured down to that headline, not to the photo, and the photo stood
    alone."""
    pdf = CORPUS / "born-digital/cooleman-208-2010-11.pdf"
    if not pdf.exists():
        pytest.skip(f"{pdf} is not here (../shared/corpus)")
    (page,) = extract_pages(pdf, pages=[2], options=ExtractOptions(ocr=False))
    beetles = next(a for a in articles(page) if a.headline == "Beetles")
    assert max(region[3] for region in beetles.regions) > 580  # down to the foot of its photo


def test_a_picture_under_a_storys_jump_line_to_another_page_is_not_that_storys(tmp_path: Path) -> None:
    """Regression (fresh generated Portuguese page, seed 5422 page 1): a photo under a story's
    column ending with its jump line ("Continua na página 3"): read right after the story, with no
    headline over it covering its column, it was carried on into the story, which had gone on to
    another page."""
    truth, page = generated_page(tmp_path, 1, seed=5422, language="pt")
    found, true = photo_counts(truth, page)
    assert found == true >= 1


def test_pictures_level_with_a_boxed_storys_top_stand_in_its_row(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 7015 page 2): two photos under two short stories,
    white between, their tops level with a boxed story's beside them: the boxed story's head stood in
    a frame the photos did not, so no row was seen, and each photo went to the story over it."""
    truth, page = generated_page(tmp_path, 2, seed=7015, daily=True)
    found, true = photo_counts(truth, page)
    assert found == true == 2
