"""Ligatures a font maps to no letter, read back from the page's own text."""

from __future__ import annotations

from broadsheet.extract.ligatures import repair_ligatures
from broadsheet.extract.line import Line, Word
from broadsheet.pdf.content import FontStyle
from tests.pdfs import WORDS

STYLE = FontStyle("Body-Roman", False, False, False)


PROSE = WORDS * 3  # the page's other, clean words


def _line(text: str, top: float) -> Line:
    words = [Word((10.0 * k, top, 10.0 * k + 8, top + 9), w) for k, w in enumerate(text.split())]
    return Line((0.0, top, 10.0 * len(words), top + 9), words, 9.0, STYLE, 0.0, 0.0, False)


def test_a_ligature_mapped_to_a_control_character_is_read_back_as_its_letters() -> None:
    """Regression (a national daily's editorial page): its body font set "fi" and "ffi" as glyphs
    mapped to control characters, so "significant" read "signi\\x81cant" and no search found it."""
    clean = [_line(" ".join(PROSE[k : k + 8]), 12.0 * k) for k in range(0, 96, 8)]
    garbled = _line("the \x81rst signi\x81cant step was o\x8dcial and su\x8dcient for the Paci\x81c", 200.0)
    repair_ligatures([*clean, garbled])
    assert garbled.text == "the first significant step was official and sufficient for the Pacific"


def test_a_page_without_such_characters_is_left_alone() -> None:
    lines = [_line(" ".join(PROSE[k : k + 8]), 12.0 * k) for k in range(0, 96, 8)]
    before = [line.text for line in lines]
    repair_ligatures(lines)
    assert [line.text for line in lines] == before


def test_of_two_codes_that_fit_fi_and_ffi_alike_the_one_used_more_is_fi() -> None:
    """Regression (a national daily's editorial page, another date): "fi" mapped to one code, used
    32 times, "ffi" to another, used twice, and the letters round both fit either: the lower code
    was taken for "fi", and "scientific" read "scientiffic"."""
    clean = [_line(" ".join(PROSE[k : k + 8]), 12.0 * k) for k in range(0, 96, 8)]
    garbled = _line("the \x8frst signi\x8fcant step was o\x8dcial and scienti\x8fc for the Paci\x8fc", 200.0)
    repair_ligatures([*clean, garbled])
    assert garbled.text == "the first significant step was official and scientific for the Pacific"
