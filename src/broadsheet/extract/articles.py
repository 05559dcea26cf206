"""Stage 6: blocks with roles → page items (articles, masthead, furniture, photos).

Every headline anchors an article. A block belongs to the nearest headline above it whose width
covers it, unless another headline, a rule or a frame border lies between them. Blocks no headline
claims continue the article read just before them (a column bottom running on to the next column
top) or, failing that, open an untitled article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from broadsheet.extract.blocks import Block, Role, TypeScale, rule_between
from broadsheet.extract.jumps import announces
from broadsheet.extract.model import ItemType
from broadsheet.extract.names import next_letter
from broadsheet.extract.owners import NEAREST_ABOVE, headline_owner, jump_owner, kicker_owner, past_a_row
from broadsheet.extract.running_text import PULL_QUOTE_WHITE
from broadsheet.extract.sentences import sentence_restarts, starts_lower
from broadsheet.extract.side_heads import SIDE_HEAD_GAP, SIDE_HEAD_LEVEL, a_section_label
from broadsheet.extract.side_stories import SAME_COLUMN, nearer_side_story, side_story
from broadsheet.geometry import Box, inside, union, x_overlap, y_overlap

# A bare headline this many line pitches or less over a smaller headline heads that story.
STACKED_GAP = 3.0
# A story's text runs on into the next column in the same type: sizes within this share.
SAME_TYPE = 0.15
# A paragraph this many line pitches or less under another, in the same column (SAME_COLUMN), runs
# on from it (a blank line between paragraphs is a pitch and the leading over a line's box).
RUNS_ON_GAP = 1.0
BLANK_LINE_GAP = 1.5

# A picture under a story is the story's when at least this share of its width lies in the story's columns.
PICTURE_IN_STORY = 0.5
# A picture starting this many line pitches or less under running text comes after that text.
PICTURE_UNDER_TEXT = 2.0
# A picture and its caption: a story's text under its picture runs on from the story's text before it.
_PICTURED = frozenset({Role.IMAGE, Role.CAPTION})
_TEXT_ROLES = {Role.BODY, Role.CAPTION, Role.JUMP, Role.BYLINE, Role.PULLQUOTE, Role.SUBHEADLINE, Role.IMAGE}


@dataclass(slots=True)
class Cluster:
    """Blocks that make one item, before text is composed."""

    type: ItemType
    blocks: list[Block] = field(default_factory=list)
    headline: Block | None = None


def build_clusters(
    blocks: list[Block], order: list[int], scale: TypeScale, hrules: list[Box], scanned: bool = False
) -> list[Cluster]:
    """Group blocks (given in reading order by ``order``) into items; ``scanned``: read by OCR."""
    heads = [b for b in blocks if b.role is Role.HEADLINE]
    clusters: dict[int, Cluster] = {id(h): Cluster(ItemType.ARTICLE, [h], h) for h in heads}
    result: list[Cluster] = []
    seen_heads: set[int] = set()
    current: Cluster | None = None
    for i in _captions_after_images(blocks, order):
        block = blocks[i]
        if block.role is Role.IMAGE and (advert := _labelled_advert(block, result)) is not None:
            _join(advert, block, "advert: an image under an 'Advertisement' label")
            continue
        if block.role in (Role.FURNITURE, Role.MASTHEAD, Role.ADVERT):
            kind = {Role.FURNITURE: ItemType.FURNITURE, Role.MASTHEAD: ItemType.MASTHEAD}.get(
                block.role, ItemType.ADVERT
            )
            _add_noise(result, kind, block)
            continue
        if block.role is Role.CAPTION and (photo := _photo_cluster(block, result)) is not None:
            _join(photo, block, "the item of the image it captions")
            continue
        if block.role is Role.HEADLINE:
            block.item_rule = "a headline opens its article"
            current = clusters[id(block)]
            if id(block) not in seen_heads:
                seen_heads.add(id(block))
                result.append(current)
            continue
        if block.role is Role.IMAGE and picture_after_the_text(block, blocks, scale):
            # the story read before it runs on past it (in its next column)
            block.item_rule = "a picture with no caption after its columns' text: no story's (an advert at the foot)"
            result.append(Cluster(ItemType.PHOTO, [block]))
            continue
        owner = headline_owner(block, blocks, heads, hrules, scale)
        rule = "owner: the side head whose row it stands in" if owner is not None and owner.side_head else NEAREST_ABOVE
        run_on = _story_of_paragraph_above(block, blocks, result, scale) if _runs_on(block) else None
        if run_on is not None and (above := _story_right_above(block, owner, run_on)) is not None:
            owner, rule = above, "owner: the story of the paragraph (or picture) right above it in its column"
        if (
            owner is not None
            and block.role is Role.BODY
            and not _text_right_above(block, blocks, scale)
            and (side := nearer_side_story(block, owner, result, scale))
        ):
            owner, rule = side, "side story: under a nearer headline set beside its first column"
        if block.role is Role.KICKER and (kicked := kicker_owner(block, heads, scale)) is not None:
            owner, rule = kicked, "kicker: the headline right under it"
        if block.role is Role.JUMP and owner is None and (beside := jump_owner(block, blocks, heads, scale)):
            owner, rule = beside, "jump: the headline in whose row it stands"
        if owner is not None:
            cluster = clusters[id(owner)]
            _join(cluster, block, rule)
            if id(owner) not in seen_heads:
                seen_heads.add(id(owner))
                result.append(cluster)
            current = cluster
            continue
        titled = [c for c in result if c.type is ItemType.ARTICLE and c.headline is not None]
        story = side_story([block], titled, scale) if block.role in (Role.BODY, Role.IMAGE) else None
        if story is not None and (block.role is Role.BODY or _pictures_side_story(block, story, blocks, hrules, scale)):
            _join(story, block, "side story: under a headline set beside its first column")
            current = story
            continue
        # an untitled story's next paragraph, read after another story's (a bold crosshead opened
        # it, and the page's order went across to the next column first); a scan's: flow.py
        if run_on is not None and not scanned:
            _join(run_on, block, "continues the untitled story of the paragraph right above it in its column")
            current = run_on
            continue
        if current is not None and _carries_on(current, block, blocks, hrules, scale, scanned):
            _join(current, block, "continues the article read just before it")
            continue
        if (before := _untitled_past_picture(current, block, result, scale, scanned)) is not None:
            _join(before, block, "continues the untitled article read before the picture over its column")
            current = before
            continue
        if block.role is Role.IMAGE or (block.role is Role.CAPTION and current is None):
            current = Cluster(ItemType.PHOTO, [block])
            block.item_rule = "a photo no story claims"
        else:
            current = Cluster(ItemType.ARTICLE, [block])
            block.item_rule = "untitled: text no headline claims"
        result.append(current)
    _label_bare_headlines(result, scale)
    return [c for c in result if c.blocks]


_DISPLAY_ROLES = {Role.HEADLINE, Role.KICKER, Role.SUBHEADLINE}


def _label_bare_headlines(clusters: list[Cluster], scale: TypeScale) -> None:
    """A headline with no running text of its own heads the story whose smaller headline stands
    right under it; else it is not an article to open: alone, or with only a kicker and deck, it is a
    label (a section's name over a column, "News in brief" over briefs with run-in headings, a paper's
    name plate with its motto), furniture; over a picture, the picture's title, a photo item."""
    for cluster in clusters:
        if cluster.type is not ItemType.ARTICLE or cluster.headline is None:
            continue
        roles = {b.role for b in cluster.blocks}
        if not roles <= _DISPLAY_ROLES | {Role.IMAGE, Role.CAPTION}:
            continue
        if (story := _story_headed_below(cluster, clusters, scale)) is not None:
            _head_story(cluster, story)
            continue
        if (story := _story_beside(cluster, clusters, scale)) is not None:
            _head_untitled(cluster, story)
            continue
        if Role.IMAGE in roles:
            cluster.type, rule = ItemType.PHOTO, "photo: a headline over a picture, with no text"
        else:
            cluster.type, rule = ItemType.FURNITURE, "furniture: a headline with no text under it is a label"
        for block in cluster.blocks:
            block.item_rule = rule
        cluster.headline = None


