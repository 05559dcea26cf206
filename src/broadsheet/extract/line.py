"""The text lines every stage after the line stage works on: words with boxes, a size and a style.

A line is one line of one column, or one line of a headline; the line stage
(:mod:`broadsheet.extract.lines`) makes them from the page's glyphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from broadsheet.geometry import Box, union
from broadsheet.pdf.content import Glyphs
from broadsheet.pdf.fonts import FontStyle

# A line is set in capitals when at least this many letters, and nearly all, are upper case (a
# heading's short last line, "FUNDS", included).
CAPITALS_MIN = 4
# A run-in heading has at most this many words.
RUN_IN_HEAD_MOST = 8
# A run-in heading with no stop after it ("**New cycling lanes** In the end, ...") has at most this
# many words, of this many letters or more.
UNPUNCTUATED_HEAD_WORDS = 5
RUN_IN_HEAD_CHARS = 4
# In a script without capitals, such a heading with a number among fewer than twice this many words
# beside it heads an index's entries, not a paragraph.
UNPUNCTUATED_TEXT_WORDS = 2


def _unpunctuated_head(head: list[Word], text: list[Word], read_by_ocr: bool, most: int) -> bool:
    """Whether bold ``head`` words with no stop after them head a paragraph starting with ``text``: at
    most ``most`` words, RUN_IN_HEAD_CHARS letters or more, a capital opening the head and
    the sentence after it and no other (a name in capitals, a listing's "DENT LIBRARY Main Street",
    is no heading). In a script without capitals only the bold tells; whether the paragraph is a
    brief or a label in a story is judged by where it stands (:mod:`broadsheet.extract.runin`)."""
    letters = [ch for ch in " ".join(w.text for w in head) if ch.isalpha()]
    if len(head) > most or len(letters) < RUN_IN_HEAD_CHARS:
        return False
    after = text[0]
    if not any(ch.isupper() or ch.islower() for ch in letters + list(after.text)):
        # a script without capitals (Arabic, Hindi): the bold words alone tell, but for a word and a
        # number after them (an index's "In this issue Politics 14" is no brief)
        numbered = any(w.text.isdigit() for w in text) and len(text) < 2 * UNPUNCTUATED_TEXT_WORDS
        return not read_by_ocr and not numbered
    return letters[0].isupper() and not any(ch.isupper() for ch in letters[1:]) and after.text[:1].isupper()


def run_in_head_words(words: list[Word], read_by_ocr: bool = False, unpunctuated: int = UNPUNCTUATED_HEAD_WORDS) -> int:
    """How many of ``words`` (a paragraph's opening, read in order) are a run-in heading ("**The
    budget.** The city council..."): bold words ending in a full stop or colon, then the paragraph in
    regular type; or, unpunctuated, a few bold words (at most ``unpunctuated``) in lower case but their
    first, then a sentence's capital ("**New cycling lanes** In the end, ..."): emphasis inside a
    sentence runs on in lower case."""
    count = 0
    for word in words:
        if not word.bold:
            break
        count += 1
    if not 0 < count <= RUN_IN_HEAD_MOST or count >= len(words):
        return 0
    if words[count - 1].text.endswith((".", ":")):
        return count
    return count if _unpunctuated_head(words[:count], words[count:], read_by_ocr, unpunctuated) else 0


@dataclass(slots=True)
class Word:
    box: Box
    text: str
    bold: bool = False  # most of its glyphs are in a bold font
    style: FontStyle | None = None  # its first glyph's: a run-in heading cut off its line keeps its own


@dataclass(slots=True)
class Line:
    """A horizontal run of words in one font size: one line of one column, or a headline line."""

    box: Box
    words: list[Word]
    size: float  # median font size of its glyphs
    style: FontStyle  # the most common style among its glyphs
    bold: float  # share of glyphs in a bold font
    italic: float
    rtl: bool
    run_in_part: str = ""  # "head" or "text" once a run-in heading is split off its paragraph
    whole: Line | None = None  # for such a part: the line it was cut from
    run_in_wraps: bool = False  # a run-in heading's line that wraps on to the next (its paragraph's)
    dashed: bool = False  # such a head on a scan, closed by a dash (:mod:`broadsheet.extract.dashheads`)
    sideways: bool = False  # set on its side, up a picture's edge (a photo credit)
    space_before: bool = False  # the PDF wrote a space right before its first glyph
    initial: bool = False  # it opens with a drop cap: the first line of a story or section
    initial_box: Box | None = None  # that drop cap's box, which reaches lines below this one's
    _text: str | None = field(default=None, init=False, repr=False, compare=False)  # the words joined, once
    _capitals: bool | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = " ".join(w.text for w in self.words)
        return self._text

    @property
    def start(self) -> float:
        """Where the line starts, measured the way its script reads: its left edge, or in a
        right-to-left line its right edge mirrored (negated), so that a line indented or ended short
        has a greater start or a smaller end in either script."""
        return -self.box[2] if self.rtl else self.box[0]

    @property
    def end(self) -> float:
        """Where the line ends, measured as :attr:`start` is."""
        return -self.box[0] if self.rtl else self.box[2]

    @property
    def extent(self) -> Box:
        """Its box with its drop cap's: where its glyphs lie on the page."""
        return self.box if self.initial_box is None else union([self.box, self.initial_box])

    def part(self, words: list[Word]) -> Line:
        """A piece of the line made of some of its words, with its own box; right-to-left lines keep
        their words right to left."""
        ordered = sorted(words, key=lambda w: -w.box[0]) if self.rtl else words
        box = union([w.box for w in words])
        return Line(box, ordered, self.size, self.style, self.bold, self.italic, self.rtl)

    def join_initial(self, cap: Line, spaced: bool) -> None:
        """Make a drop cap beside the line part of its first word, or a word of its own when ``spaced``
        ("A well-known…")."""
        word = self.words[0]  # the first read: on the right of a right-to-left line
        self.initial = True
        self.initial_box = cap.box
        if spaced:
            self.words.insert(0, Word(cap.box, cap.text, word.bold))
        else:
            box = union([word.box, (cap.x0, cap.top, cap.x1, word.box[3])])
            self.words[0] = Word(box, cap.text + word.text, word.bold)
        self.indent_to(cap.box)
        self.forget_text()

    def forget_text(self) -> None:
        """Its words changed: what was worked out from their text is worked out again when asked."""
        self._text = None
        self._capitals = None

    def indent_to(self, initial: Box) -> None:
        """Let the line start where the ``initial`` does: a line set beside a drop cap starts, for
        paragraphs and columns, at the initial's outer edge (its right in a right-to-left line)."""
        if self.rtl:
            self.box = (self.box[0], self.box[1], max(self.box[2], initial[2]), self.box[3])
        else:
            self.box = (initial[0], self.box[1], self.box[2], self.box[3])

    def run_in_words(self, read_by_ocr: bool = False) -> int:
        """How many words at the start of the line are a run-in heading (:func:`run_in_head_words`).

        ``read_by_ocr``: the words are OCR's (a legacy-font page), each bold by the glyphs under its
        box, which a word box off by a letter gets wrong; a right-to-left line's, or a head without
        capitals to tell it, are then no head.
        """
        if read_by_ocr and self.rtl:
            return 0
        return run_in_head_words(self.words, read_by_ocr)

    @property
    def in_capitals(self) -> bool:
        """Set in capitals (at least CAPITALS_MIN letters, nearly all upper case): old papers' headlines,
        set in the body size, are told from the text only by this and their centring. Asked for
        again and again by the block stage, so worked out once."""
        if self._capitals is None:
            text = self.text
            # str methods mapped in C: a generator per line cost a tenth of the layout stages
            upper = sum(map(str.isupper, text))
            lower = sum(map(str.islower, text))
            self._capitals = upper >= CAPITALS_MIN and upper >= 0.9 * (upper + lower)
        return self._capitals

    @property
    def x0(self) -> float:
        return self.box[0]

    @property
    def x1(self) -> float:
        return self.box[2]

    @property
    def top(self) -> float:
        return self.box[1]

    @property
    def bottom(self) -> float:
        return self.box[3]

    @property
    def width(self) -> float:
        return self.box[2] - self.box[0]

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]


