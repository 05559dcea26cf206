"""A page being laid out: drawing operations plus, for each item, the boxes its regions come from.

Layout code never talks to reportlab directly. It records what to draw on a :class:`Sheet`, in
top-left coordinates (y down, as in page JSON), and names the item and region group each piece
belongs to. That record is then both drawn (:mod:`broadsheet.synthetic.render`) and turned into
ground truth, so the two cannot disagree. Right-to-left pages are laid out as if they were
left-to-right and mirrored at the end (:meth:`Sheet.mirror`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from broadsheet.extract.model import Box
from broadsheet.synthetic import fonts

Color = tuple[float, float, float]
BLACK: Color = (0.0, 0.0, 0.0)
Owner = tuple[str, str] | None  # (item id, region group) or None for decoration


@dataclass(slots=True)
class TextOp:
    """One run of text; ``text`` is logical (RTL runs are shaped when drawn).

    ``upright`` False turns the run a quarter left about its origin so that it reads upwards, as
    a photo credit set up the side of a picture does; ``baseline`` is then the y where it starts
    (its bottom) and ``x`` the position of its vertical baseline.
    """

    x: float
    baseline: float
    text: str
    font: str
    size: float
    width: float
    color: Color = BLACK
    rtl: bool = False
    space_after: bool = False
    upright: bool = True


@dataclass(slots=True)
class RectOp:
    box: Box
    stroke: Color | None = BLACK
    fill: Color | None = None
    line_width: float = 0.5


@dataclass(slots=True)
class LineOp:
    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.5
    color: Color = BLACK


@dataclass(slots=True)
class ImageOp:
    box: Box
    seed: int
    kind: str  # "raster" (a generated picture) or "flat" (a filled placeholder)
    color: Color = (0.6, 0.6, 0.6)


Op = TextOp | RectOp | LineOp | ImageOp


def text_box(op: TextOp, side: float | None = None) -> Box:
    above, below = fonts.extent(op.font)
    if side is None:  # italic f, j and J overhang their advance in PDFium's loose boxes
        side = 0.1 * op.size
    if not op.upright:  # turned left: ascenders point left, the run goes up from its baseline y
        return (op.x - above * op.size, op.baseline - op.width - side, op.x + below * op.size, op.baseline + side)
    return (op.x - side, op.baseline - above * op.size, op.x + op.width + side, op.baseline + below * op.size)


@dataclass
class Sheet:
    """Drawing record of one newspaper page (or one half of a spread)."""

    width: float
    height: float
    ops: list[Op] = field(default_factory=list)
    boxes: dict[str, dict[str, list[Box]]] = field(default_factory=dict)
    # Daily pages allow for the glyph overhang per face and size (fonts.overhang); older pages
    # keep the flat 0.1 em so that their ground truth stays byte for byte what it was.
    exact_overhang: bool = False

    def own(self, owner: Owner, box: Box) -> None:
        if owner is not None:
            item, group = owner
            self.boxes.setdefault(item, {}).setdefault(group, []).append(box)

    def text(
        self,
        x: float,
        baseline: float,
        text: str,
        font: str,
        size: float,
        owner: Owner,
        *,
        color: Color = BLACK,
        rtl: bool = False,
        space_after: bool = False,
        width: float | None = None,
        upright: bool = True,
    ) -> TextOp:
        w = fonts.measure(text, font, size, rtl) if width is None else width
        op = TextOp(x, baseline, text, font, size, w, color, rtl, space_after, upright)
        self.ops.append(op)
        self.own(owner, text_box(op, fonts.overhang(font, size, text) if self.exact_overhang else None))
        return op

    def rect(
        self,
        box: Box,
        owner: Owner = None,
        *,
        stroke: Color | None = BLACK,
        fill: Color | None = None,
        line_width: float = 0.5,
    ) -> None:
        self.ops.append(RectOp(box, stroke, fill, line_width))
        self.own(owner, box)

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.5, color: Color = BLACK) -> None:
        self.ops.append(LineOp(x0, y0, x1, y1, width, color))

    def image(self, box: Box, owner: Owner, seed: int, kind: str, color: Color = (0.6, 0.6, 0.6)) -> None:
        self.ops.append(ImageOp(box, seed, kind, color))
        self.own(owner, box)

    def mirror(self) -> None:
        """Flip left and right: turns a left-to-right layout into its right-to-left twin."""
        w = self.width

        def flip(b: Box) -> Box:
            return (w - b[2], b[1], w - b[0], b[3])

        for op in self.ops:
            if isinstance(op, TextOp):
                op.x = w - op.x - op.width
            elif isinstance(op, LineOp):
                op.x0, op.x1 = w - op.x0, w - op.x1
            else:
                op.box = flip(op.box)
        for groups in self.boxes.values():
            for name, boxes in groups.items():
                groups[name] = [flip(b) for b in boxes]

    def regions(self, item: str) -> list[Box]:
        """One tight rectangle per region group of ``item`` (a column part, a headline block...)."""
        out: list[Box] = []
        for boxes in self.boxes.get(item, {}).values():
            out.append(
                (
                    min(b[0] for b in boxes),
                    min(b[1] for b in boxes),
                    max(b[2] for b in boxes),
                    max(b[3] for b in boxes),
                )
            )
        return out
