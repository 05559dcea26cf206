"""Stage 6b: untitled pieces joined to the story they belong to.

Building clusters leaves text that no headline claimed as untitled articles. Most of them are
pieces of a titled story the geometry of ownership missed: a label inside its chart, or the first
column of a story whose headline is centred over the others. Real untitled stories are rare and
stand apart; these pieces sit inside or right beside a titled story. A photo set inside a story's
bounds (its text wrapping round it) is that story's photo, not a photo item of its own.
"""

from __future__ import annotations

from broadsheet.extract.articles import Cluster, side_story
from broadsheet.extract.blocks import TypeScale
from broadsheet.extract.model import ItemType
from broadsheet.geometry import Box, inside, union

# A scrap is at most this many lines and characters.
SCRAP_LINES = 2
SCRAP_CHARS = 80


def join_untitled(clusters: list[Cluster], scale: TypeScale, rank: dict[int, int]) -> list[Cluster]:
    """The clusters, with untitled scraps and side columns merged into their titled story.

    ``rank`` gives each block's place in the page's reading order (by ``id``): merged blocks take
    their place among the host's blocks.
    """
    titled = [c for c in clusters if c.type is ItemType.ARTICLE and c.headline is not None]
    bounds = {id(c): _bounds(c) for c in titled}
    kept: list[Cluster] = []
    for cluster in clusters:
        host, rule = None, ""
        if cluster.type is ItemType.ARTICLE and cluster.headline is None:
            host, rule = _enclosing(cluster, titled, bounds, scale), "untitled piece inside a titled story's bounds"
            if host is None:
                host, rule = side_story(cluster.blocks, titled, scale), "untitled piece beside a story's headline"
        elif cluster.type is ItemType.PHOTO:
            host, rule = _enclosing(cluster, titled, bounds, scale), "photo inside a titled story's bounds"
        if host is None:
            kept.append(cluster)
            continue
        host.blocks = sorted([*host.blocks, *cluster.blocks], key=lambda b: rank[id(b)])
        for block in cluster.blocks:
            block.item_rule = rule
    return kept


def _enclosing(cluster: Cluster, titled: list[Cluster], bounds: dict[int, Box], scale: TypeScale) -> Cluster | None:
    """The smallest titled story whose bounds hold this photo, this scrap of text, or this piece that
    starts in the middle of a sentence (a column's lower part, cut off by a pull quote's rules)."""
    lines = sum(len(b.lines) for b in cluster.blocks)
    scrap = lines <= SCRAP_LINES and sum(b.chars for b in cluster.blocks) < SCRAP_CHARS
    if cluster.type is ItemType.ARTICLE and not scrap and not _mid_sentence(cluster):
        return None
    box = _bounds(cluster)
    hosts = [c for c in titled if inside(box, bounds[id(c)], slack=scale.body)]
    return min(hosts, key=lambda c: _area(bounds[id(c)]), default=None)


def _mid_sentence(cluster: Cluster) -> bool:
    """Whether the piece's text starts with a lower-case letter: no story starts so."""
    first = next((ch for ch in cluster.blocks[0].text if ch.isalpha()), "") if cluster.blocks else ""
    return first.islower()


def _bounds(cluster: Cluster) -> Box:
    return union([b.box for b in cluster.blocks])


def _area(box: Box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])
