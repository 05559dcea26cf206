"""Stage 6b: untitled pieces joined to the story they belong to.

Building clusters leaves text that no headline claimed as untitled articles. Most of them are
pieces of a titled story the geometry of ownership missed: a label inside its chart, or the first
column of a story whose headline is centred over the others. Real untitled stories are rare and
stand apart; these pieces sit inside or right beside a titled story. A photo set inside a story's
bounds (its text wrapping round it) is that story's photo, not a photo item of its own.
"""

from __future__ import annotations

from broadsheet.extract.articles import Cluster, picture_after_the_text
from broadsheet.extract.blocks import Block, Role, TypeScale, rule_between
from broadsheet.extract.flow import column_before
from broadsheet.extract.model import ItemType
from broadsheet.extract.names import next_letter
from broadsheet.extract.noise import specks
from broadsheet.extract.reach import foot_of_stack
from broadsheet.extract.roles import PageLayout
from broadsheet.extract.sentences import ends_sentence, is_quotation, starts_lower
from broadsheet.extract.side_stories import side_story
from broadsheet.geometry import Box, area, inside, union, x_overlap, y_overlap

# A piece's column may be topped by a photo (and its caption) this many line pitches or less over it.
PICTURE_OVER = 2.0
# A scrap is at most this many lines and characters.
SCRAP_LINES = 2
SCRAP_CHARS = 80
# A scrap lies on a line when its ends fall within the line's, give or take this much (points).
LINE_SLACK = 2.0
# A scrap this many line pitches or less under a story's text is its signature or closing note.
SIGNATURE_GAP = 5.0
# Running text starting this many line pitches or less under a story's text in its column (past a blank
# line between paragraphs set apart) runs on.
RUN_ON_GAP = 1.5
# ...or this many, past a pull quote set into the column (white above and below it).
PULL_QUOTE_GAP = 4.0
# Lines set this many line pitches tight overlap the line over them.
TIGHT_LINES = 0.3
# A frame or tint smaller than this share of the page is a box round one story (a larger one is
# the page's border).
PANEL_AREA = 0.5
# A column whose edge is at most this many body sizes from a story's column stands beside it.
BESIDE_GAP = 3.0
# Running text this many body sizes big (and bigger than its story's body) is a pull quote...
PULL_QUOTE_SIZE = 1.12
# ...unless it starts within this many line pitches under the headline: a lede set big.
LEDE_GAP = 3.0


def join_untitled(clusters: list[Cluster], scale: TypeScale, rank: dict[int, int], layout: PageLayout) -> list[Cluster]:
    """The clusters, with untitled scraps and side columns merged into their titled story.

    ``rank`` gives each block's place in the page's reading order (by ``id``): merged blocks take
    their place among the host's blocks.
    """
    titled = [c for c in clusters if c.type is ItemType.ARTICLE and c.headline is not None]
    bounds = {id(c): _bounds(c) for c in titled}
    panels = [f for f in layout.frames if area(f) < PANEL_AREA * layout.width * layout.height]
    blocks = [b for c in clusters for b in c.blocks]
    kept = clusters
    absorbed: dict[int, Cluster] = {}  # an untitled host's own host, once it joined one (by id)
    joined = True
    while joined:  # a piece joined to a story may bring the next piece beside it within reach
        joined, pieces = False, kept
        kept = []
        for cluster in pieces:
            host, rule = None, ""
            noise = layout.scanned and specks(cluster.blocks)  # OCR's scraps join no story's text
            if cluster.type is ItemType.ARTICLE and cluster.headline is None and not noise:
                host, rule = _untitled_host(cluster, pieces, titled, bounds, panels, scale, layout)
            elif cluster.type is ItemType.PHOTO and not _foot_picture(cluster, blocks, scale):
                host, rule = _enclosing(cluster, titled, bounds, scale), "photo inside a titled story's bounds"
            while host is not None and id(host) in absorbed:  # an untitled story that joined another
                host = absorbed[id(host)]
            if host is None or host is cluster:
                kept.append(cluster)
                continue
            absorbed[id(cluster)] = host
            host.blocks = sorted([*host.blocks, *cluster.blocks], key=lambda b: rank[id(b)])
            bounds[id(host)] = _bounds(host)  # its columns past a photo widen it over the photo
            for block in cluster.blocks:
                block.item_rule = rule
            joined = True
    for cluster in kept:
        if (why := _furniture_rule(cluster, layout.scanned)) is not None:
            cluster.type = ItemType.FURNITURE
            for block in cluster.blocks:
                block.item_rule = why
    for story in titled:
        mark_pull_quotes(story, scale)
    return kept