def _story_headed_below(bare: Cluster, clusters: list[Cluster], scale: TypeScale) -> Cluster | None:
    """The story whose (smaller) headline stands right under this bare headline (and its kicker and
    deck), across its width: a headline and its deck parted by a rule or a box, not a section label
    over a story's headline (a label is set smaller than the headline it stands over)."""
    head = bare.headline
    assert head is not None
    if a_section_label(head):
        return None
    bottom = max(b.bottom for b in bare.blocks)
    for story in clusters:
        lower = story.headline
        if story.type is not ItemType.ARTICLE or lower is None or lower is head or lower.size >= head.size:
            continue
        if lower.lines[0].run_in_part:
            continue  # a brief's run-in heading under a section label
        if x_overlap(head.box, lower.box) > 0.5 and -scale.overlap < lower.top - bottom < STACKED_GAP * scale.pitch:
            return story
    return None


def _head_story(bare: Cluster, story: Cluster) -> None:
    """The bare headline (with its kicker) heads the story; the story's own headline becomes its deck."""
    assert bare.headline is not None and story.headline is not None
    story.headline.set_role(Role.SUBHEADLINE, "deck: a smaller headline right under the story's headline")
    story.blocks = [*bare.blocks, *story.blocks]
    story.headline = bare.headline
    for block in bare.blocks:
        block.item_rule = "heads the story whose smaller headline stands right under it"
    bare.blocks = []


