"""Pull quotes (``broadsheet.extract.pull_quotes``): quoted display type inside a story's columns stays in
the story; a quoted headline opens a story of its own."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

from broadsheet.extract import ExtractOptions
from tests.extract.layouts import (
    COLUMNS,
    PICTURED_HEADS,
    PICTURED_TEXT_TOP,
    WIDTH,
    articles,
    extract_drawn,
    generated_page,
    headlines_of,
    pictured_story_head,
    story,
    true_headlines,
)
from tests.pdfs import Draw, box, column, photo, text_at

EXPLAIN = ExtractOptions(explain=True)


def test_a_headline_opening_with_a_quoted_name_under_a_storys_end_is_no_pull_quote(tmp_path: Path) -> None:
    # regression (an Arabic daily's back page, labelled blind): a story's head opening with a name
    # in quotes, right under the end of the story above in its column, was read as a pull quote
    top = 140 + 12 * 10.8 + 10
    result = extract_drawn(
        tmp_path,
        *story(100, "Bridge Plan Goes to the Board", lines=12),
        text_at(COLUMNS[2], top, '"Gasset Imo" Opens', "Helvetica-Bold", 14),
        text_at(COLUMNS[2], top + 16, "the Insurance Debate", "Helvetica-Bold", 14),
        column(COLUMNS[2], top + 38, WIDTH, 10, seed=5),
    )
    heads = [a.headline for a in articles(result)]
    assert heads == ["Bridge Plan Goes to the Board", '"Gasset Imo" Opens the Insurance Debate']


def test_a_quote_set_off_by_rules_and_white_in_a_storys_column_is_a_pull_quote(tmp_path: Path) -> None:
    """Regression (fresh generated front pages, seed 1213 page 1): a quotation in big italics between
    two rules inside a lead's column, three lines' white over it, was taken for a headline, and the
    column under it for its story."""
    quote = ("\u201cThe hospital trust", "welcomed the decision", "to raise charges.\u201d")
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 26),
        column(COLUMNS[0], 100, WIDTH, 50, seed=1),
        column(COLUMNS[1], 100, WIDTH, 12, seed=2, full_stop=True),
        box(COLUMNS[1], 246, WIDTH, 0.5),
        *(text_at(COLUMNS[1], 262 + 16 * k, line, "Times-Italic", 13) for k, line in enumerate(quote)),
        box(COLUMNS[1], 318, WIDTH, 0.5),
        column(COLUMNS[1], 334, WIDTH, 28, seed=3),
        column(COLUMNS[2], 100, WIDTH, 50, seed=4),
    )
    (article,) = articles(result)
    assert article.headline == "Bridge Plan Goes to the Board"


def test_a_quoted_headline_under_its_kicker_across_two_columns_is_no_pull_quote(tmp_path: Path) -> None:
    """Regression (Echorouk 7998 p4, caught while pull quotes set off by white were widened): a story's
    quoted headline across two columns, under its kicker, a few lines under the story above, was
    taken for that story's pull quote and the two stories merged."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 26),
        *(column(x, 100, WIDTH, 20, seed=k, full_stop=True) for k, x in enumerate(COLUMNS[:2])),
        text_at(COLUMNS[0] + 40, 332, "THE COUNCIL", "Helvetica-Bold", 11),
        text_at(COLUMNS[0] + 10, 348, "\u201cWe will not close the market\u201d", "Helvetica-Bold", 20),
        *(column(x, 378, WIDTH, 20, seed=5 + k) for k, x in enumerate(COLUMNS[:2])),
        column(COLUMNS[2], 100, WIDTH, 50, seed=9),
    )
    headlines = [a.headline for a in articles(result)]
    assert "\u201cWe will not close the market\u201d" in headlines, headlines


