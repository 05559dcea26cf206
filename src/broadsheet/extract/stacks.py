"""Stage 5, part: headline-sized type stacked on a headline — its kicker above it, its deck below.

Size alone calls a big kicker or deck a headline; what gives it away is the bigger headline right
against it in the same column, or, about one size, which of the two is a sentence to its full stop.
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role, TypeScale, rule_between
from broadsheet.extract.corner_labels import labels_a_centred_head
from broadsheet.extract.decorations import deck_overlap
from broadsheet.extract.names import BYLINE, BYLINE_CHARS, is_byline, is_name, runs_on_under_text
from broadsheet.extract.sentences import ends_sentence
from broadsheet.geometry import Box, area_share, union, x_overlap

# A kicker or deck stacked on a headline is at most this many of its own sizes from it.
STACK_GAP = 2.5
# A headline ending in a full stop, within this share of the size of the headline right over it (which
# ends in none), is that one's deck (:func:`mark_sentence_decks`).
SENTENCE_DECK_SIZE = 0.1
SENTENCE_STOPS = (".", "۔")
# A deck set bigger than the head of several lines over it is a sentence to its full stop or its
# exclamation mark (:func:`_a_head_over_its_deck`).
DECK_STOPS = (*SENTENCE_STOPS, "!")
# A deck in italics (or bold) of DECK_LINES lines (at least, at most) may be set under SMALL_DECK times its
# story's text, with at least DECK_WHITE line pitches of white between (:func:`mark_small_decks`).
SMALL_DECK = 0.85
DECK_LINES = (2, 4)
DECK_WHITE = 0.5
# ...or over the story's photo, its text starting at most UNDER_A_PHOTO line pitches under the photo's
# foot (a caption between); its last line may be its byline, under more white than a line's leading
# (SIGNED_FOOT_WHITE of a line's height).
UNDER_A_PHOTO = 3.0
SIGNED_FOOT_WHITE = 0.4
PHOTO_DECK = 1.0  # set smaller than the text at all
# ...or, with a line pitch of white at least under it (DECK_APART), set smaller than the text at all
# (APART_DECK): an italic paragraph of the text's size would run on under a paragraph's gap.
DECK_APART = 1.0
APART_DECK = 0.99
# A deck's text starts within this many line pitches under it.
DECK_TEXT = 2.5
# A line of capitals set under this many times a lower-case headline's size (as big, measured a
# hair bigger) is that headline's kicker when right on top of it.
CAPITALS_OVER = 1.03
# A kicker in a face of its own, as big as its headline, is at most this many words ("Viewpoint",
# "The new harbour authority").
KICKER_WORDS = 5


def stack_headlines(blocks: list[Block], scale: TypeScale, hrules: list[Box], frames: list[Box]) -> None:
    """Smaller headline-sized type stacked on a bigger headline is its kicker (above) or deck (below).

    Big papers set kickers and decks large and bold, so size alone calls them headlines; what gives
    them away is a bigger headline right against them in the same column. A person's name under
    it is no deck: it is left for :func:`mark_decorations` to make the byline.
    """
    heads = sorted((b for b in blocks if b.role is Role.HEADLINE), key=lambda b: -b.size)
    for head in heads:
        if head.role is not Role.HEADLINE:
            continue
        head_in_capitals = any(ln.in_capitals for ln in head.lines)
        for other in heads:
            if other is head or other.role is not Role.HEADLINE or other.lines[0].run_in_part:
                continue  # a brief's run-in heading runs into its paragraph: no kicker, no deck
            # a headline of another column, the most common pair, is told first; not a box's label
            # in its corner over the head centred in the box, or a column's atop it
            apart = x_overlap(head.box, other.box) < 0.5 and not _over_start_corner(other, head, blocks)
            if apart and not labels_a_centred_head(other, head, frames, blocks, scale):
                continue
            # a line of capitals looks bigger than lower case of its size: over a headline in lower
            # case it is a kicker even when set nearly as big; so is a word or two in another face,
            # no bigger, set right on top of it ("Viewpoint")
            capitals = (
                other.size < CAPITALS_OVER * head.size
                and not head_in_capitals
                and all(ln.in_capitals for ln in other.lines)
            )
            face = other.size <= head.size and _a_label_in_another_face(other, head)
            if other.size > 0.9 * head.size and not capitals and not face:
                continue
            upper, lower = sorted((head.box, other.box), key=lambda b: b[1])
            if rule_between(upper, lower, hrules):
                continue
            if _text_between(upper, lower, blocks):
                continue  # a date line between a page's title and the lead headline: not stacked
            # right against it: within a share of the headline's size, and a few of its own sizes
            near = min(0.8 * head.size, STACK_GAP * other.size)
            over = -scale.overlap < head.top - other.bottom < near
            if over and _a_head_over_its_deck(other, head):
                head.set_role(Role.SUBHEADLINE, "deck: a sentence set bigger under a headline of several lines")
                other.reach = union([other.reach or other.box, head.box])
                break
            if over and not runs_on_under_text(other, blocks, scale):
                other.set_role(Role.KICKER, "kicker: smaller display type, or a label in another face, on a headline")
            elif other.size > 0.9 * head.size:
                continue
            elif -deck_overlap(head, scale) < other.top - head.bottom < near and not is_name(other, scale, head):
                other.set_role(Role.SUBHEADLINE, "deck: smaller display type right under a headline")
            else:
                continue
            head.reach = union([head.reach or head.box, other.box])


def _a_head_over_its_deck(upper: Block, lower: Block) -> bool:
    """Whether a smaller head of several lines, with no stop, stands over a sentence to its end:
    a kicker is a label of a line, so the two are a headline and its deck, set bigger (in italics,
    say) than the head."""
    return (
        len(upper.lines) >= 2
        and ends_sentence(lower, DECK_STOPS)
        and not ends_sentence(upper, SENTENCE_STOPS)
        and not all(ln.in_capitals for ln in upper.lines)
    )


def mark_sentence_decks(blocks: list[Block], scale: TypeScale, hrules: list[Box]) -> None:
    """Of two headlines of two lines or more, about one size, stacked in a column, the lower a
    sentence to its full stop and the upper none, the lower is the upper's deck: a standfirst set as
    big as its head (or a little bigger, in a condensed face), which :func:`stack_headlines` leaves
    to size alone."""
    heads = [b for b in blocks if b.role is Role.HEADLINE and len(b.lines) >= 2]
    for deck in heads:
        if deck.role is not Role.HEADLINE or not ends_sentence(deck, SENTENCE_STOPS):
            continue
        for head in heads:
            if head is deck or head.role is not Role.HEADLINE or ends_sentence(head, SENTENCE_STOPS):
                continue
            about_its_size = abs(deck.size / head.size - 1) <= SENTENCE_DECK_SIZE
            under = -scale.overlap < deck.top - head.bottom < STACK_GAP * min(head.size, deck.size)
            stacked = under and x_overlap(head.box, deck.box) > 0.5 and not rule_between(head.box, deck.box, hrules)
            if about_its_size and stacked:
                deck.set_role(Role.SUBHEADLINE, "deck: a sentence right under a headline of about its size")
                head.reach = union([head.reach or head.box, deck.box])
                break


def mark_small_decks(blocks: list[Block], scale: TypeScale, images: list[Box]) -> None:
    """A few lines in italics (or bold) set smaller than the story's text (SMALL_DECK), right under a
    headline and over that text, white between them: the head's deck, however small (a summary under
    a one-column head), its byline maybe between them. A caption hangs under its picture, a writer's
    note under the text; a line alone under a head is its byline or dateline. A story's photo may
    stand between the deck and its text: then the deck need only be smaller than the text (set over a
    photo, in its own lines, it is no caption: a headline stands right over it), and a byline may
    close its block."""
    heads = [b for b in blocks if b.role is Role.HEADLINE]
    for block in list(blocks):
        if block.role is not Role.BODY or (block.italic < 0.8) == (block.bold < 0.8):
            continue  # in italics or in bold, not both
        signs = _signed_foot(block)
        if not DECK_LINES[0] <= len(block.lines) - signs <= DECK_LINES[1] or is_byline(block, scale):
            continue  # a line alone there is a byline or a dateline: decorations tell it
        head = next((h for h in heads if _right_over(h, block, scale)), None)
        if head is None:
            continue
        # its text starts under it, or under the byline right under it, or under a photo right under it
        signed = next((b for b in blocks if _right_over(block, b, scale) and _signs(b, scale)), block)
        text, most = _text_under(signed, blocks, scale), SMALL_DECK
        if text is not None and text.top - signed.bottom >= DECK_APART * scale.pitch:
            most = APART_DECK  # a line's white at least sets it apart from its text: no first paragraph
        if text is None and (photo := _photo_under(signed, images, scale)) is not None:
            text, most = _text_under_photo(photo, blocks, scale), PHOTO_DECK
        if text is None or text.italic >= 0.5 or block.size >= most * text.size:
            continue
        if text.top - signed.bottom >= DECK_WHITE * scale.pitch:
            block.set_role(Role.SUBHEADLINE, "deck: a few lines in small italics between a headline and its text")
            if signs:
                byline = block.split_off(-1)
                byline.set_role(Role.BYLINE, "byline: 'By …' closing a headline's deck")
                blocks.append(byline)
            head.reach = union([head.reach or head.box, block.box])


def _signs(block: Block, scale: TypeScale) -> bool:
    """A byline: "By …", or a name alone on its line (under a deck, a name signs the story)."""
    return is_byline(block, scale) or (block.role is not Role.HEADLINE and is_name(block, scale))


def _signed_foot(block: Block) -> int:
    """1 if the block's last line is a byline ("Par Nicolas Mercier" under the deck's lines, in its
    face, a line's white over it), else 0."""
    if len(block.lines) < 2:
        return 0
    last, over = block.lines[-1], block.lines[-2]
    return int(
        len(last.text) <= BYLINE_CHARS
        and BYLINE.match(last.text) is not None
        and last.top - over.bottom > SIGNED_FOOT_WHITE * (over.bottom - over.top)
    )