def _story_beside(bare: Cluster, clusters: list[Cluster], scale: TypeScale) -> Cluster | None:
    """The untitled story set beside this bare headline, on the side its lines run to (right of it in
    left-to-right type, left in right-to-left), its text starting level with the top of the
    headline's stack: a side head, standing at the start of its story's columns instead of over them."""
    head = bare.headline
    assert head is not None
    if a_section_label(head):
        return None
    stack = union([b.box for b in bare.blocks])
    rtl = head.lines[0].rtl
    for story in clusters:
        if story.type is not ItemType.ARTICLE or story.headline is not None or not story.blocks:
            continue
        if any(b.frame != head.frame for b in story.blocks):
            continue
        box = union([b.box for b in story.blocks])
        nearest = max(story.blocks, key=lambda b: b.x1) if rtl else min(story.blocks, key=lambda b: b.x0)
        gap = stack[0] - nearest.x1 if rtl else nearest.x0 - stack[2]
        level = abs(box[1] - stack[1]) <= SIDE_HEAD_LEVEL * scale.pitch
        if level and -scale.overlap < gap < SIDE_HEAD_GAP * nearest.width and y_overlap(box, stack) > 0.5:
            return story
    return None


def _head_untitled(bare: Cluster, story: Cluster) -> None:
    """The bare headline (with its kicker) heads the untitled story."""
    story.blocks = [*bare.blocks, *story.blocks]
    story.headline = bare.headline
    for block in bare.blocks:
        block.item_rule = "side head: heads the untitled story beside it, level with its top"
    bare.blocks = []


def _captions_after_images(blocks: list[Block], order: list[int]) -> list[int]:
    """Reading order with every caption moved right after its image, so a caption set above its
    photo still joins the photo's item."""
    images = [i for i in order if blocks[i].role is Role.IMAGE]
    moved: dict[int, list[int]] = {}
    for i in order:
        if blocks[i].role is Role.CAPTION:
            image = next((j for j in images if _is_captioned_by(blocks[j], blocks[i])), None)
            if image is not None:
                moved.setdefault(image, []).append(i)
    skip = {i for caps in moved.values() for i in caps}
    return [k for i in order if i not in skip for k in (i, *moved.get(i, []))]


