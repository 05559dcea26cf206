"""Text clean-up: lines joined into paragraphs, line-end hyphens rejoined, odd characters normalised.

NFKC folds ligatures (ﬁ → fi), presentation forms of Arabic letters and odd spaces; soft hyphens
vanish. A hyphen at a line end is dropped when the next line goes on in lower case, unless the
word is a real compound (its left part already has a hyphen, or the page spells it with a hyphen
elsewhere).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from broadsheet.extract.line import Line

_SPACES = re.compile(r"\s+")
_HYPHENS = "-\u2010\u2011\u00ad"
_SENTENCE_END = tuple(".!?:…\"”»'’)")
# Glyphs that mark the items of a list: each item is a paragraph of its own, the glyph dropped (a
# reader's text has no use for it; numbers such as "1)" are kept: they are words).
BULLETS = "•●▪■◦‣⁃∙"


def normalise(text: str) -> str:
    """NFKC, soft hyphens and zero-width characters removed, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    return _SPACES.sub(" ", text).strip()


def join_lines(texts: Iterable[str], vocabulary: set[str] | None = None) -> str:
    """Join the lines of one paragraph, rejoining words hyphenated at line ends."""
    out = ""
    for raw in texts:
        text = normalise(raw)
        if not text:
            continue
        if not out:
            out = text
            continue
        hyphen = _line_end_hyphen(out, text, vocabulary)
        if hyphen == "drop":
            out = out[:-1] + text
        elif hyphen == "keep":
            out = out + text
        else:
            out = out + " " + text
    return out


def _line_end_hyphen(left: str, right: str, vocabulary: set[str] | None) -> str | None:
    """``drop`` for a hyphen that only broke a word, ``keep`` for a compound's, None for no hyphen."""
    if len(left) < 2 or left[-1] not in _HYPHENS or not left[-2].isalnum():
        return None
    head = left.rsplit(" ", 1)[-1][:-1]
    tail = re.split(r"[^\w]", right, maxsplit=1)[0]
    if not right[0].isalpha() or not right[0].islower() or "-" in head:
        return "keep"  # North-East, 3-4, daughter-in-law: the hyphen is part of the word
    if vocabulary and f"{head}-{tail}".casefold() in vocabulary:
        return "keep"
    return "drop"


def without_bullet(text: str) -> str:
    """``text`` without the bullet glyph opening it."""
    return text[1:].lstrip() if text[:1] in BULLETS else text


def bulleted(line: Line) -> bool:
    """Whether a line opens a list's item with a bullet glyph."""
    return line.text.lstrip()[:1] in BULLETS


def hyphenated_words(lines: Sequence[Line]) -> set[str]:
    """Words the page spells with a hyphen inside a line: real compounds to keep at line ends."""
    words: set[str] = set()
    for line in lines:
        for word in line.words[:-1]:
            if "-" in word.text.strip("-"):
                words.add(word.text.strip(".,;:!?()\"'“”‘’").casefold())
    return words


def _indented(prev: Line, line: Line, left: float, body_size: float) -> bool:
    """A first-line indent: a little in from the margin the line before keeps to. Lines set beside
    a photo (text wrapping round it) start far in, and all at the same place: not indents."""
    shift = line.x0 - left
    return 0.6 * body_size < shift < 4 * body_size and abs(prev.x0 - line.x0) > 0.3 * body_size


def paragraphs(lines: Sequence[Line], body_size: float, pitch: float) -> list[list[Line]]:
    """Split a column's lines into paragraphs: first-line indents, extra space, short last lines."""
    if not lines:
        return []
    left = sorted(ln.x0 for ln in lines)[len(lines) // 2]
    right = max(ln.x1 for ln in lines)
    width = right - left
    out: list[list[Line]] = [[lines[0]]]
    for prev, line in itertools.pairwise(lines):
        indent = _indented(prev, line, left, body_size) and abs(line.x1 - right) < 0.1 * width
        gap = line.bottom - prev.bottom > 1.45 * pitch
        short = prev.x1 < right - 0.2 * width and prev.text.rstrip().endswith(_SENTENCE_END)
        if (
            indent
            or gap
            or bulleted(line)
            or (short and line.x0 - left > 0.3 * body_size)
            or (short and prev.text.rstrip().endswith((".", "!", "?", "”", '"')) and line.text[:1].isupper())
        ):
            out.append([line])
        else:
            out[-1].append(line)
    return out
