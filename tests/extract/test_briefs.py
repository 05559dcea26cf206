"""Columns of briefs: each brief an article, under a small bold head or a bold run-in heading, and
labels inside a story kept in it (regressions found on generated daily pages)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from broadsheet.extract import extract_pages
from broadsheet.extract.model import PageResult
from broadsheet.synthetic import SyntheticOptions, generate_edition
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
from tests.pdfs import Draw, centred, column, text_at


def _headed_brief_then_run_in(tmp_path: Path, head_size: float, text_lines: int, words: int = 6) -> list[str | None]:
    """A brief under a small bold head, then a brief opening with a bold run-in heading; the
    headlines of the page's articles (a story in the next columns sets the body size)."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 120, "Harbour Works Begin", "Times-Bold", head_size),
        column(COLUMNS[0], 122 + 1.4 * head_size, WIDTH, text_lines, seed=2),
        run_in_brief(COLUMNS[0], 140 + 1.4 * head_size + text_lines * 10.8, "Bridge tolls.", 6, seed=9, words=words),
        *story(100, "Bridge Plan Goes to the Board")[2:],
    )
    return [a.headline for a in articles(result) if a.headline != "Bridge Plan Goes to the Board"]


def test_a_run_in_brief_under_a_brief_whose_head_is_a_size_or_two_up_is_a_brief(tmp_path: Path) -> None:
    # a brief's head at 1.19 times the body was taken for a story's display headline, so the next
    # brief's run-in heading was read as a label inside that story
    assert _headed_brief_then_run_in(tmp_path, 10.7, 7) == ["Harbour Works Begin", "Bridge tolls"]


def test_a_run_in_brief_under_a_brief_whose_head_is_barely_bigger_is_a_brief(tmp_path: Path) -> None:
    # a head a little bigger than the body is only marked after run-in headings are looked at
    assert _headed_brief_then_run_in(tmp_path, 9.5, 7) == ["Harbour Works Begin", "Bridge tolls"]


def test_a_run_in_heading_with_one_word_of_its_paragraph_beside_it_is_a_briefs_head(tmp_path: Path) -> None:
    # regression (generated daily pages): in a narrow column the heading's line held one word of
    # the paragraph, and a run-in heading needed two after it
    assert _headed_brief_then_run_in(tmp_path, 10.7, 7, words=1) == ["Harbour Works Begin", "Bridge tolls"]


def test_a_label_under_a_storys_byline_stays_in_the_story(tmp_path: Path) -> None:
    # a bold byline a little bigger than the body is not a brief's head
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 100, "Council Backs the Bridge Plan", "Helvetica-Bold", 22),
        text_at(COLUMNS[0], 130, "By Samuel Fletcher, Staff Writer", "Times-Bold", 9.5),
        column(COLUMNS[0], 146, WIDTH, 8, seed=3),
        run_in_brief(COLUMNS[0], 146 + 8 * 10.8 + 6, "Background.", 6, seed=9),
        *[column(x, 146, WIDTH, 30, seed=7 * k) for k, x in enumerate(COLUMNS[1:], 1)],
    )
    assert [a.headline for a in articles(result)] == ["Council Backs the Bridge Plan"]


def test_a_bold_head_with_a_byline_under_it_below_a_storys_column_opens_a_story(tmp_path: Path) -> None:
    # regression (generated daily pages): briefs under the lead's first column, each a bold head in
    # about the body's size, a byline and a paragraph, were taken for crossheads inside the lead
    result = extract_drawn(
        tmp_path,
        *story(100, "Bridge Plan Goes to the Board", lines=10),
        text_at(COLUMNS[0], 262, "The Chamber of Commerce", "Times-Bold", 9.5),
        text_at(COLUMNS[0], 276, "By Jane Morrison, Staff Writer", "Times-Italic", 7),
        column(COLUMNS[0], 288, WIDTH, 8, seed=4),
    )
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board", "The Chamber of Commerce"]


def test_a_run_in_label_under_a_small_head_across_two_columns_stays_in_the_story(tmp_path: Path) -> None:
    # regression (generated daily pages): a side story's head a size over the body, set across its
    # two columns, was taken for a brief's head, so "Why it matters." in its second column opened
    # a brief of its own
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 120, "Council Backs the Bridge Plan After a Long Public Hearing", "Times-Bold", 10.7),
        column(COLUMNS[0], 136, WIDTH, 12, seed=2),
        column(COLUMNS[1], 136, WIDTH, 5, seed=5),
        run_in_brief(COLUMNS[1], 136 + 5 * 10.8, "Why it matters.", 6, seed=9),
    )
    assert [a.headline for a in articles(result)] == ["Council Backs the Bridge Plan After a Long Public Hearing"]


