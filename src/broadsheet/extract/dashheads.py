"""Run-in headings of old papers, on scans: "CHOLERA.—We learn from some of our exchanges…".

A nineteenth-century paper opens most of its news items with a heading run into the item's first
line, set in small capitals and closed by a dash. OCR has no bold to go by and reads small capitals
as garbled lower case ("Cuousra.—We learn", "Anotner Fire—A destructive fire"), so the bold run-in
rule of born-digital pages (:func:`broadsheet.extract.runin_split.split_run_in_heads`) never sees them.
What is left is the shape: a paragraph's indented first line that opens with a few capitalised
words, then a dash, then a new sentence. The heading, a word or a few (over two lines at most), is
cut off as a run-in heading is, so that the roles stage makes it the item's headline.

Letters and reports open the same way ("Mr. EDITOR—The other morning…", "SENATE—After the
reception…"), under their date line: such a heading, and one right under a headline (or under a
byline under one: a modern story's "WASHINGTON.—"), labels a part of what is above it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.extract.line import Line, Word
from broadsheet.extract.names import BYLINE
from broadsheet.extract.running_text import LABEL_GAP  # a heading this close under a date line labels it
from broadsheet.geometry import union, x_overlap

# A run-in heading has at most this many words before its dash...
HEAD_WORDS = 6
# ...or fills its paragraph's first line (of at most HEAD_WORDS words) and ends within this many
# words of the next.
SECOND_LINE_WORDS = 3
# A paragraph's first line is indented at least this many body sizes, and at most this many, from
# the line under it (a centred deck line is not a paragraph).
INDENT_LEAST = 0.3
INDENT_MOST = 3.0
# ...and ends within this many body sizes of where the line under it does (justified text).
FULL_LINE = 0.5
# The line under it starts within this many line pitches of its top.
NEXT_LINE = 1.6
# The heading's dash: an em dash, an en dash or two hyphens, as OCR reads a rule-like dash.
_DASH = re.compile(r"—|–|--")
# A date line: a place and a comma, then a date with a number ("Washington, D. C., Jan. 12, '50.").
_DATELINE = re.compile(r"^\W{0,2}[A-Z][^,]{1,30},.*\d")

RULE = "headline: a scan's run-in heading closed by a dash (small capitals, read by OCR)"
LABEL_RULE = "body: a scan's run-in label under a date line or a heading"


def split_dashed_heads(lines: list[Line], scale: TypeScale) -> list[Line]:
    """On a scan: cut each run-in heading closed by a dash off its paragraph's first line, as
    :func:`broadsheet.extract.runin_split.split_run_in_heads` does a bold one — the heading a line of
    its own, "bold", with the paragraph's text beside it; a heading whose dash ends the next line
    is its whole first line."""
    below = {id(line): _line_under(line, lines, scale) for line in lines}
    out: list[Line] = []
    for line in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        under = below[id(line)]
        if line.rtl or under is None or not _a_first_line(line, under, scale):
            out.append(line)
            continue
        k = _dash_word(line.words, HEAD_WORDS)
        k2 = _dash_word(under.words, SECOND_LINE_WORDS) if k is None and len(line.words) <= HEAD_WORDS else None
        if k is not None and _a_heading(line.words, k):
            out.extend(_cut(line, k))
        elif k2 is not None and _a_heading(line.words + under.words, len(line.words) + k2):
            # the heading's first line is its headline; the line its dash ends in stays text
            out.append(replace(line, bold=1.0, run_in_part="head", whole=line, dashed=True))
        else:
            out.append(line)
    return out


def mark_dashed_heads(blocks: list[Block], scale: TypeScale) -> None:
    """Each dash-closed run-in heading is its item's headline, claiming the width of its paragraph,
    unless it labels a part of what is above (:func:`labels_a_part`): then it goes back into its
    paragraph's first line."""
    texts = [b for b in blocks if b.lines[0].dashed and b.lines[0].run_in_part == "text"]
    heads = [b for b in blocks if b.lines[0].dashed and b.lines[0].run_in_part == "head"]
    for head in sorted(heads, key=lambda b: b.top):
        text = next((t for t in texts if abs(t.top - head.top) < 1 and t.lines[0].x0 >= head.x0), None)
        if not labels_a_part(head, blocks, scale):
            head.set_role(Role.HEADLINE, RULE)
            if text is not None:
                head.reach = union([head.box, (text.x0, head.top, text.x1, head.bottom)])
        elif text is not None:
            text.rejoin_run_in()
            text.role_rule = LABEL_RULE
            blocks.remove(head)
        else:  # the heading filled its line, which goes back to its paragraph's text
            head.rejoin_run_in()
            head.set_role(Role.BODY, LABEL_RULE)


