"""Stage 6, part: letters signed at their foot — the signature is the letter's byline, and a note set
small under the letters (how to send one) an item of furniture of its own.

A letters column signs each letter at its foot: the writer's name in bold or italics, ending in a
comma, and the place under it ("Ravi Mathur, / Noida, Uttar Pradesh"). :mod:`~broadsheet.extract.decorations`
finds the signature to end one letter where the next begins; once the letters are articles, here it
becomes the byline of the letter it ends, which has none over its text, so that the reader shows who
wrote it where bylines show and the letter's text ends with its last sentence.
"""

from __future__ import annotations

from broadsheet.extract.articles import Cluster
from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.extract.footnotes import text_over
from broadsheet.extract.model import ItemType
from broadsheet.extract.names import NOTE_SIZE, name_set_off, signature_name, signs_off
from broadsheet.geometry import x_overlap

SIGNATURE_RULE = "byline: the signature ending a letter"
FOOT_NAME_RULE = "byline: the writer's name set off on the last line of a story"
NOTE_RULE = "furniture: a note set small under a signed letter"
# A signature's place starts within this many line pitches under its name.
PLACE_GAP = 0.5
# A name signing a story at its foot starts within this many line pitches under its last paragraph.
FOOT_NAME_GAP = 1.5
# ...set no bigger than this many times that paragraph's size.
FOOT_NAME_SIZE = 1.05


def sign_letters(clusters: list[Cluster], scale: TypeScale) -> list[Cluster]:
    """Each article ending in a signature, with no byline of its own, signed by it; the notes under
    its signature split off as furniture."""
    out: list[Cluster] = []
    for cluster in clusters:
        out.append(cluster)
        if cluster.type is not ItemType.ARTICLE or any(b.role is Role.BYLINE for b in cluster.blocks):
            continue
        found = _signature(cluster.blocks, scale)
        if found is None:
            if (name := _name_at_foot(cluster.blocks, scale)) is not None:
                name.set_role(Role.BYLINE, FOOT_NAME_RULE)
            continue
        name, place, notes = found
        name.set_role(Role.BYLINE, SIGNATURE_RULE)
        for line in place.lines if place is not None else []:
            name.add(line)  # one byline: "Ravi Mathur, Noida, Uttar Pradesh"
        taken = {id(place), *map(id, notes)}
        cluster.blocks = [b for b in cluster.blocks if id(b) not in taken]
        for note in notes:
            note.set_role(Role.FURNITURE, NOTE_RULE)
            note.item_rule = NOTE_RULE
        if notes:
            out.append(Cluster(ItemType.FURNITURE, notes))
    return out


def _signature(blocks: list[Block], scale: TypeScale) -> tuple[Block, Block | None, list[Block]] | None:
    """The signature ending ``blocks``: its name, its place under it (a line taken off the top of a
    note set in the same type, if it came as one block with it), and the notes set small under it;
    None unless the text ends in one: only the place and such notes may follow the name."""
    names = [k for k, b in enumerate(blocks) if signature_name(b, styled=True) and signs_off(b, blocks, scale)]
    if not names:
        return None
    name = blocks[names[-1]]
    place: Block | None = None
    notes: list[Block] = []
    for block in blocks[names[-1] + 1 :]:
        if place is None and not notes and _right_under(block, name, scale):
            place = block
        elif block.role is Role.BODY and _note_under(block, place or name, scale):
            notes.append(block)
        else:
            return None
    if place is not None and len(place.lines) > 1:  # the place, then a note in its type
        if not _note_under(place, name, scale):
            return None
        notes.insert(0, place)
        place = place.split_off(0)
    return name, place, notes


def _name_at_foot(blocks: list[Block], scale: TypeScale) -> Block | None:
    """The writer's name ending a story's text, signed with no comma: the last of its text in reading
    order, one line of a person's name set off in bold or italics
    (:func:`~broadsheet.extract.names.name_set_off`), no bigger than the text over it, and right
    under it ("George Doe" flush right under a column's last paragraph) or, under a short last
    column, level with the foot of the story's text in another."""
    text = [b for b in blocks if b.role is Role.BODY]
    if len(text) < 2:
        return None
    name = text[-1]
    if not name_set_off(name):
        return None
    above = text_over(name, text[:-1], scale)
    if above is None:
        return None
    foot = max(text[:-1], key=lambda b: b.bottom if b.bottom < name.top + scale.overlap else -1.0)
    if min(name.top - above.bottom, name.top - foot.bottom) >= FOOT_NAME_GAP * scale.pitch:
        return None
    return name if name.size <= FOOT_NAME_SIZE * above.size else None


def _right_under(block: Block, name: Block, scale: TypeScale) -> bool:
    """A signature's place: body text starting right under its name, on its left edge."""
    return (
        block.role is Role.BODY
        and x_overlap(block.box, name.box) > 0.5
        and -scale.overlap < block.top - name.bottom < PLACE_GAP * scale.pitch
    )


def _note_under(block: Block, above: Block, scale: TypeScale) -> bool:
    """A note under the letters: set smaller than their text, under the signature in its column."""
    smaller = block.size < NOTE_SIZE * scale.body
    return smaller and x_overlap(block.box, above.box) > 0.5 and block.top > above.bottom - 1
