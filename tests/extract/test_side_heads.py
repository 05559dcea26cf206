"""A side head: a story's headline set at the start of its columns instead of over them (Echorouk
7977 p14, right of its columns in Arabic); each test is a layout a real page got wrong."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from broadsheet.extract.blocks import Role, TypeScale
from broadsheet.extract.side_heads import mark_side_heads
from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn, generated_page, run_in_brief, story
from tests.extract.scanned_blocks import BODY, PITCH, text_block
from tests.pdfs import WORDS, Draw, column, photo, rule, text_at

SIDE_HEAD = ("Harbour Board", "Votes to Keep", "the Old Ferry")


def side_head_band(top: float, rule_width: float = 0.5) -> list[Draw]:
    """Under a rule, a three-line bold headline in the first column and its story in the next two,
    starting level with the headline's top."""
    head = [text_at(COLUMNS[0], top + k * 22, line, "Helvetica-Bold", 18) for k, line in enumerate(SIDE_HEAD)]
    body = [column(x, top, WIDTH, 16, seed=40 + 9 * k) for k, x in enumerate(COLUMNS[1:])]
    return [rule(top - 12, width=rule_width), *head, *body]


def test_a_headline_beside_the_start_of_its_columns_heads_them(tmp_path: Path) -> None:
    """It was furniture ("a headline with no text under it is a label") and its columns an untitled story."""
    result = extract_drawn(tmp_path, *story(40, "Bridge Plan Goes to the Board", lines=22), *side_head_band(360))
    ferry = next(a for a in articles(result) if a.headline == " ".join(SIDE_HEAD))
    assert ferry.body is not None and ferry.body.startswith(" ".join(WORDS[40 % len(WORDS) : 40 % len(WORDS) + 3]))
    assert len(articles(result)) == 2


def test_a_rule_stroked_thick_parts_the_band_under_it_from_the_story_above(tmp_path: Path) -> None:
    """A 2 pt line's box is 4 pt tall: it was neither a rule nor a frame, and the story above took
    the columns under it."""
    result = extract_drawn(
        tmp_path, *story(40, "Bridge Plan Goes to the Board", lines=22), *side_head_band(360, rule_width=2)
    )
    bridge = next(a for a in articles(result) if a.headline == "Bridge Plan Goes to the Board")
    ferry = next(a for a in articles(result) if a.headline == " ".join(SIDE_HEAD))
    assert bridge.body is not None and ferry.body is not None
    assert all(region[1] < 360 for region in bridge.regions)


def side_head_story(
    top: float,
    over_the_columns: list[Draw],
    text_top: float,
    side_head: tuple[str, ...] = SIDE_HEAD,
    dateline: str = "",
) -> list[Draw]:
    """The side head in the first column, under a rule; ``over_the_columns`` level with its top in the
    next two (a byline, a photo); its text from ``text_top`` in them (opening with a bold ``dateline``),
    a bold crosshead part way down the third column."""
    x1, x2 = COLUMNS[1:]
    head = [text_at(COLUMNS[0], top + k * 22, line, "Helvetica-Bold", 18) for k, line in enumerate(side_head)]
    first = run_in_brief(x1, text_top, dateline, 23, seed=40) if dateline else column(x1, text_top, WIDTH, 24, seed=40)
    return [
        rule(top - 12),
        *head,
        *over_the_columns,
        first,
        column(x2, text_top, WIDTH, 8, seed=49, full_stop=True),
        text_at(x2, text_top + 8 * 10.8 + 4, "What happens next", "Times-Bold", 9),
        column(x2, text_top + 9 * 10.8 + 6, WIDTH, 14, seed=58),
    ]