def labels_a_part(head: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a dash-closed run-in heading labels a part of what is above it rather than opening
    an item: right under a date line (a letter's salutation, a report's next sitting), under a
    headline (a line of an advert or of a notice), or under a byline right under one."""
    line = head.lines[0].whole or head.lines[0]  # the heading's column is its paragraph's
    above = [
        b for b in blocks if b is not head and b.lines and b.bottom <= head.top + 1 and x_overlap(b.box, line.box) > 0.5
    ]
    if not above:
        return False
    nearest = max(above, key=lambda b: b.bottom)
    if head.top - nearest.bottom > LABEL_GAP * scale.pitch or nearest.lines[0].dashed:
        return False  # far from it, or under another run-in item: the next item
    if nearest.role is Role.HEADLINE or _DATELINE.match(nearest.lines[-1].text):
        return True
    # a modern story's dateline ("WASHINGTON.—"), under its headline and byline: its first paragraph
    return len(nearest.lines) <= 2 and bool(BYLINE.match(nearest.text)) and _under_a_headline(nearest, blocks, scale)


def _under_a_headline(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    return any(
        b.role is Role.HEADLINE
        and x_overlap(b.box, block.box) > 0.5
        and -scale.overlap < block.top - b.bottom < LABEL_GAP * scale.pitch
        for b in blocks
    )


def _line_under(line: Line, lines: list[Line], scale: TypeScale) -> Line | None:
    """The next line of the column under ``line``."""
    under = [
        ln
        for ln in lines
        if ln is not line
        and line.top < ln.top < line.top + NEXT_LINE * scale.pitch
        and ln.top >= line.bottom - 0.5 * line.height
        and x_overlap(ln.box, line.box) > 0.5
    ]
    return min(under, key=lambda ln: ln.top, default=None)


def _a_first_line(line: Line, under: Line, scale: TypeScale) -> bool:
    """Whether ``line`` opens a paragraph that ``under`` carries on: indented from it, and as full
    (a justified line; a signature such as "JOHN M. BERNHISEL," is indented and short)."""
    indent = line.x0 - under.x0
    full = abs(line.x1 - under.x1) <= FULL_LINE * scale.body
    return full and INDENT_LEAST * scale.body <= indent <= INDENT_MOST * scale.body


def _dash_word(words: list[Word], most: int) -> int | None:
    """The index of the first of the first ``most`` words holding a dash, if a dash closes a heading
    there: not after a comma or colon ("Sir,—", "Dear Nephew:—" open a letter), and followed by a
    new sentence (a capital, not a word in capitals: the rest of a name) or by nothing on the line."""
    for k, word in enumerate(words[:most]):
        match = _DASH.search(word.text)
        if match is None:
            continue
        before, after = word.text[: match.start()], word.text[match.end() :].lstrip("—–- ")
        if not before or before[-1] in ",:;":
            return None
        rest = after or (words[k + 1].text if k + 1 < len(words) else "")
        rest = rest.lstrip("“\"'‘")
        if rest and (not rest[:1].isupper() or (sum(c.isalpha() for c in rest) >= 2 and rest.isupper())):
            return None
        return k
    return None


def _a_heading(words: list[Word], k: int) -> bool:
    """Whether the words up to the dash in word ``k`` read as a heading: capitalised words (most of
    them, and the last), with a few letters."""
    head = [w.text for w in words[: k + 1]]
    head[-1] = _DASH.split(head[-1])[0]
    lettered = [t.lstrip("\"'“‘(") for t in head if any(c.isalpha() for c in t)]
    if sum(c.isalpha() for t in head for c in t) < 3 or not lettered or not lettered[-1][:1].isupper():
        return False
    return 2 * sum(1 for t in lettered if t[:1].isupper()) >= len(lettered)


def _cut(line: Line, k: int) -> list[Line]:
    """The line cut after its ``k``-th word's dash: the heading (without its dash and stop) and the
    text, both as tall as the line; the word holding the dash is parted at it by its letters' share
    of the word's width."""
    word = line.words[k]
    match = _DASH.search(word.text)
    assert match is not None
    before, after = word.text[: match.start()], word.text[match.end() :].strip()
    x0, y0, x1, y1 = word.box
    split = x0 + (x1 - x0) * match.end() / max(len(word.text), 1)
    head_words = [*line.words[:k], Word((x0, y0, split, y1), before.rstrip(".") or before, word.bold)]
    text_words = ([Word((split, y0, x1, y1), after, word.bold)] if after else []) + line.words[k + 1 :]
    if not text_words:
        head = line.part(head_words)
        box = (head.x0, line.top, head.x1, line.bottom)
        return [replace(head, box=box, bold=1.0, run_in_part="head", whole=line, dashed=True)]
    out = []
    for words, part, bold in ((head_words, "head", 1.0), (text_words, "text", 0.0)):
        piece = line.part(words)
        box = (piece.x0, line.top, piece.x1, line.bottom)
        out.append(replace(piece, box=box, bold=bold, run_in_part=part, whole=line, dashed=True))
    return out
