"""Text clean-up: lines joined into paragraphs, line-end hyphens rejoined, odd characters normalised.

NFKC folds ligatures (ﬁ → fi), presentation forms of Arabic letters and odd spaces; soft hyphens
vanish. A hyphen at a line end is dropped when the next line goes on in lower case, unless the
word is a real compound: the page spells it with a hyphen elsewhere, or its left part already has a
hyphen ("daughter-in-" + "law") — but not when that part's last piece and the next line's word are
both fragments the page never uses as words ("ever-nar-" + "rowing", "self-pos-" + "sessed").
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from broadsheet.extract.line import Line

_SPACES = re.compile(r"\s+")
_PUNCTUATION = ".,;:!?()\"'“”‘’"
_HYPHENS = "-\u2010\u2011\u00ad"
# What a sentence may end in: its stop (Arabic's question mark and Urdu's full stop among them), or
# the quote or bracket closing after it.
SENTENCE_END = tuple(".!?:…\"”»'’)\u061f\u06d4")
# The stops that end a sentence for sure (a colon or a bracket may go on in the next line).
FULL_STOPS = (".", "!", "?", "”", '"', "»", "…", "\u061f", "\u06d4")
# A line step this many line pitches or more leaves a blank line between two lines: a new paragraph.
PARAGRAPH_GAP = 1.45
# A first line's indent measures this many body sizes (at least, at most).
INDENT = (0.6, 4.0)
# An indented line ends within this share of the column's width of its far edge (text set ragged
# ends its lines where their words do): a line starting in and ending far short is centred.
INDENTED_LINE_END = 0.2
# A word space measures about this many font sizes.
WORD_SPACE = 0.25
# Glyphs that mark the items of a list: each item is a paragraph of its own, the glyph dropped (a
# reader's text has no use for it; numbers such as "1)" are kept: they are words).
BULLETS = "•●▪■◦‣⁃∙"


def normalise(text: str) -> str:
    """NFKC, soft hyphens and zero-width characters removed, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class PageWords:
    """The page's own spelling, which tells a compound's hyphen from a word broken at a line end:
    ``compounds``, the words it hyphenates inside a line ("well-known"); ``words``, the words it
    sets without a hyphen (all casefolded)."""

    compounds: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)


def join_lines(texts: Iterable[str], vocabulary: PageWords | None = None) -> str:
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


def _line_end_hyphen(left: str, right: str, vocabulary: PageWords | None) -> str | None:
    """``drop`` for a hyphen that only broke a word, ``keep`` for a compound's, None for no hyphen."""
    if len(left) < 2 or left[-1] not in _HYPHENS or not left[-2].isalnum():
        return None
    head = left.rsplit(" ", 1)[-1][:-1]
    tail = re.split(r"[^\w]", right, maxsplit=1)[0]
    if not right[0].isalpha() or not right[0].islower():
        return "keep"  # North-East, 3-4: the hyphen is part of the word
    if "-" in head:  # daughter-in-law, five-year-old; but ever-nar-rowing
        return "drop" if vocabulary and _fragments(head.rsplit("-", 1)[1], tail, vocabulary) else "keep"
    if vocabulary and f"{head}-{tail}".casefold() in vocabulary.compounds:
        return "keep"
    return "drop"


def _fragments(before: str, after: str, vocabulary: PageWords) -> bool:
    """Whether the pieces either side of a line-end hyphen are pieces of one word, not words: the page
    sets neither on its own anywhere, or sets them joined."""
    joined = (before + after).casefold() in vocabulary.words
    return joined or (before.casefold() not in vocabulary.words and after.casefold() not in vocabulary.words)


def without_bullet(text: str) -> str:
    """``text`` without the bullet glyph opening it."""
    return text[1:].lstrip() if text[:1] in BULLETS else text


def bulleted(line: Line) -> bool:
    """Whether a line opens a list's item with a bullet glyph."""
    return line.text.lstrip()[:1] in BULLETS


