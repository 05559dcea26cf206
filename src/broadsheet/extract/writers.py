"""Stage 6, part: an opinion piece's writers, pictured at its head — a portrait, the writer's name
under it in bold, their description under that ("Independent scholar based in Ranchi") — sign it:
their names are its byline, not captions (The Hindu's op-eds set two such portraits one under the
other at the top of a column).

A news story may picture a person so too, named and described; told apart by place: a writer's
portrait heads its column of the piece (none of the piece's text stands over it), and the piece has
no byline of its own. The description stays the portrait's caption.
"""

from __future__ import annotations

from broadsheet.extract.articles import Cluster
from broadsheet.extract.blocks import Block, Role
from broadsheet.extract.model import ItemType
from broadsheet.extract.roles import DESCRIPTION_RULE
from broadsheet.geometry import Box, x_overlap

PICTURED_WRITER_RULE = "byline: a writer pictured at the head of the piece, named and described"


def mark_pictured_writers(clusters: list[Cluster]) -> None:
    """The names of the writers pictured at the head of each article without a byline: its bylines."""
    for cluster in clusters:
        if cluster.type is not ItemType.ARTICLE or any(b.role is Role.BYLINE for b in cluster.blocks):
            continue
        for name in [n for d in cluster.blocks if (n := _named(d, cluster.blocks)) is not None]:
            if name.pictured is not None and _heads_its_column(name.pictured, cluster.blocks):
                name.set_role(Role.BYLINE, PICTURED_WRITER_RULE)


def _named(description: Block, blocks: list[Block]) -> Block | None:
    """The name a pictured person's description is set under (the caption of the same picture right over it)."""
    if description.role is not Role.CAPTION or description.role_rule != DESCRIPTION_RULE:
        return None
    over = [
        b
        for b in blocks
        if b is not description
        and b.role is Role.CAPTION
        and b.pictured == description.pictured
        and b.bottom <= description.top
    ]
    return max(over, key=lambda b: b.bottom, default=None)


def _heads_its_column(portrait: Box, blocks: list[Block]) -> bool:
    """Whether none of the piece's running text stands over the portrait in its column."""
    return not any(b.role is Role.BODY and x_overlap(b.box, portrait) > 0 and b.bottom <= portrait[1] for b in blocks)
