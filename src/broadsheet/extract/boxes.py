"""Stage 6, before the articles: which frames are boxed stories, bounding their articles.

A story printed in a box (a border, a tinted panel) is its own: a headline outside the box claims
none of the text inside it. Most frames are not such boxes, though: a tint behind a headline, a
border round a photo, a panel behind the lower half of a lead and the story under it.
"""

from __future__ import annotations

from broadsheet.extract.blocks import Block, Role
from broadsheet.geometry import Box, area, inside

# A frame with no headline is a boxed story when a title drawn as a picture (or a band with no text)
# at least this share of its width has its foot in the frame's top part (this share of its height).
BANNER_WIDTH = 0.6
BANNER_DROP = 0.35
# A boxed story holds at least this many lines of text under its head: a tint behind a headline with
# its kicker and a one-line byline boxes no story.
BOXED_LINES = 2
# A line of at most this many words, this bold (share of glyphs), right over the head in a box is a label
# ("Science"), not text of a story run on into the box.
LABEL_WORDS = 3
LABEL_BOLD = 0.9
# ...standing at most this many of its sizes over the head.
LABEL_DROP = 2.0


def assign_frames(blocks: list[Block], frames: list[Box]) -> None:
    """Each block remembers the smallest boxed article around it: such frames bound articles.

    Only a frame that opens with a head over body text is a boxed article: a frame with text
    above its first headline holds the end of a story headed outside it. Other frames are
    decoration (a tint behind a headline or behind the lower half of a lead story and the story
    under it, a border round a photo and its caption) and must not cut a story off from its headline.
    """
    heads = [b.box for b in blocks if b.role is Role.HEADLINE]
    texts = [b.box for b in blocks if b.lines]
    # titles drawn, not set: a picture, or a band (a frame with no text in it) a title's outlines fill
    banners = [b.box for b in blocks if b.role is Role.IMAGE]
    banners += [f for f in frames if not any(inside(t, f) for t in texts)]
    bodies = [b for b in blocks if b.role is Role.BODY]
    boxed = [i for i, f in enumerate(frames) if _opens_with_a_head(f, heads, banners, bodies)]
    by_area = sorted(boxed, key=lambda i: area(frames[i]))
    for block in blocks:
        block.frame = next((i for i in by_area if inside(block.box, frames[i])), None)


def _opens_with_a_head(frame: Box, heads: list[Box], pictures: list[Box], bodies: list[Block]) -> bool:
    """Whether a frame holds body text, none of it above the frame's head: its first headline, or,
    with no headline in it, a title drawn across the frame's top (a rubric's banner, which may hang
    over the frame's edge, or a band right on it)."""
    texts = [b for b in bodies if inside(b.box, frame)]
    tops = [h[1] for h in heads if inside(h, frame)]
    if not tops:
        width = frame[2] - frame[0]
        tops = [
            p[3]
            for p in pictures
            if frame[1] - 1 < p[3] < frame[1] + BANNER_DROP * (frame[3] - frame[1])
            and p[0] > frame[0] - 1
            and p[2] < frame[2] + 1
            and p[2] - p[0] >= BANNER_WIDTH * width
        ]
    lines = sum(len(b.lines) for b in texts)
    if not tops:
        return False
    top = min(tops)
    return lines >= BOXED_LINES and all(b.bottom > top or a_label_over(b, top) for b in texts)


def a_label_over(block: Block, head_top: float) -> bool:
    """A line of a few words in bold with no sentence's stop right over a boxed story's head (at
    ``head_top``): its section's label ("Science") in the box's corner, not the end of a story
    headed outside it."""
    short = len(block.lines) == 1 and len(block.text.split()) <= LABEL_WORDS
    right_over = block.top < head_top and head_top - block.bottom < LABEL_DROP * block.size
    return short and right_over and block.bold >= LABEL_BOLD and not block.text.rstrip().endswith(".")