def page_words(lines: Sequence[Line]) -> PageWords:
    """The words of the page's lines: those it hyphenates inside a line (real compounds to keep at
    line ends), and those it sets without a hyphen inside a line (a line's first and last words may
    be pieces of a word broken at a line end; a compound is whole at either end, unless a hyphen
    ends it there)."""
    vocabulary = PageWords()
    for line in lines:
        last = len(line.words) - 1
        for index, word in enumerate(line.words):
            text = word.text.strip(_PUNCTUATION).casefold()
            # the hyphen looked for before the ends are stripped: most words have none (every word of
            # the page is asked)
            if "-" in text and "-" in text.strip("-") and not text.endswith("-"):
                vocabulary.compounds.add(text)
            elif 0 < index < last:
                vocabulary.words.add(text)
    return vocabulary


def _indented(prev: Line, line: Line, margin: float, body_size: float) -> bool:
    """A first-line indent: a little in from the margin the line before keeps to (from the left, or
    the right in a right-to-left line). Lines set beside a photo (text wrapping round it) start far
    in, and all at the same place: not indents."""
    return an_indent(line.start - margin, body_size) and abs(prev.start - line.start) > 0.3 * body_size


def an_indent(shift: float, body_size: float) -> bool:
    """Whether a line starting ``shift`` in from its column's margin is indented: by INDENT (in body
    sizes); further in, it starts beside something set into the column (a picture it wraps round)."""
    return INDENT[0] * body_size < shift < INDENT[1] * body_size


def left_room_for(prev: Line, line: Line, end: float) -> bool:
    """Whether a line that stops short of ``end`` (where its column's lines end, along its script)
    says its paragraph ends there: justified text stretches a line of words to the full measure, so
    one that stops short is a paragraph's last; a line of one word cannot stretch, and stops short
    when the next line's first word did not fit in the room left — which says nothing."""
    if len(prev.words) > 1:
        return True
    word = line.words[0].box
    return word[2] - word[0] + WORD_SPACE * line.size < end - prev.end


def starts_sentence(text: str) -> bool:
    """Whether ``text`` may open a sentence: a capital, or a letter of a script without case (Arabic,
    Devanagari), whose sentences start with any letter."""
    first = text[:1]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())


def paragraphs(lines: Sequence[Line], body_size: float, pitch: float) -> list[list[Line]]:
    """Split a column's lines into paragraphs: first-line indents, extra space, short last lines —
    each measured along the line's script (a right-to-left paragraph's last line ends short on
    the left, and its first line is indented from the right). A last line is short against the
    lines either side of it, not the column's widest: beside a picture set into the column every
    line is short."""
    if not lines:
        return []
    margin = sorted(ln.start for ln in lines)[len(lines) // 2]
    far = max(ln.end for ln in lines)
    width = far - margin
    out: list[list[Line]] = [[lines[0]]]
    for k, (prev, line) in enumerate(itertools.pairwise(lines)):
        # beside a picture set into the column the lines start further in: an indent is from there
        local = prev.start if prev.start - margin >= INDENT[1] * body_size else margin
        indent = _indented(prev, line, local, body_size) and abs(line.end - far) < INDENTED_LINE_END * width
        gap = line.bottom - prev.bottom > PARAGRAPH_GAP * pitch
        short = prev.end < far - 0.2 * width and prev.text.rstrip().endswith(SENTENCE_END)
        neighbours = max(line.end, lines[k - 1].end if k else line.end)
        stopped_short = (
            prev.end < neighbours - 0.2 * width
            and prev.text.rstrip().endswith(FULL_STOPS)
            and left_room_for(prev, line, neighbours)
        )
        if (
            indent
            or gap
            or bulleted(line)
            or (short and line.start - margin > 0.3 * body_size)
            or (stopped_short and starts_sentence(line.text))
        ):
            out.append([line])
        else:
            out[-1].append(line)
    return out