def _is_captioned_by(image: Block, caption: Block) -> bool:
    """Whether a caption block sits right under or over an image, across most of its width, or, set
    sideways, right beside it up its edge (a photographer's credit)."""
    if image.role is not Role.IMAGE:
        return False
    if caption.pictured is not None:  # the role stage found the caption under (or over) this picture, or its row
        return inside(image.box, caption.pictured, slack=1.0)
    if caption.lines and caption.lines[0].sideways:
        beside = -2 < caption.x0 - image.x1 < 20 or -2 < image.x0 - caption.x1 < 20
        return beside and y_overlap(image.box, caption.box) > 0.6
    near = -2 < caption.top - image.bottom < 20 or -2 < image.top - caption.bottom < 20
    return x_overlap(image.box, caption.box) > 0.6 and near


def picture_after_the_text(image: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a picture with no caption, the width of its column or more, stands under running text,
    with no text under it: a story's own picture is captioned, or set above or among its text; one after
    the end of the text, at the foot of the columns, is a picture advert (a community magazine's page
    foot). A smaller one there is the story's sign-off (its organisation's logo)."""
    column = [b for b in blocks if b.lines and x_overlap(b.box, image.box) > SAME_COLUMN]
    if any(b.role is Role.CAPTION and _is_captioned_by(image, b) for b in blocks):
        return False
    above = any(
        b.role is Role.BODY
        and b.frame == image.frame
        and -scale.overlap < image.top - b.bottom < PICTURE_UNDER_TEXT * scale.pitch
        and image.x1 - image.x0 >= SAME_COLUMN * (b.x1 - b.x0)
        for b in column
    )
    below = any(
        b.lines
        and b.role not in (Role.FURNITURE, Role.ADVERT)
        and b.top > image.bottom - 1
        and x_overlap(b.box, image.box) > 0.5
        for b in blocks
    )
    return above and not below


def _labelled_advert(image: Block, result: list[Cluster]) -> Cluster | None:
    """An image right under an "Advertisement" label is the advert."""
    for cluster in result:
        if cluster.type is ItemType.ADVERT:
            label = cluster.blocks[-1]
            if x_overlap(label.box, image.box) > 0.5 and -2 < image.top - label.bottom < 30:
                return cluster
    return None


def _photo_cluster(caption: Block, result: list[Cluster]) -> Cluster | None:
    """The item holding the image a caption sits under (or over)."""
    for cluster in reversed(result):
        if any(_is_captioned_by(block, caption) for block in cluster.blocks):
            return cluster
    return None


def _story_right_above(block: Block, owner: Block | None, story: Cluster) -> Block | None:
    """The headline of ``story``, the one the paragraph right above ``block`` in its column was given
    to, when no headline above covers the column (``owner`` None: the paragraph runs on from the one
    above), or when that headline is nearer than ``owner``: a story whose headline is narrower than
    its columns keeps its next paragraphs from a wider headline further up."""
    if story.headline is None:
        return None
    head = story.headline
    if owner is None:  # no headline above covers the column: the paragraph runs on from the one above
        return head
    return head if head is not owner and owner.bottom < head.bottom < block.top else None


def _runs_on(block: Block) -> bool:
    """Whether a block runs on from the text over it in its column: running text, or a jump line
    sending its story on to another page ("Continued on page 3"), at the story's foot."""
    return block.role is Role.BODY or (block.role is Role.JUMP and announces(block.text, "to"))


def _story_of_paragraph_above(
    block: Block, blocks: list[Block], result: list[Cluster], scale: TypeScale
) -> Cluster | None:
    """The article the paragraph right above ``block`` in its column was given to, if any: over a
    pull quote set into the column, the paragraph over the quote; under a picture in its box (the
    story's picture a column opens with, not a box's title), the picture's side story."""
    above = _paragraphs_above(block, blocks, BLANK_LINE_GAP * scale.pitch, scale)
    quote = _pull_quote_right_above(block, blocks, scale)
    if not above and quote is not None:
        above = _paragraphs_above(quote, blocks, PULL_QUOTE_WHITE * scale.pitch, scale)
    pictured = not above
    if pictured:
        over = _paragraphs_above(block, blocks, BLANK_LINE_GAP * scale.pitch, scale, _PICTURED)
        above = [b for b in over if b.frame == block.frame]
    if not above:
        return None
    paragraph = max(above, key=lambda b: b.bottom)
    if next_letter(paragraph, block, blocks, scale):
        return None  # a signed letter is over: the next one follows
    story = next((c for c in result if any(b is paragraph for b in c.blocks)), None)
    if story is None or story.type is not ItemType.ARTICLE:
        return None
    return story if not pictured or _a_side_storys_text(block, story) else None