def _under_a_column_title(tmp_path: Path, title: str, *entries: Draw) -> PageResult:
    """A story across the page's top, its text run on in the first two columns, and ``entries`` under
    ``title`` centred over the third column."""
    return extract_drawn(
        tmp_path,
        *story(100, "Bridge Plan Goes Before the Board Today", lines=10),
        column(COLUMNS[0], 270, WIDTH, 14, seed=3),
        column(COLUMNS[1], 270, WIDTH, 14, seed=4),
        centred(COLUMNS[2], 270, WIDTH, title, "Helvetica-Bold", 13),
        *entries,
    )


def test_run_in_briefs_under_a_short_title_centred_over_their_column_are_briefs(tmp_path: Path) -> None:
    # regression (generated daily pages): "BRIEFLY", centred over the last column under a story,
    # covers too little of it to count as the head over it, so the story's headline higher up was
    # taken as the briefs' and their run-in heads as labels of that story
    result = _under_a_column_title(
        tmp_path,
        "BRIEFLY",
        run_in_brief(COLUMNS[2], 292, "Harbour tolls.", 5, seed=9),
        run_in_brief(COLUMNS[2], 292 + 6 * 10.8 + 8, "Market hours.", 5, seed=11),
    )
    assert [a.headline for a in articles(result)][-2:] == ["Harbour tolls", "Market hours"]


def test_run_in_heads_with_no_stop_after_them_head_briefs(tmp_path: Path) -> None:
    # regression (a daily laid out in HTML, printed by Chromium): bold run-in heads with no full stop
    # ("**Harbour tolls** The council...") were read as the paragraph's first words, so every brief
    # of the column ran into one article under the column's title
    result = _under_a_column_title(
        tmp_path,
        "IN BRIEF",
        run_in_brief(COLUMNS[2], 292, "Harbour tolls", 5, seed=9, capital=True),
        run_in_brief(COLUMNS[2], 292 + 6 * 10.8 + 8, "Market hours", 5, seed=11, capital=True),
    )
    assert [a.headline for a in articles(result)][-2:] == ["Harbour tolls", "Market hours"]


def test_a_listings_names_in_bold_capitals_head_no_briefs(tmp_path: Path) -> None:
    """Only a sentence-case head runs in with no stop after it: a listing's names in capitals
    ("DENT LIBRARY Main Street ...") stay its lines."""
    entries = [
        run_in_brief(COLUMNS[2], 292 + k * 26, name, 1, seed=9 + k, capital=True)
        for k, name in enumerate(["DENT LIBRARY", "SEDBERGH LIBRARY", "GARSDALE LIBRARY"])
    ]
    result = _under_a_column_title(tmp_path, "LIBRARIES", *entries)
    assert [a.headline for a in articles(result)][-1] == "LIBRARIES"


def test_a_run_in_brief_a_blank_line_under_a_long_brief_is_a_brief(tmp_path: Path) -> None:
    # regression (fresh generated daily pages, seed 1422 page 1): under a brief eighteen lines long, the
    # next brief's run-in heading stood too far under the small head to count as that head's
    # sibling, and was read as a label inside a story; the blank line over it says it is a brief
    assert _headed_brief_then_run_in(tmp_path, 11, 18) == ["Harbour Works Begin", "Bridge tolls"]


def test_a_byline_set_like_a_small_head_heads_no_brief(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 715 page 1, once the body was measured at its own
    7.77 pt, not its bin's 8.0): a story's "By …" line, bold and a size over the body, counted as a
    brief's small head over the column, so "Background." opening a paragraph further down was read as
    the next brief's run-in head, and the story's end as a brief."""
    edition = generate_edition(SyntheticOptions(seed=715, pages=3, daily=True), tmp_path)
    (page,) = extract_pages(edition.pdf, pages=[1])
    assert "Background" not in [a.headline for a in articles(page)]


def test_a_run_in_label_under_a_signed_small_head_stays_in_its_story(tmp_path: Path) -> None:
    """Regression (fresh generated pages, seed 1715): a side story under a small bold head with the
    writer's name under it; its second paragraph opens "Why it matters." in bold, and was taken for the
    next brief's run-in head. A small head with a byline under it heads a story, not a brief."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 120, "Harbour Works Begin", "Times-Bold", 10.7),
        text_at(COLUMNS[0], 135, "Robert Caldwell", "Helvetica-Bold", 7),
        column(COLUMNS[0], 149, WIDTH, 6, seed=2, full_stop=True),
        run_in_brief(COLUMNS[0], 149 + 6 * 10.8 + 4, "Why it matters.", 6, seed=9),
        *story(100, "Bridge Plan Goes to the Board")[2:],
    )
    assert [a.headline for a in articles(result)] == ["Harbour Works Begin"]


