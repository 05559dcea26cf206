"""Stage 7: clusters of blocks → page items with text fields, regions and jumps."""

from __future__ import annotations

import itertools

from broadsheet.extract.articles import Cluster
from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.extract.jumps import find_jump, merge_jumps
from broadsheet.extract.line import RUN_IN_HEAD_MOST, Line
from broadsheet.extract.model import Item, ItemType, LineDecision
from broadsheet.extract.text import (
    FULL_STOPS,
    PARAGRAPH_GAP,
    SENTENCE_END,
    PageWords,
    an_indent,
    bulleted,
    join_lines,
    left_room_for,
    paragraphs,
    starts_sentence,
    without_bullet,
)
from broadsheet.geometry import Box, union, x_overlap

# A paragraph's last line is at most this share of its other lines' width (justified text fills
# every line but a paragraph's last).
SHORT_LAST_LINE = 0.8
# A blank line between two paragraphs steps the text down at most this many line pitches; a wider
# gap in a column is something set into it (a picture, a quote), which a paragraph runs on past.
BLANK_LINE_MOST = 3.0
# A line this bold (share of its glyphs) after a sentence's end in regular type opens a paragraph: a
# crosshead or a run-in label atop the next column.
BOLD_LINE = 0.9


def compose_items(
    parts: list[tuple[list[Cluster], TypeScale]],
    with_text: bool,
    vocabulary: PageWords,
    decisions: list[LineDecision] | None = None,
) -> list[Item]:
    """One item per cluster, ids by type (a1, a2…, f1…) across the page, regions tight around its
    blocks. Each part (a page, or each half of a spread) brings its clusters and its type scale.
    With ``decisions``, every line's role and item, and the rules behind them, are added to it."""
    counters: dict[ItemType, int] = {}
    prefix = {
        ItemType.ARTICLE: "a",
        ItemType.ADVERT: "ad",
        ItemType.MASTHEAD: "m",
        ItemType.FURNITURE: "f",
        ItemType.PHOTO: "ph",
    }
    items: list[Item] = []
    for cluster, scale in ((c, s) for clusters, s in parts for c in clusters):
        counters[cluster.type] = counters.get(cluster.type, 0) + 1
        item = Item(
            id=f"{prefix[cluster.type]}{counters[cluster.type]}",
            type=cluster.type,
            regions=regions_of(cluster.blocks, 3 * scale.pitch),
        )
        if cluster.type is ItemType.ARTICLE:
            _fill_article(item, cluster, scale, with_text, vocabulary)
        elif cluster.type is ItemType.PHOTO and with_text:
            item.captions = _captions(cluster.blocks, vocabulary)
        items.append(item)
        if decisions is not None:
            decisions.extend(_decisions(item.id, cluster.blocks))
    return items


def _decisions(item: str, blocks: list[Block]) -> list[LineDecision]:
    return [
        LineDecision(line.extent, line.text, line.size, line.style.name, b.role.value, b.role_rule, item, b.item_rule)
        for b in blocks
        for line in b.lines
    ]


def regions_of(blocks: list[Block], max_gap: float = 40.0) -> list[Box]:
    """One rectangle per column part: blocks stacked closely in one column merge into one."""
    merged: list[Box] = []
    for box in sorted((b.box for b in blocks), key=lambda b: (b[1], b[0])):
        for k, m in enumerate(merged):
            same_column = x_overlap(m, box) > 0.8 and abs((m[2] - m[0]) - (box[2] - box[0])) < 0.25 * (m[2] - m[0])
            if same_column and box[1] - m[3] < max_gap:
                merged[k] = union([m, box])
                break
        else:
            merged.append(box)
    return merged


def _text(blocks: list[Block], vocabulary: PageWords) -> str | None:
    if not blocks:
        return None
    text = join_lines((line.text for b in blocks for line in b.lines), vocabulary)
    return text or None


def _captions(blocks: list[Block], vocabulary: PageWords) -> list[str]:
    return [t for b in blocks if b.role is Role.CAPTION and (t := _text([b], vocabulary))]


