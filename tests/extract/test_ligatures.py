"""Ligatures a font maps to no letter, read back from the page's own text."""

from __future__ import annotations

import numpy as np

from broadsheet.extract.ligatures import repair_ligatures
from broadsheet.extract.line import Line, Word
from broadsheet.pdf.content import Glyphs
from broadsheet.pdf.fonts import FontStyle
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


# Widths in ems of a serif face's letters; a ligature is 0.85 of its letters' width in it.
SERIF = {"f": 0.40, "i": 0.27, "l": 0.27}
LIGATURE_SHARE = 0.85


class _Page:
    """Lines of words set in named fonts, and the page's glyphs under them, as stage 1 reads them."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.text: list[str] = []
        self.boxes: list[tuple[float, float, float, float]] = []
        self.fonts: list[FontStyle] = []
        self.font_of: list[int] = []

    def line(self, words: list[tuple[str, str]], meant: dict[str, str] | None = None) -> Line:
        """A line of (text, font) words; ``meant``: each code's letters, for its glyph's width."""
        top, x, out = 12.0 * len(self.lines), 0.0, []
        for text, font in words:
            start = x
            for ch in text:
                width = 9.0 * self._em(ch, font, meant or {})
                self._glyph(ch, font, (x, top, x + width, top + 9))
                x += width
            out.append(Word((start, top, x, top + 9), text))
            x += 3.0
        style = FontStyle(words[0][1], False, False, False)
        line = Line((0.0, top, x, top + 9), out, 9.0, style, 0.0, 0.0, False)
        self.lines.append(line)
        return line

    def glyphs(self) -> Glyphs:
        n = len(self.text)
        return Glyphs(
            text=self.text,
            box=np.array(self.boxes, dtype=float).reshape(n, 4),
            size=np.full(n, 9.0),
            font=np.array(self.font_of, dtype=int),
            space_before=np.zeros(n, dtype=bool),
            fonts=self.fonts,
        )

    def _em(self, ch: str, font: str, meant: dict[str, str]) -> float:
        if ch in meant:
            return LIGATURE_SHARE * sum(SERIF[letter] for letter in meant[ch])
        return SERIF.get(ch, 0.5)

    def _glyph(self, ch: str, font: str, box: tuple[float, float, float, float]) -> None:
        names = [f.name for f in self.fonts]
        if font not in names:
            self.fonts.append(FontStyle(font, "Bold" in font, False, False))
            names.append(font)
        self.text.append(ch)
        self.boxes.append(box)
        self.font_of.append(names.index(font))


def _prose(page: _Page, font: str) -> None:
    for k in range(0, 96, 8):
        page.line([(w, font) for w in PROSE[k : k + 8]])


def test_each_font_reads_its_own_codes() -> None:
    """Regression (a national daily's editorial page): the body face set "fi" as \\x8d, the letters
    column's sans face "ff"; read once for the page, "affairs" came out "afiairs" (or "significant"
    "signiffcant"). The sans face's code is told "ff" by its width, the letters around fitting both."""
    page = _Page()
    _prose(page, "Serif-Roman")
    body = page.line(
        [(w, "Serif-Roman") for w in ["the", "\x8drst", "signi\x8dcant", "step", "was", "\x8dnal"]], {"\x8d": "fi"}
    )
    sans = page.line([(w, "Sans-Regular") for w in ["foreign", "a\x8dairs", "are", "di\x8dicult"]], {"\x8d": "ff"})
    repair_ligatures(page.lines, page.glyphs())
    assert body.text == "the first significant step was final"
    assert sans.text == "foreign affairs are difficult"


def test_a_bold_word_in_a_line_is_read_in_its_own_face() -> None:
    """Regression (the same paper, another date): in its body face \\x81 was "ff", in the bold face of
    a word run into a body line "fl". A word is read in the face its glyphs are set in, not its line's."""
    page = _Page()
    _prose(page, "Serif-Roman")
    words = [
        ("the", "Serif-Roman"),
        ("sta\x81", "Serif-Roman"),
        ("o\x81ers", "Serif-Roman"),
        ("e\x81orts", "Serif-Roman"),
    ]
    body = page.line(words, {"\x81": "ff"})
    bold = page.line([("\x81ow", "Serif-Bold"), ("of", "Serif-Roman"), ("re\x81ections", "Serif-Bold")], {"\x81": "fl"})
    repair_ligatures(page.lines, page.glyphs())
    assert body.text == "the staff offers efforts"
    assert bold.text == "flow of reflections"


def test_a_face_whose_letters_have_no_width_is_read_by_the_letters_around_alone() -> None:
    """Bad input: a broken font whose glyphs "f", "i", "l" have no width gave a division by zero,
    and the page failed with no article read. Its codes are read by the letters around them."""
    page = _Page()
    _prose(page, "Serif-Roman")
    line = page.line([(w, "Serif-Roman") for w in ["the", "\x8drst", "signi\x8dcant", "step"]], {"\x8d": "fi"})
    glyphs = page.glyphs()
    for k, ch in enumerate(glyphs.text):
        if ch in "fil":
            glyphs.box[k, 2] = glyphs.box[k, 0]
    repair_ligatures(page.lines, glyphs)
    assert line.text == "the first significant step"