def _text_under(upper: Block, blocks: list[Block], scale: TypeScale) -> Block | None:
    """The highest running text (two lines or more) right under ``upper`` in its column (DECK_TEXT)."""
    under = [b for b in blocks if b.role is Role.BODY and len(b.lines) >= 2 and _right_over(upper, b, scale, DECK_TEXT)]
    return min(under, key=lambda b: b.top, default=None)


def _photo_under(upper: Block, images: list[Box], scale: TypeScale) -> Box | None:
    """A picture right under ``upper``, as wide as it about (within a line pitch of white)."""
    return next(
        (p for p in images if -scale.overlap < p[1] - upper.bottom < scale.pitch and x_overlap(p, upper.box) > 0.5),
        None,
    )


def _text_under_photo(photo: Box, blocks: list[Block], scale: TypeScale) -> Block | None:
    """The highest running text starting within UNDER_A_PHOTO line pitches under a picture's foot
    (its caption between), in its columns."""
    under = [
        b
        for b in blocks
        if b.role is Role.BODY
        and len(b.lines) >= 2
        and 0 <= b.top - photo[3] < UNDER_A_PHOTO * scale.pitch
        and x_overlap(b.box, photo) > 0.5
    ]
    return min(under, key=lambda b: b.top, default=None)


def _right_over(upper: Block, lower: Block, scale: TypeScale, pitches: float = 1.0) -> bool:
    """Whether ``upper`` stands over ``lower`` in its column, within ``pitches`` line pitches."""
    gap = lower.top - upper.bottom
    return -scale.overlap < gap < pitches * scale.pitch and x_overlap(upper.box, lower.box) > 0.5


