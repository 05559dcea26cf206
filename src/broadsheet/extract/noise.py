"""What OCR reads off a scan's blots, specks and figures, kept out of headlines and articles.

A worn page gives Tesseract ink that is no text: specks, the bracket of a table, a bit of an
engraving. It reads them as short "words" ("M]w", "4)", "Jai"), which the layout stages would take
for a short line over text (a headline) or a piece of text no headline claims (an article). Real
headlines and stories have letters; these have a few at most.
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role

# On a scan, a headline has at least this many letters, and letters make at least this share of its
# characters: less is what OCR reads off a speck, a bracket or a table's figures ("M]w", "4)").
HEAD_LETTERS = 3
HEAD_LETTER_SHARE = 0.5
# On a scan, an untitled piece with fewer letters of running text than this is OCR noise or a
# label over nothing ("PROSPECTUS."), not an article.
SPECK_LETTERS = 10


def unmark_unreadable_heads(blocks: list[Block]) -> None:
    """Headlines on a scan with too few letters to be read are body text: a blot or a figure in a
    table that OCR read as a short line over text, which would otherwise open a story of its own."""
    for block in blocks:
        if block.role is not Role.HEADLINE:
            continue
        chars = [c for c in block.text if not c.isspace()]
        letters = sum(c.isalpha() for c in chars)
        if letters < HEAD_LETTERS or letters < HEAD_LETTER_SHARE * len(chars):
            block.set_role(Role.BODY, "body: a scan's headline with too few letters to be one (OCR noise)")


def specks(blocks: list[Block]) -> bool:
    """Whether an untitled piece has fewer than SPECK_LETTERS letters of running text: what OCR
    reads off blots, bits of an engraving or a table's figures, or a label over nothing, not a story."""
    running = [b for b in blocks if b.role in (Role.BODY, Role.PULLQUOTE)]
    return sum(c.isalpha() for b in running for c in b.text) < SPECK_LETTERS
