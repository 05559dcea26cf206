"""Stage 5, part: a section's band — the page's section named on a band across its top.

A tinted band across the whole width of the page's text, under the running head, a word or three on
it ("OPINIONS"), a headline a few line pitches under it: the page's section, furniture, however
wide the lead's headline under it (a kicker on a tint stands right over its own headline, as wide).
A sentence on a band, or a band over text alone, is that text's head.
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.geometry import Box, inside, x_overlap

# The band runs across this share of the page's text at least, over all of it but the running head.
SECTION_BAND_WIDTH = 0.95
# A section's name is this many words at most; a headline on a band is longer.
SECTION_WORDS = 3
# The section's first headline starts at most this many line pitches under the band.
SECTION_HEAD_GAP = 5.0


def a_section_band(frame: Box, texts: list[Block], blocks: list[Block], head_foot: float, scale: TypeScale) -> bool:
    """Whether ``frame`` (its text blocks ``texts``) is a section's band: one line, across the page's
    text under the running head (ending at ``head_foot``), over a headline."""
    if len(texts) != 1 or len(texts[0].lines) != 1 or len(texts[0].text.split()) > SECTION_WORDS:
        return False
    text = [b for b in blocks if b.lines and b.bottom > head_foot + 1 and not inside(b.box, frame)]
    if not text:
        return False
    left, right = min(b.x0 for b in text), max(b.x1 for b in text)
    across = frame[2] - frame[0] >= SECTION_BAND_WIDTH * (right - left)
    return across and all(b.top >= frame[3] - 1 for b in text) and _over_a_headline(frame, blocks, scale)


def _over_a_headline(frame: Box, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a headline starts under the frame, within SECTION_HEAD_GAP line pitches, under it."""
    return any(
        b.role is Role.HEADLINE
        and x_overlap(b.box, frame) > 0.5
        and -scale.overlap < b.top - frame[3] < SECTION_HEAD_GAP * scale.pitch
        for b in blocks
    )
