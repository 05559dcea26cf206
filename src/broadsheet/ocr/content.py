"""A scanned page as :class:`PageContent`: OCR words become glyphs, and the pixels give rules and pictures.

Everything downstream of stage 1 then runs unchanged on scans. Tesseract gives word boxes, not font
sizes, so a line's size is estimated from its words' heights and letter shapes (an all-capital word
is only cap-height tall, a word with ``g`` or ``p`` reaches below the baseline), and every glyph of a
line gets the line's top and bottom, as a PDF's loose glyph boxes do.
"""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from PIL import Image

from broadsheet.geometry import Box
from broadsheet.ocr.image import find_gutters, find_pictures, find_rules, ink_mask, stroke_widths
from broadsheet.ocr.tesseract import DEFAULT_OCR_LIMITS, OcrLimits, OcrWord, read_words
from broadsheet.pdf.content import Glyphs, PageContent
from broadsheet.pdf.fonts import FontStyle

# What reads a page image's words, if not Tesseract.
WordReader = Callable[[Image.Image], list[OcrWord]]
REGULAR = FontStyle("ocr", bold=False, italic=False, invisible=False)
BOLD = FontStyle("ocr-bold", bold=True, italic=False, invisible=False)
# A word whose strokes are this much thicker, for its size, than the page's text is bold.
BOLD_STROKE = 1.5
# Line sizes this close to the body size are the body size: the estimate from word heights is noisy,
# and the stages after this one tell type apart by size.
SAME_SIZE = 0.25
# A line whose neighbours above and below in its column are each at most this many of the page's
# line pitches away (centre to centre) stands inside running text: display type needs more room,
# so its size is the body's, however big its words measured (a blot, a smudged word).
RUNNING_PITCH = 1.2
# ...or one neighbour that near whose left and right edges are both within this many body sizes of
# its own: a full line of a justified column (the first line under a column's top, the last above its foot).
SAME_EDGE = 1.0
# A column's gutter is a strip of paper with no ink over at least this many body sizes of height,
# and this share of the height of the page's text (a table's columns leave shorter strips inside a
# column).
GUTTER_SPAN = 15.0
GUTTER_SHARE = 0.4
# ...and at least this many body sizes wide (old papers' gutters are a quarter of an em and more; the
# gaps between letters that line up by chance, a pixel or two).
GUTTER_WIDTH = 0.25
# Lines this many body sizes big or more are display type, which gutters do not cut.
DISPLAY_SIZE = 1.5
# A word is cut at a vertical rule that runs through it at least this many of its heights from
# either end; OCR reads the rule's stroke as one of these characters.
RULE_MARGIN = 0.5
_RULE_STROKES = set("|[]!Il1")
# A word whose end reaches over a rule by at most this many of its heights ends at it (OCR's box
# takes in a hyphen's slack or a speck past a narrow gutter: "the-" joined to "pellation" across it).
OVERHANG = 0.25
# A word of at most STRAY_CHARS characters that Tesseract is unsure of (under STRAY_CONFIDENCE), at
# either end of its line and parted from the rest by more than STRAY_GAP line heights, is a speck or
# a smudge read as letters ("BR" after a centred heading): it would pull the line off its centre.
STRAY_CHARS = 2
STRAY_CONFIDENCE = 30
STRAY_GAP = 1.5
# Tesseract's confidence (0–100) in a word it is sure of.
SURE = 60
_TALL = set("bdfhklt0123456789()[]{}/\\|'\"!?%&$#@ßÄÖÜ")
_LOW = set("gjpqy")
_X_HEIGHT, _ASCENT, _DESCENT = 0.47, 0.72, 0.22  # in font sizes, for a typical Latin face


@dataclass(frozen=True, slots=True)
class _OcrLine:
    words: list[OcrWord]
    top: float
    bottom: float
    size: float | None  # estimated font size, in pixels; None: not known (then the body size)