def test_a_run_in_label_under_a_byline_with_its_place_stays_in_the_story(tmp_path: Path) -> None:
    """Regression (fresh generated German pages, seed 1711): the lead's byline, a name and the place
    written from in bold a little over the body ("Anna Wagner, Rosenfeld"), was taken for a brief's
    small head, so the run-in labels of the lead's first column became briefs."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 28),
        text_at(COLUMNS[0], 98, "The council will vote on the route next month, after a hearing", "Times-Italic", 12),
        text_at(COLUMNS[0], 118, "Anna Wagner, Rosenfeld", "Helvetica-Bold", 9.6),
        column(COLUMNS[0], 136, WIDTH, 8, seed=3, full_stop=True),
        run_in_brief(COLUMNS[0], 136 + 8 * 10.8 + 4, "Background.", 8, seed=9),
        *[column(x, 136, WIDTH, 30, seed=7 * k) for k, x in enumerate(COLUMNS[1:], 1)],
    )
    assert [a.headline for a in articles(result)] == ["Bridge Plan Goes to the Board"]


def test_run_in_labels_in_a_storys_last_column_its_headline_barely_reaches_stay_in_the_story(tmp_path: Path) -> None:
    """Regression (a generated German daily, seed 1712): a three-column story's headline set over two
    and a fraction of its columns; its last column, starting level with the others, holds run-in
    labels ("Hintergrund."), which opened briefs of their own: the headline covers too little of that
    column to be the head over it, though the story runs on into it."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 100, "Hospital Board Orders a Flood Study", "Helvetica-Bold", 22),
        column(COLUMNS[0], 135, WIDTH, 40, seed=1),
        column(COLUMNS[1], 135, WIDTH, 40, seed=2),
        run_in_brief(COLUMNS[2], 135, "Background.", 12, seed=9),
        run_in_brief(COLUMNS[2], 135 + 13 * 10.8 + 2, "Background.", 12, seed=11),
    )
    (story,) = articles(result)
    assert story.headline == "Hospital Board Orders a Flood Study"
    assert any(r[0] >= COLUMNS[2] - 1 and r[3] > 300 for r in story.regions)


# Words of our own for a right-to-left page: "the council approved the plan for the new bridge after
# a long meeting on Tuesday in the city" and the like, cycled into paragraphs.
def test_a_bold_byline_in_capitals_under_a_headline_over_a_run_in_label_stays_the_byline(tmp_path: Path) -> None:
    """Regression (generated page s2011 p3): a story's byline in bold capitals right under its
    headline, with a run-in label further down its column, was taken for the first of a column of
    briefs' heads under a title: a story's headline is bigger than a column's title, and a name in
    capitals is a byline."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "School Governors Reject the Plan", "Helvetica-Bold", 20),
        text_at(COLUMNS[0], 88, "PETER CALDWELL", "Helvetica-Bold", 9),
        column(COLUMNS[0], 102, WIDTH, 4, seed=3),
        run_in_brief(COLUMNS[0], 102 + 5 * 10.8, "Harbour tolls", 5, seed=9, capital=True),
        column(COLUMNS[1], 102, WIDTH, 14, seed=4),
    )
    (article,) = articles(result)
    assert article.byline == "PETER CALDWELL"


def test_a_kicker_at_a_columns_top_over_a_bold_headline_heads_no_brief(tmp_path: Path) -> None:
    """Regression (generated page s1215 p1): a kicker in bold body-size capitals at the top of a
    column, over a small bold headline, with a run-in brief further down, was taken for a brief's head
    of its own and the headline for its deck: a brief's head stands over its paragraph's running text."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "POLITICS", "Times-Bold", 9.4),
        text_at(COLUMNS[0], 74, "The water board welcomed", "Helvetica-Bold", 10),
        text_at(COLUMNS[0], 86, "a plan to rebuild the pier", "Helvetica-Bold", 10),
        column(COLUMNS[0], 102, WIDTH, 4, seed=3, size=9.4),
        run_in_brief(COLUMNS[0], 102 + 5 * 10.8, "Harbour tolls", 5, seed=9, capital=True),
        column(COLUMNS[1], 60, WIDTH, 14, seed=4, size=9.4),
    )
    assert "The water board welcomed a plan to rebuild the pier" in [a.headline for a in articles(result)]


