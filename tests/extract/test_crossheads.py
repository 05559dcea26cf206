"""Crossheads and small bold heads (``broadsheet.extract.crossheads``): a bold line inside a story's
text stays in it; a bold head over text of its own, set apart from a story, opens a brief."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from broadsheet.extract.blocks import Block, TypeScale
from broadsheet.extract.crossheads import _foot_of_stack
from tests.extract.layouts import (
    COLUMNS,
    WIDTH,
    articles,
    extract_drawn,
    generated_page,
    headlines_of,
    true_headlines,
)
from tests.pdfs import Draw, box, centred, column, text_at


def test_the_foot_of_a_stack_ends_over_a_sliver_ending_above_it() -> None:
    """Regression (The Cutpaste p3, OCR, labelled blind): a sliver of a picture starting a little
    above a head's foot and ending above it too held the foot still, and the search for the foot of
    the head's stack never ended: the page's extraction hung."""
    head = Block(lines=[], box=(0.0, 0.0, 100.0, 10.0))
    sliver = (0.0, 9.5, 100.0, 9.8)
    found: list[float] = []
    search = threading.Thread(
        target=lambda: found.append(_foot_of_stack(head, [head], [sliver], TypeScale(9.0, 11.0))),
        daemon=True,
    )
    search.start()
    search.join(timeout=30)  # a guard against the hang, not a speed target: the search takes microseconds
    assert found == [10.0]


def test_a_bold_crosshead_inside_a_storys_text_does_not_split_it(tmp_path: Path) -> None:
    """Regression (generated daily pages): "What happens", a bold line of the body's size between
    two paragraphs of a story, was taken for a brief's headline and cut the story in two."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 24),
        column(COLUMNS[0], 100, WIDTH, 40, seed=1),
        column(COLUMNS[1], 100, WIDTH, 12, seed=2, full_stop=True),
        text_at(COLUMNS[1], 240, "What happens next", "Times-Bold", 9.3),
        column(COLUMNS[1], 253, WIDTH, 25, seed=3),
    )
    (article,) = articles(result)
    assert "What happens next" in (article.body or "")


def test_a_bold_head_under_a_jump_out_line_opens_a_story(tmp_path: Path) -> None:
    """Regression (fresh generated pages, seed 1722): a two-line bold head in the body's size under a
    lead's "Turn to page 3", in the lead's last column, was taken for the lead's crosshead; a story
    ends at its jump line, so what follows in the column is the next story."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board of Works", "Helvetica-Bold", 30),
        column(COLUMNS[0], 100, WIDTH, 40, seed=1),
        column(COLUMNS[1], 100, WIDTH, 40, seed=2),
        column(COLUMNS[2], 100, WIDTH, 12, seed=4),
        text_at(COLUMNS[2] + 100, 231, "Turn to page 3", "Times-Roman", 9),
        text_at(COLUMNS[2] + 10, 250, "Committee Postpones Its", "Helvetica-Bold", 9),
        text_at(COLUMNS[2] + 5, 261, "Plan for the Northern Bridge", "Helvetica-Bold", 9),
        column(COLUMNS[2], 276, WIDTH, 25, seed=3),
    )
    stories = {a.headline: a for a in articles(result)}
    assert set(stories) == {
        "Bridge Plan Goes to the Board of Works",
        "Committee Postpones Its Plan for the Northern Bridge",
    }
    lead = stories["Bridge Plan Goes to the Board of Works"]
    assert lead.jump is not None and lead.jump.to_page == 3


def test_a_bold_head_under_text_broken_off_mid_sentence_opens_a_story(tmp_path: Path) -> None:
    """Regression (fresh generated pages, seed 1322): a three-line bold head in the body's size, in
    the middle column under a lead whose text there broke off mid-sentence ("…a group of", running
    on at the next column's top), was taken for the lead's crosshead; no crosshead follows text cut
    off by the column's end."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 24),
        column(COLUMNS[0], 100, WIDTH, 40, seed=1),
        column(COLUMNS[1], 100, WIDTH, 12, seed=2),
        text_at(COLUMNS[1], 250, "Committee Postpones Its", "Times-Bold", 9.3),
        text_at(COLUMNS[1], 261, "Plan for the Northern Bridge", "Times-Bold", 9.3),
        column(COLUMNS[1], 276, WIDTH, 25, seed=3),
        column(COLUMNS[2], 100, WIDTH, 40, seed=4),
    )
    heads = [a.headline for a in articles(result)]
    assert heads == ["Bridge Plan Goes to the Board", "Committee Postpones Its Plan for the Northern Bridge"]


