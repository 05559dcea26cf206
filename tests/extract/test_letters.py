"""Letters to the editor: a letter ends with its writer's signature, its byline, and the text after
it in its column is the next letter, even with no head of its own (``articles``, ``untitled``,
``tables``, ``letters``)."""

from __future__ import annotations

from pathlib import Path

from broadsheet.extract.model import ItemType, PageResult
from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn, story
from tests.pdfs import Draw, box, column, text_at

# five narrow columns of letters under a story across the page
LETTER_COLUMNS = (40.0, 150.0, 260.0, 370.0, 480.0)
LETTER_WIDTH = 100.0
NOTE = ("Letters emailed to", "the editor must carry", "the postal address.")


def _signature(x: float, y_top: float, name: str, place: str) -> list[Draw]:
    return [text_at(x, y_top, name, "Times-Bold", 8.3), text_at(x, y_top + 10, place, "Times-Roman", 7.8)]


def _letters(tmp_path: Path, *letters: Draw) -> PageResult:
    """The letters' columns under a story across the page, a rule between."""
    above = story(60, "Bridge Plan Goes to the Board", lines=16)
    return extract_drawn(tmp_path, *above, box(36, 290, 540, 0.5), *letters)


def test_a_letter_after_a_signed_letter_is_a_letter_of_its_own(tmp_path: Path) -> None:
    """Regression (The Hindu's editorial page of 18 August 2026, labelled blind): a letter with no
    head of its own, after the signature ("Lalitha Subramanian, / Bengaluru") of the letter under
    the topic's head, was read as more of that letter (its narrow columns as a table's cells too:
    ``test_tables``)."""
    first, second = LETTER_COLUMNS[:2]
    result = _letters(
        tmp_path,
        text_at(first, 300, "Politics turns petty", "Times-Bold", 9),
        column(first, 312, LETTER_WIDTH, 12, seed=1, full_stop=True),
        *_signature(first, 443, "Lalitha Subramanian,", "Bengaluru"),
        column(first, 475, LETTER_WIDTH, 8, seed=4),
        column(second, 300, LETTER_WIDTH, 16, seed=9, full_stop=True),
        *_signature(second, 475, "Ravi Raja,", "Pandalam, Kerala"),
        *(text_at(second, 498 + 9 * k, line, "Times-Roman", 7.8) for k, line in enumerate(NOTE)),
    )
    stories = articles(result)
    assert len(stories) == 3, [a.body for a in stories]
    assert stories[1].byline == "Lalitha Subramanian, Bengaluru"
    assert stories[2].byline == "Ravi Raja, Pandalam, Kerala"
    assert not any("postal address" in (a.body or "") for a in stories)  # a note under the letters is no letter's


def test_a_letters_signature_is_its_byline_and_the_note_under_the_letters_furniture(tmp_path: Path) -> None:
    """Regression (The Hindu's editorial page of 19 August 2026): each letter's signature ("Ravi
    Mathur, / Noida, Uttar Pradesh") ended its body, and the note on how to send a letter, set
    smaller under the last one, ran on in that letter's body. The ground truth has the signature as
    the letter's byline and the note as furniture, as a reader would."""
    first, second = LETTER_COLUMNS[:2]
    result = _letters(
        tmp_path,
        text_at(first, 300, "Students bear the burden", "Times-Bold", 9),
        column(first, 312, LETTER_WIDTH, 16, seed=1, full_stop=True),
        *_signature(first, 487, "Ravi Mathur,", "Noida, Uttar Pradesh"),
        text_at(second, 300, "Elections and finance", "Times-Bold", 9),
        column(second, 312, LETTER_WIDTH, 16, seed=9, full_stop=True),
        *_signature(second, 487, "Balasubramaniam Pavani,", "Secunderabad"),
        *(text_at(second, 510 + 9 * k, line, "Times-Roman", 7.8) for k, line in enumerate(NOTE)),
    )
    letters = {a.headline: a for a in articles(result)}
    assert letters["Students bear the burden"].byline == "Ravi Mathur, Noida, Uttar Pradesh"
    assert letters["Elections and finance"].byline == "Balasubramaniam Pavani, Secunderabad"
    assert all(not (a.body or "").rstrip().endswith(("Pradesh", "Secunderabad", "address.")) for a in letters.values())
    note_top = 510 + 4  # its first line's middle
    furniture = [i for i in result.items if i.type is ItemType.FURNITURE]
    assert any(r[0] <= second + 5 <= r[2] and r[1] <= note_top <= r[3] for i in furniture for r in i.regions)