def test_a_quoted_headline_with_no_text_over_it_is_read(tmp_path: Path) -> None:
    """Regression (Echorouk 7998 p12 and p14, caught by the real-page evaluation): a quoted headline
    with no running text above it in its column made the pull-quote rule fail on an empty search,
    and the whole page failed."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "\u201cWe will not close the market\u201d", "Helvetica-Bold", 22),
        *(column(x, 100, WIDTH, 40, seed=k) for k, x in enumerate(COLUMNS)),
    )
    assert result.error is None
    assert [a.headline for a in articles(result)] == ["\u201cWe will not close the market\u201d"]


def test_a_quoted_headline_across_two_columns_under_a_storys_end_opens_a_story(tmp_path: Path) -> None:
    """Regression (Echorouk 7977 p13, labelled blind): a story's quoted headline across the two
    columns of a box, right under the end of the story above (its signature ending the second
    column), was taken for that story's pull quote and the two stories merged. A quote across
    columns is a pull quote only when every column over it runs on under it."""
    top = 100 + 12 * 10.8
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 24),
        column(COLUMNS[0], 100, WIDTH, 12, seed=1),
        column(COLUMNS[1], 100, WIDTH, 11, seed=2),
        text_at(COLUMNS[1], 100 + 11 * 10.8, "the end of the story.", "Times-Roman", 9),
        text_at(COLUMNS[0] + 20, top + 12, "\u201cWe will not close the market\u201d", "Helvetica-Bold", 22),
        *(column(x, top + 44, WIDTH, 20, seed=5 + k) for k, x in enumerate(COLUMNS[:2])),
        column(COLUMNS[2], 100, WIDTH, 50, seed=9),
    )
    headlines = [a.headline for a in articles(result)]
    assert "\u201cWe will not close the market\u201d" in headlines, headlines


def test_a_pull_quote_in_the_running_type_a_size_up_beside_a_picture_stays_in_the_story(tmp_path: Path) -> None:
    """Regression (fresh generated Spanish page, seed 1716 page 2): in a story's column beside its
    picture, a pull quote in italics a size or two over the body (not display type: read as running
    text), between rules, the column's text running on under it. The quote and the text under it
    became an untitled story of their own: the white over the quote is more than a blank line."""
    truth, page = generated_page(tmp_path, 2, seed=1716, daily=True, language="es")
    assert headlines_of(page) == true_headlines(truth)


def test_a_pull_quote_at_the_top_of_a_storys_column_under_its_photo_stays_in_the_story(tmp_path: Path) -> None:
    """Regression (a daily laid out in HTML, printed by Chromium): a pull quote between its two rules
    that fell at the top of a story's second column, under the story's photo, had no text over it
    and was taken for a headline; the story's text in the first column runs level with it."""
    quote = ("\u201cThe hospital trust", "welcomed the decision", "to raise charges.\u201d")
    top = PICTURED_TEXT_TOP
    result = extract_drawn(
        tmp_path,
        *pictured_story_head(),
        column(COLUMNS[0], top, WIDTH, 30, seed=1),
        box(COLUMNS[1], top - 2, WIDTH, 0.5),
        *(text_at(COLUMNS[1], top + 3 + 17 * k, line, "Times-Italic", 14) for k, line in enumerate(quote)),
        box(COLUMNS[1], top + 56, WIDTH, 0.5),
        column(COLUMNS[1], top + 64, WIDTH, 24, seed=2),
        column(COLUMNS[2], top, WIDTH, 30, seed=3),
    )
    assert [a.headline for a in articles(result)] == list(PICTURED_HEADS)


