"""Stage 6d: teasers told by their pictures — a picture whose caption sends the reader to another page.

A front page's rail of teasers ("NEWS TODAY" over five pictures, each captioned with an inside story's
headline and "See Page 04") has no running text of its own: the stories are inside. Read in order, the
rail's banner heads an "article" of pictures and captions; a lone teaser reads as a photo. Either way
it is furniture, one item a teaser (and the banner one more), not a story to open.
"""

from __future__ import annotations

from broadsheet.extract.articles import Cluster
from broadsheet.extract.blocks import Block, Role
from broadsheet.extract.jumps import announces
from broadsheet.extract.model import ItemType

# The end of a caption that is looked at for a page reference, in characters: a jump line's length.
REFERENCE_TAIL = 40
RULE = "furniture: a picture whose caption names another page (a teaser)"


def type_teasers(clusters: list[Cluster]) -> list[Cluster]:
    """Clusters of pictures and captions, no running text, at least one caption naming another page:
    each picture with its captions a furniture item, the banner over them another."""
    out: list[Cluster] = []
    for cluster in clusters:
        out.extend(_teasers(cluster) if _teaser_panel(cluster) else [cluster])
    return out


def _teaser_panel(cluster: Cluster) -> bool:
    if cluster.type not in (ItemType.ARTICLE, ItemType.PHOTO):
        return False
    roles = {b.role for b in cluster.blocks}
    if Role.IMAGE not in roles or not roles <= {Role.IMAGE, Role.CAPTION, Role.JUMP, Role.HEADLINE, Role.KICKER}:
        return False
    return any(_names_a_page(b) for b in cluster.blocks if b.role in (Role.CAPTION, Role.JUMP))


def _names_a_page(block: Block) -> bool:
    return announces(block.text[-REFERENCE_TAIL:], "to")


def _teasers(cluster: Cluster) -> list[Cluster]:
    """The panel cut before each picture: a banner (what comes before the first picture), then each
    picture with the captions read after it."""
    pieces: list[list[Block]] = [[]]
    for block in cluster.blocks:
        if block.role is Role.IMAGE and any(b.lines or b.role is Role.IMAGE for b in pieces[-1]):
            pieces.append([])
        pieces[-1].append(block)
    for piece in pieces:
        for block in piece:
            block.item_rule = RULE
    return [Cluster(ItemType.FURNITURE, piece) for piece in pieces if piece]
