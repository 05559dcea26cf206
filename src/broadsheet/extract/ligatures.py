"""Ligatures a PDF's font maps to no letter, read back from the page's own text.

A font may draw "fi", "ffi" or "fl" as one glyph and map it to a control character (U+0080–U+009F)
instead of its letters: "Uni\\x81ed", "signi\\x8dcant". Which ligature each code stands for changes
from font to font and page to page, so it is worked out per page: of the usual ligatures, the one
whose letters make the words the code appears in look most like the page's other words, by the
pairs of letters (with word edges) across the ligature's edges.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter

from broadsheet.extract.line import Line, Word

# The f-ligatures fonts set, the most often meant first (a tie goes to it).
LIGATURES = ("fi", "fl", "ff", "ffi", "ffl")
UNMAPPED = re.compile(r"[\u0080-\u009f]")
# Enough clean words on the page to learn its letter pairs from.
LEAST_WORDS = 50
# What each use of a code weighs for the ligatures listed first, when the letters around it fit
# two alike: far less than any difference the letter pairs make.
TIE = 1e-4


def repair_ligatures(lines: list[Line]) -> None:
    """Replace, in place, each control character inside a word by the ligature it stands for."""
    words = [w.text for line in lines for w in line.words]
    codes = {ch for text in words for ch in UNMAPPED.findall(text)}
    clean = [text.lower() for text in words if text.isalpha()]
    if not codes or len(clean) < LEAST_WORDS:
        return
    pairs = Counter(p for text in clean for p in _pairs(text))
    firsts: Counter[str] = Counter()
    for pair, n in pairs.items():
        firsts[pair[0]] += n
    meaning = _assign(sorted(codes), {code: _scores(code, words, pairs, firsts) for code in codes})
    for line in lines:
        if any(UNMAPPED.search(w.text) for w in line.words):
            line.words = [Word(w.box, UNMAPPED.sub(lambda m: meaning[m.group()], w.text), w.bold) for w in line.words]
            line.forget_text()


def _assign(codes: list[str], scores: dict[str, list[float]]) -> dict[str, str]:
    """Each code its own ligature (a font maps each to its own code), the likeliest way in all."""
    if len(codes) > len(LIGATURES):
        return {code: LIGATURES[max(range(len(LIGATURES)), key=scores[code].__getitem__)] for code in codes}
    best = max(
        itertools.permutations(range(len(LIGATURES)), len(codes)),
        key=lambda pick: sum(scores[code][k] for code, k in zip(codes, pick, strict=True)),
    )
    return {code: LIGATURES[k] for code, k in zip(codes, best, strict=True)}


def _scores(code: str, words: list[str], pairs: Counter[str], firsts: Counter[str]) -> list[float]:
    """How well each ligature's letters meet the letters around ``code`` in the words it appears in.

    Only the pairs across its edges are weighed: the page's clean words lack the pairs inside a
    ligature (the font set them all as ligatures). Where two ligatures meet their neighbours alike
    ("fi" and "ffi"), the one listed first wins by a hair for each time the code is used: of two
    codes that fit "fi" and "ffi" alike, the one used more often is "fi" (in "scientific" 32 times
    on a page, against "officials" twice). ``firsts``: how many of ``pairs`` start with each letter.
    """
    contexts = [
        (m.string[m.start() - 1] if m.start() else "^", m.string[m.end()] if m.end() < len(m.string) else "$")
        for text in words
        if code in text
        for m in re.finditer(re.escape(code), text.lower())
    ]

    def likelihood(a: str, b: str) -> float:
        return math.log((pairs[a + b] + 1) / (firsts[a] + 30))

    return [
        sum(likelihood(before, lig[0]) + likelihood(lig[-1], after) - TIE * k for before, after in contexts)
        for k, lig in enumerate(LIGATURES)
    ]


def _pairs(text: str) -> list[str]:
    padded = f"^{text}$"
    return [padded[k : k + 2] for k in range(len(padded) - 1)]
