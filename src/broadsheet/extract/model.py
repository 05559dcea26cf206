"""Plain typed data that the extraction pipeline hands out: one PageResult per page.

Coordinates are PDF points relative to the top-left corner of the page's CropBox, y growing
downwards, as in the page-JSON format (docs/page-json.md). A ``Box`` is ``(x0, y0, x1, y1)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from broadsheet.geometry import Box

__all__ = ["Box", "Direction", "Item", "ItemType", "Jump", "LineDecision", "PageResult", "TextLayer"]

Direction = Literal["ltr", "rtl"]


class ItemType(StrEnum):
    """What an item on the page is. Only articles are opened by readers."""

    ARTICLE = "article"
    ADVERT = "advert"
    MASTHEAD = "masthead"
    FURNITURE = "furniture"
    PHOTO = "photo"


class TextLayer(StrEnum):
    """Whether the page's text layer can be trusted as text.

    ``OK`` and ``OCR`` pages present article text; on the others regions are still found where the
    geometry allows, without text.
    """

    OK = "ok"
    OCR = "ocr"  # a scan, read by OCR: text is shown, but it is only as good as the recognition
    LEGACY_FONT = "legacy-font"  # 8-bit fonts (e.g. old Arabic/Urdu) read as Latin-1 garbage, or glyphs as U+FFFD
    OUTLINES = "outlines"  # text converted to vector paths: nothing to extract
    IMAGE_ONLY = "image-only"  # a scan or raster page without a text layer
    EMPTY = "empty"  # nothing on the page at all


@dataclass(frozen=True, slots=True)
class Jump:
    """Where an article continues: ``to_page`` on the first part, ``from_page`` on the continuation."""

    to_page: int | None = None
    from_page: int | None = None

    def to_json(self) -> dict[str, int]:
        out: dict[str, int] = {}
        if self.to_page is not None:
            out["to_page"] = self.to_page
        if self.from_page is not None:
            out["from_page"] = self.from_page
        return out


@dataclass(slots=True)
class Item:
    """One thing on the page: an article, an advert, the masthead, furniture or a stand-alone photo."""

    id: str
    type: ItemType
    regions: list[Box]
    kicker: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    body: str | None = None
    captions: list[str] = field(default_factory=list)
    jump: Jump | None = None


@dataclass(frozen=True, slots=True)
class LineDecision:
    """Why one line of the page ended where it did (``broadsheet extract --explain``): the role its
    block was given and the rule that gave it, the item it went to and the rule that put it there."""

    box: Box
    text: str
    size: float
    font: str
    role: str
    role_rule: str
    item: str
    item_rule: str


@dataclass(slots=True)
class PageResult:
    """Everything found on one page, in reading order, or the reason the page failed."""

    source: str
    page: int
    width: float
    height: float
    unit: Literal["pt", "px"] = "pt"  # px for page images: coordinates are the image's pixels
    direction: Direction = "ltr"
    language: str | None = None
    items: list[Item] = field(default_factory=list)
    text_layer: TextLayer = TextLayer.OK
    problems: list[str] = field(default_factory=list)
    error: str | None = None
    decisions: list[LineDecision] = field(default_factory=list)  # filled when asked to explain

    @property
    def has_text(self) -> bool:
        """Whether the items' text fields hold text (a legacy-font page gives only regions)."""
        return self.text_layer in (TextLayer.OK, TextLayer.OCR)

    @property
    def articles(self) -> list[Item]:
        return [item for item in self.items if item.type is ItemType.ARTICLE]
