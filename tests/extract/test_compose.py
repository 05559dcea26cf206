from __future__ import annotations

from broadsheet.extract.blocks import Block, TypeScale
from broadsheet.extract.compose import compose_body
from broadsheet.extract.line import Line, Word
from broadsheet.extract.text import PageWords
from broadsheet.geometry import union
from broadsheet.pdf.fonts import FontStyle

SCALE = TypeScale(body=9.0, pitch=11.0)
COLUMN = (20.0, 170.0)  # one column's measure
NEXT_COLUMN = (180.0, 330.0)


def _line(
    top: float,
    text: str,
    column: tuple[float, float] = COLUMN,
    short: bool = False,
    bold: bool = False,
    rtl: bool = False,
) -> Line:
    """A body line of ``text`` set across ``column`` (or two-fifths of it, ``short``), flush with
    the column's start: its left edge, or in a right-to-left line its right."""
    x0, x1 = column
    if short:
        x0, x1 = (x0 + 0.6 * (x1 - x0), x1) if rtl else (x0, x0 + 0.4 * (x1 - x0))
    words = text.split()
    step = (x1 - x0) / len(words)
    boxes = [(x0 + k * step, top, x0 + (k + 1) * step - 2, top + 9) for k in range(len(words))]
    style = FontStyle("Times", bold, False, False)
    return Line(
        (x0, top, x1, top + 9), [Word(b, w, bold) for b, w in zip(boxes, words, strict=True)], 9.0, style, 0.0, 0.0, rtl
    )


def _block(*lines: Line) -> Block:
    return Block(lines=list(lines), box=union([ln.box for ln in lines]))


def _paragraphs(*blocks: Block) -> list[str]:
    return (compose_body(list(blocks), SCALE, PageWords()) or "").split("\n\n")


def test_a_blank_line_in_the_column_parts_two_paragraphs() -> None:
    """Regression (generated page, seed 2813 page 2): paragraphs parted by a blank line, not an
    indent, are blocks of their own; the second ran on into the first unless the first was a
    single line."""
    first = _block(_line(0, "The council met on Tuesday and agreed"), _line(11, "the plan.", short=True))
    second = _block(_line(33, "What happens next is not yet known"), _line(44, "to anyone.", short=True))
    assert _paragraphs(first, second) == [
        "The council met on Tuesday and agreed the plan.",
        "What happens next is not yet known to anyone.",
    ]


def test_a_paragraph_runs_on_past_a_picture_set_into_its_column() -> None:
    """Space in a column far wider than a blank line is something set into it (a picture): the
    sentence goes on below it."""
    above = _block(_line(0, "The council met on Tuesday and agreed"), _line(11, "that the plan. Nothing"))
    below = _block(_line(120, "More was said that day about it."), _line(131, "the end.", short=True))
    assert len(_paragraphs(above, below)) == 1


def test_a_right_to_left_paragraph_ended_short_at_a_column_foot_is_not_run_on() -> None:
    """Regression (generated Arabic page, seed 2731 page 1): a paragraph whose short last line ends
    a column, the next opening the next column, ran on into it — the next had to open with a
    capital, and Arabic has none."""
    first = _block(_line(0, "سطر أول من الفقرة الأولى", rtl=True), _line(11, "نهاية الفقرة.", short=True, rtl=True))
    second = _block(
        _line(0, "فقرة جديدة في العمود التالي", NEXT_COLUMN, rtl=True),
        _line(11, "تنتهي هنا.", NEXT_COLUMN, short=True, rtl=True),
    )
    assert len(_paragraphs(first, second)) == 2


def test_a_full_line_at_a_column_foot_runs_on_into_the_next_column() -> None:
    first = _block(
        _line(0, "The council met on Tuesday and agreed"), _line(11, "on the new plan for the river bridge.")
    )
    second = _block(
        _line(0, "Work starts in May and will take", NEXT_COLUMN), _line(11, "two years.", NEXT_COLUMN, short=True)
    )
    assert len(_paragraphs(first, second)) == 1


def test_a_run_in_head_that_filled_its_line_runs_on_into_its_paragraph() -> None:
    """Regression (generated page, seed 2813 page 2): a bold run-in head alone on its line ("Why it
    matters.") was read as a paragraph of one line, parted from the text it heads."""
    head = _block(_line(0, "Why it matters.", short=True, bold=True))
    text = _block(_line(11, "Earlier this year the council agreed"), _line(22, "the plan.", short=True))
    assert _paragraphs(head, text) == ["Why it matters. Earlier this year the council agreed the plan."]