def test_a_crosshead_under_a_short_last_line_without_a_full_stop_stays_in_the_story(tmp_path: Path) -> None:
    """Regression (The Hindu's editorial page, 17 Aug 2026): a paragraph whose short last line ends
    without a full stop ("cannot be ruled out") is still a paragraph's end; the bold crosshead under
    it was taken for a story's head once text ending in a letter counted as cut off mid-sentence."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 24),
        column(COLUMNS[0], 100, WIDTH, 40, seed=1),
        column(COLUMNS[1], 100, WIDTH, 12, seed=2),
        text_at(COLUMNS[1], 100 + 12 * 10.8, "cannot be ruled out", "Times-Roman", 9),
        text_at(COLUMNS[1], 250, "The choices before us", "Times-Bold", 9.3),
        column(COLUMNS[1], 263, WIDTH, 25, seed=3),
    )
    (article,) = articles(result)
    assert "The choices before us" in (article.body or "")


def test_bold_heads_under_a_briefs_small_head_open_briefs_not_crossheads(tmp_path: Path) -> None:
    """Regression (generated Urdu pages): in a column of briefs under a display headline, each brief's
    small bold head was taken for a crosshead of the story above, as the display headline was the
    nearest *display* head over it; the small head of the first brief between them was ignored."""
    heads = ["Council Meets on Roads", "Market Hours Extended", "Library Opens Wing"]
    draws = [text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 24)]
    draws.append(column(COLUMNS[0], 100, WIDTH, 8, seed=1))
    for k, head in enumerate(heads):
        top = 240 + 76 * k
        draws += [text_at(COLUMNS[0], top, head, "Times-Bold", 9.3), column(COLUMNS[0], top + 14, WIDTH, 5, seed=k + 2)]
    result = extract_drawn(tmp_path, *draws)
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board", *heads]


def test_crossheads_under_a_centred_headline_and_past_a_short_rule_in_another_column_stay_in_the_story(
    tmp_path: Path,
) -> None:
    """Regression (a national daily's editorial page): a headline centred over a story's columns
    covers only part of its first one, so a crosshead there opened a story of its own; and a short
    rule over a chart in one column, under the headline's span, parted it from a crosshead in another."""
    x0, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        text_at(x0 + 100, 60, "Guarantee has slipped into limbo", "Helvetica-Bold", 24),
        column(x0, 100, WIDTH, 12, seed=1, full_stop=True),
        text_at(x0, 236, "Misleading excuse", "Times-Bold", 9),
        column(x0, 248, WIDTH, 26, seed=2),
        column(x1, 100, WIDTH, 10, seed=3),
        box(x1, 214, WIDTH, 0.5),  # the rule over a chart
        box(x1, 222, WIDTH, 120, fill=(0.8, 0.85, 0.9)),
        column(x2, 100, WIDTH, 14, seed=4, full_stop=True),
        text_at(x2, 258, "The ground reality", "Times-Bold", 9),
        column(x2, 270, WIDTH, 24, seed=5),
    )
    (article,) = articles(result)
    assert "Misleading excuse" in (article.body or "") and "The ground reality" in (article.body or "")


def test_a_briefs_bold_head_under_its_kicker_in_a_storys_column_is_not_a_crosshead(tmp_path: Path) -> None:
    """Regression (fresh generated daily pages): a brief's head with its kicker ("WORLD") right over
    it, under a story in the same column, was taken for the story's crosshead: the kicker, one bold
    line in another face, counted as the story's running text over it."""
    x0, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        text_at(x0 + 60, 60, "The budget is approved at last", "Helvetica-Bold", 24),
        column(x0, 100, WIDTH, 12, seed=1),
        text_at(x0, 236, "WORLD", "Helvetica-Bold", 9.7),
        text_at(x0, 249, "The new harbour authority", "Times-Bold", 9.3),
        column(x0, 262, WIDTH, 20, seed=2),
        column(x1, 100, WIDTH, 30, seed=3),
        column(x2, 100, WIDTH, 30, seed=4),
    )
    assert [a.headline for a in articles(result)] == ["The budget is approved at last", "The new harbour authority"]