@pytest.mark.parametrize(
    ("over_the_columns", "text_top"),
    [
        ([], 360.0),
        # a byline level with the head, over a photo across the story's two columns
        (
            [
                text_at(COLUMNS[1], 360, "By Anna Wagner", "Helvetica-Bold", 8),
                photo(COLUMNS[1], 374, 2 * WIDTH + 10, 90),
            ],
            472.0,
        ),
        # a byline over the first column alone: the next columns start level with the text under it
        ([text_at(COLUMNS[1], 360, "By Anna Wagner", "Helvetica-Bold", 8)], 374.0),
        # ...running on past the column's edge into the gutter (seed 75)
        ([text_at(COLUMNS[1], 360, "By Anna Wagner and Peter Holmgren, Staff Writers", "Helvetica-Bold", 8)], 374.0),
    ],
    ids=["text", "byline over a photo", "byline over the first column", "byline wider than its column"],
)
@pytest.mark.parametrize("dateline", ["", "LAHORE:"], ids=["", "dateline"])
def test_a_crosshead_in_a_side_heads_columns_stays_in_its_story(
    tmp_path: Path, over_the_columns: list[Draw], text_top: float, dateline: str
) -> None:
    """Regression (Chromium-printed daily pages, seeds 33, 37 and 38): no headline stands over a side
    head's columns, so a bold line in them was a small story's head and cut the story; with a byline
    and photo level with the head, the text under the photo was a story of its own; with a byline
    over the first column, the next columns started a line lower than the head, and were not its; and
    with a dateline cut off the first line under that byline, the first column was only as wide as
    the dateline, too far from the next (seed 34)."""
    result = extract_drawn(
        tmp_path,
        *story(40, "Bridge Plan Goes to the Board", lines=22),
        *side_head_story(360, over_the_columns, text_top, dateline=dateline),
    )
    ferry = next(a for a in articles(result) if a.headline == " ".join(SIDE_HEAD))
    assert "What happens next" in (ferry.body or "")
    assert len(articles(result)) == 2


def test_a_pull_quote_atop_a_column_of_a_side_heads_row_is_in_the_row(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 221): a pull quote at the top of the last column
    of a side head's row, set nearly as big as the head, was taken for another story's headline
    level with the row, which ended before it; that column, its crosshead first, was an untitled
    story. A quotation no bigger than the head, not in bold, is the row's pull quote."""
    x1, x2 = COLUMNS[1:]
    head = [text_at(COLUMNS[0], 360 + k * 22, line, "Helvetica-Bold", 18) for k, line in enumerate(SIDE_HEAD)]
    quote = ("\u201cThe old boats", "will sail on for", "another summer.\u201d")
    result = extract_drawn(
        tmp_path,
        *story(40, "Bridge Plan Goes to the Board", lines=22),
        rule(348),
        *head,
        column(x1, 360, WIDTH, 24, seed=40),
        *(text_at(x2, 364 + 20 * k, line, "Helvetica-Oblique", 17) for k, line in enumerate(quote)),
        text_at(x2, 430, "What happens next", "Times-Bold", 9),
        column(x2, 442, WIDTH, 14, seed=58),
    )
    ferry = next(a for a in articles(result) if a.headline == " ".join(SIDE_HEAD))
    assert "What happens next" in (ferry.body or "")
    assert len(articles(result)) == 2


def test_a_side_head_in_capitals_heads_its_story(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seeds 39 and 42): a side head in capitals was taken
    for a section's name beside its column; a section's name is one line, a side head wraps."""
    capitals = tuple(line.upper() for line in SIDE_HEAD)
    result = extract_drawn(
        tmp_path, *story(40, "Bridge Plan Goes to the Board", lines=22), *side_head_story(360, [], 360, capitals)
    )
    ferry = next(a for a in articles(result) if a.headline == " ".join(capitals))
    assert "What happens next" in (ferry.body or "")
    assert len(articles(result)) == 2


def test_a_side_heads_columns_start_level_with_its_kicker(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 50): a kicker over the side head sets the row's
    top a line higher than the head's; the columns starting there were no side head's, and their
    crosshead opened a story."""
    kicker = text_at(COLUMNS[0], 360, "THE HARBOUR", "Helvetica-Bold", 8)
    head = [text_at(COLUMNS[0], 373 + k * 22, line, "Helvetica-Bold", 18) for k, line in enumerate(SIDE_HEAD)]
    story_below = side_head_story(360, [], 360)[len(SIDE_HEAD) + 1 :]
    result = extract_drawn(
        tmp_path, *story(40, "Bridge Plan Goes to the Board", lines=22), rule(348), kicker, *head, *story_below
    )
    ferry = next(a for a in articles(result) if a.headline == " ".join(SIDE_HEAD))
    assert "What happens next" in (ferry.body or "")
    assert len(articles(result)) == 2


