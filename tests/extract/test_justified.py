"""A justified line stretched apart: two pieces of one line far apart on its baseline (``extract/justified.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.extract.justified import join_stretched_lines
from broadsheet.extract.line import Line, Word
from broadsheet.pdf.fonts import FontStyle
from tests.extract.layouts import articles, bodies, generated_page

BODY = FontStyle("DejaVuSerif", bold=False, italic=False, invisible=False)
HEAD = FontStyle("DejaVuSerif-Bold", bold=True, italic=False, invisible=False)
SIZE = 10.0
PITCH = 12.0


def _line(x0: float, x1: float, row: int, text: str, style: FontStyle = BODY) -> Line:
    box = (x0, 100 + row * PITCH, x1, 100 + row * PITCH + SIZE)
    return Line(box, [Word(box, text)], SIZE, style, 1.0 if style.bold else 0.0, 0.0, rtl=False)


def test_two_pieces_of_a_justified_line_between_full_lines_are_one_line() -> None:
    """A short line justified in a narrow column: its two words 6.5 sizes apart, the lines over
    and under it spanning the column, are one line."""
    lines = [
        _line(32, 169, 0, "numa reunião lotada na"),
        _line(32, 88, 1, "terça-feira."),
        _line(153, 169, 1, "Em"),
        _line(32, 169, 2, "comunicado, uma"),
    ]
    joined = join_stretched_lines(lines)
    assert [ln.text for ln in joined] == ["numa reunião lotada na", "terça-feira. Em", "comunicado, uma"]
    assert joined[1].box == (32, 112, 169, 122)


def test_a_paragraphs_first_line_stretched_over_a_full_line_is_one_line() -> None:
    """A paragraph's first line has no line over it in its column: the line under it, spanning the
    measure, is enough (a paragraph's last line is never stretched, so one always follows)."""
    lines = [_line(32, 56, 0, "Uma"), _line(123, 169, 0, "comissão"), _line(32, 169, 1, "independente aprovou um")]
    assert [ln.text for ln in join_stretched_lines(lines)] == ["Uma comissão", "independente aprovou um"]


def test_heads_side_by_side_over_two_columns_stay_apart() -> None:
    """Two heads over neighbouring columns, their text under each in its own column: no line under
    them spans both, so they are not one line."""
    lines = [
        _line(32, 120, 0, "A plan", HEAD),
        _line(180, 260, 0, "The budget", HEAD),
        _line(32, 169, 1, "The council approved"),
        _line(180, 317, 1, "The mayor delayed"),
    ]
    assert len(join_stretched_lines(lines)) == 4


def test_pieces_under_a_line_ending_elsewhere_stay_apart() -> None:
    """The line under the pieces ends short of the second piece's end: no justified measure, no join."""
    lines = [_line(32, 88, 0, "terça-feira."), _line(153, 169, 0, "Em"), _line(32, 140, 1, "comunicado, uma")]
    assert len(join_stretched_lines(lines)) == 3


@pytest.mark.parametrize("language", ["pt", "de"])
def test_stretched_lines_stay_in_their_paragraphs(tmp_path: Path, language: str) -> None:
    """Regression (fresh generated plain pages, seed 3422 page 1, Portuguese and German): lines
    justified in a narrow column with two words 6–7 sizes apart ("terça-feira.   Em", "Uma
    comissão", "Erhöhung   der", over a paragraph's short last line or under its indented first)
    were cut in two: the second word read at the paragraph's end or as a story of its own, and a small
    bold head over a story's photo taken for the photo's caption, the story's first line being no text."""
    truth, result = generated_page(tmp_path, 1, seed=3422, language=language)
    stories = {a.headline: a.body for a in articles(result)}
    assert {i["headline"]: i["body"] for i in truth["items"] if i["type"] == "article"} == stories


def test_two_columns_lines_under_a_wide_line_stay_apart() -> None:
    """Two columns' lines under a line set across both, the gutter between them no wider than a
    stretched gap: the lines under them start in the gap, so it is a gutter."""
    lines = [
        _line(32, 300, 0, "a standfirst set wide across both of the columns under it"),
        _line(32, 160, 1, "the first column's line"),
        _line(172, 300, 1, "the second column's line"),
        _line(32, 160, 2, "the first column again"),
        _line(172, 300, 2, "the second column again"),
    ]
    assert len(join_stretched_lines(lines)) == 5


def test_the_line_under_a_drop_caps_foot_stretched_across_its_column_is_one_line(tmp_path: Path) -> None:
    """Regression (fresh generated German daily page, seed 5115 page 2): the first full line under a
    drop cap, justified across a narrow column ("rung          des"): the lines over it, set in past
    the cap, start in the gap between its two pieces, which was taken for a gutter; the word's end
    "rung" was a block of its own and "Renovie-" joined "des"."""
    truth, page = generated_page(tmp_path, 2, seed=5115, daily=True, language="de")
    extracted, true = bodies(truth, page, "Die Handelskammer kritisierte neue Radwege entlang des")
    assert extracted == true