def test_a_name_under_a_headline_is_no_signature(tmp_path: Path) -> None:
    """Regression (generated seed 1013 p2): a name in small italics ending in a comma ("Thomas
    Harrington,") under a story's headline was read as a signature ending a letter, so the story's
    first column "opened the next letter" and ran on from the story beside it instead."""
    left, right = (40.0, 175.0), (310.0, 445.0)
    width = 120.0
    result = extract_drawn(
        tmp_path,
        text_at(left[0], 60, "Harbour Plan Passes", "Helvetica-Bold", 20),
        *(column(x, 95, width, 30, seed=3 + k, full_stop=True) for k, x in enumerate(left)),
        text_at(right[0], 60, "Bridge Vote Delayed", "Helvetica-Bold", 20),
        text_at(right[0], 86, "Thomas Harrington,", "Times-Italic", 6),
        *(column(x, 110, width, 30, seed=11 + k, full_stop=True) for k, x in enumerate(right)),
    )
    stories = articles(result)
    assert [a.headline for a in stories] == ["Harbour Plan Passes", "Bridge Vote Delayed"]
    bridge = stories[1]
    assert all(region[0] >= right[0] - 5 for region in bridge.regions)
    assert sum(region[3] - region[1] for region in bridge.regions) > 2 * 30 * 9  # both its columns
    assert all(region[2] <= right[0] for region in stories[0].regions)


def test_a_name_set_off_on_a_storys_last_line_is_its_byline(tmp_path: Path) -> None:
    """Regression (a daily laid out in HTML, printed by Chromium): a story signed at its foot with the
    writer's name alone, in small bold italics flush right ("George Doe", no comma), was taken for a
    closing note ("The views expressed are personal") and the story had no byline."""
    name = "George Doe"
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Harbour Plan Passes", "Helvetica-Bold", 20),
        column(COLUMNS[0], 95, WIDTH, 30, seed=3, full_stop=True),
        text_at(COLUMNS[0] + WIDTH - 38, 95 + 30 * 10.8 + 2, name, "Helvetica-BoldOblique", 7),
        *story(500, "Bridge Vote Delayed", lines=8),
    )
    stories = {a.headline: a for a in articles(result)}
    assert stories["Harbour Plan Passes"].byline == name
    assert not (stories["Harbour Plan Passes"].body or "").endswith(name)


def test_a_name_set_off_at_the_foot_of_a_story_whose_last_column_runs_short_is_its_byline(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 148): the writer's name alone ("George Doe", no
    "By"), set flush right in the story's short last column level with the foot of its other columns,
    stood far under the text of its own column: it was no byline, so no rule kept it in the story,
    and it was an untitled story of its own."""
    x0, x1, x2 = COLUMNS
    foot = 80 + 30 * 10.8
    name = "David Langley"
    result = extract_drawn(
        tmp_path,
        text_at(x0, 40, "Bridge Plan Goes Before the Board Today", "Helvetica-Bold", 26),
        column(x0, 80, WIDTH, 30, seed=1),
        column(x1, 80, WIDTH, 30, seed=2),
        column(x2, 80, WIDTH, 12, seed=3, full_stop=True),
        text_at(x2 + WIDTH - 50, foot + 2, name, "Helvetica-BoldOblique", 7),
        *story(foot + 40, "Ferry Fares Rise Again", lines=10),
    )
    bridge = next(a for a in articles(result) if a.headline == "Bridge Plan Goes Before the Board Today")
    assert bridge.byline == name
    assert len(articles(result)) == 2