@pytest.mark.parametrize("photo_top", [84.0, 74.0], ids=["under the head", "into its descenders"])
def test_a_headline_over_its_photo_and_text_is_no_side_head(tmp_path: Path, photo_top: float) -> None:
    """Regression (Chromium-printed daily pages, seed 1): a headline over its photo and text in its
    own column, the text more than a few lines down, was taken for a side head: it took the columns
    of the story beside it, whose text starts level with it under a headline set higher. And so was
    one whose photo starts inside the foot of its box (a Nastaliq head's deep descenders, seed 42)."""
    x0, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        text_at(x1, 30, "Bridge Plan Goes to the Board", "Helvetica-Bold", 20),
        column(x1, 60, WIDTH, 50, seed=2),
        column(x2, 60, WIDTH, 50, seed=3),
        text_at(x0, 60, "Harbour Board Votes", "Helvetica-Bold", 16),
        photo(x0, photo_top, WIDTH, 90),
        column(x0, 180, WIDTH, 40, seed=1),
    )
    harbour = next(a for a in articles(result) if a.headline == "Harbour Board Votes")
    assert all(region[2] < x1 for region in harbour.regions)
    assert len(articles(result)) == 2


def test_a_folio_line_right_over_a_side_head_is_no_kicker(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 46): the page's folio line ("Vol. 12 No. 345")
    a line over a side head in the page's first row was taken for its kicker, so the row started a
    line higher than the head's byline, which was no longer level with it."""
    folio = [
        text_at(COLUMNS[0], 38, "Vol. 12 No. 345", "Times-Roman", 8),
        text_at(COLUMNS[2], 38, "Price 20", "Times-Roman", 8),
    ]
    byline_over_photo = [
        text_at(COLUMNS[1], 50, "By Anna Wagner", "Helvetica-Bold", 8),
        photo(COLUMNS[1], 64, 2 * WIDTH + 10, 90),
    ]
    result = extract_drawn(tmp_path, *folio, *side_head_story(50, byline_over_photo, 162)[1:])
    ferry = next(a for a in articles(result) if a.headline == " ".join(SIDE_HEAD))
    assert "What happens next" in (ferry.body or "")