def scan_content(
    image: Image.Image,
    number: int,
    languages: str,
    scale: float = 1.0,
    limits: OcrLimits = DEFAULT_OCR_LIMITS,
    read: WordReader | None = None,
) -> PageContent:
    """Stage 1 for a scan: read ``image`` with Tesseract in ``languages`` (within ``limits``), or with
    ``read`` when given (the Urdu CRNN, :func:`broadsheet.ocr.crnn_page.crnn_words`), and describe it in
    page units (pixels / ``scale``)."""
    image = image.convert("RGB") if image.mode not in ("1", "L", "RGB") else image
    ink = ink_mask(image)
    words = read(image) if read is not None else read_words(image, languages, limits)
    lines = _without_stray_marks(_lines(_clean(words)))
    body = _body_size(lines)
    hrules, vrules = find_rules(ink, min_length=max(int(4 * body), 30), max_thickness=max(int(0.35 * body), 2))
    text_top = int(min((w.box[1] for ln in lines for w in ln.words), default=0))
    text_bottom = int(max((w.box[3] for ln in lines for w in ln.words), default=0))
    span = max(GUTTER_SPAN * body, GUTTER_SHARE * (text_bottom - text_top))
    gutters = find_gutters(ink, int(span), max(int(GUTTER_WIDTH * body), 2), text_top, text_bottom)
    lines = _cut_into_columns(lines, hrules, vrules, gutters, body)
    words = [w for ln in lines for w in ln.words]
    pictures = find_pictures(ink, [w.box for w in words], cell=max(int(body), 4), min_size=int(4 * body))
    strokes = stroke_widths(ink, [w.box for w in words])
    glyphs = _glyphs(lines, strokes, body, scale)
    width, height = image.size
    return PageContent(
        number=number,
        width=width / scale,
        height=height / scale,
        glyphs=glyphs,
        hrules=[_scaled(b, scale) for b in hrules],
        # a gutter parts two columns' lines as a rule does, however narrow (old papers' are a few points)
        vrules=[_scaled(b, scale) for b in vrules + _beside_display(gutters, lines, body)],
        images=[_scaled(b, scale) for b in pictures],
        ocr=True,
    )


def _cut_into_columns(
    lines: list[_OcrLine], hrules: list[Box], vrules: list[Box], gutters: list[Box], body: float
) -> list[_OcrLine]:
    """The lines without words read off rules, cut at vertical rules and gutters, in the body size
    where they stand in running text. A line is judged running text before the cut too, which
    spares display type: a column's first line measured big (worn type at the page's head), at the
    pitch over a line with the same edges, is cut at its gutter like the lines under it (its last
    word, read over the gutter, joined the next column's line: "an State:")."""
    lines = _in_running_text(_off_rules(lines, hrules + vrules), body)
    return _in_running_text(_split_at_rules(lines, vrules, gutters, body), body)


def _off_rules(lines: list[_OcrLine], rules: list[Box]) -> list[_OcrLine]:
    """The lines without the words Tesseract read off a rule (``|``, ``—``)."""
    out = []
    for line in lines:
        words = [w for w in line.words if not any(_inside(w.box, r) for r in rules)]
        if words:
            out.append(replace(line, words=words))
    return out


def _split_at_rules(
    lines: list[_OcrLine], vrules: list[Box], gutters: Sequence[Box] = (), body: float = 0.0
) -> list[_OcrLine]:
    """The lines cut where a vertical rule or a column's gutter (``gutters``) runs between two of their
    words; gutters cut only lines in about the ``body`` size (a headline runs across its story's
    columns, and a gap between two of its letters may fall right over a gutter).

    Tesseract sometimes reads a row of an old paper's two columns as one line, straight across the
    column rule between them; the columns are then one text. The parts after a cut go to the end of
    the list, so that the glyphs of a line's two halves are not written one after the other (the line
    stage keeps glyphs written in a row together across wide gaps).
    """
    kept: list[_OcrLine] = []
    moved: list[_OcrLine] = []
    for line in lines:
        display = line.size is not None and line.size > DISPLAY_SIZE * body
        cuts = vrules if display else [*vrules, *gutters]
        cut = [part for w in line.words for part in _cut_word(w, cuts)]  # in the line's reading order
        words = sorted(cut, key=lambda w: w.box[0])
        parts: list[list[OcrWord]] = [[words[0]]]
        for left, right in itertools.pairwise(words):
            if any(_crosses(r, left.box[2], right.box[0], line.top, line.bottom) for r in cuts):
                parts.append([])
            parts[-1].append(right)
        if len(parts) == 1:
            kept.append(replace(line, words=cut) if len(cut) == len(line.words) else line)
            continue
        # each part its own size: the two columns' type may differ; its words in reading order still
        # (a right-to-left line's run from right to left)
        order = {id(w): k for k, w in enumerate(cut)}
        parts = [sorted(part, key=lambda w: order[id(w)]) for part in parts]
        halves = [replace(line, words=part, size=_line_size(_sure(part))) for part in parts]
        kept.append(halves[0])
        moved.extend(halves[1:])
    return kept + moved


