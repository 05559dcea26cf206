"""Tables: a grid of short cells is one item, not an article per cell (a community magazine's bus
timetables came out as 87 untitled articles a page)."""

from __future__ import annotations

from pathlib import Path

from broadsheet.extract.tables import _cell
from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn
from tests.extract.scanned_blocks import text_block
from tests.pdfs import Draw, box, column, text_at

STOPS = ("Sedbergh Library", "Oxenholme Station", "Kendal Bus Station", "Kendal Morrisons", "Tebay Roundabout")


def _timetable(top: float) -> list[Draw]:
    """Five stops, each with four departure times in columns to its right, ruled under each row."""
    draws = []
    for row, stop in enumerate(STOPS):
        y = top + 16 * row
        draws.append(box(COLUMNS[0], y + 13, 500, 0.4))
        draws.append(text_at(COLUMNS[0], y, stop, "Helvetica", 9))
        draws += [text_at(200 + 90 * k, y, f"{9 + 2 * k:02d}{13 + 7 * row:02d}", "Helvetica", 9) for k in range(4)]
    return draws


def _story(top: float) -> list[Draw]:
    head = text_at(COLUMNS[0], top, "Council Backs the Bridge Plan", "Helvetica-Bold", 20)
    return [head, *[column(x, top + 30, WIDTH, 20, seed=k) for k, x in enumerate(COLUMNS)]]


def test_a_timetable_under_a_headline_is_its_story(tmp_path: Path) -> None:
    result = extract_drawn(
        tmp_path,
        *_story(60),
        text_at(COLUMNS[0], 330, "Bus Times", "Helvetica-Bold", 20),
        text_at(COLUMNS[0], 360, "Times from 2nd October", "Helvetica", 9),
        *_timetable(380),
    )
    assert [a.headline for a in articles(result)] == ["Council Backs the Bridge Plan", "Bus Times"]


def test_a_timetable_with_no_headline_is_one_untitled_article(tmp_path: Path) -> None:
    result = extract_drawn(tmp_path, *_story(60), *_timetable(360))
    assert sorted(str(a.headline) for a in articles(result)) == ["Council Backs the Bridge Plan", "None"]


def test_a_paragraph_in_a_narrow_column_is_no_tables_cell() -> None:
    """Regression (The Hindu's letters, 18 August 2026, labelled blind): letters in five narrow
    columns, every line under 30 characters, were taken for a table's cells, and a letter with no
    head of its own was gathered into the one above it."""
    letter = [
        "It is meaningless for the BJP",
        "and Congress to continue to",
        "spar over the song. The",
        "party has said that the",
    ]
    times = ["09:15", "10:40", "11:05", "12:30"]
    assert not _cell(text_block(40, 100, 140, letter))
    assert _cell(text_block(40, 100, 80, times))
