"""Stage 6c: the cells of a table gathered into one item.

A timetable, a results table or a diary is a grid of short pieces of text with no headline over
each. Left alone, every cell becomes an untitled article of its own (a bus timetable gave 87). Cells
that stand in rows and columns together are one table: the story that already holds some of its
cells (its headline over the first column) takes the rest, or the table is one untitled article.
"""

from __future__ import annotations

from scipy.cluster.hierarchy import DisjointSet

from broadsheet.extract.articles import Cluster
from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.extract.model import ItemType
from broadsheet.geometry import Box, x_overlap, y_overlap

# A cell is a block of at most this many lines, each of at most this many characters (a column of
# times read as one block is a stack of cells)...
CELL_LINES = 12
CELL_LINE_CHARS = 30
# ...and not running text: a block of PROSE_LINES lines or more averaging this many words a line or
# more is a paragraph (a letter set in narrow columns), however short its lines.
PROSE_WORDS = 4.0
PROSE_LINES = 3
# ...next to another across a gap of at most this many body sizes in its row, or this many line
# pitches in its column.
ROW_GAP = 12.0
COLUMN_GAP = 2.5
# A table has at least this many cells, in at least two rows and two columns.
TABLE_CELLS = 6


def join_table_cells(clusters: list[Cluster], scale: TypeScale, rank: dict[int, int]) -> list[Cluster]:
    """The clusters, with each table's untitled cells merged into one item (``rank``: the blocks'
    reading order)."""
    cells = [(block, c) for c in clusters if c.type is ItemType.ARTICLE for block in c.blocks if _cell(block)]
    gone: dict[int, Cluster] = {}  # a cluster merged into another: where its blocks went

    def now_in(cluster: Cluster) -> Cluster:
        """The cluster holding ``cluster``'s blocks now: a cell's cluster may have been merged into
        another table's host already (cells of two grids in one story)."""
        while id(cluster) in gone:
            cluster = gone[id(cluster)]
        return cluster

    for table in _grids(cells, scale):
        if not _is_table([block.box for block, _ in table]):
            continue
        owners = list({id(now_in(c)): now_in(c) for _, c in table}.values())
        titled = [c for c in owners if c.headline is not None]
        untitled = [c for c in owners if c.headline is None and _all_cells(c)]
        if len(titled) > 1 or len(untitled) + len(titled) < 2:
            continue  # cells of two stories, or nothing to gather
        host = titled[0] if titled else min(untitled, key=lambda c: min(rank[id(b)] for b in c.blocks))
        for cluster in untitled:
            if cluster is host:
                continue
            host.blocks.extend(cluster.blocks)
            for block in cluster.blocks:
                block.item_rule = "a table's cell: with the cells beside it in rows and columns"
            gone[id(cluster)] = host
        host.blocks.sort(key=lambda b: rank[id(b)])
    return [c for c in clusters if id(c) not in gone]


def _cell(block: Block) -> bool:
    short = all(len(line.text) <= CELL_LINE_CHARS for line in block.lines)
    return block.role is Role.BODY and 0 < len(block.lines) <= CELL_LINES and short and not _prose(block)


def _prose(block: Block) -> bool:
    """Whether a block reads as a paragraph: several lines of several words each."""
    words = sum(len(line.text.split()) for line in block.lines)
    return len(block.lines) >= PROSE_LINES and words >= PROSE_WORDS * len(block.lines)


def _all_cells(cluster: Cluster) -> bool:
    return all(_cell(b) for b in cluster.blocks)


def _grids(cells: list[tuple[Block, Cluster]], scale: TypeScale) -> list[list[tuple[Block, Cluster]]]:
    """The cells in groups of neighbours, each neighbour next to another in its row or column."""
    groups = DisjointSet(range(len(cells)))
    for i in range(len(cells)):
        for j in range(i + 1, len(cells)):
            if _neighbours(cells[i][0].box, cells[j][0].box, scale):
                groups.merge(i, j)
    found: dict[int, list[tuple[Block, Cluster]]] = {}
    for i, cell in enumerate(cells):
        found.setdefault(groups[i], []).append(cell)
    return list(found.values())


def _neighbours(a: Box, b: Box, scale: TypeScale) -> bool:
    row_gap = max(a[0], b[0]) - min(a[2], b[2])
    column_gap = max(a[1], b[1]) - min(a[3], b[3])
    same_row = y_overlap(a, b) > 0.5 and row_gap < ROW_GAP * scale.body
    same_column = x_overlap(a, b) > 0.5 and column_gap < COLUMN_GAP * scale.pitch
    return same_row or same_column


def _is_table(boxes: list[Box]) -> bool:
    """Enough cells, and some of them side by side and some one over another: rows and columns."""
    if len(boxes) < TABLE_CELLS:
        return False
    side_by_side = any(y_overlap(a, b) > 0.5 and x_overlap(a, b) < 0.1 for a in boxes for b in boxes if a is not b)
    stacked = any(x_overlap(a, b) > 0.5 and y_overlap(a, b) < 0.1 for a in boxes for b in boxes if a is not b)
    return side_by_side and stacked
