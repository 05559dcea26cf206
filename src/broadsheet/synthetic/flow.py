"""Setting running text into columns: line breaking, hyphenation, justification, obstacles.

Text is flowed line by line through a list of frames (column parts, in reading order). Each line
takes the widest stretch of its frame not covered by an obstacle (a photo, a pull quote, a drop
cap), which is how text wraps around pictures. The result is a list of placed lines, not yet
drawn: the caller may cut the text at a sentence end and flow again, so that a story ends where a
real one would, or hand the rest to a continuation on another page.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from broadsheet.extract.model import Box
from broadsheet.synthetic import fonts
from broadsheet.synthetic.sheet import Color, Owner, Sheet

_VOWELS = set("aeiouyàáâãäåèéêëìíîïòóôõöùúûüAEIOUYÀÁÂÉÈÍÓÔÚÜ")
_SENTENCE_END = re.compile(r"[.!?؟][”»\"']?$")


@dataclass(frozen=True)
class BodyStyle:
    """How running text looks: chosen per page so that rules cannot overfit one style."""

    font: str
    size: float
    leading: float
    justify: bool = True
    indent: float = 0.0  # first-line indent of paragraphs after the first
    para_gap: float = 0.0  # extra space between paragraphs
    hyphenate: bool = True
    rtl: bool = False
    nospace: bool = False  # words placed by gaps only, no space characters (as LaTeX does)
    color: Color = (0.0, 0.0, 0.0)
    grid0: float = 0.0  # origin of the page's baseline grid

    def snap(self, baseline: float) -> float:
        """The first grid baseline at or below ``baseline``. Body text on a shared baseline grid
        is how papers are set, and it keeps line-clustering readers (pdfplumber) from chaining
        the lines of neighbouring columns together."""
        k = math.ceil((baseline - self.grid0) / self.leading - 1e-6)
        return self.grid0 + k * self.leading

    @property
    def above(self) -> float:
        return fonts.extent(self.font)[0] * self.size

    @property
    def below(self) -> float:
        return fonts.extent(self.font)[1] * self.size


@dataclass(frozen=True)
class Frame:
    """A column part the text may occupy, and the region group its lines belong to."""

    x0: float
    y0: float
    x1: float
    y1: float
    group: str
    first_baseline: float | None = None  # overrides the default y0 + ascent


@dataclass
class Line:
    frame: int
    baseline: float
    pieces: list[tuple[float, str, float]]  # (x, text, width)
    bold: frozenset[int] = frozenset()  # indices of pieces set in the run-in label font


@dataclass(frozen=True)
class RunIn:
    """Tokens set in bold inside the running text (run-in labels such as "Methods:"), by
    (paragraph, word) index. They stay part of the body; they are never hyphenated and never
    count as a sentence end, so a cut story does not end on a bare label."""

    font: str = ""
    tokens: frozenset[tuple[int, int]] = frozenset()


@dataclass
class FlowResult:
    lines: list[Line] = field(default_factory=list)
    para: int = 0  # tokens placed completely: paragraphs before `para`, plus `word` tokens of it
    word: int = 0
    done: bool = False
    last_y: dict[int, float] = field(default_factory=dict)  # bottom of the last line per frame


def split_points(word: str) -> list[int]:
    """Where ``word`` may be broken with a hyphen, as indices into it (rough syllable rule)."""
    if "-" in word.strip("-"):
        return [i + 1 for i, c in enumerate(word) if c == "-" and 2 <= i < len(word) - 2]
    core = word.rstrip(".,;:!?”»)\"'")
    if len(core) < 6 or not core.isalpha():
        return []
    pts = []
    for i in range(2, len(core) - 2):
        a, b, c = core[i - 1], core[i], core[i + 1]
        if (a in _VOWELS and b not in _VOWELS and c in _VOWELS) or (
            a not in _VOWELS and b not in _VOWELS and a != b and core[i - 2] in _VOWELS and c in _VOWELS
        ):
            pts.append(i)
    return pts


def is_sentence_end(token: str) -> bool:
    return bool(_SENTENCE_END.search(token))


def flow(
    paras: list[list[str]],
    style: BodyStyle,
    frames: list[Frame],
    obstacles: list[Box],
    *,
    open_end: bool = False,
    first_indent: bool = False,
    runin: RunIn = RunIn(),
) -> FlowResult:
    """Set ``paras`` into ``frames``; stops when the text or the frames run out."""
    size, rtl = style.size, style.rtl
    space = fonts.measure(" ", style.font, size, rtl)
    gap0 = max(space, 3.6) if style.nospace else space
    res = FlowResult()
    pi, wi = 0, 0
    pending: str | None = None  # rest of a word broken at the previous line end
    fresh_para = True
    for fi, fr in enumerate(frames):
        if pi >= len(paras):
            break
        base = style.snap(fr.first_baseline if fr.first_baseline is not None else fr.y0 + style.above)
        first_in_frame = True
        colw = fr.x1 - fr.x0
        while pi < len(paras) and base + style.below <= fr.y1 + 0.01:
            if fresh_para and not first_in_frame and style.para_gap and pi > 0:
                base += style.para_gap
                if base + style.below > fr.y1 + 0.01:
                    break
            top, bottom = base - style.above - 1.0, base + style.below + 1.0
            a, b = _free_interval(fr.x0, fr.x1, top, bottom, obstacles)
            if b - a < 0.4 * colw:
                base += style.leading
                continue
            indent = style.indent if fresh_para and (pi > 0 or first_indent) else 0.0
            x = a + indent
            avail = b - x
            words: list[tuple[str, float]] = []
            bold: set[int] = set()
            used = 0.0
            para = paras[pi]
            broke = False
            while True:
                if pending is not None:
                    tok = pending
                elif wi < len(para):
                    tok = para[wi]
                else:
                    break
                label = pending is None and (pi, wi) in runin.tokens
                tw = fonts.measure(tok, runin.font if label else style.font, size, rtl)
                need = used + (gap0 if words else 0.0) + tw
                if need <= avail:
                    if label:
                        bold.add(len(words))
                    words.append((tok, tw))
                    used = need
                    if pending is not None:
                        pending = None
                    wi += 1
                    continue
                # does not fit: break the word, or end the line
                room = avail - used - (gap0 if words else 0.0)
                hyphenate = (style.hyphenate and not label) or not words
                part = _hyphen_split(tok, style, room, force=not words) if hyphenate else None
                if part is not None:
                    head, tail = part
                    words.append((head, fonts.measure(head, style.font, size, rtl)))
                    pending = tail
                elif not words:  # nothing fits at all: place it anyway rather than loop
                    words.append((tok, tw))
                    pending = None
                    wi += 1
                broke = True
                break
            para_done = pending is None and wi >= len(para)
            last_line = para_done and not (open_end and pi == len(paras) - 1)
            natural = sum(w for _, w in words) + gap0 * (len(words) - 1)
            gap = gap0
            if style.justify and broke and not last_line and len(words) > 1:
                gap = gap0 + (avail - natural) / (len(words) - 1)
            pieces = []
            px = x
            for tok, tw in words:
                pieces.append((px, tok, tw))
                px += tw + gap
            res.lines.append(Line(fi, base, pieces, frozenset(bold)))
            res.last_y[fi] = base + style.below
            first_in_frame = False
            base += style.leading
            fresh_para = para_done
            if para_done:
                pi, wi = pi + 1, 0
        if pi >= len(paras):
            break
    res.para, res.word = pi, wi
    if pending is not None:  # a broken word counts as not placed
        res.word = max(0, wi)
    res.done = pi >= len(paras)
    return res


def _free_interval(x0: float, x1: float, top: float, bottom: float, obstacles: list[Box]) -> tuple[float, float]:
    spans = [(x0, x1)]
    for o in obstacles:
        if o[1] < bottom and o[3] > top and o[0] < x1 and o[2] > x0:
            nxt = []
            for a, b in spans:
                if o[2] <= a or o[0] >= b:
                    nxt.append((a, b))
                    continue
                if o[0] > a:
                    nxt.append((a, o[0]))
                if o[2] < b:
                    nxt.append((o[2], b))
            spans = nxt
    if not spans:
        return (x0, x0)
    return max(spans, key=lambda s: s[1] - s[0])


def _hyphen_split(tok: str, style: BodyStyle, room: float, force: bool) -> tuple[str, str] | None:
    """Split ``tok`` so that its head (with a hyphen) fits in ``room``; None when impossible."""
    if room <= 0:
        return None
    size, rtl, font = style.size, style.rtl, style.font
    if not rtl:
        for i in reversed(split_points(tok)):
            head = tok[:i] if tok[i - 1] == "-" else tok[:i] + "-"
            if fonts.measure(head, font, size, rtl) <= room:
                return head, tok[i:]
    if force and not rtl and len(tok) > 3:  # an overlong word in a narrow column
        for i in range(len(tok) - 2, 1, -1):
            head = tok[:i] + "-"
            if fonts.measure(head, font, size, rtl) <= room:
                return head, tok[i:]
    return None


def placed(paras: list[list[str]], para: int, word: int) -> list[list[str]]:
    """The paragraphs fully placed by a flow that stopped at (``para``, ``word``)."""
    out = [list(p) for p in paras[:para]]
    if para < len(paras) and word > 0:
        out.append(list(paras[para][:word]))
    return out


def rest(paras: list[list[str]], para: int, word: int) -> list[list[str]]:
    """What a flow that stopped at (``para``, ``word``) left over."""
    if para >= len(paras):
        return []
    return [list(paras[para][word:])] + [list(p) for p in paras[para + 1 :]]


def cut_at_sentence(
    paras: list[list[str]], para: int, word: int, labels: frozenset[tuple[int, int]] = frozenset()
) -> list[list[str]]:
    """The placed text shortened to its last complete sentence (keeps at least one token);
    a run-in label in ``labels`` ("Background.") is no sentence end."""
    kept = placed(paras, para, word)
    while kept:
        last = kept[-1]
        while last and (not is_sentence_end(last[-1]) or (len(kept) - 1, len(last) - 1) in labels):
            last.pop()
        if last:
            return kept
        kept.pop()
    return placed(paras, para, word) or [paras[0][:1]]


def draw_lines(
    sheet: Sheet, res: FlowResult, style: BodyStyle, frames: list[Frame], item: str, runin: RunIn = RunIn()
) -> None:
    for line in res.lines:
        owner: Owner = (item, frames[line.frame].group)
        n = len(line.pieces)
        for k, (x, tok, tw) in enumerate(line.pieces):
            sheet.text(
                x,
                line.baseline,
                tok,
                runin.font if k in line.bold else style.font,
                style.size,
                owner,
                color=style.color,
                rtl=style.rtl,
                space_after=(k < n - 1) and not style.nospace,
                width=tw,
            )


def join_body(paras: list[list[str]]) -> str:
    """Ground-truth body text: words joined by spaces, paragraphs by a blank line."""
    return "\n\n".join(" ".join(p) for p in paras if p)
