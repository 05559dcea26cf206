"""Adverts set like editorial matter: a box of headline and text that sells something.

Display adverts (a picture, big type, no running text) are told by their frames alone
(:mod:`broadsheet.extract.furniture`). An advert set in the paper's own type has a headline and a
paragraph like a story; what gives it away is what it asks of the reader: prices, phone numbers,
web and mail addresses — or an "Advertisement" label over it.
"""

from __future__ import annotations

import re

from broadsheet.extract.articles import Cluster
from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.extract.model import ItemType
from broadsheet.geometry import Box, area, area_share, inside, x_overlap, y_overlap

ADVERT_LABEL = re.compile(
    r"^\W*(?:advertisement|advertising|advertorial|sponsored(?: content)?|paid (?:content|post)|"
    r"anzeige|publicidad|publicité|pubblicità|publicidade|اشتہار|إعلان)\W*$",
    re.IGNORECASE,
)
# "Discount" in Arabic (two spellings of "reduction" too) and in Urdu and Persian.
_DISCOUNT_RTL = "خصم|تخفيض|تخفیض|رعایت|تخفیف"
# What an advert asks of its reader: one pattern per kind of cue.
CUES = {
    "price": re.compile(r"[£$€₹¥]\s?\d|\d\s?[£$€₹¥]|\b(?:rs|inr|usd|eur|gbp)\.?\s?\d", re.IGNORECASE),
    "phone": re.compile(r"(?<!\w)\+?\(?\d[\d ().-]{6,}\d(?!\w)"),
    "address": re.compile(r"\bwww\.|https?://|[\w.-]+@[\w-]+\.\w|\b[\w-]+\.(?:com|org|net|co\.uk|in|it|pt|es|fr|de)\b"),
    # "50% off": "50 % de descuento", "di sconto"...; in Arabic and Urdu ("50٪ خصم", "رعایت 50%") only
    # by a percentage, as "discount" in Arabic is also "opponent"
    "discount": re.compile(
        r"\d\s?%\s?(?:off|discount|(?:di |de )?(?:sconto|desconto|descuento|rabatt|remise))\b"
        rf"|\d\s?[%٪]\s?(?:{_DISCOUNT_RTL})|(?:{_DISCOUNT_RTL})\s?\d+\s?[%٪]",
        re.I,
    ),
}
# A classified advert's head: what its reader is offered or asked for ("FOR SALE").
CLASSIFIED_HEAD = re.compile(
    r"^\W*(?:for sale|wanted|to let|for rent|for hire|to rent|situations? vacant|lost|found|"
    r"zu verkaufen|gesucht|à vendre|a vendre|on recherche|se vende|vendesi|vende-se)\W*$",
    re.IGNORECASE,
)
# Under such a head, an item of at most this many words with a price or a phone number is one.
CLASSIFIED_WORDS = 80
# A box with at least this many kinds of cue, and at most this many words, is an advert.
ADVERT_CUES = 2
ADVERT_WORDS = 150
# A frame bigger than this share of the page is its border, not a box.
BOX_AREA = 0.5
# A block with at least this share of its lines' area inside a box is in it: an advert's display type
# may run past its box's edge (set too big for it, clipped in print).
MOSTLY_INSIDE = 0.75
# Paid notices (legal, court, memorial) are boxed in type smaller than this many body sizes, in a
# band of such boxes side by side; a story's boxed sidebar keeps close to the body's size.
NOTICE_SIZE = 0.8


def mark_adverts(blocks: list[Block], frames: list[Box], page_area: float) -> None:
    """Set ADVERT on an advertisement label, and on every block of a box that holds one or reads
    like an advert."""
    for block in blocks:
        if block.lines and ADVERT_LABEL.match(block.text):
            block.set_role(Role.ADVERT, "advert: an 'Advertisement' label")
    for frame in frames:
        if area(frame) > BOX_AREA * page_area:
            continue
        inner = [b for b in blocks if _in_box(b, frame)]
        texts = [b for b in inner if b.lines]
        if not texts:
            continue
        if any(b.role is Role.ADVERT for b in texts):
            rule = "advert: in the box of an 'Advertisement' label"
        elif reads_like_an_advert(" ".join(b.text for b in texts)):
            rule = "advert: a box of few words with prices, phone numbers or addresses"
        else:
            continue
        for block in inner:
            block.set_role(Role.ADVERT, rule)


def _in_box(block: Block, frame: Box) -> bool:
    """Whether a block stands inside a box, or MOSTLY_INSIDE of its type does."""
    if inside(block.box, frame):
        return True
    whole = sum(area(line.box) for line in block.lines)
    inner = sum(area(line.box) * area_share(line.box, frame) for line in block.lines)
    return whole > 0 and inner >= MOSTLY_INSIDE * whole


def mark_notices(blocks: list[Block], frames: list[Box], scale: TypeScale, page_area: float) -> None:
    """Set ADVERT on the boxes of a band of paid notices: frames side by side whose running text is
    all set well under the body's size."""
    boxed = {frame: [b for b in blocks if inside(b.box, frame)] for frame in frames}
    notices = [
        frame for frame, inner in boxed.items() if area(frame) <= BOX_AREA * page_area and _set_small(inner, scale)
    ]
    for frame in notices:
        beside = any(
            other is not frame and x_overlap(other, frame) <= 0 and y_overlap(other, frame) > 0.5 for other in notices
        )
        if not beside:
            continue
        for block in boxed[frame]:
            block.set_role(Role.ADVERT, "advert: a notice, boxed in small type beside another such box")


def _set_small(inner: list[Block], scale: TypeScale) -> bool:
    """Whether a box holds running text, all of it in type well under the body's size."""
    running = [b for b in inner if len(b.lines) >= 3 and b.role is Role.BODY]
    return bool(running) and all(scale.ratio(b.size) < NOTICE_SIZE for b in running)


def reads_like_an_advert(text: str) -> bool:
    if len(text.split()) > ADVERT_WORDS:
        return False
    return sum(1 for cue in CUES.values() if cue.search(text)) >= ADVERT_CUES


def type_classifieds(clusters: list[Cluster]) -> None:
    """An item under a classified head ("FOR SALE", "WANTED") with a price or a phone number and a
    few words is a classified advert, not a story, boxed or not (a small paper runs them among its
    notices)."""
    for cluster in clusters:
        head = cluster.headline
        if cluster.type is not ItemType.ARTICLE or head is None or not CLASSIFIED_HEAD.match(head.text):
            continue
        text = " ".join(b.text for b in cluster.blocks if b is not head and b.lines)
        if len(text.split()) > CLASSIFIED_WORDS or not (CUES["price"].search(text) or CUES["phone"].search(text)):
            continue
        cluster.type, cluster.headline = ItemType.ADVERT, None
        for block in cluster.blocks:
            block.item_rule = "advert: a few words with a price or a phone number under a classified head"