def test_a_folio_line_in_capitals_ruled_off_over_a_side_head_is_no_kicker(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 211): the folio line in capitals over the
    page's rule, a line over a side head, was taken for its kicker; its columns, level with the head
    and not with the folio, were no row of it, and a crosshead in them headed a story. A kicker is
    not ruled off its head."""
    folio = [
        text_at(COLUMNS[0], 38, "VOL. 12 NO. 345", "Times-Roman", 8),
        text_at(COLUMNS[2], 38, "FOR THE COMING YEAR", "Times-Roman", 8),
        rule(48.5),
    ]
    result = extract_drawn(tmp_path, *folio, *side_head_story(53, [], 53)[1:])
    ferry = next(a for a in articles(result) if a.headline == " ".join(SIDE_HEAD))
    assert "What happens next" in (ferry.body or "")
    assert not any(a.headline == "What happens next" for a in articles(result))


def test_a_column_under_its_own_headline_is_no_side_heads(tmp_path: Path) -> None:
    """Regression (Echorouk 7998 p3): a lead's headline with its decks under it and its text further
    down looked bare; the column beside it, level with its top, is another story's, under that story's
    headline set higher, and the lead took it."""
    x0, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        text_at(x2, 40, "Bridge Plan Delayed", "Helvetica-Bold", 16),
        column(x2, 66, WIDTH, 40, seed=3),
        text_at(x0, 66, "Harbour Board Keeps the Ferry", "Helvetica-Bold", 20),
        text_at(x0, 96, "The old boats will sail on for another", "Times-Italic", 14),
        text_at(x0, 114, "summer while the new ferry is built", "Times-Italic", 14),
        column(x0, 200, WIDTH, 30, seed=1),
        column(x1, 200, WIDTH, 30, seed=2),
    )
    bridge = next(a for a in articles(result) if a.headline == "Bridge Plan Delayed")
    assert bridge.body is not None and len(bridge.body) > 1000


def test_a_side_head_under_the_masthead_and_its_rule_heads_its_row(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seeds 33, 37, 46 and 49): the masthead, a headline
    too as the roles are first given, ends right over the page's first row; its columns were taken
    for the masthead's story's, under that headline, and the side head there claimed none of them.
    A rule sets the masthead off."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0] + 60, 20, "The Harbour Herald", "Times-Bold", 30),
        rule(58),
        *side_head_story(70, [], 70)[1:],
    )
    ferry = next(a for a in articles(result) if a.headline == " ".join(SIDE_HEAD))
    assert "What happens next" in (ferry.body or "")


def test_a_side_heads_kicker_a_little_under_the_masthead_is_its_kicker(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 164): with no rule under the masthead, a side
    head's kicker in small bold capitals a line and a half under the paper's name (the date line
    beside it, not over it) was read as the name's deck; the side head, then a head with no text under
    it, was a label, and its story had no headline. The kicker stands closer to the side head."""
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 16, "The Harbour Herald", "Times-Bold", 40),
        text_at(240, 67, "Vol. 12 No. 345", "Helvetica", 8),
        text_at(420, 67, "Sunday, September 4, 2020", "Helvetica", 8),
        text_at(COLUMNS[0], 81, "THE FERRY", "Helvetica-Bold", 8),
        *side_head_story(90, [], 81)[1:],
        *story(440, "Bridge Plan Goes to the Board", lines=20),
    )
    ferry = next(a for a in articles(result) if a.headline == " ".join(SIDE_HEAD))
    assert ferry.kicker == "THE FERRY"
    assert (ferry.body or "").startswith(" ".join(WORDS[40 % len(WORDS) : 40 % len(WORDS) + 3]))


def test_a_sliver_ending_short_of_the_rows_edge_does_not_hold_the_row_still() -> None:
    """Review (hostile geometry): the walk along a side head's row took the nearest box starting
    within an overlap of the row's edge; one ending short of the edge did not move it, and the walk
    never ended. Each box taken must reach past the edge."""
    head = text_block(0, 100, 100, ["Harbour Board", "Votes to Keep", "the Old Ferry"], Role.HEADLINE, bold=True)
    head.lines = [replace(line, size=2 * BODY) for line in head.lines]
    sliver = text_block(99.5, 100, 99.8, ["x"])
    column = text_block(110, 100, 260, ["text"] * 20)
    blocks = [head, sliver, column]
    done: list[bool] = []
    walk = threading.Thread(
        target=lambda: done.append(mark_side_heads(blocks, [], TypeScale(BODY, PITCH), [], []) is None), daemon=True
    )
    walk.start()
    walk.join(timeout=30)  # a guard against the hang, not a speed target: the walk takes microseconds
    assert done == [True]
    assert head.side_head and head.reach is not None and head.reach[2] == 260


