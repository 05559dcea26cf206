"""Stage 3, part: a run-in heading cut off the line of the paragraph it runs into.

A paragraph opening with a bold run-in heading ("**The budget.** The city council...") is a brief:
its heading becomes a line of its own (without the full stop), as a headline would be. In a narrow
column the heading may wrap ("**A long-term**" / "**strategy** Earlier this year..."): its first
lines, bold throughout and each broken where the next word would not fit, are the heading's too.
Whether such a paragraph is a brief or a labelled paragraph of a story is judged later, by where it
stands (:mod:`broadsheet.extract.runin`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from broadsheet.extract.line import RUN_IN_HEAD_MOST, Line, run_in_head_words
from broadsheet.geometry import x_overlap

# A wrapped run-in heading's lines over its last are bold throughout and each broke for want of room:
# the next line's first word, after a space this many of its sizes wide, would not have fit on it (set
# short, a bold line is a head of its own, over a paragraph that may open with a bold dateline).
WORD_SPACE = 0.25
# ...in the size of the line it wraps onto (a share of it), set right over it: its start edge within
# this many of its sizes, the white between them under this many.
SAME_SIZE = 0.05
SAME_START = 0.5
WRAP_LEADING = 0.6
# ...or its first line set in from the start edge by a paragraph's indent of at most this many sizes.
INDENT = 2.5


def split_run_in_heads(lines: list[Line], read_by_ocr: bool = False) -> list[Line]:
    """Cut each run-in heading off its paragraph's line: a "head" part and a "text" part, both as tall
    as the line; a wrapped heading's lines over it become "head" lines that wrap on (``run_in_wraps``).

    ``read_by_ocr``: the lines' words are OCR's (:meth:`broadsheet.extract.line.Line.run_in_words`)."""
    heads: dict[int, int] = {}  # id(line) -> how many of its words are a run-in heading
    wrapping: set[int] = set()  # the lines of wrapped headings over their last
    bold_lines = _BoldLines.of(lines)
    for line in lines:
        upper, count = _wrapped_head(line, bold_lines, read_by_ocr)
        if upper:
            wrapping.update(id(ln) for ln in upper)
            heads[id(line)] = count
        elif count := line.run_in_words(read_by_ocr):
            heads[id(line)] = count
    out: list[Line] = []
    for line in lines:
        if id(line) in wrapping:
            out.append(replace(line, bold=1.0, run_in_part="head", whole=line, run_in_wraps=True))
        elif id(line) in heads:
            out.extend(_cut(line, heads[id(line)]))
        else:
            out.append(line)
    return out


@dataclass(frozen=True, slots=True)
class _BoldLines:
    """The page's lines bold throughout, by their feet: the only lines a run-in heading wraps from,
    looked up by where they end instead of asked of every line for every paragraph's line."""

    lines: list[Line]
    bottoms: list[float]

    @classmethod
    def of(cls, lines: list[Line]) -> _BoldLines:
        bold = sorted(
            (ln for ln in lines if ln.words and not ln.run_in_part and all(w.bold for w in ln.words)),
            key=lambda ln: ln.bottom,
        )
        return cls(bold, [ln.bottom for ln in bold])

    def ending_between(self, top: float, bottom: float) -> list[Line]:
        return self.lines[bisect_left(self.bottoms, top) : bisect_right(self.bottoms, bottom)]


def _cut(line: Line, count: int) -> list[Line]:
    """The line's first ``count`` words (the heading, its closing stop dropped) and the rest."""
    head_words, text_words = list(line.words[:count]), line.words[count:]
    last = head_words[-1]
    head_words[-1] = replace(last, text=last.text.rstrip(".:"))
    pieces = []
    for words, part, bold in ((head_words, "head", 1.0), (text_words, "text", 0.0)):
        piece = line.part(words)
        box = (piece.x0, line.top, piece.x1, line.bottom)  # both parts as tall as the line
        style = words[0].style or line.style  # the heading's bold face, not its paragraph's
        pieces.append(replace(piece, box=box, style=style, bold=bold, run_in_part=part, whole=line))
    return pieces


def _wrapped_head(line: Line, bold_lines: _BoldLines, read_by_ocr: bool) -> tuple[list[Line], int]:
    """The lines over ``line`` that a run-in heading ending in it wraps from (top down), and how many
    of ``line``'s words end the heading; none if it opens with no bold words after a wrapped line."""
    bold = next((k for k, word in enumerate(line.words) if not word.bold), len(line.words))
    if not 0 < bold < len(line.words) or (read_by_ocr and line.rtl):
        return [], 0
    if line.part(line.words[:bold]).in_capitals:
        return [], 0  # a dateline ("LAHORE:") opening the paragraph under a head of its own
    upper: list[Line] = []
    below = line
    # each line taken adds a word or more, so the walk up ends within RUN_IN_HEAD_MOST lines
    while (above := _wrapped_line_over(below, line, bold_lines)) is not None:
        upper.insert(0, above)
        below = above
        words = [w for ln in upper for w in ln.words] + line.words
        count = len(words) - len(line.words) + bold
        if count > RUN_IN_HEAD_MOST:
            return [], 0
        # wrapped, bold throughout its first line: a heading however many its words
        if run_in_head_words(words, read_by_ocr, unpunctuated=RUN_IN_HEAD_MOST) == count:
            return upper, bold
    return [], 0


def _wrapped_line_over(below: Line, last: Line, bold_lines: _BoldLines) -> Line | None:
    """The line right over ``below`` in its column (at its start edge, or indented as a paragraph's
    first line), if bold throughout, in its size and broken for want of room in the column (as wide
    as ``last``, the heading's last line, which runs on into its paragraph)."""
    size = below.size
    for above in bold_lines.ending_between(below.top - WRAP_LEADING * size, below.top + 0.3 * size):
        if above is below:
            continue
        indent = (below.x1 - above.x1) if below.rtl else (above.x0 - below.x0)
        if (
            abs(above.size - size) <= SAME_SIZE * size
            and -SAME_START * size < indent < INDENT * size
            and -0.3 * size < below.top - above.bottom < WRAP_LEADING * size
            and x_overlap(above.box, below.box) > 0.5
            and _broken_for_want_of_room(above, below, last)
        ):
            return above
    return None


def _broken_for_want_of_room(above: Line, below: Line, last: Line) -> bool:
    """Whether ``below``'s first word would not have fit at the end of ``above`` in the column (from
    ``above``'s start, indented maybe, to the end edge of ``last``, or as wide as ``above`` if wider):
    the line broke because it was full, as a heading's does."""
    room = max(above.width, (above.x1 - last.x0) if above.rtl else (last.x1 - above.x0))
    first = below.words[0].box
    return above.width + WORD_SPACE * below.size + (first[2] - first[0]) > room