def _a_side_storys_text(block: Block, story: Cluster) -> bool:
    """Whether a block under a story's picture is that story's text in a column its headline does
    not cover (a side story's, :mod:`broadsheet.extract.side_stories`; under its headline the
    headline claims it), set in the size of the story's running text (SAME_TYPE)."""
    head = story.headline
    beside = head is not None and x_overlap(head.reach or head.box, block.box) < PICTURE_IN_STORY
    return beside and any(b.role is Role.BODY and abs(b.size - block.size) <= SAME_TYPE * b.size for b in story.blocks)


def _paragraphs_above(
    block: Block, blocks: list[Block], gap: float, scale: TypeScale, roles: frozenset[Role] = frozenset({Role.BODY})
) -> list[Block]:
    """The running text (or the blocks of other ``roles``) ending at most ``gap`` above the block in its column."""
    return [
        b
        for b in blocks
        if -scale.overlap < block.top - b.bottom < gap  # the cheapest test first: most blocks end elsewhere
        and b is not block
        and b.role in roles
        and x_overlap(b.box, block.box) > SAME_COLUMN
    ]


def _pull_quote_right_above(block: Block, blocks: list[Block], scale: TypeScale) -> Block | None:
    """The highest block of a pull quote set right over the block in its column (within PULL_QUOTE_WHITE
    line pitches; its lines may stand in blocks of their own, one right over the next)."""
    quote = None
    top = block
    while True:
        over = [
            b
            for b in blocks
            if b.role is Role.PULLQUOTE
            and -scale.overlap < top.top - b.bottom < PULL_QUOTE_WHITE * scale.pitch
            and x_overlap(b.box, block.box) > SAME_COLUMN
        ]
        if not over:
            return quote
        quote = top = max(over, key=lambda b: b.bottom)