def test_the_next_storys_kicker_level_with_a_bare_headline_is_no_side_heads_row() -> None:
    """Regression (generated seed 921 p3): a headline over a drawn (not imaged) photo looked bare; the
    kicker of the next story's headline, level with it beside it, started its row, and the headline
    took the kicker. A column whose first line stands right over a headline is that story's."""
    head = text_block(0, 100, 150, ["Harbour Board", "Votes to Keep"], Role.HEADLINE, bold=True)
    kicker = text_block(170, 100, 240, ["THE HARBOUR"], bold=True)
    other = text_block(170, 114, 460, ["Bridge Plan Goes to the Board"], Role.HEADLINE, bold=True)
    for headline in (head, other):
        headline.lines = [replace(line, size=2 * BODY) for line in headline.lines]
    text = text_block(170, 138, 310, ["text"] * 20)
    mark_side_heads([head, kicker, other, text], [], TypeScale(BODY, PITCH), [], [])
    assert not head.side_head


def test_a_side_head_atop_a_page_with_no_header_heads_its_story(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 51): a page with no header, a side head in its
    first row: the head stands in the header band with nothing under it in its column, and was taken
    for a line of the page's header; its columns were left with no headline."""
    x0, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        text_at(x0, 24, "Fares Rise", "Helvetica-Bold", 22),
        column(x0, 52, WIDTH, 30, seed=1),
        text_at(x1, 24, "Ferry Board Votes", "Helvetica-Bold", 18),
        column(x2, 24, WIDTH, 8, seed=49, full_stop=True),
        text_at(x2, 24 + 8 * 10.8 + 4, "What happens next", "Times-Bold", 9.3),
        column(x2, 24 + 9 * 10.8 + 6, WIDTH, 14, seed=58),
        *story(400, "Bridge Plan Goes to the Board", lines=20),
    )
    ferry = next(a for a in articles(result) if a.headline == "Ferry Board Votes")
    assert "What happens next" in (ferry.body or "")
    assert len(articles(result)) == 3


STANDFIRST = (
    "The old boats will sail on for one more summer while the",
    "new ferry is being built at the yard across the river.",
)


@pytest.mark.parametrize(
    ("under_the_deck", "text_top"),
    [
        ([], 400.0),
        # the writer's name (no "By") over a photo across the row, the photo's caption under it
        (
            [
                text_at(COLUMNS[1], 398, "Anna Wagner", "Helvetica-Bold", 8),
                photo(COLUMNS[1], 412, 2 * WIDTH + 10, 90),
                text_at(COLUMNS[2], 507, "The ferry at its landing.", "Times-Italic", 8),
            ],
            524.0,
        ),
    ],
    ids=["text", "name over a photo"],
)
@pytest.mark.parametrize("size", [12.0, 12.75, 14.0], ids=["body", "display, small", "display"])
def test_a_standfirst_beside_a_side_head_is_its_deck(
    tmp_path: Path, under_the_deck: list[Draw], text_top: float, size: float
) -> None:
    """Regression (Chromium-printed daily pages, seeds 51 and 67): a side head's standfirst runs
    across the row beside it, level with its top, not under it: it was read as the first paragraph
    of the story's text. Set as big as a headline (seed 84), it stopped the side head's row; and
    (seeds 145 and 146) it was taken for another story's headline over the row's columns, so the
    crosshead in them headed a story of its own."""
    deck = [text_at(COLUMNS[1], 360 + 1.25 * size * k, line, "Times-Italic", size) for k, line in enumerate(STANDFIRST)]
    result = extract_drawn(
        tmp_path,
        *story(40, "Bridge Plan Goes to the Board", lines=22),
        *side_head_story(360, [*deck, *under_the_deck], text_top),
    )
    ferry = next(a for a in articles(result) if a.headline == " ".join(SIDE_HEAD))
    assert ferry.subheadline == " ".join(STANDFIRST)
    assert ferry.body is not None and not ferry.body.startswith(STANDFIRST[0])
    assert "What happens next" in ferry.body