def _beside_display(gutters: list[Box], lines: list[_OcrLine], body: float) -> list[Box]:
    """The gutters, each cut where a line in display type runs across it (a headline over its
    story's columns), so that the line stage does not part that line there."""
    out = []
    for gutter in gutters:
        x = (gutter[0] + gutter[2]) / 2
        top = gutter[1]
        crossing = sorted(
            (ln.top, ln.bottom)
            for ln in lines
            if ln.size is not None
            and ln.size > DISPLAY_SIZE * body
            and min(w.box[0] for w in ln.words) < x < max(w.box[2] for w in ln.words)
            and gutter[1] < ln.bottom
            and ln.top < gutter[3]
        )
        for line_top, line_bottom in crossing:
            if line_top > top:
                out.append((gutter[0], top, gutter[2], line_top))
            top = max(top, line_bottom)
        if top < gutter[3]:
            out.append((gutter[0], top, gutter[2], gutter[3]))
    return out


def _cut_word(word: OcrWord, vrules: list[Box]) -> list[OcrWord]:
    """A word read straight over a column rule ("Die]durch,": a column's last word, the rule, the next
    column's first word) as the two words it is, the rule's stroke dropped; a word reaching a little
    over a rule ("the-" over a narrow gutter) ends at it; other words as they are."""
    x0, y0, x1, y1 = word.box
    height = y1 - y0
    for rule in vrules:
        centre = (rule[0] + rule[2]) / 2
        if not (x0 < centre < x1 and rule[1] < y1 and rule[3] > y0):
            continue
        lettered = any(c.isalpha() and c not in _RULE_STROKES for c in word.text)  # not the rule's stroke read
        if lettered and centre >= x1 - OVERHANG * height:  # its end a little over the rule: a hyphen, OCR's slack
            return _cut_word(replace(word, box=(x0, y0, min(rule[0], x1 - 1), y1)), vrules)
        if not x0 + RULE_MARGIN * height < centre < x1 - RULE_MARGIN * height:
            continue
        at = round((centre - x0) / (x1 - x0) * len(word.text))
        strokes = [k for k in range(max(at - 1, 0), min(at + 2, len(word.text))) if word.text[k] in _RULE_STROKES]
        left, right = (
            (word.text[: strokes[0]], word.text[strokes[0] + 1 :]) if strokes else (word.text[:at], word.text[at:])
        )
        if not left or not right:
            continue
        return [
            replace(word, box=(x0, y0, rule[0], y1), text=left),
            *_cut_word(replace(word, box=(rule[2], y0, x1, y1), text=right), vrules),
        ]
    return [word]


def _crosses(rule: Box, x0: float, x1: float, top: float, bottom: float) -> bool:
    """Whether a vertical ``rule`` runs through the gap from ``x0`` to ``x1`` at the height of a line."""
    centre = (rule[0] + rule[2]) / 2
    return x0 - 1 <= centre <= x1 + 1 and rule[1] < bottom and rule[3] > top


def _clean(words: list[OcrWord]) -> list[OcrWord]:
    """Drop what Tesseract reads into specks and borders: unsure words without a letter or digit."""
    return [w for w in words if w.confidence >= 50 or any(c.isalnum() for c in w.text)]