def test_a_long_pull_quote_atop_a_storys_last_column_under_its_photo_stays_in_the_story(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 222): a pull quote wrapping to seven lines in a
    narrow column is too long for a headline, so it was running text, never asked whether it was a
    pull quote; its own rule over it then parted it from the story's headline, and it and the column
    under it were an untitled story (here joined to the story as a column beside its first; there
    not, a byline at the column's foot making it a story of its own)."""
    quote = (
        "\u201cA well-known",
        "architect",
        "presented the",
        "budget for the",
        "coming year",
        "under",
        "pressure.\u201d",
    )
    result = extract_drawn(
        tmp_path, *_quote_atop_a_column_under_a_photo("Bridge Plan Goes to the Board", quote), options=EXPLAIN
    )
    headlines = [a.headline or "" for a in articles(result)]
    assert sorted(headlines) == [
        "Bridge Plan Goes to the Board",
        "Ferry Fares Rise",
        "Harbour Board Votes to Keep the Ferry",
    ]
    first = next(d for d in result.decisions if d.text.startswith(quote[0]))
    assert first.role == "pullquote"
    assert first.item_rule.startswith("owner: the nearest headline")  # its story's, not a stray piece joined to it


def test_a_pull_quote_atop_a_storys_last_column_longer_than_the_column_beside_stays_in_the_story(
    tmp_path: Path,
) -> None:
    """Regression (Chromium-printed daily pages, seed 239): a pull quote of five lines at the top of a
    story's last column, under the story's photo, ran further down than the short column beside it;
    text beside had to run past the quote's foot, so none was found, and the quote was a headline."""
    quote = ("\u201cThe hospital trust", "welcomed the", "decision to raise", "parking charges", "on Tuesday.\u201d")
    top = PICTURED_TEXT_TOP
    foot = top + 3 + 17 * len(quote)
    result = extract_drawn(
        tmp_path,
        *pictured_story_head(),
        column(COLUMNS[0], top, WIDTH, 20, seed=1),
        column(COLUMNS[1], top, WIDTH, 6, seed=2, full_stop=True),
        box(COLUMNS[2], top - 2, WIDTH, 0.5),
        *(text_at(COLUMNS[2], top + 3 + 17 * k, line, "Times-Italic", 14) for k, line in enumerate(quote)),
        box(COLUMNS[2], foot + 2, WIDTH, 0.5),
        column(COLUMNS[2], foot + 10, WIDTH, 8, seed=3),
    )
    assert [a.headline for a in articles(result)] == list(PICTURED_HEADS)


def test_the_last_word_of_a_pull_quotes_line_set_apart_stays_in_the_quote(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 208): a pull quote's short line justified across
    its narrow column ("risks      under") lost its last word to a line of its own, past the widest
    word space allowed; the word was a headline, the column's text under it its story."""
    quote = ("\u201cThe hospital trust", "welcomed the decision", "to raise")
    last = "charges.\u201d"
    measure = stringWidth(quote[1], "Times-Italic", 14)  # justified: flush with its full lines' ends
    top = PICTURED_TEXT_TOP
    result = extract_drawn(
        tmp_path,
        *pictured_story_head(),
        column(COLUMNS[0], top, WIDTH, 30, seed=1),
        box(COLUMNS[1], top - 2, WIDTH, 0.5),
        *(text_at(COLUMNS[1], top + 3 + 17 * k, line, "Times-Italic", 14) for k, line in enumerate(quote)),
        column(COLUMNS[2], top, WIDTH, 30, seed=3),
        text_at(COLUMNS[1] + measure - stringWidth(last, "Times-Italic", 14), top + 3 + 34, last, "Times-Italic", 14),
        box(COLUMNS[1], top + 56, WIDTH, 0.5),
        column(COLUMNS[1], top + 64, WIDTH, 24, seed=2),
    )
    assert [a.headline for a in articles(result)] == list(PICTURED_HEADS)


def test_a_pull_quote_at_a_columns_top_between_its_storys_column_and_another_storys_stays_in_its_story(
    tmp_path: Path,
) -> None:
    """Regression (a daily laid out in HTML, printed by Chromium, seed 39): a pull quote at the top of
    a story's second column was asked only about the first column level with it that came to hand:
    the next story's, on its other side, under another headline, and the quote became a headline."""
    quote = ("\u201cThe hospital trust", "welcomed the decision", "to raise charges.\u201d")
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[2], 60, "Bridge Plan Delayed", "Helvetica-Bold", 20),
        column(COLUMNS[2], 101, WIDTH, 30, seed=3),
        text_at(COLUMNS[0], 60, "Harbour Board Votes to Keep Ferry", "Helvetica-Bold", 20),
        column(COLUMNS[0], 103, WIDTH, 30, seed=1),
        *(text_at(COLUMNS[1], 104 + 17 * k, line, "Times-Italic", 14) for k, line in enumerate(quote)),
        column(COLUMNS[1], 161, WIDTH, 24, seed=2),
    )
    assert [a.headline for a in articles(result)] == ["Harbour Board Votes to Keep Ferry", "Bridge Plan Delayed"]


def test_a_pull_quote_atop_a_column_under_a_short_headlines_photo_stays_in_the_story(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 67): a story's headline shorter than its first
    column, its photo across its two columns: the nearest headline over the second column was the
    story's above, across a rule, so the pull quote at that column's top was asked about the wrong
    story and became a headline. The photo over both columns tells them one story's."""
    quote = ("\u201cThe hospital trust", "welcomed the decision", "to raise charges.\u201d")
    result = extract_drawn(tmp_path, *_quote_atop_a_column_under_a_photo("Bridge Plan", quote))
    headlines = [a.headline or "" for a in articles(result)]
    assert not any(h.startswith("\u201c") for h in headlines)
    assert "Bridge Plan" in headlines


def test_a_pull_quote_in_a_column_under_another_storys_headline_row_is_not_the_story_above(tmp_path: Path) -> None:
    """Regression (seed page s1811 p2, found while a pull quote's own rule was let stop parting it from
    the nearest headline over its column): the story above reached over the column; the headline of
    the story the column is in stands beside it, a row lower, reaching a little under the first's
    width; the quote went to the story above. Under another headline in that reach, its own rule still
    parts it."""
    x0, x1, x2 = COLUMNS
    quote = ("\u201cThe hospital trust", "welcomed the", "decision.\u201d")
    result = extract_drawn(
        tmp_path,
        text_at(x1, 40, "Harbour Board Votes to Keep Ferry", "Helvetica-Bold", 16),
        column(x1, 64, WIDTH, 10, seed=1, full_stop=True),
        column(x2, 64, WIDTH, 10, seed=2, full_stop=True),
        text_at(x0, 210, "Bridge Plan Goes to the Board of Works", "Helvetica-Bold", 16),
        column(x0, 234, WIDTH, 30, seed=3),
        column(x1, 234, WIDTH, 30, seed=4),
        column(x2, 234, WIDTH, 8, seed=5, full_stop=True),
        box(x2, 328, WIDTH, 0.5),
        *(text_at(x2, 333 + 17 * k, line, "Times-Italic", 14) for k, line in enumerate(quote)),
        box(x2, 386, WIDTH, 0.5),
        column(x2, 394, WIDTH, 12, seed=6),
        options=ExtractOptions(explain=True),
    )
    first = next(d for d in result.decisions if d.text.startswith(quote[0]))
    bridge = next(a for a in articles(result) if (a.headline or "").startswith("Bridge Plan"))
    assert first.item == bridge.id