def _fill_article(item: Item, cluster: Cluster, scale: TypeScale, with_text: bool, vocabulary: PageWords) -> None:
    by_role: dict[Role, list[Block]] = {}
    for block in cluster.blocks:
        by_role.setdefault(block.role, []).append(block)
    item.jump = merge_jumps([j for b in by_role.get(Role.JUMP, []) if (j := find_jump(b.text))])
    if not with_text:
        return
    item.headline = _text(by_role.get(Role.HEADLINE, []), vocabulary)
    item.kicker = _text(by_role.get(Role.KICKER, []), vocabulary)
    item.subheadline = _text(by_role.get(Role.SUBHEADLINE, []), vocabulary)
    bylines = by_role.get(Role.BYLINE, [])
    signed = _signatures(bylines)
    item.byline = ", ".join(t for b in signed if (t := _text([b], vocabulary))) or None
    item.captions = _captions(by_role.get(Role.CAPTION, []), vocabulary)
    body_blocks = by_role.get(Role.BODY, []) + bylines[len(signed) :]
    order = {id(b): k for k, b in enumerate(cluster.blocks)}
    body_blocks.sort(key=lambda b: order[id(b)])
    item.body = compose_body(body_blocks, scale, vocabulary)


def _signatures(bylines: list[Block]) -> list[Block]:
    """The bylines that sign the article: its first; and, when that is a pictured writer's name, every
    pictured writer's after it (two portraits, two names). Any other byline is a line of its text (a
    second part's writer)."""
    if not bylines or bylines[0].pictured is None:
        return bylines[:1]
    return list(itertools.takewhile(lambda b: b.pictured is not None, bylines))


def compose_body(blocks: list[Block], scale: TypeScale, vocabulary: PageWords) -> str | None:
    """Paragraphs of all body blocks; a paragraph runs on across a column break unless it ended."""
    paras: list[list[Line]] = []
    for block in blocks:
        parts = paragraphs(block.lines, scale.body, scale.pitch)
        if paras and parts and not _starts_new_paragraph(paras[-1], parts[0], block, scale):
            paras[-1].extend(parts[0])
            parts = parts[1:]
        paras.extend(parts)
    texts = [without_bullet(join_lines((ln.text for ln in p), vocabulary)) for p in paras]
    body = "\n\n".join(t for t in texts if t)
    return body or None


def _starts_new_paragraph(previous: list[Line], first: list[Line], block: Block, scale: TypeScale) -> bool:
    """Whether a body block's first paragraph starts a new one, or goes on with the paragraph the
    block before it left (a column break, a picture set into the column)."""
    if bulleted(first[0]):
        return True  # a list's item
    if an_indent(first[0].start - _margin(block, previous[-1]), scale.body):
        return True
    if previous[-1].text.rstrip().endswith(SENTENCE_END) and _blank_line_between(previous[-1], first[0], scale):
        return True  # a paragraph ends a sentence: a gap inside one is something set into the column
    ended = previous[-1].text.rstrip().endswith(FULL_STOPS) and starts_sentence(first[0].text)
    if ended and first[0].bold >= BOLD_LINE and previous[-1].bold < BOLD_LINE:
        return True  # a crosshead atop the next column, however short the line before it
    if len(previous) == 1:
        return ended and not _a_run_in_head_alone(previous[0])
    return ended and _ends_short(previous, first[0])


def _margin(block: Block, above: Line) -> float:
    """Where the block's lines start when not indented: its lines' least start or, for a line alone
    (a run-in head cut off its paragraph), the start of the line over it in its column — unless it
    is a scrap of a line (a word a PDF sets apart over its line)."""
    line = block.lines[0]
    if len(block.lines) > 1:
        return min(ln.start for ln in block.lines)
    under_it = x_overlap(above.box, line.box) > 0.5 and line.width > 0.5 * above.width  # not a scrap
    return above.start if under_it else line.start


def _a_run_in_head_alone(line: Line) -> bool:
    """Whether a line is a run-in heading that filled its line ("**Why it matters.**"), its paragraph
    going on in the next: bold words, a few, ending in a stop or a colon."""
    words = line.words
    bold = bool(words) and all(w.bold for w in words) and len(words) <= RUN_IN_HEAD_MOST
    return bold and words[-1].text.endswith((".", ":"))


def _blank_line_between(above: Line, below: Line, scale: TypeScale) -> bool:
    """Whether ``below`` is set under ``above`` in the same column with a blank line between: the
    paragraphs of a page that parts them with space instead of an indent."""
    step = (below.bottom - above.bottom) / scale.pitch
    return x_overlap(above.box, below.box) > 0.5 and PARAGRAPH_GAP < step < BLANK_LINE_MOST


def _ends_short(paragraph: list[Line], following: Line) -> bool:
    """Whether a paragraph's last line stops well short of its other lines (with room left for the
    ``following`` line's first word, when it is a word alone: :func:`left_room_for`): where justified
    text ends a paragraph, not where a column ran out of room."""
    widths = sorted(ln.width for ln in paragraph[:-1])
    last = paragraph[-1]
    measure = widths[len(widths) // 2]
    return last.width < SHORT_LAST_LINE * measure and left_room_for(last, following, last.start + measure)
