"""Stage 2: glyphs → words → lines.

Glyphs are first chained into runs in content-stream order (publishers' software writes a line's
glyphs together), then runs sitting on the same baseline are merged into line fragments unless a
gap as wide as a column gutter — or a vertical rule — separates them. Words come from the PDF's own
space characters and, where a PDF has none (LaTeX), from gaps between glyphs.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

import numpy as np

from broadsheet.geometry import Box
from broadsheet.pdf.content import FontStyle, Glyphs

# A gap wider than this many font sizes separates two line fragments (column gutters)...
FRAGMENT_GAP = 0.75
# ...unless the PDF wrote the two glyphs one after the other: then only a gap this wide does
# (justified text in narrow columns stretches word spaces).
STREAM_GAP = 1.6
# Without space characters in the PDF, a gap wider than this many font sizes separates words.
WORD_GAP_NO_SPACES = 0.13
# With space characters in the PDF, only a gap this wide adds a space the PDF did not write.
WORD_GAP_WITH_SPACES = 0.45


@dataclass(slots=True)
class Word:
    box: Box
    text: str


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

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

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


def is_rtl_char(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def _is_ltr_char(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("L", "EN", "AN")


def find_lines(glyphs: Glyphs, vrules: list[Box] | None = None) -> list[Line]:
    """Group the page's glyphs into lines (unordered; later stages decide the reading order)."""
    if len(glyphs) == 0:
        return []
    runs = _stream_runs(glyphs)
    rows = _rows(glyphs, runs)
    has_spaces = bool(glyphs.space_before.sum() > 0.02 * len(glyphs))
    lines: list[Line] = []
    for row in rows:
        for fragment in _split_row(glyphs, row, vrules or []):
            lines.append(_make_line(glyphs, fragment, has_spaces))
    return lines


def _stream_runs(glyphs: Glyphs) -> list[list[int]]:
    """Consecutive glyphs on one baseline, in the order the PDF wrote them."""
    box, size = glyphs.box, glyphs.size
    cy = (box[:, 1] + box[:, 3]) / 2
    runs: list[list[int]] = [[0]]
    for i in range(1, len(glyphs)):
        j = i - 1
        s = max(min(size[i], size[j]), 1.0)
        same_row = abs(cy[i] - cy[j]) < 0.3 * s and 0.7 < size[i] / max(size[j], 0.1) < 1.43
        # onwards to the right (or, for right-to-left text, to the left), never back to a line start
        rightwards = box[i, 0] > box[j, 0] - 0.3 * s and box[i, 0] - box[j, 2] < STREAM_GAP * s
        leftwards = box[i, 2] < box[j, 2] + 0.3 * s and box[j, 0] - box[i, 2] < STREAM_GAP * s
        near = rightwards or leftwards
        if same_row and near:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _rows(glyphs: Glyphs, runs: list[list[int]]) -> list[list[list[int]]]:
    """Gather runs that share a baseline band and a font size into rows."""
    box, size = glyphs.box, glyphs.size
    info = []
    for run in runs:
        idx = np.asarray(run)
        info.append((float(np.median((box[idx, 1] + box[idx, 3]) / 2)), float(np.median(size[idx])), run))
    info.sort(key=lambda t: t[0])
    rows: list[tuple[float, float, list[list[int]]]] = []
    open_rows: list[int] = []
    for cy, s, run in info:
        target = None
        for r in reversed(open_rows):
            rcy, rs, _ = rows[r]
            if abs(cy - rcy) < 0.3 * min(s, rs) and 0.75 < s / max(rs, 0.1) < 1.33:
                target = r
                break
        if target is None:
            rows.append((cy, s, [run]))
            open_rows.append(len(rows) - 1)
        else:
            rows[target][2].append(run)
        # rows far above the current baseline can no longer receive runs
        open_rows = [r for r in open_rows if cy - rows[r][0] < 2 * max(rows[r][1], s)]
    return _attach_superscripts(glyphs, rows)


def _attach_superscripts(glyphs: Glyphs, rows: list[tuple[float, float, list[list[int]]]]) -> list[list[list[int]]]:
    """Short runs in smaller type beside a line ("17th", "TM") join that line's row."""
    box = glyphs.box
    kept: list[tuple[float, float, list[list[int]]]] = []
    small = []
    for row in rows:
        if sum(len(run) for run in row[2]) <= 4:
            small.append(row)
        else:
            kept.append(row)
    for cy, s, runs in small:
        left = min(float(box[run, 0].min()) for run in runs)
        right = max(float(box[run, 2].max()) for run in runs)
        host = None
        for row in kept:
            rcy, rs, rruns = row
            if not (0.45 < s / max(rs, 0.1) <= 0.8 and abs(cy - rcy) < 0.6 * rs):
                continue
            if any(-0.3 * rs < left - float(box[run, 2].max()) < 0.3 * rs for run in rruns) or any(
                -0.3 * rs < float(box[run, 0].min()) - right < 0.5 * rs for run in rruns
            ):
                host = row
                break
        if host is None:
            kept.append((cy, s, runs))
        else:
            host[2].extend(runs)
    return [row[2] for row in kept]