def _wrapped_run_in(
    x: float, y_top: float, first: str, rest: str, lines: int, seed: int, justified: bool = True
) -> Draw:
    """A paragraph whose bold run-in heading wraps: ``first`` fills the column's first line (set
    justified, or ragged with word spaces), ``rest`` ends the heading on the next, where the
    paragraph runs on."""

    def draw(canvas: Canvas) -> None:
        words = first.split()
        widths = [canvas.stringWidth(word, "Times-Bold", 9) for word in words]
        gap = (WIDTH - sum(widths)) / (len(words) - 1) if justified else canvas.stringWidth(" ", "Times-Bold", 9)
        left = x
        for word, width in zip(words, widths, strict=True):
            text_at(left, y_top, word, "Times-Bold", 9)(canvas)
            left += width + gap
        run_in_brief(x, y_top + 10.8, rest, lines, seed, words=4, capital=True)(canvas)

    return draw


@pytest.mark.parametrize(
    ("heads", "justified"),
    [
        ((("Council weighs a new long-term", "strategy"), ("Plans for a clinic by the", "harbour")), True),
        # set ragged, a head's first line is short: its next word would not have fit on it
        (
            (("Council weighs the harbour's", "reconstruction"), ("Plans for a new clinic by the", "neighbourhood")),
            False,
        ),
    ],
    ids=["justified", "ragged"],
)
def test_run_in_heads_wrapped_over_two_lines_head_briefs(
    tmp_path: Path, heads: tuple[tuple[str, str], tuple[str, str]], justified: bool
) -> None:
    """Regression (a daily laid out in HTML, printed by Chromium): a run-in head too long for its
    column wraps; its first line, bold throughout, was no head and its last word ("strategy") none
    either, so the column's briefs ran into one. Set ragged (seed 36), the first line filled under
    0.85 of the column, and was not taken for the head's."""
    (first, rest), (second, end) = heads
    result = _under_a_column_title(
        tmp_path,
        "IN BRIEF",
        _wrapped_run_in(COLUMNS[2], 292, first, rest, 5, seed=9, justified=justified),
        _wrapped_run_in(COLUMNS[2], 292 + 7 * 10.8 + 8, second, end, 5, seed=11, justified=justified),
    )
    briefs = articles(result)[-2:]
    assert [a.headline for a in briefs] == [f"{first} {rest}", f"{second} {end}"]
    assert all((a.body or "")[:1].isupper() for a in briefs), [a.body for a in briefs]


def test_a_wrapped_run_in_label_inside_a_story_stays_in_its_text(tmp_path: Path) -> None:
    """A wrapped run-in label in a story's running text goes back whole into its paragraph."""
    result = extract_drawn(
        tmp_path,
        *story(100, "Bridge Plan Goes Before the Board Today", lines=10),
        column(COLUMNS[0], 270, WIDTH, 14, seed=3),
        _wrapped_run_in(COLUMNS[0], 270 + 15 * 10.8, "How the council weighed the", "plan:", 5, seed=9),
    )
    (story_read,) = articles(result)
    assert "How the council weighed the plan: " in (story_read.body or "")