def test_an_indented_run_in_head_cut_off_its_paragraph_opens_a_new_one() -> None:
    """Regression (fresh generated daily page, seed 2716 page 3): a run-in head's first line, cut
    off into a block of its own and indented, ran on the paragraph before it: a line alone has no
    lines of its own to be indented from, so it is measured from the line over it."""
    above = _block(_line(0, "The council met on Tuesday and agreed"), _line(11, "the plan in the end."))
    head = _block(_line(22, "Why it", (35.0, 170.0), bold=True))
    text = _block(_line(33, "matters. Work starts in May and runs"), _line(44, "for two years.", short=True))
    assert _paragraphs(above, head, text) == [
        "The council met on Tuesday and agreed the plan in the end.",
        "Why it matters. Work starts in May and runs for two years.",
    ]


def test_a_scrap_of_a_line_set_apart_over_it_starts_no_paragraph() -> None:
    """Regression (Echorouk 7998 p4, a right-to-left page): a word the PDF sets apart, a sliver over
    its own line, was a block of one line starting far in from the line over it — an indent — and
    broke its paragraph in the middle of a sentence."""
    above = _block(_line(0, "سطر كامل من الفقرة", rtl=True), _line(11, "سطر ثان من الفقرة", rtl=True))
    scrap = _block(_line(12, "كلمة", (100.0, 102.0), rtl=True))
    below = _block(_line(22, "ثم تمضي الفقرة", rtl=True), _line(33, "إلى نهايتها.", short=True, rtl=True))
    assert len(_paragraphs(above, scrap, below)) == 1


def test_a_gap_inside_a_sentence_is_no_blank_line_between_paragraphs() -> None:
    """A paragraph ends a sentence: white a blank line high in the middle of one is something small
    set into the column (a rule, a scrap of a line), and the sentence runs on under it."""
    above = _block(_line(0, "The council met on Tuesday and agreed"), _line(11, "on the new plan for the river"))
    below = _block(_line(33, "bridge that the mayor proposed to it."), _line(44, "the end.", short=True))
    assert len(_paragraphs(above, below)) == 1


def test_a_word_alone_on_its_line_stopped_short_for_want_of_room_ends_no_paragraph() -> None:
    """Regression (fresh generated daily page, seed 3016 page 2): a justified column's line of one
    long word ("explanation!") cannot stretch, so it stops short when the next word does not fit
    after it; ending a sentence there, it was read as a paragraph's last line, in its block and
    across a column break. A word alone with room left for the next line's first word still ends one."""
    full = "The council met on Tuesday without further"
    wrapped = (_line(0, full), _line(11, "explanation!", column=(20.0, 130.0)))
    assert len(_paragraphs(_block(*wrapped, _line(22, "According to officials")))) == 1
    assert len(_paragraphs(_block(*wrapped), _block(_line(0, "According to officials", NEXT_COLUMN)))) == 1
    ended = (_line(0, full), _line(11, "explanation!", column=(20.0, 60.0)))
    assert len(_paragraphs(_block(*ended, _line(22, "According to officials")))) == 2
    assert len(_paragraphs(_block(*ended), _block(_line(0, "According to officials", NEXT_COLUMN)))) == 2


def test_a_block_starting_beside_a_picture_set_into_its_column_is_not_indented() -> None:
    """Regression (fresh generated daily page, seed 2921 page 1): a column's text wraps round a
    picture at its side, then runs the column's full width under it; the block's first line, beside
    the picture eight body sizes in from the column's margin, was read as an indent opening a new
    paragraph mid-sentence."""
    above = _block(_line(0, "an agreement with neighbouring districts"), _line(11, "under considerable"))
    beside = _line(22, "pressure. Then the mayor", column=(COLUMN[0] + 8 * SCALE.body, COLUMN[1]))
    below = _block(beside, _line(33, "spoke of the bridge at a crowded"), _line(44, "meeting on Tuesday."))
    assert len(_paragraphs(above, below)) == 1


def test_a_bold_line_atop_the_next_column_after_a_sentences_end_opens_a_paragraph() -> None:
    """Regression (fresh generated German daily page, seed 3413 page 2): a column ending a paragraph
    on a line of one word ("Nachtmarktes!"), the next opening with a crosshead in bold on a line of
    its own, too long to have fitted after that word: the paragraph seemed to run on (a word alone
    stops short where the next did not fit), and the crosshead was read into it."""
    above = _block(_line(0, "The council met on Tuesday and agreed to close the"), _line(11, "market!", short=True))
    crosshead = _line(0, "Background.", NEXT_COLUMN, bold=True)
    crosshead.bold = 1.0
    below = _block(crosshead, _line(11, "For now the mayor has said nothing", NEXT_COLUMN))
    paragraphs = _paragraphs(above, below)
    assert paragraphs[0] == "The council met on Tuesday and agreed to close the market!"
    assert paragraphs[1].startswith("Background.")
