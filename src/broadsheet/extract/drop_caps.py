"""Stage 3, before the blocks: drop caps joined back to their word.

A story's or section's large initial is a line of its own to the line finder; it belongs to the first
word of the paragraph it stands beside, and the lines beside it start, for paragraphs and columns,
at its outer edge.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from broadsheet.extract.blocks import DISPLAY_TYPE, TypeScale
from broadsheet.extract.line import Line, Word

# An initial this many body sizes tall, with lines of text beside it, is a drop cap.
DROP_CAP_SIZE = 1.8
# A gap this many text sizes wide between the initial and its line is a word space: the initial is
# a word of its own ("A", "O").
DROP_CAP_WORD_GAP = 0.45
# A line beside a drop cap reaches this many of its own sizes below the initial's top.
DROP_CAP_OVERLAP = 0.3
# ...and is not bold throughout (this share of its glyphs) in display type, as a headline's second
# line is: the opening line of a story's text may be a bold dateline ("ONDON: Last" beside its "L").
BOLD_LINE = 0.9


def join_drop_caps(lines: list[Line], scale: TypeScale) -> list[Line]:
    """A large initial beside the first lines of a paragraph becomes part of its first word.

    Told by its shape, not its text (a PDF whose fonts have no Unicode map gives U+FFFD for it):
    one or two glyphs of anything but digits and punctuation, at least DROP_CAP_SIZE body sizes
    tall, with at least two lines of text set right beside it, the first level with its top. It
    joins its word unless set a word space from it, or the page's words say it is a word of its
    own ("A performance audit", not "Aperformance").
    """
    caps = [ln for ln in lines if initial_shaped(ln) and ln.size >= DROP_CAP_SIZE * scale.body]
    if not caps:
        return lines
    capped = {id(cap) for cap in caps}
    # the page's words before any initial joined them, counted only once an initial set tight asks
    # (most are set a word space away): the words of lines joined before then as they were
    words: Counter[str] | None = None
    before: dict[int, list[Word]] = {}
    taken: set[int] = set()
    for cap in caps:
        beside = [
            ln
            for ln in lines
            if ln is not cap
            and ln.size <= 0.6 * cap.size  # text at least two lines shorter than the initial
            and not (ln.bold >= BOLD_LINE and scale.ratio(ln.size) >= DISPLAY_TYPE)  # no headline's second line
            and -0.2 * ln.size <= _gap_from_initial(cap, ln) < 1.5 * ln.size
            and cap.top - 2 * ln.size <= ln.top <= cap.bottom
            and ln.bottom > cap.top + DROP_CAP_OVERLAP * ln.size  # level with it, not a deck ending above it
        ]
        first = min(beside, key=lambda ln: ln.top, default=None)
        # an initial's box reaches above its letter by a share of its size (the font's ascent)
        if first is None or first.top > cap.top + max(1.5 * first.size, 0.25 * cap.size) or len(beside) < 2:
            continue
        gap = _gap_from_initial(cap, first)
        spaced = first.space_before or gap >= DROP_CAP_WORD_GAP * first.size
        if not spaced and words is None:
            words = Counter(_bare(w.text) for ln in lines if id(ln) not in capped for w in before.get(id(ln), ln.words))
        if words is None:
            before.setdefault(id(first), list(first.words))
        first.join_initial(cap, spaced or _a_word_of_its_own(cap.text, first.words[0].text, words or Counter()))
        for line in beside:
            line.indent_to(cap.box)
        taken.add(id(cap))
    return [ln for ln in lines if id(ln) not in taken]


def _gap_from_initial(cap: Line, line: Line) -> float:
    """The white between a drop cap and a line beside it: on its right, or on its left where the line
    reads right to left (the initial stands at the paragraph's start)."""
    return cap.x0 - line.x1 if line.rtl else line.x0 - cap.x1


def _a_word_of_its_own(initial: str, word: str, words: Counter[str]) -> bool:
    """Whether a drop cap set tight against its line is a word of its own ("A rise", not "Arise"):
    the page has the initial as a word, and the word after it elsewhere (``words`` counts this one
    too) more often than the two joined — a page may have both "rise" and "arise", and an opening
    "A" + "mid" is "Amid" where the page says "amid" more often than "mid"."""
    elsewhere = words[_bare(word)] - 1
    return words[_bare(initial)] >= 1 and elsewhere >= 1 and elsewhere > words[_bare(initial + word)]


def _bare(text: str) -> str:
    return text.lower().strip(".,;:!?\"'‘’“”()")


def initial_shaped(line: Line) -> bool:
    """One or two glyphs, none a digit, punctuation or space: a letter, or a glyph with no Unicode map."""
    text = line.text
    return 0 < len(text) <= 2 and all(unicodedata.category(ch)[0] not in "NPZ" for ch in text)