def _split_row(glyphs: Glyphs, row: list[list[int]], vrules: list[Box]) -> list[list[int]]:
    """Split a row at gutters: wide gaps, or vertical rules crossing the row.

    Runs keep their stream order inside (ligatures and kerning can put glyphs out of x order).
    """
    box, size = glyphs.box, glyphs.size
    runs = sorted(row, key=lambda run: float(box[run, 0].min()))
    successor = {run[-1] + 1 for run in runs}
    s = float(np.median([size[run[0]] for run in runs]))
    top = min(float(box[run, 1].min()) for run in runs)
    bottom = max(float(box[run, 3].max()) for run in runs)
    cuts = [(r[0] + r[2]) / 2 for r in vrules if r[1] < bottom and r[3] > top]
    fragments: list[list[int]] = [list(runs[0])]
    right = float(box[runs[0], 2].max())
    for run in runs[1:]:
        left = float(box[run, 0].min())
        gap = left - right
        crosses = gap > 0 and any(right - 1 <= x <= left + 1 for x in cuts)
        # written right after the run before it: a stretched word space, not a gutter
        written_next = run[0] in successor and run[0] - 1 in fragments[-1] and gap < 4 * s
        if (gap > FRAGMENT_GAP * s and not written_next) or crosses:
            fragments.append(list(run))
        else:
            fragments[-1].extend(run)
        right = max(right, float(box[run, 2].max()))
    return fragments


def _make_line(glyphs: Glyphs, fragment: list[int], has_spaces: bool) -> Line:
    box, size = glyphs.box, glyphs.size
    idx = np.asarray(fragment)
    s = float(np.median(size[idx]))
    text = "".join(glyphs.text[i] for i in fragment)
    rtl = sum(1 for ch in text if is_rtl_char(ch)) > 0.3 * len(text)
    if rtl:  # right-to-left runs may be written in either order: go by position
        fragment = sorted(fragment, key=lambda i: float(box[i, 0]))
    raw_words = _words(glyphs, fragment, s, has_spaces)
    if rtl:
        words = [_rtl_word(w) for w in reversed(raw_words)]
    else:
        words = [Word(b, "".join(ch for _, ch in chars)) for b, chars in raw_words]
    fonts = Counter(int(glyphs.font[i]) for i in fragment)
    style = glyphs.fonts[fonts.most_common(1)[0][0]]
    n = len(fragment)
    bold = sum(c for f, c in fonts.items() if glyphs.fonts[f].bold) / n
    italic = sum(c for f, c in fonts.items() if glyphs.fonts[f].italic) / n
    line_box = (
        float(box[idx, 0].min()),
        float(box[idx, 1].min()),
        float(box[idx, 2].max()),
        float(box[idx, 3].max()),
    )
    return Line(box=line_box, words=words, size=s, style=style, bold=bold, italic=italic, rtl=rtl)


_RawWord = tuple[Box, list[tuple[float, str]]]


def _words(glyphs: Glyphs, fragment: list[int], s: float, has_spaces: bool) -> list[_RawWord]:
    """Split a fragment (sorted left to right) into words by spaces and gaps."""
    box = glyphs.box
    gap_limit = (WORD_GAP_WITH_SPACES if has_spaces else WORD_GAP_NO_SPACES) * s
    words: list[_RawWord] = []
    current: list[int] = []
    right = -1e9
    for i in fragment:
        gap = box[i, 0] - right
        if current and (glyphs.space_before[i] or gap > gap_limit):
            words.append(_raw_word(glyphs, current))
            current = []
        current.append(i)
        right = max(right, box[i, 2]) if current[:-1] else box[i, 2]
    if current:
        words.append(_raw_word(glyphs, current))
    return words


def _raw_word(glyphs: Glyphs, idx: list[int]) -> _RawWord:
    b = glyphs.box[idx]
    word_box = (float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max()))
    return word_box, [(float(glyphs.box[i, 0]), glyphs.text[i]) for i in idx]


def _rtl_word(word: _RawWord) -> Word:
    """Right-to-left glyphs read from the right, except runs of digits and Latin inside them."""
    box, chars = word
    ordered = [ch for _, ch in sorted(chars, key=lambda t: -t[0])]
    out: list[str] = []
    ltr_run: list[str] = []
    for ch in ordered:
        if _is_ltr_char(ch) or (ltr_run and ch in ".,:/-"):
            ltr_run.append(ch)
            continue
        out.extend(reversed(ltr_run))
        ltr_run = []
        out.append(ch)
    out.extend(reversed(ltr_run))
    return Word(box, "".join(out))
