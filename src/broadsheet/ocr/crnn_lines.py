"""What the Nastaliq CRNN and its training share, without PyTorch: the alphabet, the order of a line's
characters, and a line image as the network sees it.

The network reads a line's pixels left to right, so its truth is a line's characters in the order they
are drawn (an Urdu line reversed, its numbers not): :func:`drawing_order`, which is its own inverse, puts
what the network reads back into reading order too. Every line — rendered for training, cut from a page
or given whole — is made the same tensor by :func:`line_input` (cropped to its ink, scaled to
:data:`HEIGHT` pixels): the network never learns a margin or a size that only training had.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageOps

# Lines are scaled to this height: Nastaliq's ink is some two ems tall, so at 48 pixels a 12 pt line's
# letters keep about the size a 10 pt Latin line has at 20 pixels.
HEIGHT = 48
# White kept around the ink, as a share of the ink's height, before scaling.
PAD = 0.06
# The network's output columns are its input's divided by this (two 2×2 poolings).
STRIDE = 4
# Lines are widened by this much beyond their proportions: Nastaliq packs some two letters into a width
# of one em, and CTC needs about two output columns per letter (a blank between repeated letters).
WIDEN = 1.25
_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_PUNCTUATION = "۔،"

FloatArray = npt.NDArray[np.float32]


@cache
def alphabet() -> str:
    """Every character a line can have, in a fixed order (index + 1 is its class; 0 is CTC's blank).

    Taken from the *training* side only (its words, the templates' words, Urdu digits and punctuation),
    so that the model's classes say nothing about the test text."""
    # here, not at the top: the synthetic package imports extraction, which reads scans with the CRNN
    from broadsheet.synthetic.urdu_text import _TEMPLATES, lexicon  # the templates' words and punctuation

    chars: set[str] = set(_DIGITS + _PUNCTUATION + " ")
    train = lexicon().side("train")
    for words in train.words.values():
        for word in words:
            chars.update(word)
    for line in _TEMPLATES["train"]:
        chars.update(c for c in line if c not in "{}" and not c.isascii())
    return "".join(sorted(chars))


def drawing_order(text: str) -> str:
    """``text`` in the order its characters are drawn left to right, or back: a right-to-left line
    reversed with its runs of digits kept left to right, each combining mark (ٰ, ٔ) after its letter.
    The same function both ways, since reversing twice is the identity."""
    out: list[str] = []
    run: list[str] = []
    for c in reversed(text):
        if c.isdigit():
            run.append(c)
            continue
        out.extend(reversed(run))
        run = []
        out.append(c)
    out.extend(reversed(run))
    k = 0
    while k < len(out) - 1:  # a mark reversed before its letter goes back after it
        if unicodedata.combining(out[k]) and not unicodedata.combining(out[k + 1]):
            out[k], out[k + 1] = out[k + 1], out[k]
            k += 1
        k += 1
    return "".join(out)


def encode(text: str, letters: str) -> list[int]:
    """A line's classes in drawing order; characters outside ``letters`` are left out."""
    index = {c: k + 1 for k, c in enumerate(letters)}
    return [index[c] for c in drawing_order(text) if c in index]


def decode(classes: npt.NDArray[np.int64], letters: str) -> str:
    """Greedy CTC: the best class of each column, repeats merged, blanks dropped, back in reading order."""
    out: list[str] = []
    previous = 0
    for k in classes.tolist():
        if k != previous and k != 0:
            out.append(letters[k - 1])
        previous = k
    return " ".join(drawing_order("".join(out)).split())


def ink_box(grey: Image.Image, threshold: int = 160) -> tuple[int, int, int, int] | None:
    """The box of a grey image's dark pixels (x0, y0, x1, y1, ends excluded), or None when it has none."""
    ink = np.asarray(grey) < threshold
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows.size == 0:
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def line_input(image: Image.Image, stretch: float = 1.0) -> FloatArray:
    """A line image as the network reads it: grey, cropped to its ink with :data:`PAD` of white, scaled
    to :data:`HEIGHT` (width in proportion, times :data:`WIDEN` and ``stretch``), ink 1 and paper 0."""
    return placed_input(image, stretch)[0]


def placed_input(image: Image.Image, stretch: float = 1.0) -> tuple[FloatArray, float, float]:
    """:func:`line_input`, with where its columns lie on ``image``: input column ``c`` starts at
    ``offset + c * step`` pixels (what places the words read back on the line)."""
    grey = image.convert("L")
    box = ink_box(grey)
    offset = 0.0
    if box is not None:
        x0, y0, _x1, y1 = box
        pad = max(1, round(PAD * (y1 - y0)))
        grey = ImageOps.expand(grey.crop(box), border=pad, fill=255)
        offset = float(x0 - pad)
    width = max(STRIDE * 2, round(grey.width * HEIGHT / max(1, grey.height) * WIDEN * stretch))
    scaled = grey.resize((width, HEIGHT), Image.Resampling.BILINEAR)
    return (255.0 - np.asarray(scaled, dtype=np.float32)) / 255.0, offset, grey.width / width


def decode_placed(scores: FloatArray, letters: str) -> list[tuple[str, int, int, float]]:
    """Greedy CTC over one line's ``scores`` (output columns × classes, the network's raw scores) as
    words: each its text in reading order, the output columns it spans (start, end excluded) in drawing
    order, and its mean letter probability. Words are parted at the spaces read: a word's span runs
    from the space before it to the space after it (a line's first and last from its ends), since CTC
    marks a letter, or a space, at one column of it, not across its ink."""
    exp = np.exp(scores - scores.max(-1, keepdims=True))
    probs = exp / exp.sum(-1, keepdims=True)
    best = probs.argmax(-1)
    marks: list[tuple[str, int, float]] = []  # character, column, probability, left to right
    previous = 0
    for t, k in enumerate(best.tolist()):
        if k != previous and k != 0:
            marks.append((letters[k - 1], t, float(probs[t, k])))
        previous = k
    words: list[tuple[str, int, int, float]] = []
    start, chars = 0, ""
    sure: list[float] = []
    for c, t, p in [*marks, (" ", len(best), 1.0)]:
        if c != " ":
            chars, sure = chars + c, [*sure, p]
            continue
        if chars:  # the space's column (CTC marks it about the middle of the gap) is the boundary
            words.append((drawing_order(chars), start, max(t, start + 1), float(np.mean(sure))))
        start, chars, sure = t, "", []
    return words