def test_a_bold_head_of_the_bodys_size_under_a_briefs_small_head_opens_the_next_brief(tmp_path: Path) -> None:
    """Regression (fresh generated daily pages, seed 1416 page 1): the next brief's head, shrunk to
    the body's size to fit its column, under a brief's head only a size bigger, was read as that
    brief's crosshead and two briefs became one."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Harbour Works Begin", "Times-Bold", 11),
        column(COLUMNS[0], 76, WIDTH, 20, seed=1, full_stop=True),
        text_at(COLUMNS[0], 302, "An agreement with neighbours", "Times-Bold", 9.2),
        column(COLUMNS[0], 316, WIDTH, 12, seed=2),
        text_at(COLUMNS[1], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 22),
        column(COLUMNS[1], 96, WIDTH, 50, seed=4),
        column(COLUMNS[2], 96, WIDTH, 50, seed=5),
    )
    headlines = [a.headline for a in articles(result)]
    assert headlines == ["Harbour Works Begin", "An agreement with neighbours", "Bridge Plan Goes to the Board"]


def test_a_head_over_a_from_page_jump_line_in_a_storys_column_opens_the_carried_over_story(tmp_path: Path) -> None:
    """Regression (fresh generated daily pages, seed 1411 page 2): the head of a story carried over
    from page 1, set in a lead story's first column under its text and over "From page 1", was read
    as the lead's crosshead (then a pull quote), and the carried-over story merged into the lead."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 30),
        column(COLUMNS[0], 110, WIDTH, 20, seed=1, full_stop=True),
        text_at(COLUMNS[0], 336, "A programme of repairs", "Times-Bold", 12),
        text_at(COLUMNS[0], 352, "From page 1", "Times-Italic", 9),
        column(COLUMNS[0], 363, WIDTH, 20, seed=2),
        column(COLUMNS[1], 110, WIDTH, 45, seed=3),
        column(COLUMNS[2], 110, WIDTH, 45, seed=4),
    )
    lead, carried = articles(result)
    assert (lead.headline, carried.headline) == ("Bridge Plan Goes to the Board", "A programme of repairs")
    assert carried.jump is not None and carried.jump.from_page == 1


def test_a_bold_line_of_the_bodys_size_run_on_in_a_storys_text_under_a_head_no_bigger_stays_in_it(
    tmp_path: Path,
) -> None:
    """Regression (Sedbergh's newsletter p15, labelled blind): a tips story whose own headline is bold
    in the body's size, with bold crossheads in that size set on the next line of its text, no white
    over them: each crosshead without a full stop was read as a new story's headline (one story, five
    articles), as its headline is no display type to stand over crossheads."""
    pitch = 1.2 * 9
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "How to Keep Pets and Wildlife Safe", "Times-Bold", 9),
        column(COLUMNS[0], 60 + pitch, WIDTH, 20, seed=1, full_stop=True),
        text_at(COLUMNS[0], 60 + 21 * pitch, "Put the bonfire out properly", "Times-Bold", 9),
        column(COLUMNS[0], 60 + 22 * pitch, WIDTH, 12, seed=2, full_stop=True),
        text_at(COLUMNS[0], 60 + 34 * pitch, "Clean up", "Times-Bold", 9),
        column(COLUMNS[0], 60 + 35 * pitch, WIDTH, 12, seed=3),
    )
    assert [a.headline for a in articles(result)] == ["How to Keep Pets and Wildlife Safe"]


def test_on_a_scan_a_small_head_ocr_measured_bold_only_in_part_opens_its_story() -> None:
    """Regression (generated pages rendered as scans, seed 1521 page 2, 300 dpi): OCR's measure of a
    word's strokes found a three-line head in the body's size bold in 85 % of its letters, under the
    90 % a typeset head is held to, and the head was running text: its story merged into the one
    above. In type, a head is bold throughout."""
    from broadsheet.extract.blocks import find_blocks, size_role
    from broadsheet.extract.crossheads import mark_bold_heads
    from broadsheet.extract.line import Line, Word
    from broadsheet.pdf.content import FontStyle

    style = FontStyle("ocr", bold=False, italic=False, invisible=False)

    def line(top: float, text: str, bold: float) -> Line:
        box = (1840.0, top, 1840.0 + 13 * len(text), top + 27.0)
        return Line(box, [Word(box, text)], 36.0, style, bold, 0.0, False)

    def blocks_after(scanned: bool) -> list[str]:
        head = [
            line(1291, "A group of local farmers", 1.0),
            line(1336, "postponed a plan to", 0.55),
            line(1380, "rebuild the bridge", 1.0),
        ]
        text = [line(1480 + 45 * k, "running text of the story under its head", 0.0) for k in range(10)]
        scale = TypeScale(body=36.0, pitch=45.0)
        blocks = find_blocks([*head, *text], scale, [], scanned=True)
        for block in blocks:
            block.set_role(*size_role(block, scale))
        mark_bold_heads(blocks, scale, [], [], scanned)
        return [b.role.value for b in blocks]

    assert blocks_after(scanned=True)[0] == "headline"
    assert blocks_after(scanned=False)[0] == "body"


