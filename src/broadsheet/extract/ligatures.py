"""Ligatures a PDF's font maps to no letter, read back from the page's own text and glyph widths.

A font may draw "fi", "ffi" or "fl" as one glyph and map it to a control character (U+0080–U+009F)
instead of its letters: "Uni\\x81ed", "signi\\x8dcant". Which ligature each code stands for changes
from font to font — on one page one code may be the body face's "ff" and its bold face's "fl", another
the body face's "fi" and a letters column's sans face's "ff" — so it is worked out for each font of
each page, from two kinds of evidence:

- the letters around it: of the usual ligatures, the one whose letters make the words the code
  appears in look most like the page's other words, by the pairs of letters (with word edges) across
  the ligature's edges;
- its width: a ligature's glyph is about as wide as its letters set apart in the same face (a little
  narrower, the f's hook overlapping what follows), so "ffi" is told from "fi", and "ff" from "fi" —
  which the letters around them alone may not tell ("a\\x8dairs").
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict

import numpy as np

from broadsheet.extract.line import Line, Word
from broadsheet.pdf.content import Glyphs
from broadsheet.pdf.fonts import font_family

# The f-ligatures fonts set, the most often meant first (a tie goes to it).
LIGATURES = ("fi", "fl", "ff", "ffi", "ffl")
UNMAPPED = re.compile(r"[\u0080-\u009f]")
# Enough clean words on the page to learn its letter pairs from.
LEAST_WORDS = 50
# What each use of a code weighs for the ligatures listed first, when the letters around it fit
# two alike: far less than any difference the letter pairs make.
TIE = 1e-4
# A ligature's glyph against its letters set apart, in width: typically this share (the f's hook
# overlaps the next letter), and how far (in log) a face strays from it — a fifth off costs about
# two nats a use, as much as a rare letter pair.
LIGATURE_WIDTH_SHARE = 0.9
LIGATURE_WIDTH_SPREAD = 0.1
# Uses of a family's ligatures enough to learn its own share from.
FAMILY_SHARE_USES = 5
# The pairs a ligature hides ("f" before "f", "i" or "l"): never seen in the clean words of a face
# that sets them as ligatures, so not taken as rare where a ligature's edge makes one ("ff" before
# "icult", in a face with no "ffi"), but as likely as a letter after "f" commonly is.
HIDDEN_PAIR_SHARE = 0.125

Widths = dict[str, float]
"""A face's median glyph widths in ems: of the letters ligatures are made of, and of each code."""

Unit = tuple[str, str]
"""One font's one code: what is given one ligature (a subset font numbers its ligatures in the order
the document first used them, so the bold and the roman face of one family may differ)."""

Context = tuple[str, str]
"""The letters just before and after a code's use ("^" and "$" at a word's edges)."""


def repair_ligatures(lines: list[Line], glyphs: Glyphs | None = None) -> None:
    """Replace, in place, each control character inside a word by the ligature it stands for.
    ``glyphs``: the page's, which tell each use's font and whose widths weigh in (without them, a
    use's font is its line's, and the letters around decide alone)."""
    garbled = [line for line in lines if any(UNMAPPED.search(w.text) for w in line.words)]
    if not garbled:
        return  # most pages: nothing more to read
    clean = [w.text.lower() for line in lines for w in line.words if w.text.isalpha()]
    if len(clean) < LEAST_WORDS:
        return
    pairs = Counter(p for text in clean for p in _pairs(text))
    firsts: Counter[str] = Counter()
    for pair, n in pairs.items():
        firsts[pair[0]] += n
    uses = _Uses(glyphs)
    word_units = {(id(line), k): uses.units(line, word) for line in garbled for k, word in enumerate(line.words)}
    first = _meanings(uses, pairs, firsts, {})
    meaning = _meanings(uses, pairs, firsts, uses.family_shares(first))
    for line in garbled:
        line.words = [_spelt(word, word_units[id(line), k], meaning) for k, word in enumerate(line.words)]
        line.forget_text()