def _over_start_corner(label: Block, head: Block, blocks: list[Block]) -> bool:
    """Whether a label stands over the headline's start corner, overhanging its start edge (its left,
    or its right in right-to-left type), nothing under its overhang beside the headline: a rubric's
    name set at a box's corner, its headline indented. A section's name over the page's first
    column, a column of briefs under it beside the headline, is not the headline's."""
    if label.top > head.top:
        return False
    if head.lines[0].rtl or label.lines[0].rtl:  # a legacy font's headline may not read as Arabic
        over = label.x0 < head.x1 < label.x1
        overhang = (head.x1, label.bottom, label.x1, head.bottom)
    else:
        over = label.x0 < head.x0 < label.x1
        overhang = (label.x0, label.bottom, head.x0, head.bottom)
    return over and not any(
        b.lines and b is not label and b is not head and area_share(b.box, overhang) > 0 for b in blocks
    )


def _a_label_in_another_face(label: Block, head: Block) -> bool:
    """One line of a few words in another face than the headline's (another family, or another cut
    of it: a condensed sans over the sans), or in another ink: a kicker set in the paper's sans (or
    its colour) over a headline of about its size tells itself apart by its face."""
    words = len(label.text.split())
    return len(label.lines) == 1 and words <= KICKER_WORDS and label.lines[0].style.set_apart(head.lines[0].style)


def _text_between(upper: Box, lower: Box, blocks: list[Block]) -> bool:
    """Whether a line of text lies in the gap between two boxes, across some of their width."""
    gap = (max(upper[0], lower[0]), upper[3], min(upper[2], lower[2]), lower[1])
    return any(b.lines and b.top >= gap[1] - 1 and b.bottom <= gap[3] + 1 and x_overlap(b.box, gap) > 0 for b in blocks)
