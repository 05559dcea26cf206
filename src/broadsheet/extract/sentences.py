"""Where a sentence breaks: whether the text of one block runs on into another.

A story poured down a column and on at the top of the next breaks wherever the column ends, most
often inside a sentence; a new story starts a new sentence. In scripts with letter case, a block
that starts in lower case carries on a sentence begun somewhere else.
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block

SENTENCE_ENDS = (".", "!", "?")
# A colon ends a clause; what follows it may start in lower case ("a new one: ‘dimagi…"), but a
# break after it is a likely place for a story's parts to part too.
BREAKS = (*SENTENCE_ENDS, ":")
# A line at least this share of its block's width runs the column's full width.
FULL_LINE = 0.9
# Closing quotes and brackets may follow a sentence's full stop.
CLOSERS = "\"'”’»)]* "
# The marks that open a quotation, and the mark that closes each.
QUOTE_START = ("“", '"', "«", "„", "‘", "'")
QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“", "‘": "’", "'": "'"}
# A quotation's opening mark closes past this share of its text (a quoted name closes sooner).
QUOTED_SHARE = 0.5


def ends_sentence(block: Block, stops: tuple[str, ...] = BREAKS) -> bool:
    """Whether the block's text ends with one of ``stops``, past closing quotes."""
    return block.text.rstrip().rstrip(CLOSERS).endswith(stops)


def breaks_off(block: Block) -> bool:
    """Whether the block's text stops inside a sentence for sure: its last line runs the column's
    full width (a paragraph's last line is short) and ends in a letter of a script with letter case,
    a hyphen or a comma — a column cut where the space ran out. Scripts without case, and those
    with stops of their own (Urdu's ۔), are not judged."""
    if not ends_in_a_full_line(block):
        return False
    end = block.text.rstrip()[-1:]
    return bool(end) and (end in "-,;" or (end.isalpha() and (end.islower() or end.isupper())))


def ends_in_a_full_line(block: Block) -> bool:
    """Whether the block's last line runs the column's full width: a paragraph's last line is short,
    so the text runs on past the block."""
    if not block.lines:
        return False
    last = block.lines[-1]
    return last.box[2] - last.box[0] >= FULL_LINE * (block.box[2] - block.box[0])


def starts_lower(block: Block) -> bool:
    """Whether the block's first letter or digit is a lower-case letter: the middle of a sentence."""
    return next((c for c in block.text if c.isalnum()), "").islower()


def mid_sentence(upper: Block, lower: Block) -> bool:
    """Whether the break between two blocks falls inside a sentence: the upper one ends without a
    full stop, or the lower one starts in lower case. A new item starts a new sentence; a paragraph
    break, a table or a blot inside one item often falls anywhere."""
    return not ends_sentence(upper) or starts_lower(lower)


def sentence_restarts(upper: Block, lower: Block) -> bool:
    """Whether the text cannot run on from ``upper`` into ``lower``: ``upper`` ends a sentence and
    ``lower`` starts in lower case, the middle of another one."""
    return ends_sentence(upper, SENTENCE_ENDS) and starts_lower(lower)


def is_quotation(text: str) -> bool:
    """Whether text is a quotation: it opens with a quote mark that does not close within its first
    half (a quoted name or title at a headline's start closes in a word or two)."""
    text = text.strip()
    if not text.startswith(QUOTE_START):
        return False
    end = QUOTE_PAIRS[text[0]]
    closes = [
        i
        for i, char in enumerate(text[1:], 1)
        if char == end and not (text[i - 1].isalpha() and text[i + 1 : i + 2].isalpha())  # not an apostrophe
    ]
    return not closes or closes[0] >= QUOTED_SHARE * len(text)