def _meanings(uses: _Uses, pairs: Counter[str], firsts: Counter[str], shares: dict[str, float]) -> dict[Unit, str]:
    """Each unit's ligature, each font's codes its own, the likeliest by the letters around them and their
    widths. ``shares``: each family's ligatures' width against their letters (default where missing)."""
    meaning: dict[Unit, str] = {}
    for units in _by_font(uses.contexts).values():
        scores = {}
        for unit in units:
            share = shares.get(font_family(unit[0]), LIGATURE_WIDTH_SHARE)
            letters, widths = _scores(uses.contexts[unit], pairs, firsts), uses.width_scores(unit, share)
            scores[unit] = [a + b for a, b in zip(letters, widths, strict=True)]
        meaning.update(_assign(units, scores))
    return meaning


class _Uses:
    """Each use of a code: which font it is set in (its glyph's, found under the word), the letters
    around it, and the widths of each face's glyphs."""

    def __init__(self, glyphs: Glyphs | None) -> None:
        self.contexts: dict[Unit, list[Context]] = defaultdict(list)
        self.glyphs = glyphs
        self.codes = [k for k, ch in enumerate(glyphs.text) if UNMAPPED.match(ch)] if glyphs is not None else []
        self.widths = face_widths(glyphs) if glyphs is not None and self.codes else {}
        self._shares: dict[Unit, list[float] | None] = {}

    def units(self, line: Line, word: Word) -> list[Unit]:
        """The unit of each code in ``word``, in order; its contexts noted."""
        found = list(UNMAPPED.finditer(word.text))
        if not found:
            return []
        fonts = self._fonts_under(word, len(found)) or [line.style.name] * len(found)
        text = word.text.lower()
        units = []
        for m, font in zip(found, fonts, strict=True):
            unit = (font, m.group())
            before = text[m.start() - 1] if m.start() else "^"
            after = text[m.end()] if m.end() < len(text) else "$"
            self.contexts[unit].append((before, after))
            units.append(unit)
        return units

    def _fonts_under(self, word: Word, count: int) -> list[str]:
        """The fonts of the code glyphs whose centres lie in ``word``'s box, in reading order; [] unless
        there are exactly as many as the word has codes."""
        if self.glyphs is None:
            return []
        x0, y0, x1, y1 = word.box
        inside = []
        for k in self.codes:
            gx0, gy0, gx1, gy1 = self.glyphs.box[k].tolist()
            cx, cy = (gx0 + gx1) / 2, (gy0 + gy1) / 2
            if x0 <= cx <= x1 and y0 <= cy <= y1:
                inside.append((cx, self.glyphs.fonts[self.glyphs.font[k]].name))
        return [font for _, font in sorted(inside)] if len(inside) == count else []

    def shares(self, unit: Unit) -> list[float] | None:
        """The code's glyph width against each ligature's letters in its face (in its family where the
        face's own are not all on the page: a bold word's few letters); None where neither measured them.
        Worked out once a unit: both readings and the family's share ask for it."""
        if unit not in self._shares:
            self._shares[unit] = self._measure_shares(unit)
        return self._shares[unit]

    def _measure_shares(self, unit: Unit) -> list[float] | None:
        font, code = unit
        measured = self.widths.get(font, {}).get(code)
        faces = (self.widths.get(font, {}), self.family_widths(font))
        letters = next((w for w in faces if all(w.get(ch, 0.0) > 0 for ch in "fil")), None)
        if not measured or letters is None:
            return None  # a face whose glyphs have no width (a broken font) tells nothing by width
        return [measured / sum(letters[ch] for ch in lig) for lig in LIGATURES]

    def width_scores(self, unit: Unit, typical: float) -> list[float]:
        """How well the code's width fits each ligature, its face's ligatures being ``typical`` of their
        letters' width, summed over its uses (as the letters' evidence is); 0 for each where not measured."""
        shares = self.shares(unit)
        if shares is None:
            return [0.0] * len(LIGATURES)
        uses = len(self.contexts[unit])
        return [-0.5 * (math.log(share / typical) / LIGATURE_WIDTH_SPREAD) ** 2 * uses for share in shares]

    def family_shares(self, meaning: dict[Unit, str]) -> dict[str, float]:
        """Each family's ligatures' width against their letters, as read in ``meaning``: the median over
        their uses, where they are used at least :data:`FAMILY_SHARE_USES` times. A face's ligatures
        are narrower than their letters by about one share (how far its f's hook overlaps), which tells
        a bold word's lone code apart better than the typical share does."""
        gathered: dict[str, list[float]] = defaultdict(list)
        for unit, lig in meaning.items():
            shares = self.shares(unit)
            if shares is not None:
                gathered[font_family(unit[0])] += [shares[LIGATURES.index(lig)]] * len(self.contexts[unit])
        return {family: float(np.median(v)) for family, v in gathered.items() if len(v) >= FAMILY_SHARE_USES}

    def family_widths(self, font: str) -> Widths:
        """The letters' widths in all faces of ``font``'s family together."""
        family = font_family(font)
        pooled: dict[str, list[float]] = defaultdict(list)
        for face, widths in self.widths.items():
            if font_family(face) == family:
                for ch in "fil":
                    if ch in widths:
                        pooled[ch].append(widths[ch])
        return {ch: float(np.median(values)) for ch, values in pooled.items()}