def test_a_standfirst_beside_a_side_head_under_a_header_line_is_its_deck(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 82): a line of the page's header in bold
    capitals right over a side head's kicker was taken for another kicker line, which raised the
    head's reach over the row's top before its standfirst, beside the head at the row's top, was
    looked at: the standfirst no longer stood atop the row, and was read as the story's text."""
    deck = [text_at(COLUMNS[1], 360 + 15 * k, line, "Times-Italic", 12) for k, line in enumerate(STANDFIRST)]
    head = [text_at(COLUMNS[0], 373 + k * 22, line, "Helvetica-Bold", 18) for k, line in enumerate(SIDE_HEAD)]
    story_below = side_head_story(360, [], 400)[len(SIDE_HEAD) + 1 :]
    result = extract_drawn(
        tmp_path,
        *story(40, "Bridge Plan Goes to the Board", lines=22),
        text_at(COLUMNS[0], 346, "THE HARBOUR PAGES", "Helvetica", 7),
        text_at(COLUMNS[0], 360, "THE FERRY", "Helvetica-Bold", 8),
        *head,
        *deck,
        *story_below,
    )
    ferry = next(a for a in articles(result) if a.headline == " ".join(SIDE_HEAD))
    assert ferry.subheadline == " ".join(STANDFIRST)


def test_the_next_storys_headline_beside_a_side_heads_row_is_no_standfirst(tmp_path: Path) -> None:
    """A standfirst beside a side head may be as big as a headline, smaller than the head and not
    bold; the next story's headline level with the row, in a regular weight (a black face read as
    not bold: Echorouk 7998 p3), is set far bigger than the body, and the row ends at it."""
    x0, x1, x2 = COLUMNS
    head = [text_at(x0, 360 + k * 22, line, "Helvetica-Bold", 18) for k, line in enumerate(SIDE_HEAD)]
    result = extract_drawn(
        tmp_path,
        *story(40, "Bridge Plan Goes to the Board", lines=22),
        rule(348),
        *head,
        column(x1, 360, WIDTH, 30, seed=40),
        text_at(x2, 360, "Ferry Fares Rise", "Times-Roman", 16),
        column(x2, 384, WIDTH, 28, seed=49),
    )
    fares = next(a for a in articles(result) if a.headline == "Ferry Fares Rise")
    ferry = next(a for a in articles(result) if a.headline == " ".join(SIDE_HEAD))
    assert fares.body is not None
    assert all(region[2] < x2 for region in ferry.regions)


def test_a_column_under_another_headlines_byline_is_no_side_heads(tmp_path: Path) -> None:
    """Regression (Echorouk 7998 p3, found while the row's columns were being measured by their text
    alone): the lead's headline, its decks under it and its photo further down, stands level with the
    byline of the story beside it, under that story's headline; measured from its text, under the
    byline, that column no longer stood right under its headline, and the lead took it."""
    x0, x1, x2 = COLUMNS
    result = extract_drawn(
        tmp_path,
        text_at(x2, 60, "Ferry Fares", "Helvetica-Bold", 20),
        text_at(x2, 84, "Rise Again", "Helvetica-Bold", 20),
        text_at(x2 + 10, 112, "By Anna Wagner", "Helvetica-Bold", 8),
        column(x2, 134, WIDTH, 40, seed=3),
        text_at(x0, 104, "Harbour Plan Goes Ahead", "Helvetica-Bold", 26),
        text_at(x0, 150, "The board keeps the old ferry for a summer", "Helvetica-Bold", 14),
        text_at(x0, 172, "and builds the new one at the river yard", "Helvetica-Bold", 14),
        photo(x0, 240, 2 * WIDTH + 10, 120),
        column(x0, 370, WIDTH, 25, seed=1),
        column(x1, 370, WIDTH, 25, seed=2),
    )
    fares = next(a for a in articles(result) if a.headline == "Ferry Fares Rise Again")
    assert fares.body is not None and all(region[0] >= x2 - 1 for region in fares.regions)
    harbour = next(a for a in articles(result) if (a.headline or "").startswith("Harbour Plan"))
    assert all(region[2] < x2 for region in harbour.regions)


