"""Stage 5, part: a kicker set right under a picture, over its headline ("Reality TV Got Too Real"
under a cartoon topping two stories, over "The Bachelor Spin-off"), was taken for the picture's
caption, for a caption is what runs right under a picture. A short label whose headline stands
tight under it, on its edge and in bigger type, labels the headline: a caption is followed by space
before the next story's headline, and is mostly a sentence.
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.extract.decorations import aligned
from broadsheet.geometry import union

KICKER_UNDER_PICTURE_RULE = "kicker: a short label under a picture, right over its headline"
# At most this many characters, on one line...
LABEL_CHARS = 40
# ...at most this share of the headline's size smaller than it...
LABEL_SIZE = 0.95
# ...and the headline's top at most this share of the headline's size under the label.
LABEL_GAP = 0.5


def mark_kickers_under_pictures(blocks: list[Block], scale: TypeScale) -> None:
    """A one-line caption under its picture with a headline tight under it, on its edge and in bigger
    type, is that headline's kicker."""
    heads = [b for b in blocks if b.role is Role.HEADLINE]
    for label in blocks:
        if not _caption_under_its_picture(label) or len(label.lines) != 1 or label.chars > LABEL_CHARS:
            continue
        head = next((h for h in heads if _labels(label, h, scale)), None)
        if head is not None:
            label.set_role(Role.KICKER, KICKER_UNDER_PICTURE_RULE)
            label.pictured = None
            head.reach = union([head.reach or head.box, label.box])


def _caption_under_its_picture(block: Block) -> bool:
    return block.role is Role.CAPTION and block.pictured is not None and block.top >= block.pictured[3]


def _labels(label: Block, head: Block, scale: TypeScale) -> bool:
    """Whether ``head`` stands tight under ``label``, in bigger type, on its edge."""
    return (
        label.size < LABEL_SIZE * head.size
        and -scale.overlap < head.top - label.bottom < LABEL_GAP * head.size
        and aligned(label.box, head.reach or head.box, scale, head.size, head.lines[0].rtl)
    )