def face_widths(glyphs: Glyphs) -> dict[str, Widths]:
    """Each font's median width, in ems, of its glyphs "f", "i", "l" and of each control code."""
    wanted = [k for k, ch in enumerate(glyphs.text) if ch in "fil" or UNMAPPED.match(ch)]
    if not wanted:
        return {}
    index = np.array(wanted)
    boxes, sizes = glyphs.box[index], glyphs.size[index]
    ems = (boxes[:, 2] - boxes[:, 0]) / np.maximum(sizes, 1e-6)
    gathered: dict[tuple[str, str], list[float]] = defaultdict(list)
    for k, em in zip(wanted, ems.tolist(), strict=True):
        gathered[glyphs.fonts[glyphs.font[k]].name, glyphs.text[k]].append(em)
    out: dict[str, Widths] = defaultdict(dict)
    for (font, ch), values in gathered.items():
        out[font][ch] = float(np.median(values))
    return dict(out)


def _by_font(contexts: dict[Unit, list[Context]]) -> dict[str, list[Unit]]:
    fonts: dict[str, list[Unit]] = defaultdict(list)
    for unit in sorted(contexts):
        fonts[unit[0]].append(unit)
    return fonts


def _spelt(word: Word, units: list[Unit], meaning: dict[Unit, str]) -> Word:
    """``word`` with each code spelt out as its unit's ligature."""
    if not units:
        return word
    spelt = iter(meaning[unit] for unit in units)
    return Word(word.box, UNMAPPED.sub(lambda _: next(spelt), word.text), word.bold)


def _assign(codes: list[Unit], scores: dict[Unit, list[float]]) -> dict[Unit, str]:
    """Each code of a font its own ligature (a font maps each to its own code), the likeliest way in all."""
    if len(codes) > len(LIGATURES):
        return {code: LIGATURES[max(range(len(LIGATURES)), key=scores[code].__getitem__)] for code in codes}
    best = max(
        itertools.permutations(range(len(LIGATURES)), len(codes)),
        key=lambda pick: sum(scores[code][k] for code, k in zip(codes, pick, strict=True)),
    )
    return {code: LIGATURES[k] for code, k in zip(codes, best, strict=True)}


def _scores(contexts: list[Context], pairs: Counter[str], firsts: Counter[str]) -> list[float]:
    """How well each ligature's letters meet the letters around a code in the words it appears in.

    Only the pairs across its edges are weighed: the page's clean words lack the pairs inside a
    ligature (the font set them all as ligatures). Where two ligatures meet their neighbours alike
    ("fi" and "ffi"), the one listed first wins by a hair for each time the code is used: of two
    codes that fit "fi" and "ffi" alike, the one used more often is "fi" (in "scientific" 32 times
    on a page, against "officials" twice). ``firsts``: how many of ``pairs`` start with each letter.
    """

    def likelihood(a: str, b: str) -> float:
        if a == "f" and b in "fil":
            return math.log(HIDDEN_PAIR_SHARE)
        return math.log((pairs[a + b] + 1) / (firsts[a] + 30))

    return [
        sum(likelihood(before, lig[0]) + likelihood(lig[-1], after) - TIE * k for before, after in contexts)
        for k, lig in enumerate(LIGATURES)
    ]


def _pairs(text: str) -> list[str]:
    padded = f"^{text}$"
    return [padded[k : k + 2] for k in range(len(padded) - 1)]