def test_a_headline_over_its_deck_byline_and_photo_is_no_side_head(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 110): a headline over a standfirst five lines
    deep, a byline and a photo, its text under the photo, had no text or picture of its own within
    eight pitches of its foot: it was taken for a side head and took the columns beside it, level
    with its top (the next story's, under that story's photo). Its own text is looked for under its
    stack (deck, byline), not under its last line."""
    x0, x1, x2 = COLUMNS
    deck = (
        "The old boats will sail",
        "on for one more summer",
        "while the new ferry is",
        "built at the river yard",
        "across the bay.",
    )
    result = extract_drawn(
        tmp_path,
        text_at(x1, 250, "Bridge Plan Goes Ahead", "Helvetica-Bold", 20),
        photo(x1, 280, 2 * WIDTH + 10, 110),
        column(x1, 400, WIDTH, 30, seed=2),
        column(x2, 400, WIDTH, 30, seed=3),
        text_at(x0, 400, "Harbour Board", "Helvetica-Bold", 18),
        text_at(x0, 422, "Keeps the Ferry", "Helvetica-Bold", 18),
        *(text_at(x0, 446 + 15 * k, line, "Times-Italic", 12) for k, line in enumerate(deck)),
        text_at(x0, 522, "By Anna Wagner", "Helvetica-Bold", 8),
        photo(x0, 536, WIDTH, 90),
        column(x0, 634, WIDTH, 12, seed=1),
    )
    harbour = next(a for a in articles(result) if a.headline == "Harbour Board Keeps the Ferry")
    assert all(region[2] < x1 for region in harbour.regions)
    bridge = next(a for a in articles(result) if a.headline == "Bridge Plan Goes Ahead")
    assert bridge.body is not None and len(bridge.body.split()) > 400


def test_a_side_head_whose_long_word_overflows_into_the_gutter_heads_the_row_beside(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 105): in a narrow column, a side head's long word
    ran past the column's edge into the gutter, past the start of the row's first column (its byline):
    that column did not start past the head's edge, and the head got no row."""
    words = ("An Agreement", "with Neighbouring", "Districts")
    edge = COLUMNS[0] + max(stringWidth(line, "Helvetica-Bold", 18) for line in words)
    x1 = edge - 3
    head = [text_at(COLUMNS[0], 360 + k * 22, line, "Helvetica-Bold", 18) for k, line in enumerate(words)]
    result = extract_drawn(
        tmp_path,
        *story(40, "Bridge Plan Goes to the Board", lines=22),
        rule(348),
        *head,
        text_at(x1, 360, "By Anna Wagner, Staff Writer", "Helvetica-Bold", 8),
        column(x1, 374, 150, 24, seed=40),
        column(x1 + 160, 360, 150, 8, seed=49, full_stop=True),
        text_at(x1 + 160, 360 + 8 * 10.8 + 4, "What happens next", "Times-Bold", 9.3),
        column(x1 + 160, 360 + 9 * 10.8 + 6, 150, 14, seed=58),
    )
    agreement = next(a for a in articles(result) if a.headline == " ".join(words))
    assert "What happens next" in (agreement.body or "")
    assert len(articles(result)) == 2


def test_a_boxed_storys_head_claims_no_row_beside_its_box(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 2516 page 1): the head of a story boxed alone (its
    text one line) was taken for a side head, and the story beside the box (its kicker, head, byline
    and text) for that head's row: the row crossed the box's edge."""
    _, page = generated_page(tmp_path, 1, seed=2516, daily=True)
    beside = next(a for a in articles(page) if a.headline == "The City Council Postponed a Programme of Repairs to the")
    assert (beside.body or "").startswith("A group of local farmers presented a plan")