def _lines(words: list[OcrWord]) -> list[_OcrLine]:
    """Tesseract's lines, each with a top, bottom and size taken from its sure words: on a worn page
    an unsure word is often a blot that spans two lines."""
    by_line: dict[tuple[int, int, int], list[OcrWord]] = defaultdict(list)
    for word in words:
        by_line[word.line].append(word)
    lines = []
    for members in by_line.values():
        sure = _sure(members)
        top = statistics.median(w.box[1] for w in sure)
        bottom = statistics.median(w.box[3] for w in sure)
        lines.append(_OcrLine(members, min(top, bottom - 1), bottom, _line_size(sure)))
    return lines


def _in_running_text(lines: list[_OcrLine], body: float) -> list[_OcrLine]:
    """The lines, those set between two lines of their column at the page's line pitch measured at
    the body size (size None): worn type makes words look big, never closer together."""
    if len(lines) < 3:
        return lines
    spans = [(min(w.box[0] for w in ln.words), max(w.box[2] for w in ln.words)) for ln in lines]
    centres = [(ln.top + ln.bottom) / 2 for ln in lines]
    order = sorted(range(len(lines)), key=lambda k: centres[k])
    below: dict[int, int] = {}
    above: dict[int, int] = {}
    for i, k in enumerate(order):
        for j in order[i + 1 :]:
            if _shares_column(spans[k], spans[j]) and centres[j] > centres[k]:
                below[k], above[j] = j, k
                break
    gaps = sorted(centres[j] - centres[k] for k, j in below.items())
    if not gaps:
        return lines
    pitch = gaps[len(gaps) // 2]

    def near(k: int, j: int | None) -> bool:
        return j is not None and abs(centres[j] - centres[k]) <= RUNNING_PITCH * pitch

    def aligned(k: int, j: int | None) -> bool:
        return j is not None and all(abs(a - b) < SAME_EDGE * body for a, b in zip(spans[k], spans[j], strict=True))

    out = []
    for k, line in enumerate(lines):
        big = line.size is not None and abs(line.size / body - 1.0) >= SAME_SIZE
        up, down = above.get(k), below.get(k)
        # between two lines of its column, or one with the same two edges (a justified column's line)
        inside = (
            (near(k, up) and near(k, down)) or (near(k, up) and aligned(k, up)) or (near(k, down) and aligned(k, down))
        )
        out.append(replace(line, size=None) if big and inside else line)
    return out


def _shares_column(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two lines' spans overlap by half the narrower one."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0.5 * min(a[1] - a[0], b[1] - b[0])


def _sure(words: list[OcrWord]) -> list[OcrWord]:
    """The words Tesseract is sure of (all of them when it is sure of none)."""
    return [w for w in words if w.confidence >= SURE] or words


def _without_stray_marks(lines: list[_OcrLine]) -> list[_OcrLine]:
    """The lines without the specks OCR read as short words at their ends, away from their text."""
    out = []
    for line in lines:
        words = sorted(line.words, key=lambda w: w.box[0])
        gap = STRAY_GAP * (line.bottom - line.top)
        while len(words) > 1 and _stray(words[-1]) and words[-1].box[0] - words[-2].box[2] > gap:
            words.pop()
        while len(words) > 1 and _stray(words[0]) and words[1].box[0] - words[0].box[2] > gap:
            words.pop(0)
        out.append(replace(line, words=words) if len(words) < len(line.words) else line)
    return out


def _stray(word: OcrWord) -> bool:
    return len(word.text) <= STRAY_CHARS and word.confidence < STRAY_CONFIDENCE


def _line_size(words: list[OcrWord]) -> float | None:
    """The font size that explains the words' heights, given which letters rise or descend; None
    when fewer than two sure words tell.

    The lower quartile of the words' estimates, not their median: a word box only ever grows by
    mistake (a speck of ink, a touching letter of the line above), so small estimates are the sound ones.
    """
    estimates = sorted(
        (w.box[3] - w.box[1]) / _em_height(w.text)
        for w in words
        if sum(c.isalpha() for c in w.text) >= 2 and w.confidence >= SURE
    )
    return estimates[(len(estimates) - 1) // 4] if len(estimates) >= 2 else None


def _em_height(text: str) -> float:
    if not any(c.isascii() and c.isalpha() for c in text):
        return _ASCENT + _DESCENT  # other scripts: assume the word spans ascent and descent
    top = _ASCENT if any(c.isupper() or c in _TALL for c in text) else _X_HEIGHT
    return top + (_DESCENT if any(c in _LOW for c in text) else 0.0)


def _body_size(lines: list[_OcrLine]) -> float:
    """The size most words are set in (weighted by words, so one big headline does not count much)."""
    sizes = [ln.size for ln in lines if ln.size is not None for _ in ln.words]
    return statistics.median(sizes) if sizes else 12.0


def _snapped(size: float | None, body: float) -> float:
    """The line's size, or the body size when it is unknown or close to it."""
    return body if size is None or abs(size / body - 1.0) < SAME_SIZE else size


def _glyphs(lines: list[_OcrLine], strokes: list[float], body: float, scale: float) -> Glyphs:
    """One glyph per character: a word's box shared out evenly among its characters (right to left
    for right-to-left words, but for their digits), each glyph as tall as its line."""
    line_sizes = [_snapped(ln.size, body) for ln in lines]
    sizes = [line_size for ln, line_size in zip(lines, line_sizes, strict=True) for _ in ln.words]
    relative = [s / max(size, 1.0) for s, size in zip(strokes, sizes, strict=True)]
    normal = statistics.median(relative) if relative else 0.0
    text: list[str] = []
    boxes: list[tuple[float, float, float, float]] = []
    size: list[float] = []
    font: list[int] = []
    space: list[bool] = []
    k = 0
    for line, line_size in zip(lines, line_sizes, strict=True):
        for i, word in enumerate(line.words):
            bold = normal > 0 and relative[k] > BOLD_STROKE * normal
            k += 1
            n = len(word.text)
            x0, _, x1, _ = word.box
            step = (x1 - x0) / n
            # a right-to-left word's letters from the right, but its numbers' digits left to right, as
            # printed; in reading order all the same (the line stage tells a stream's order by its glyphs')
            rtl = _is_rtl(word.text)
            slots = _rtl_slots(word.text) if rtl else list(range(n))
            first = n - 1 if rtl else 0  # the space before the word is on this slot's outer side
            for j, ch in enumerate(word.text):
                left = x0 + slots[j] * step
                text.append(ch)
                boxes.append((left, line.top, left + step, line.bottom))
                size.append(line_size)
                font.append(1 if bold else 0)
                space.append(slots[j] == first and i > 0)
    box = np.array(boxes, dtype=np.float64).reshape(-1, 4) / scale
    return Glyphs(
        text=text,
        box=box,
        size=np.array(size, dtype=np.float64) / scale,
        font=np.array(font, dtype=np.int32),
        space_before=np.array(space, dtype=np.bool_),
        fonts=[REGULAR, BOLD],
    )


def _rtl_slots(text: str) -> list[int]:
    """Where each character of a right-to-left word stands, counted from its left: the last on the
    left, except that a run of digits reads left to right within its place."""
    n = len(text)
    slots = [n - 1 - k for k in range(n)]
    k = 0
    while k < n:
        if not text[k].isdigit():
            k += 1
            continue
        end = k
        while end < n and text[end].isdigit():
            end += 1
        for j in range(k, end):  # the run's own place, from n - end, in its own order
            slots[j] = n - end + (j - k)
        k = end
    return slots


def _is_rtl(text: str) -> bool:
    return any("\u0590" <= c <= "\u08ff" or "\ufb1d" <= c <= "\ufefc" for c in text)


def _inside(box: Box, rule: Box) -> bool:
    """The word's centre lies on the rule: Tesseract read the rule as a word (``|``, ``—``)."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return rule[0] <= cx <= rule[2] and rule[1] - 2 <= cy <= rule[3] + 2


def _scaled(box: Box, scale: float) -> Box:
    return (box[0] / scale, box[1] / scale, box[2] / scale, box[3] / scale)