def sideways_lines(glyphs: Glyphs) -> list[Line]:
    """Glyphs set on their side, one line per run the PDF wrote together: read in the order written,
    not letter by letter across the page."""
    lines: list[Line] = []
    start = 0
    for k in range(1, len(glyphs) + 1):
        if k < len(glyphs):
            near = max(abs(glyphs.box[k, c] - glyphs.box[k - 1, c]) for c in range(4)) < 2 * glyphs.size[k - 1]
            if near and glyphs.font[k] == glyphs.font[k - 1]:
                continue
        lines.append(_sideways_line(glyphs, start, k))
        start = k
    return lines


def _sideways_line(glyphs: Glyphs, start: int, end: int) -> Line:
    words: list[Word] = []
    for k in range(start, end):
        box = (float(glyphs.box[k, 0]), float(glyphs.box[k, 1]), float(glyphs.box[k, 2]), float(glyphs.box[k, 3]))
        if words and not glyphs.space_before[k]:
            words[-1] = Word(union([words[-1].box, box]), words[-1].text + glyphs.text[k])
        else:
            words.append(Word(box, glyphs.text[k]))
    style = glyphs.fonts[int(glyphs.font[start])]
    size = float(np.median(glyphs.size[start:end]))
    box = union([w.box for w in words])
    return Line(box, words, size, style, float(style.bold), float(style.italic), False, sideways=True)
