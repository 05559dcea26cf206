"""An opinion piece's writers pictured at its head, named and described, are its byline."""

from __future__ import annotations

from pathlib import Path

from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn
from tests.pdfs import Draw, column, photo, text_at

HEADLINE = "Employment Guarantee Has Slipped"
WRITERS = (
    ("Sahab Deen", ("Project Scientist at", "the Remote Sensing")),
    ("Navneet Sharma", ("Teaches education", "at the University")),
)


def _writers(x: float, top: float) -> tuple[list[Draw], float]:
    """Two portraits one under the other, each with a name in bold and a description in smaller type
    under it, the second portrait close under the first's description; and where the last ends."""
    draws: list[Draw] = []
    for name, description in WRITERS:
        draws += [photo(x, top, 80, 90), text_at(x, top + 96, name, "Times-Bold", 9)]
        draws += [text_at(x, top + 110 + 9 * n, line, "Helvetica", 8) for n, line in enumerate(description)]
        top += 110 + 9 * len(description) + 4
    return draws, top


def _op_ed(*extra: Draw, portraits_top: float = 100) -> list[Draw]:
    """A headline over three columns of 10 pt text; the writers at the head of the middle one (or
    lower, under some of its text, at ``portraits_top``)."""
    portraits, end = _writers(COLUMNS[1], portraits_top)
    draws = [text_at(COLUMNS[0], 60, HEADLINE, "Helvetica-Bold", 24), *extra, *portraits]
    draws += [column(COLUMNS[0], 100, WIDTH, 45, size=10, seed=1), column(COLUMNS[2], 100, WIDTH, 45, size=10, seed=3)]
    if portraits_top > 100:
        draws.append(column(COLUMNS[1], 100, WIDTH, int((portraits_top - 110) / 12), size=10, seed=5))
    draws.append(column(COLUMNS[1], end + 12, WIDTH, int((600 - end) / 12), size=10, seed=2))
    return draws


def test_writers_pictured_at_the_head_of_a_piece_are_its_byline(tmp_path: Path) -> None:
    """Regression (The Hindu's editorial page of 19 August 2026): an op-ed's two writers, pictured
    one under the other at the top of a column, each named in bold and described under the name,
    were two captions and no byline; the first writer's description, right over the second portrait,
    was taken for that portrait's caption."""
    (article,) = articles(extract_drawn(tmp_path, *_op_ed()))
    assert article.headline == HEADLINE
    assert article.byline == "Sahab Deen, Navneet Sharma"
    assert article.captions == ["Project Scientist at the Remote Sensing", "Teaches education at the University"]


def test_a_person_pictured_in_a_signed_story_or_under_its_text_is_captioned(tmp_path: Path) -> None:
    """A news story pictures people so too: in a story signed by its own byline, or lower down a
    column under some of its text, the names are captions."""
    signed = text_at(COLUMNS[0], 88, "By Staff Reporter", "Times-Bold", 10)
    for name, draws in (("signed", _op_ed(signed)), ("lower", _op_ed(portraits_top=250))):
        (tmp_path / name).mkdir()
        (article,) = articles(extract_drawn(tmp_path / name, *draws))
        assert article.byline != "Sahab Deen, Navneet Sharma", name
        assert {"Sahab Deen", "Navneet Sharma"} <= set(article.captions), name
