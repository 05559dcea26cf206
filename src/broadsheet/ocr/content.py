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
from dataclasses import dataclass, replace

import numpy as np
from PIL import Image

from broadsheet.geometry import Box
from broadsheet.ocr.image import find_pictures, find_rules, ink_mask, stroke_widths
from broadsheet.ocr.tesseract import DEFAULT_OCR_LIMITS, OcrLimits, OcrWord, read_words
from broadsheet.pdf.content import FontStyle, Glyphs, PageContent

REGULAR = FontStyle("ocr", bold=False, italic=False, invisible=False)
BOLD = FontStyle("ocr-bold", bold=True, italic=False, invisible=False)
# A word whose strokes are this much thicker, for its size, than the page's text is bold.
BOLD_STROKE = 1.5
# Line sizes this close to the body size are the body size: the estimate from word heights is noisy,
# and the stages after this one tell type apart by size.
SAME_SIZE = 0.25
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
    image: Image.Image, number: int, languages: str, scale: float = 1.0, limits: OcrLimits = DEFAULT_OCR_LIMITS
) -> PageContent:
    """Stage 1 for a scan: read ``image`` with Tesseract (within ``limits``) and describe it in page units
    (pixels / ``scale``)."""
    image = image.convert("RGB") if image.mode not in ("1", "L", "RGB") else image
    ink = ink_mask(image)
    lines = _lines(_clean(read_words(image, languages, limits)))
    body = _body_size(lines)
    hrules, vrules = find_rules(ink, min_length=max(int(4 * body), 30), max_thickness=max(int(0.35 * body), 2))
    lines = _split_at_rules(_off_rules(lines, hrules + vrules), vrules)
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
        vrules=[_scaled(b, scale) for b in vrules],
        images=[_scaled(b, scale) for b in pictures],
        ocr=True,
    )


def _off_rules(lines: list[_OcrLine], rules: list[Box]) -> list[_OcrLine]:
    """The lines without the words Tesseract read off a rule (``|``, ``—``)."""
    out = []
    for line in lines:
        words = [w for w in line.words if not any(_inside(w.box, r) for r in rules)]
        if words:
            out.append(replace(line, words=words))
    return out


def _split_at_rules(lines: list[_OcrLine], vrules: list[Box]) -> list[_OcrLine]:
    """The lines cut where a vertical rule runs between two of their words.

    Tesseract sometimes reads a row of an old paper's two columns as one line, straight across the
    column rule between them; the columns are then one text. The parts after a cut go to the end of
    the list, so that the glyphs of a line's two halves are not written one after the other (the line
    stage keeps glyphs written in a row together across wide gaps).
    """
    kept: list[_OcrLine] = []
    moved: list[_OcrLine] = []
    for line in lines:
        words = sorted(line.words, key=lambda w: w.box[0])
        parts: list[list[OcrWord]] = [[words[0]]]
        for left, right in itertools.pairwise(words):
            if any(_crosses(r, left.box[2], right.box[0], line.top, line.bottom) for r in vrules):
                parts.append([])
            parts[-1].append(right)
        kept.append(replace(line, words=parts[0]) if len(parts) > 1 else line)
        moved.extend(replace(line, words=part) for part in parts[1:])
    return kept + moved


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
        sure = [w for w in members if w.confidence >= SURE] or members
        top = statistics.median(w.box[1] for w in sure)
        bottom = statistics.median(w.box[3] for w in sure)
        lines.append(_OcrLine(members, min(top, bottom - 1), bottom, _line_size(sure)))
    return lines


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
    for right-to-left words), each glyph as tall as its line."""
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
            rtl = _is_rtl(word.text)
            for j, ch in enumerate(word.text):
                left = x1 - (j + 1) * step if rtl else x0 + j * step
                text.append(ch)
                boxes.append((left, line.top, left + step, line.bottom))
                size.append(line_size)
                font.append(1 if bold else 0)
                space.append(j == 0 and i > 0)
    box = np.array(boxes, dtype=np.float64).reshape(-1, 4) / scale
    return Glyphs(
        text=text,
        box=box,
        size=np.array(size, dtype=np.float64) / scale,
        font=np.array(font, dtype=np.int32),
        space_before=np.array(space, dtype=np.bool_),
        fonts=[REGULAR, BOLD],
    )


def _is_rtl(text: str) -> bool:
    return any("\u0590" <= c <= "\u08ff" or "\ufb1d" <= c <= "\ufefc" for c in text)


def _inside(box: Box, rule: Box) -> bool:
    """The word's centre lies on the rule: Tesseract read the rule as a word (``|``, ``—``)."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return rule[0] <= cx <= rule[2] and rule[1] - 2 <= cy <= rule[3] + 2


def _scaled(box: Box, scale: float) -> Box:
    return (box[0] / scale, box[1] / scale, box[2] / scale, box[3] / scale)