def test_a_run_in_brief_under_a_brief_whose_head_fills_its_line_is_a_brief(tmp_path: Path) -> None:
    """Regression (a daily laid out in HTML, printed by Chromium): a brief's run-in head too long to
    leave room for its paragraph on its line stands as a bold line of its own; the run-in brief under
    it, far from the column's other run-in heads, was read as a labelled paragraph of the story under
    the column's first head."""
    market = 292 + 6 * 10.8 + 3
    repairs = market + 11 * 10.8 + 3
    ferry = repairs + 6 * 10.8 + 3
    result = extract_drawn(
        tmp_path,
        *story(100, "Bridge Plan Goes Before the Board Today", lines=10),
        column(COLUMNS[0], 270, WIDTH, 40, seed=3),
        column(COLUMNS[1], 270, WIDTH, 40, seed=4),
        centred(COLUMNS[2], 272, WIDTH, "IN BRIEF", "Helvetica-Bold", 11),
        text_at(COLUMNS[2], 292, "Harbour tolls rise for lorries", "Times-Bold", 9),
        column(COLUMNS[2], 292 + 10.8, WIDTH, 5, seed=13),
        run_in_brief(COLUMNS[2], market, "Market hours", 10, seed=11, capital=True),
        text_at(COLUMNS[2], repairs, "A programme of repairs", "Times-Bold", 9),
        column(COLUMNS[2], repairs + 10.8, WIDTH, 5, seed=17),
        run_in_brief(COLUMNS[2], ferry, "Ferry fares", 5, seed=19, capital=True),
    )
    assert [a.headline for a in articles(result)][-4:] == [
        "Harbour tolls rise for lorries",
        "Market hours",
        "A programme of repairs",
        "Ferry fares",
    ]


def test_a_run_in_brief_set_close_under_a_long_run_in_brief_is_a_brief(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 76): in a column of briefs set apart by a third
    of a line, the first with its head on a line of its own, a brief's run-in heading stood far under
    the run-in heading of the long brief above it, with too little white over it to be set apart, and
    was read as a label inside that brief; a run-in heading in the style of the brief head above is
    the next brief's."""
    first_text = 131.0
    second = first_text + 6 * 10.8 + 4
    third = second + 17 * 10.8 + 3
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 100, "IN BRIEF", "Helvetica-Bold", 11),
        text_at(COLUMNS[0], 120, "Harbour works begin", "Times-Bold", 9),
        column(COLUMNS[0], first_text, WIDTH, 6, seed=4, full_stop=True),
        run_in_brief(COLUMNS[0], second, "Ferry fares.", 16, seed=2),
        run_in_brief(COLUMNS[0], third, "Bridge tolls.", 6, seed=9),
        *story(100, "Bridge Plan Goes to the Board")[2:],
    )
    headlines = [a.headline for a in articles(result) if a.headline != "Bridge Plan Goes to the Board"]
    assert headlines == ["Harbour works begin", "Ferry fares", "Bridge tolls"]


def _briefs_under_a_title(
    tmp_path: Path, first_lines: int, leading: float, *run_ins: tuple[str, int, int]
) -> list[str]:
    """Under "IN BRIEF", a brief with its head on a line of its own and ``first_lines`` of text starting
    ``leading`` under the head's top, then run-in briefs (head, lines, words of the paragraph on the
    head's line), each set a third of a line under the one before; the briefs' headlines."""
    first_text = 120 + leading
    draws = [
        text_at(COLUMNS[0], 100, "IN BRIEF", "Helvetica-Bold", 11),
        text_at(COLUMNS[0], 120, "Harbour works begin", "Times-Bold", 9),
        column(COLUMNS[0], first_text, WIDTH, first_lines, seed=4, full_stop=True),
    ]
    top = first_text + first_lines * 10.8 + 4
    for k, (head, lines, words) in enumerate(run_ins):
        draws.append(run_in_brief(COLUMNS[0], top, head, lines, seed=2 + 7 * k, words=words))
        top += (lines + 1) * 10.8 + 4
    result = extract_drawn(tmp_path, *draws, *story(100, "Bridge Plan Goes to the Board")[2:])
    return [a.headline or "" for a in articles(result) if a.headline != "Bridge Plan Goes to the Board"]


def test_run_in_briefs_under_a_long_first_brief_with_a_head_of_its_own_are_briefs(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 131): the first brief of a column, its head on a
    line of its own, ran longer than a brief's length, so its head was not taken for the first of a
    series of briefs, and every run-in brief under it was read as a label inside it; a run-in head set
    in the own-line head's font and size is the next brief however long the first."""
    headlines = _briefs_under_a_title(tmp_path, 17, 11, ("Ferry fares.", 5, 6), ("Bridge tolls.", 5, 6))
    assert headlines == ["Harbour works begin", "Ferry fares", "Bridge tolls"]


