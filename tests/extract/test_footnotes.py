"""A note set small in italics at a story's foot is the story's, but not its text."""

from __future__ import annotations

from pathlib import Path

from broadsheet.extract.options import ExtractOptions
from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn, generated_page
from tests.pdfs import Draw, column, text_at

NOTE = "The views expressed are personal"


def _op_ed(note_font: str, note_size: float) -> list[Draw]:
    """An op-ed over two columns of 9 pt text (20 lines: 216 pt), a line in ``note_font`` under its last."""
    return [
        text_at(COLUMNS[0], 60, "A Democracy in Search of Renewal", "Helvetica-Bold", 24),
        column(COLUMNS[0], 100, WIDTH, 30, seed=1),
        column(COLUMNS[1], 100, WIDTH, 20, seed=2, full_stop=True),
        text_at(COLUMNS[1] + 60, 100 + 20 * 10.8 + 3, NOTE, note_font, note_size),
    ]


def test_a_small_italic_line_ending_a_story_is_the_storys_but_not_its_text(tmp_path: Path) -> None:
    """Regression (a national daily's editorial page, an unlabelled date): "The views expressed are
    personal", set small in italics under an op-ed's last line, ended the op-ed's text."""
    result = extract_drawn(tmp_path, *_op_ed("Times-Italic", 7), options=ExtractOptions(explain=True))
    (article,) = articles(result)
    assert NOTE not in (article.body or "") and (article.body or "").endswith(".")
    (note,) = [d for d in result.decisions if d.text == NOTE]
    assert (note.role, note.item) == ("furniture", article.id)
    assert max(r[3] for r in article.regions) >= note.box[3]


def test_a_last_line_in_the_texts_own_size_or_upright_stays_text(tmp_path: Path) -> None:
    """An italic last sentence in the body's size, or a small line in upright type, is the story's own."""
    for font, size in (("Times-Italic", 9), ("Times-Roman", 7)):
        (tmp_path / font).mkdir()
        (article,) = articles(extract_drawn(tmp_path / font, *_op_ed(font, size)))
        assert (article.body or "").endswith(NOTE), (font, size)


def test_a_writers_note_of_two_lines_opening_with_the_bylines_name_is_no_text(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 2512 page 3): an op-ed's note on its writer ("Peter
    Blake is a freelance writer based in Harlow Bay."), two lines in small italics at its foot, was
    read as the last paragraph: only one line was a closing note."""
    _, page = generated_page(tmp_path, 3, seed=2512, daily=True)
    column = next(a for a in articles(page) if a.byline == "PETER BLAKE")
    assert "Peter Blake is a freelance writer" not in (column.body or "")