def test_a_bold_head_under_a_one_line_kicker_opens_a_story(tmp_path: Path) -> None:
    """Regression (generated daily, seed 1313 page 3, caught while this session's pull-quote rule
    was written): a bold two-line head in the body's size under a one-line kicker in small type was
    read as a bold line run on in running text, once the kicker, a line alone, no longer counted as
    text broken off mid-sentence (its one line is the full width of its block)."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 24),
        column(COLUMNS[0], 100, WIDTH, 50, seed=1, size=9.9),
        text_at(COLUMNS[1], 100, "Market Hall Reopens", "Helvetica-Bold", 14),
        column(COLUMNS[1], 122, WIDTH, 17, seed=2, size=9.9, full_stop=True),
        text_at(COLUMNS[1], 330, "An independent committee", "Times-Roman", 7.9),
        text_at(COLUMNS[1], 341, "The city council", "Times-Bold", 10),
        text_at(COLUMNS[1], 352, "rejected the budget", "Times-Bold", 10),
        column(COLUMNS[1], 372, WIDTH, 20, seed=3, size=9.9),
        column(COLUMNS[2], 100, WIDTH, 50, seed=4, size=9.9),
    )
    assert "The city council rejected the budget" in [a.headline for a in articles(result)]


def _act(x: float, top: float, ministry: str, title: str, seed: int) -> list[Draw]:
    """An act as an official gazette prints it in a column: its ministry and title centred in bold,
    an opening paragraph, and numbered articles, each headed by its number and subject centred in bold."""
    width, size, pitch = 250.0, 8.5, 10.2
    draws = [
        centred(x, top, width, ministry, "Times-Bold", 9),
        centred(x, top + 13, width, title, "Times-Bold", 9),
        column(x, top + 28, width, 4, size=size, seed=seed, full_stop=True),
    ]
    y = top + 28 + 4 * pitch + 6
    for number, subject in enumerate(("Objeto", "Âmbito", "Entrada em vigor"), 1):
        draws += [
            centred(x, y, width, f"Artigo {number}.º", "Times-Bold", size),
            centred(x, y + 11, width, subject, "Times-Bold", size),
            column(x, y + 24, width, 5, size=size, seed=seed + 7 * number, full_stop=True),
        ]
        y += 24 + 5 * pitch + 6
    return draws


def test_the_numbered_articles_of_an_act_in_a_gazette_are_its_crossheads(tmp_path: Path) -> None:
    """An official gazette (the Italian and Portuguese pages of issue 9's held-out set were scored
    badly): each act's numbered articles ("Artigo 1.º" over its subject, in bold, centred) were read
    as the headlines of stories of their own, so an act of three articles became four stories."""
    result = extract_drawn(
        tmp_path,
        *_act(45, 60, "MINISTÉRIO DAS FINANÇAS", "Decreto-Lei n.º 24/2024", seed=1),
        *_act(320, 60, "MINISTÉRIO DA SAÚDE", "Portaria n.º 101/2024", seed=40),
    )
    acts = articles(result)
    assert [(a.headline or "")[:8] for a in acts] == ["Decreto-", "Portaria"]
    assert all("Artigo 2" in (a.body or "") and "Entrada em vigor" in (a.body or "") for a in acts)


def test_a_bold_head_of_the_bodys_size_under_a_smaller_kicker_in_its_own_face_opens_a_story(tmp_path: Path) -> None:
    """Regression (fresh generated Arabic page, seed 2231 page 2): a head in bold of the body's size
    under its kicker in the same bold face, smaller (a script without capitals, so no kicker in
    capitals; nor is a line in it judged broken off), in a column under another story's text, was
    read as that story's crosshead, and its story went to the story above."""
    truth, page = generated_page(tmp_path, 2, seed=2231, direction="rtl", language="ar")
    assert headlines_of(page) == true_headlines(truth)