def _quote_atop_a_column_under_a_photo(headline: str, quote: tuple[str, ...]) -> list[Draw]:
    """Under a story across the top and a rule, a story two columns wide (``headline`` over its photo
    and caption) with a pull quote between its rules atop its second column, and beside it, in the
    third column, a story of its own ("Ferry Fares Rise")."""
    top = 380.0
    foot = top + 3 + 17 * len(quote)
    return [
        *story(40, "Harbour Board Votes to Keep the Ferry", lines=12),
        box(COLUMNS[0], 208, 3 * WIDTH + 20, 0.5),
        text_at(COLUMNS[0], 220, headline, "Helvetica-Bold", 18),
        photo(COLUMNS[0], 245, 2 * WIDTH + 10, 110),
        text_at(COLUMNS[0], 360, "The old bridge at dusk.", "Times-Italic", 8),
        column(COLUMNS[0], top - 6, WIDTH, 30, seed=1),
        box(COLUMNS[1], top - 2, WIDTH, 0.5),
        *(text_at(COLUMNS[1], top + 3 + 17 * k, line, "Times-Italic", 14) for k, line in enumerate(quote)),
        box(COLUMNS[1], foot + 2, WIDTH, 0.5),
        column(COLUMNS[1], foot + 10, WIDTH, 18, seed=2),
        text_at(COLUMNS[2], 220, "Ferry Fares Rise", "Helvetica-Bold", 18),
        column(COLUMNS[2], 245, WIDTH, 40, seed=3),
    ]


def test_a_quote_in_the_papers_colour_in_the_texts_size_inside_a_column_is_a_pull_quote(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 2322 page 2): a pull quote in blue italics of the
    body's size (not display type), its quote mark never closed, set between rules in a story's
    column, was read as the story's text and came out in the middle of a sentence."""
    quote = ("\u201cThe football club", "announced a plan", "to rebuild the bridge")
    blue = (0.1, 0.25, 0.6)
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 26),
        column(COLUMNS[0], 100, WIDTH, 50, seed=1),
        column(COLUMNS[1], 100, WIDTH, 12, seed=2),
        box(COLUMNS[1], 240, WIDTH, 0.5),
        *(text_at(COLUMNS[1], 250 + 11.5 * k, line, "Times-Italic", 9.5, ink=blue) for k, line in enumerate(quote)),
        box(COLUMNS[1], 290, WIDTH, 0.5),
        column(COLUMNS[1], 300, WIDTH, 30, seed=3),
        column(COLUMNS[2], 100, WIDTH, 50, seed=4),
    )
    (article,) = articles(result)
    assert "football club" not in (article.body or "")


def test_an_italic_quote_a_little_bigger_than_the_text_ruled_off_in_its_column_is_a_pull_quote(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 2615 page 2): a quotation in italics a size over
    the text, under a rule in the story's column, was read into the text mid-sentence: not display
    type, and in the text's ink."""
    _, page = generated_page(tmp_path, 2, seed=2615, daily=True)
    assert not any("“For now, residents" in (a.body or "") for a in articles(page))


def test_a_kicker_far_down_the_column_does_not_make_a_pull_quote_a_headline(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 2515 page 3): a pull quote set off between a lead's
    paragraphs was taken for a quoted headline under its kicker, by a boxed story's kicker four
    hundred points further down the column: any kicker over the column counted."""
    _, page = generated_page(tmp_path, 3, seed=2515, daily=True)
    assert not any((a.headline or "").startswith("“The hospital trust") for a in articles(page))


def test_a_quote_in_italics_ruled_off_at_a_columns_foot_is_a_pull_quote(tmp_path: Path) -> None:
    """Regression (fresh generated Spanish daily page, seed 3311 page 3): a quotation in italics a
    little over the body's size, under a rule well under its column's text, nothing under it: it was
    neither right under the text nor between text above and below, and it was read into the story's
    text."""
    truth, page = generated_page(tmp_path, 3, seed=3311, daily=True, language="es")
    headline = "La nueva autoridad portuaria aplazó el presupuesto del próximo año"
    expected = next(i for i in truth["items"] if i.get("headline") == headline)
    story = next(a for a in articles(page) if a.headline == headline)
    assert story.body == expected["body"]
