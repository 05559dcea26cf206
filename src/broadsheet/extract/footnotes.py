"""Stage 6, part: a note set small in italics at a story's foot ("The views expressed are personal")
belongs to the story — it stands in the story's region, and a reader clicking it opens the story —
but is not its text, which ends with its last sentence: its role is furniture, its item the story's.

Told by its type, not its words: one short line in italics (or a few, when they open with the name its
byline gives: the writer's note), set smaller than the text right over it in its column (NOTE_SIZE of
it), the last of the story's text in reading order.
"""

from __future__ import annotations

from broadsheet.extract.articles import Cluster
from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.extract.model import ItemType
from broadsheet.extract.names import BYLINE, NOTE_SIZE
from broadsheet.geometry import x_overlap

CLOSING_NOTE_RULE = "furniture: a note set small in italics at a story's foot"
# A closing note is one line of at most this many characters...
CLOSING_NOTE_CHARS = 80
# ...or, opening with the writer's name, at most this many lines...
WRITERS_NOTE_LINES = 3
# ...starting at most this many line pitches under the text over it.
CLOSING_NOTE_GAP = 1.5


def mark_closing_notes(clusters: list[Cluster], scale: TypeScale) -> None:
    """The closing note of each article whose text ends in one, furniture in its article."""
    for cluster in clusters:
        if cluster.type is not ItemType.ARTICLE:
            continue
        text = [b for b in cluster.blocks if b.role is Role.BODY]
        writers = [b.text for b in cluster.blocks if b.role is Role.BYLINE]
        if len(text) >= 2 and _closing_note(text[-1], text[:-1], writers, scale):
            text[-1].set_role(Role.FURNITURE, CLOSING_NOTE_RULE)


def _closing_note(note: Block, text: list[Block], writers: list[str], scale: TypeScale) -> bool:
    """Whether ``note``, the last of a story's ``text`` in reading order, is a closing note: one
    short line, or a few opening with the name in the story's byline (the writer's note, "Ann Lee
    is a professor of history at…")."""
    short = len(note.lines) == 1 and note.chars <= CLOSING_NOTE_CHARS
    if not (short or (len(note.lines) <= WRITERS_NOTE_LINES and _names_a_writer(note, writers))) or note.italic < 0.5:
        return False
    above = text_over(note, text, scale)
    return (
        above is not None
        and above.italic < 0.5
        and note.size < NOTE_SIZE * above.size
        and note.top - above.bottom < CLOSING_NOTE_GAP * scale.pitch
    )


def _names_a_writer(note: Block, writers: list[str]) -> bool:
    """Whether a note opens with the name a byline of its story gives (without its "By")."""
    opening = note.text.casefold()
    names = (BYLINE.sub("", writer).strip().casefold() for writer in writers)
    return any(len(name) > 2 and opening.startswith(name) for name in names)


def text_over(block: Block, text: list[Block], scale: TypeScale) -> Block | None:
    """The block of ``text`` ending nearest over ``block`` in its column: the paragraph a story's last
    line (a closing note, a signing name) stands under."""
    over = [b for b in text if x_overlap(b.box, block.box) > 0.5 and b.bottom < block.top + scale.overlap]
    return max(over, key=lambda b: b.bottom, default=None)