def test_a_bold_head_over_a_byline_and_one_line_of_text_opens_a_story(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 2611 page 1): a boxed story's bold head a little
    over the body's size, a byline under it and one line of text, was read as text: two lines of
    text under it were asked for, where a byline already says a story starts."""
    _, page = generated_page(tmp_path, 1, seed=2611, daily=True)
    boxed = next(a for a in articles(page) if a.headline == "A Well-known Architect Expanded an Agreement")
    assert (boxed.kicker, boxed.byline) == ("EDUCATION", "By Helen Blake in Ashford")


@pytest.mark.parametrize(
    ("options", "page", "headline"),
    [
        (
            {"seed": 3415, "daily": True, "language": "fr"},
            1,
            "Une commission indépendante a salué la hausse des tarifs de stationnement après",
        ),
        ({"seed": 4031, "direction": "rtl", "language": "ar"}, 2, "دافع عن الوكالة الجهوية للمياه برنامج ترميم مقر"),
    ],
)
def test_a_bold_head_where_a_row_of_stories_ends_opens_the_next_rows_story(
    tmp_path: Path, options: dict[str, object], page: int, headline: str
) -> None:
    """Regression (fresh generated pages: French daily seed 3415 page 1, Arabic seed 4031 page 2): a
    small bold head under a story's text, that text ending level with the text in the next column
    over, where another story's headline follows level with the head: a row of stories ends there.
    The head was read as a crosshead of the wide story over the row, its story's text with it."""
    truth, result = generated_page(tmp_path, page, **options)
    assert headlines_of(result) == true_headlines(truth)
    expected = next(i for i in truth["items"] if i["type"] == "article" and i["headline"] == headline)
    story = next(a for a in articles(result) if a.headline == headline)
    assert story.body == expected["body"]


def test_a_small_head_over_a_small_deck_in_a_narrow_column_opens_a_story(tmp_path: Path) -> None:
    """Regression (fresh generated Portuguese plain page, seed 3322 page 1): a bold head in the body's
    size, centred over a narrow column, a three-line deck in small bold type and a byline under it:
    the deck was too long to hang under a head on the way to its text, so no text stood under the
    head, which stayed text; the story went untitled."""
    truth, result = generated_page(tmp_path, 1, seed=3322, language="pt")
    assert headlines_of(result) == true_headlines(truth)
    story = next(a for a in articles(result) if a.headline == "O prefeito prometeu o fechamento da")
    assert story.byline == "por Mariana Costa"


def test_a_small_head_under_a_column_cut_mid_sentence_is_no_crosshead_of_that_story(tmp_path: Path) -> None:
    """Regression (fresh generated German daily page, seed 4313 page 1): a lead's first column filled
    and cut mid-sentence, its text running on at the next column's top; under it, a brief's bold head
    a size over the text ("Ein Sanierungsprogramm"), then the brief. The head, between running text
    over and under it under the lead's far bigger headline, was taken for the lead's crosshead (and
    then a pull quote), and the brief for more of the lead. A crosshead stands after a paragraph's end."""
    truth, result = generated_page(tmp_path, 1, seed=4313, daily=True, language="de")
    assert headlines_of(result) == true_headlines(truth)


def test_a_dateline_under_a_deck_over_the_storys_photo_opens_no_story(tmp_path: Path) -> None:
    """Regression (generated English daily page, seed 6414 page 2, studied this session): a story's
    dateline ("Kingsbridge") in bold a little over the body's size, under its deck and over its photo:
    only a line in the body's size or a name counted as the stack's last line under a deck, and the
    place became a small headline with the photo and the first column under it."""
    truth, result = generated_page(tmp_path, 2, seed=6414, daily=True)
    assert headlines_of(result) == true_headlines(truth)


def test_a_small_head_level_with_a_neighbours_head_under_a_row_cut_mid_sentence_opens_a_story(
    tmp_path: Path,
) -> None:
    """Regression (generated French daily page, seed 3415 page 1, broken by this session's first
    version of the row-end rule's "the text ends its sentence"): a story's small bold head under the
    foot of the row above, level with the next story's headline beside it, the row's text in that
    column breaking off mid-sentence (it runs on elsewhere): the row was not taken to end, and the head
    became a crosshead of the story beside."""
    truth, result = generated_page(tmp_path, 1, seed=3415, daily=True, language="fr")
    assert headlines_of(result) == true_headlines(truth)