def test_a_run_in_head_is_set_in_its_own_face_whatever_shares_its_line(tmp_path: Path) -> None:
    """Regression (seed 131): a run-in head cut off its line kept the line's most common face — the
    paragraph's regular one when more of the line was the paragraph's — so two heads set alike, one
    with six words of its paragraph beside it and one with one, looked set in different faces, and the
    second, far under the first, was read as a label inside the first brief."""
    headlines = _briefs_under_a_title(tmp_path, 5, 11, ("Ferry fares.", 16, 6), ("Bridge tolls rise.", 5, 1))
    assert headlines == ["Harbour works begin", "Ferry fares", "Bridge tolls rise"]


def test_a_briefs_head_of_its_own_over_tightly_leaded_text_heads_a_brief(tmp_path: Path) -> None:
    """Regression (seed 131): a brief's own-line head was looked for over its paragraph by the boxes'
    edges, a point apart at most; in tightly leaded type the paragraph's first line reached further up
    into the head's box, so the head of a long first brief was taken for no brief's and the run-in
    briefs under it for labels."""
    headlines = _briefs_under_a_title(tmp_path, 17, 8.2, ("Ferry fares.", 5, 6), ("Bridge tolls.", 5, 6))
    assert headlines == ["Harbour works begin", "Ferry fares", "Bridge tolls"]


def test_a_run_in_brief_far_under_a_long_brief_whose_head_fills_its_line_is_a_brief(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 186): once a brief's head filling its line was
    found over tightly leaded text, it was the nearest head over the run-in brief far under its long
    paragraph, and, neither a run-in head nor the column's first, no sibling of it: the run-in brief
    was read as a label inside that brief. A head filling its line is a brief's head like the rest."""
    market = 292 + 6 * 10.8 + 3
    repairs = market + 6 * 10.8 + 3
    ferry = repairs + 8.2 + 17 * 10.8 + 3
    result = extract_drawn(
        tmp_path,
        *story(100, "Bridge Plan Goes Before the Board Today", lines=10),
        column(COLUMNS[0], 270, WIDTH, 40, seed=3),
        column(COLUMNS[1], 270, WIDTH, 40, seed=4),
        centred(COLUMNS[2], 272, WIDTH, "IN BRIEF", "Helvetica-Bold", 11),
        run_in_brief(COLUMNS[2], 292, "Harbour tolls", 5, seed=13, capital=True),
        run_in_brief(COLUMNS[2], market, "Market hours", 5, seed=11, capital=True),
        text_at(COLUMNS[2], repairs, "A programme of repairs", "Times-Bold", 9),
        column(COLUMNS[2], repairs + 8.2, WIDTH, 17, seed=17, full_stop=True),
        run_in_brief(COLUMNS[2], ferry, "Ferry fares", 5, seed=19, capital=True),
    )
    assert [a.headline for a in articles(result)][-1] == "Ferry fares"


def test_a_run_in_label_run_on_in_a_small_heads_story_is_no_brief(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 2611 page 1): "Why it matters." run in at a
    paragraph of a boxed story under a small bold head, ten lines down and with no white over it, was
    taken for the next brief's head: any run-in paragraph within fifteen lines of a small head was."""
    _, page = generated_page(tmp_path, 1, seed=2611, daily=True)
    story = next(a for a in articles(page) if a.headline == "The City Council Presented the So-called Green Corridor")
    assert "approved the budget for the coming year.\n\nWhy it matters. For now," in (story.body or "")


def test_a_section_name_set_as_a_headline_over_a_column_of_briefs_heads_none_of_them(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 2716 page 3): "BRIEFLY", in display type on a
    band over a column of briefs, was read as a story's headline and the first brief's small bold
    head as its deck: the next brief's head down the column, in that head's own style, says it is a
    brief's, and the band a section's name."""
    truth, page = generated_page(tmp_path, 3, seed=2716, daily=True)
    assert headlines_of(page) == true_headlines(truth)
    assert "BRIEFLY" not in headlines_of(page)


def test_a_bold_title_on_a_band_over_a_run_in_brief_is_no_running_text(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 3016 page 2): "NEWS IN BRIEF" in bold, a little
    smaller than the body, on a band over a column of run-in briefs: the first brief's head was taken
    for a label in running text (the band's line right above it), so the title headed that brief."""
    truth, page = generated_page(tmp_path, 2, seed=3016, daily=True)
    assert "NEWS IN BRIEF" not in headlines_of(page)
    assert headlines_of(page) == true_headlines(truth)
