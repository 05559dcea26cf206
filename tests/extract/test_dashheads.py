"""Old papers' run-in headings in small capitals, closed by a dash, on scans (OCR reads no bold)."""

from __future__ import annotations

from broadsheet.extract.blocks import Role, TypeScale, find_blocks
from broadsheet.extract.dashheads import RULE, split_dashed_heads
from broadsheet.extract.line import Line, Word
from broadsheet.extract.roles import PageLayout, assign_roles
from tests.extract.scanned_blocks import BODY, OCR_STYLE, PITCH

SCALE = TypeScale(body=BODY, pitch=PITCH)
LEFT, RIGHT = 40.0, 200.0
INDENT = 8.0  # a paragraph's first line, indented under a column's left edge (0.8 of the body size)


def line(top: float, text: str, x0: float = LEFT, x1: float = RIGHT) -> Line:
    """A line of OCR'd words spread evenly from ``x0`` to ``x1``."""
    texts = text.split()
    step = (x1 - x0) / len(texts)
    words = [Word((x0 + k * step, top, x0 + (k + 1) * step - 3, top + BODY), t) for k, t in enumerate(texts)]
    return Line((x0, top, x1, top + BODY), words, BODY, OCR_STYLE, 0.0, 0.0, False)


def column(texts: list[str | tuple[str, float, float]], top: float = 100.0) -> list[Line]:
    """A column's lines, PITCH apart: a text fills the column; (text, x0, x1) is set where given."""
    out = []
    for k, item in enumerate(texts):
        text, x0, x1 = (item, LEFT, RIGHT) if isinstance(item, str) else item
        out.append(line(top + k * PITCH, text, x0, x1))
    return out


def roles(lines: list[Line]) -> list[tuple[str, Role, str]]:
    blocks = find_blocks(split_dashed_heads(lines, SCALE), SCALE, [])
    assign_roles(blocks, SCALE, PageLayout(600, 800, scanned=True))
    return [(b.text, b.role, b.role_rule) for b in sorted(blocks, key=lambda b: (b.top, b.x0))]


def test_a_run_in_heading_closed_by_a_dash_opens_an_item_on_a_scan() -> None:
    """Regression (the Deseret News, 1850): "CHOLERA.—We learn…", "ANOTHER FIRE.—A destructive fire…"
    set in small capitals, which OCR reads as lower case with no bold ("Cuousra.—We"), ran on in the
    story above them, the items under them never found."""
    lines = column(
        [
            "the mission has baptized some with",
            ("cheering prospects, &c.", LEFT, 150),
            ("Anotner Fire—A destructive fire", LEFT + INDENT, RIGHT),
            "also took place at Stockton, on the",
            "morning of the 24th of December.",
        ]
    )
    found = roles(lines)
    heads = [(text, rule) for text, role, rule in found if role is Role.HEADLINE]
    assert heads == [("Anotner Fire", RULE)]
    assert any(text.startswith("A destructive fire") for text, _, _ in found)


def test_a_run_in_heading_with_its_dash_in_the_word_it_runs_into_is_cut_there() -> None:
    """OCR reads "Cholera.—We" as one word: the heading ends at the dash, the text starts after it."""
    (head, text, *_) = split_dashed_heads(
        column([("Cuousra.—We learn from some", LEFT + INDENT, RIGHT), "of our exchanges that the"]), SCALE
    )
    assert (head.text, head.run_in_part, text.text, text.run_in_part) == (
        "Cuousra",
        "head",
        "We learn from some",
        "text",
    )
    assert head.x1 <= text.x0


def test_a_heading_filling_its_first_line_and_ending_on_the_next_heads_the_item() -> None:
    """ "POLICE INTELLIGENCE. More Mys- / terious Developments.—James…": the heading runs over two lines."""
    lines = column(
        [
            ("since, from Liverpool, Eng.", LEFT, 150),
            ("Ponice Inrevicence, More Mys-", LEFT + INDENT, RIGHT),
            "terious Developments.—James Ar-",
            "lington Bennett, well known in",
        ]
    )
    heads = [text for text, role, _ in roles(lines) if role is Role.HEADLINE]
    assert heads == ["Ponice Inrevicence, More Mys-"]


def test_a_salutation_a_date_line_a_dash_mid_sentence_or_a_signature_opens_no_item() -> None:
    """A letter's "Mr. EDITOR—The other morning" under its date line, a report's next sitting
    ("SENATE—After the reception…" under "WASHINGTON, March 27."), "Sir,—", a dash inside a
    sentence, an indented signature in capitals: none is a new item's heading."""
    under_dateline = column(
        [
            ("Washington, D. C., Jan. 12, '50.", LEFT + 20, RIGHT - 20),
            ("Mr. Evrror—The other morn-", LEFT + INDENT, RIGHT),
            "ing, at the breakfast table, our",
        ]
    )
    found = roles(under_dateline)
    assert not any(role is Role.HEADLINE for _, role, _ in found)
    assert any(text.startswith("Mr. Evrror—The other") for text, _, _ in found)  # given back whole
    others = column(
        [
            "the text of the story before it all",
            ("Mr. Editor,—The other morning", LEFT + INDENT, RIGHT),
            "at the breakfast table, our friend",
            ("$20,000 was demanded—failing in", LEFT + INDENT, RIGHT),
            "which, Mr. Bennett was committed.",
            ("JOHN M.—BERNHISEL,", LEFT + INDENT, RIGHT - 30),
            "Washington City, Jan. 19, 1850.",
        ]
    )
    assert all(not ln.run_in_part for ln in split_dashed_heads(others, SCALE))


def test_a_modern_dateline_under_a_headline_and_byline_is_the_storys_first_paragraph() -> None:
    """ "WASHINGTON.—The president said…" opens a modern story's text under its headline and byline:
    read off a scan, it is no run-in heading of an item of its own."""
    head = line(70, "Senate Passes Budget", LEFT, RIGHT)
    head = Line(head.box, head.words, 2.2 * BODY, OCR_STYLE, 0.0, 0.0, False)
    lines = [
        head,
        line(100, "By Jane Doe", LEFT, 120),
        *column([("WASHINGTON.—The Senate passed", LEFT + INDENT, RIGHT), "the budget on Tuesday after a"], top=112),
    ]
    found = roles(lines)
    assert [text for text, role, _ in found if role is Role.HEADLINE] == ["Senate Passes Budget"]