def _text_right_above(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether text runs on into the block from right above it in its column."""
    return bool(_paragraphs_above(block, blocks, 2 * RUNS_ON_GAP * scale.pitch, scale))


def _join(cluster: Cluster, block: Block, rule: str) -> None:
    cluster.blocks.append(block)
    block.item_rule = rule


def _add_noise(result: list[Cluster], kind: ItemType, block: Block) -> None:
    """Furniture, mastheads and adverts: one item of each kind per page, gathering all such blocks."""
    block.item_rule = f"{kind.value}: by its role"
    same = next((c for c in result if c.type is kind), None)
    if same is None:
        result.append(Cluster(kind, [block]))
    else:
        same.blocks.append(block)


def _continues(cluster: Cluster, block: Block, scale: TypeScale, scanned: bool) -> bool:
    """Whether an unclaimed block carries on the article read just before it."""
    if cluster.type is not ItemType.ARTICLE or block.role not in _TEXT_ROLES:
        return False
    last = cluster.blocks[-1]
    if last.frame != block.frame or next_letter(last, block, cluster.blocks, scale):
        return False
    if block.role is Role.IMAGE and _mostly_beside(block.box, union([b.box for b in cluster.blocks])):
        return False  # a picture across the page under one story's column is none of its
    if block.top >= last.bottom - 1 and x_overlap(last.box, block.box) > 0.5:
        return block.top - last.bottom < 2 * scale.pitch
    if block.role is Role.IMAGE:
        return False
    # a column further along the line that starts higher up: the article runs on into it, in the
    # same type (OCR's sizes are too rough to tell), and not opening with a drop cap (which starts
    # a story)
    next_column = block.x0 >= last.x1 - scale.body or block.x1 <= last.x0 + scale.body
    same_type = scanned or not (block.lines and last.lines) or abs(block.size - last.size) <= SAME_TYPE * last.size
    opens = bool(block.lines) and block.lines[0].initial
    # nor when its text cannot carry on the article's: a full stop there, lower case here (or no
    # text there yet: a story's text does not open in the middle of a sentence); OCR's stops and
    # capitals are too unsure for this
    said = [b for b in cluster.blocks if b.role is Role.BODY and b.lines]
    restarts = (
        not scanned and bool(block.lines) and (sentence_restarts(said[-1], block) if said else starts_lower(block))
    )
    return next_column and block.top < last.bottom - scale.pitch and same_type and not opens and not restarts


def _carries_on(
    cluster: Cluster, block: Block, blocks: list[Block], hrules: list[Box], scale: TypeScale, scanned: bool
) -> bool:
    """Whether an unclaimed block carries on the article read just before it (:func:`_continues`),
    unless it is a picture set off by a rule under the story's text or a jump line ending it (a column
    of teasers, each under a rule or a caption's jump line, runs on), or in a row of stories opened
    under the story (:func:`~.owners.past_a_row`)."""
    if not _continues(cluster, block, scale, scanned):
        return False
    if block.role is not Role.IMAGE:
        return True
    last = cluster.blocks[-1]
    ended = len(cluster.blocks) > 1 and cluster.blocks[-2].role is Role.BODY and _runs_on(last)  # by a jump line
    closed = _under_a_rule(block, blocks, hrules) if last.role is Role.BODY else ended
    head, heads = cluster.headline, [b for b in blocks if b.role is Role.HEADLINE]  # a picture: seldom asked
    return not closed and not (head is not None and past_a_row(block, head, heads, blocks, scale))


def _pictures_side_story(
    picture: Block, story: Cluster, blocks: list[Block], hrules: list[Box], scale: TypeScale
) -> bool:
    """Whether a side story's column opens with this picture: in the story's box (or none), no wider
    than the story's headline or its widest column, neither right under running text (whose story
    it ends) nor under a rule (which sets it off, alone)."""
    head = story.headline
    if head is None or head.frame != picture.frame:
        return False
    reach = head.reach or head.box
    widest = max([reach[2] - reach[0], *(b.x1 - b.x0 for b in story.blocks if b.lines)])
    under_text = bool(_paragraphs_above(picture, blocks, PICTURE_UNDER_TEXT * scale.pitch, scale))
    return picture.x1 - picture.x0 <= widest and not under_text and not _under_a_rule(picture, blocks, hrules)


def _under_a_rule(picture: Block, blocks: list[Block], hrules: list[Box]) -> bool:
    """Whether a rule lies between a picture and the block nearest over it in its column: a picture
    set off from the story over it, standing alone (or heading what is under it)."""
    over = [b for b in blocks if b.bottom <= picture.top + 1 and x_overlap(b.box, picture.box) > 0.5]
    nearest = max(over, key=lambda b: b.bottom, default=None)
    return nearest is not None and rule_between(nearest.box, picture.box, hrules)


def _mostly_beside(picture: Box, story: Box) -> bool:
    """Whether most of a picture's width lies outside the story's columns (a picture advert across
    the page's foot, under the story's one column)."""
    inter = min(picture[2], story[2]) - max(picture[0], story[0])
    return inter < PICTURE_IN_STORY * (picture[2] - picture[0])


def _untitled_past_picture(
    current: Cluster | None, block: Block, result: list[Cluster], scale: TypeScale, scanned: bool
) -> Cluster | None:
    """The untitled article read before a picture, when this text stands under that picture at the
    head of its column and carries the article on: a story continued from the page before runs on
    past a picture advert topping its next column (reading order goes through the picture first)."""
    if scanned or current is None or current.type is not ItemType.PHOTO or block.role is not Role.BODY:
        return None  # a scan's columns are carried on by flow.py
    picture = union([b.box for b in current.blocks])
    if block.top < picture[3] - 1 or x_overlap(picture, block.box) <= 0.5:
        return None
    before = next((c for c in reversed(result) if c.type is ItemType.ARTICLE), None)
    if before is None or before.headline is not None or not _continues(before, block, scale, scanned):
        return None
    return before