def _foot_picture(photo: Cluster, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a photo item is a picture after the text of its columns (no story's, however its
    bounds lie: :func:`~broadsheet.extract.articles.picture_after_the_text`)."""
    images = [b for b in photo.blocks if b.role is Role.IMAGE]
    return len(images) == 1 and picture_after_the_text(images[0], blocks, scale)


def mark_pull_quotes(story: Cluster, scale: TypeScale) -> None:
    """Running text set bigger than the story's body is a pull quote — a sentence repeated large in
    the middle of the columns, not part of the text — unless it is a lede: the story's first text,
    right under its headline."""
    texts = [b for b in story.blocks if b.role is Role.BODY]
    if not texts or story.headline is None:
        return
    body = max(texts, key=lambda b: b.chars).size
    head = story.headline.reach or story.headline.box
    for k, block in enumerate(texts):
        lede = k == 0 and block.top - head[3] < LEDE_GAP * scale.pitch
        if scale.ratio(block.size) >= PULL_QUOTE_SIZE and block.size > 1.05 * body and not lede:
            block.set_role(Role.PULLQUOTE, "pull quote: running text set big inside a story, not under its headline")


def _untitled_host(
    cluster: Cluster,
    clusters: list[Cluster],
    titled: list[Cluster],
    bounds: dict[int, Box],
    panels: list[Box],
    scale: TypeScale,
    layout: PageLayout,
) -> tuple[Cluster | None, str]:
    """The titled story an untitled piece of text belongs to, and the rule that says so."""
    scanned = layout.scanned
    if (host := _on_a_line_of(cluster, clusters)) is not None:
        return host, "a scrap on a line of another piece's text (a word read apart from its line)"
    if (host := _sentence_carried_on(cluster, clusters, scanned)) is not None:
        return host, "starts mid-sentence: carries on the story ending mid-sentence at the foot of the column before"
    if (host := _enclosing(cluster, titled, bounds, scale)) is not None and not _over_headline(cluster, host):
        return host, "untitled piece inside a titled story's bounds"
    if (host := _boxed_with(cluster, titled, panels)) is not None:
        return host, "untitled text in the same box as one titled story"
    if (host := _signed_under(cluster, clusters, scale)) is not None:
        return host, "a signature or note right under its story"
    if (host := _run_on_under(cluster, clusters, scale, layout.hrules)) is not None:
        return host, "running text right under a story's text in its column, a blank line or less below it"
    if (host := _column_beside(cluster, clusters, titled, scale)) is not None:
        return host, "a column beside a story's columns, level with them, with no text over it"
    return side_story(cluster.blocks, titled, scale), "untitled piece beside a story's headline"


def _on_a_line_of(cluster: Cluster, clusters: list[Cluster]) -> Cluster | None:
    """The piece of text a scrap lies on a line of, within its column: a word the text layer (or
    OCR) set apart from the rest of its line."""
    if not _scrap(cluster):
        return None
    box = _bounds(cluster)
    for other in clusters:
        if other is cluster or other.type is not ItemType.ARTICLE:
            continue
        lines = (line.box for b in other.blocks for line in b.lines)
        if any(
            y_overlap(line, box) > 0.5 and line[0] - LINE_SLACK <= box[0] and box[2] <= line[2] + LINE_SLACK
            for line in lines
        ):
            return other
    return None


def _sentence_carried_on(cluster: Cluster, clusters: list[Cluster], scanned: bool) -> Cluster | None:
    """The story in the column before a piece that starts inside a sentence (in lower case),
    level with its start, whose text ends inside a sentence at its foot in that column: the story's
    next column, cut off from it by a picture or another story's headline that the reading order
    went through first."""
    first = cluster.blocks[0]
    if not first.lines or not starts_lower(first):
        return None
    owner = {id(b): c for c in clusters for b in c.blocks if b.lines}  # by identity: blocks compare by value
    blocks = [b for c in clusters for b in c.blocks if b.lines]
    column = column_before(first, blocks, "rtl" if first.lines[0].rtl else "ltr")
    line = first.lines[0]
    level = max((b for b in column if b.top <= line.top + 0.5 * line.height), key=lambda b: b.top, default=None)
    host = owner.get(id(level)) if level is not None else None
    if host is None or host is cluster or host.type is not ItemType.ARTICLE or (scanned and host.headline is None):
        return None  # titled or not (in type): a story carried over from the page before runs on the same way
    foot = max((b for b in column if owner[id(b)] is host), key=lambda b: b.bottom)
    return host if foot.bottom > first.top and not ends_sentence(foot) else None


def _over_headline(cluster: Cluster, story: Cluster) -> bool:
    """Whether the piece stands above the story's headline, in its column: a story runs on below its
    headline, so that is the end of the story before it (an old paper's column holds several, parted
    by rules and headings only), whatever the bounds of the story's other columns enclose."""
    head = story.headline
    box = _bounds(cluster)
    return head is not None and x_overlap(box, head.box) > 0.5 and box[3] <= head.top + 1


def _column_beside(
    cluster: Cluster, clusters: list[Cluster], titled: list[Cluster], scale: TypeScale
) -> Cluster | None:
    """The titled story one of whose columns stands right beside this piece, over most of the height
    of the piece's column (with the photo right over it, which tops that column), under its headline,
    with no other story's text above the piece in its column (a photo, or the story's own): the
    story's last column, set under a picture its headline does not reach over, or a pull quote in a
    narrow column between its columns. The piece is read after that column, or stands partly under
    the headline: a story does not run back into a column wholly before its headline (a story carried
    over from the page before, under an advert)."""
    box = _bounds(cluster)
    column = _under_its_picture(box, clusters, scale)
    mine = {id(b) for b in cluster.blocks}
    rtl = any(b.lines and b.lines[0].rtl for b in cluster.blocks)
    candidates: list[tuple[float, Cluster]] = []
    for story in titled:
        assert story.headline is not None
        head = story.headline.reach or story.headline.box
        # a piece starting level with the story's byline stands beside its stack, not under it
        if foot_of_stack(head, story.blocks, scale) > box[1] + 1:
            continue
        if any(b.frame is not None and b.frame != story.headline.frame for b in cluster.blocks):
            continue  # a piece boxed apart from the story's headline: a box holds one story
        after_head = box[0] < head[2] if rtl else box[2] > head[0]  # not wholly before the headline
        gaps = [
            max(b.x0 - box[2], box[0] - b.x1) if after_head else (b.x0 - box[2] if rtl else box[0] - b.x1)
            for b in story.blocks
            if b.role is Role.BODY
            and len(b.lines) >= 3
            and x_overlap(b.box, box) < 0.2
            and y_overlap(b.box, column) > 0.8
        ]
        near = [g for g in gaps if -scale.body < g < BESIDE_GAP * scale.body]
        # text over it in its column may be the story's own (a writer's note under their photo)
        if near and not _text_over(box, head[3], clusters, mine | {id(b) for b in story.blocks}):
            candidates.append((min(near), story))
    return min(candidates, key=lambda t: t[0])[1] if candidates else None


def _under_its_picture(box: Box, clusters: list[Cluster], scale: TypeScale) -> Box:
    """The piece's box with a photo no story claims (and its caption) right over it in its column,
    within PICTURE_OVER line pitches: the column the piece ends, topped by the picture."""
    over = [
        photo
        for c in clusters
        if c.type is ItemType.PHOTO
        and x_overlap(photo := _bounds(c), box) > 0.5
        and -scale.overlap < box[1] - photo[3] < PICTURE_OVER * scale.pitch
    ]
    return union([box, *over])


def _text_over(box: Box, top: float, clusters: list[Cluster], mine: set[int]) -> bool:
    """Whether text (not a photo or its caption) lies above ``box`` in its column, below ``top``."""
    return any(
        b.lines
        and b.role is not Role.CAPTION
        and id(b) not in mine
        and x_overlap(b.box, box) > 0.5
        and b.top >= top - 1
        and b.bottom <= box[1] + 1
        for c in clusters
        for b in c.blocks
    )


def _boxed_with(cluster: Cluster, titled: list[Cluster], panels: list[Box]) -> Cluster | None:
    """The one titled story with text in the smallest box (a frame or tint) that holds the piece:
    a box holds one story, its signature included."""
    box = _bounds(cluster)
    holding = [f for f in panels if inside(box, f)]
    if not holding:
        return None
    panel = min(holding, key=area)
    stories = [c for c in titled if any(b.lines and b is not c.headline and inside(b.box, panel) for b in c.blocks)]
    return stories[0] if len(stories) == 1 else None


def _signed_under(cluster: Cluster, clusters: list[Cluster], scale: TypeScale) -> Cluster | None:
    """The titled story whose text ends right above a scrap (a writer's initials, a signature, a
    note), nothing between them in the column."""
    if not _scrap(cluster):
        return None
    box = _bounds(cluster)
    above = _text_above(box, cluster, clusters)
    return above[0] if above is not None and box[1] - above[1].bottom < SIGNATURE_GAP * scale.pitch else None


def _run_on_under(cluster: Cluster, clusters: list[Cluster], scale: TypeScale, hrules: list[Box]) -> Cluster | None:
    """The titled story whose text ends right above a piece's first line in its column, with no more
    space between than a blank line between paragraphs and no rule: the same column running on past
    a break in the reading order (a picture beside it), not a story of its own (which stands apart)."""
    first = cluster.blocks[0]
    if first.role is not Role.BODY:
        return None
    above = _text_above(first.box, cluster, clusters, TIGHT_LINES * scale.pitch)
    if above is None:
        return None
    owner, block = above
    quoted = _opens_with_a_pull_quote(cluster, block, scale)  # set off by white and rules
    if first.top - block.bottom > (PULL_QUOTE_GAP if quoted else RUN_ON_GAP) * scale.pitch:
        return None
    if (rule_between(block.box, first.box, hrules) and not quoted) or block.role is not Role.BODY:
        return None
    return None if next_letter(block, first, owner.blocks, scale) else owner


def _opens_with_a_pull_quote(cluster: Cluster, text: Block, scale: TypeScale) -> bool:
    """Whether a piece opens with a quotation set bigger than the ``text`` over it in its column, and
    that text's type runs on under the quotation: a pull quote set into the story's column, and the
    column's text after it (the quote is marked as such with its story's others)."""
    first, *rest = cluster.blocks
    bigger = first.size >= PULL_QUOTE_SIZE * text.size and scale.ratio(first.size) >= PULL_QUOTE_SIZE
    runs_on = any(
        b.role is Role.BODY and x_overlap(b.box, first.box) > 0.5 and abs(b.size - text.size) < 0.05 * text.size
        for b in rest
    )
    return bigger and runs_on and is_quotation(first.text)


def _text_above(
    box: Box, cluster: Cluster, clusters: list[Cluster], slack: float = 1.0
) -> tuple[Cluster, Block] | None:
    """The nearest text over ``box`` in its column (reaching ``slack`` into it at most: tight lines
    overlap), of another piece or story, with the story it belongs to; None unless that is a titled
    story."""
    above = [
        (c, b)
        for c in clusters
        if c is not cluster
        for b in c.blocks
        if b.lines and b.top < box[1] and b.bottom <= box[1] + slack and x_overlap(b.box, box) > 0.5
    ]
    if not above:
        return None
    owner, block = max(above, key=lambda pair: pair[1].bottom)
    return (owner, block) if owner.type is ItemType.ARTICLE and owner.headline is not None else None


def _enclosing(cluster: Cluster, titled: list[Cluster], bounds: dict[int, Box], scale: TypeScale) -> Cluster | None:
    """The smallest titled story whose bounds hold this photo or this piece of text that cannot be a
    story of its own: a scrap, a pull quote (set bigger than the body) and the column under it, or a
    column's lower part that starts in the middle of a sentence (cut off by a pull quote's rules)."""
    if cluster.type is ItemType.ARTICLE and not _fragment(cluster, scale):
        return None
    box = _bounds(cluster)
    hosts = [c for c in titled if inside(box, bounds[id(c)], slack=scale.body)]
    return min(hosts, key=lambda c: area(bounds[id(c)]), default=None)


def _furniture_rule(cluster: Cluster, scanned: bool) -> str | None:
    """Why an untitled piece no story took is furniture, if it is."""
    if scanned and cluster.type is ItemType.ARTICLE and specks(cluster.blocks):
        return "furniture: a scan's untitled scrap with too few letters of text (OCR noise, a label)"
    if _teaser(cluster):
        return "furniture: display type with no headline and no running text (a teaser)"
    if cluster.type is ItemType.ARTICLE and not any(_a_letter(ch) for b in cluster.blocks for ch in b.text):
        return "furniture: marks with no letter or digit (an ornament, a stray glyph)"
    return None


def _a_letter(ch: str) -> bool:
    """A letter or digit, or a glyph the PDF gives no character for (U+FFFD: a font with no Unicode
    map), which may be any letter."""
    return ch.isalnum() or ch == "\ufffd"


def _teaser(cluster: Cluster) -> bool:
    """An untitled piece made of deck-like display type alone, no running text: a teaser of what is
    inside ("A tour of the greenhouse..." under a newsletter's name plate), not a story to read."""
    return cluster.type is ItemType.ARTICLE and all(b.role is Role.SUBHEADLINE for b in cluster.blocks)


def _scrap(cluster: Cluster) -> bool:
    lines = sum(len(b.lines) for b in cluster.blocks)
    return lines <= SCRAP_LINES and sum(b.chars for b in cluster.blocks) < SCRAP_CHARS


def _fragment(cluster: Cluster, scale: TypeScale) -> bool:
    scrap = _scrap(cluster)
    big = all(scale.ratio(b.size) >= PULL_QUOTE_SIZE for b in cluster.blocks if b.lines)
    first = next((ch for ch in cluster.blocks[0].text if ch.isalpha()), "") if cluster.blocks else ""
    quote = bool(cluster.blocks) and cluster.blocks[0].role is Role.PULLQUOTE
    return scrap or big or quote or first.islower()  # no story starts in lower case, or with a pull quote


def _bounds(cluster: Cluster) -> Box:
    return union([b.box for b in cluster.blocks])
