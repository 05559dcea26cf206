"""Stage 5, part: who wrote it — bylines, writers' names and letters' signatures.

A byline says "By …" (or its equivalent in the paper's language) in a short block; a name alone is a
short line of capitalised words (in a script without capitals, a few words in bold or in a face of
their own). The same name under a letter's text signs it off, and the letter after it starts there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from broadsheet.extract.blocks import Block, Role, TypeScale
from broadsheet.geometry import x_overlap

# "By …" and its equivalents in the languages papers here come in; in Arabic ("بقلم", "by the pen of";
# "كتب:", "wrote:", whose colon tells it from "كتب", "books") and Urdu ("تحریر", "written by"; "رپورٹ:",
# "report:"; "از:", "by:"). In the other languages the word is a common one ("De nouvelles pistes",
# "Di notte"): a name follows it, in capitals ("par Louis Martin"). English "By" takes any word ("By our
# correspondent").
BYLINE = re.compile(
    r"^(?:by|reporting by):?\s+\S"
    r"|^(?:(?:von|di|por|par|door|de|av|af|texto de):?|text:)\s+(?-i:[A-ZÀ-ÖØ-Þ])"
    r"|^(?:بقلم:?|تحر[يی]ر:?)\s+\S"
    r"|^(?:كتب|كتبت|إعداد|اعداد|حاوره|رپورٹ|از) ?: ?\S",
    re.IGNORECASE,
)
# The small words inside a place's name, in the languages papers here come in ("Porto Alegre do Sul").
_PARTICLES = "de|do|da|dos|das|del|della|di|du|des|la|le|el|von|am|an|upon|on|sur|en|y|e"
PLACE_PARTICLE = re.compile(rf"^(?:{_PARTICLES})$")
# A person's name opens with a given name, never with an article: "Die Schließung", "Le Budget" and
# "The Harbour" in title case are a brief's head (German sets every noun in capitals). A line in
# capitals is not judged so: a kicker over a lead ("THE TRANSPORT MINISTER") is told by its place.
_ARTICLES = "|".join(
    [
        "The|An?",  # English
        "Der|Die|Das|Den|Dem|Des|Eine?[mnrs]?",  # German
        "Le|La|Une?|Du",  # French ("Les" and "Uma" are given names too)
        "El|Los|Las|Unos|Unas|Uno",  # Spanish
        "Il|Lo|Gli",  # Italian
        "Um|Os?|As",  # Portuguese
        "Het|Een",  # Dutch
    ]
)
NAME = re.compile(
    rf"^(?!(?:{_ARTICLES})\s)"
    # two names joined by "and" in the paper's language: "e" (Portuguese, Italian), "y", "et", "und"
    r"[A-Z][\w'’.-]+(?:\s+(?:and|&|e|y|et|und|de|van|von|der|al|el|bin|[A-Z][\w'’.-]+)){1,4}"
    # and where they write from: ", Elmstead", ", Porto Alegre do Sul"
    rf"(?:,\s+[A-Z][\w'’.-]+(?:(?:\s+(?:{_PARTICLES}))?\s+[A-Z][\w'’.-]+){{0,2}}|,)?$"
)
# Where a byline's writer files from, after the name ("By Ann Lee in Ashford", "par Louis Martin à
# Lyon"): a place, one or two capitalised words.
FILED_FROM = re.compile(r"\s+(?:in|à|en|em|aus|da)\s+[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]+)?$")
# A name (a byline, a signature) is set in the body's size or a little over it: under this many body
# sizes...
NAME_SIZE = 1.1
# ...or, in capitals, with a place after a comma, or in a script without capitals, this many under a
# headline at least HEADLINE_OVER_NAME times its size (a byline in bold capitals a size over the body,
# under a lead's display head; a brief's head in title case a size over the body, under its section's
# label under the paper's name, is no name).
NAME_SIZE_UNDER_DISPLAY = 1.2
HEADLINE_OVER_NAME = 2.0
# Text after a signature set under this many body sizes is a note under the letters, not the next one.
NOTE_SIZE = 0.95
# A signature stands at most this many line pitches under the text it signs.
SIGNATURE_GAP = 1.5
# Letters without case and the marks (vowel signs, harakat) set on them.
_UNCASED = {"Lo", "Lm", "Mn", "Mc"}
# A by-word opening a short line in a script without capitals ("رپورٹ فاطمہ چوہدری": "report
# [by] …"), with or without the colon BYLINE asks for in running text: the line names a writer.
_UNCASED_BY = re.compile(r"^(?:رپورٹ|بقلم|تحر[يی]ر|كتب|كتبت|إعداد|اعداد)\s")
# In a script without capitals a name is this many words or fewer...
UNCASED_NAME_WORDS = 4
# ...in bold no bigger than the body by this share (or in another face than the text under it, this
# many line pitches of white between them).
UNCASED_NAME_SIZE = 1.05
NAME_WHITE = 0.5
# A line this share of a line pitch or less under a paragraph, its size within this share of the
# paragraph's, runs on in it.
RUNS_ON_LEADING = 0.3
RUNS_ON_SIZE = 0.05
# A dateline (a place on a line of its own over a story's text) is this many words at most, of this
# many characters, within this many line pitches over the text.
DATELINE_WORDS, DATELINE_CHARS = 3, 30
# A word of a place's name: letters, joined by hyphens or apostrophes ("Saint-Aubin", "L'Aquila").
_PLACE_WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")
DATELINE_GAP = 3.0
# A byline is one line of at most this many characters, in bold or italics under this many body sizes.
BYLINE_CHARS = 40
BYLINE_SIZE = 0.95


def names_a_writer(text: str) -> bool:
    """Whether ``text`` (a byline past its "By") is a person's name, with where they file from or not."""
    return bool(NAME.match(FILED_FROM.sub("", text.strip())))


def is_name(block: Block, scale: TypeScale, head: Block | None = None) -> bool:
    """One short line of two to five capitalised words (joined by "and"): a person's name (under
    ``head``, when it stands under a headline)."""
    if len(block.lines) != 1 or block.chars > 40:
        return False
    # a name in capitals, or with where its writer writes from ("Jane Morrison, Harlow Bay"), is no
    # brief's head in title case
    marked = block.lines[0].in_capitals or "," in block.text
    under_display = head is not None and head.size >= HEADLINE_OVER_NAME * block.size
    # in a script without capitals nothing marks a name, but its place in a display head's stack does
    uncased = _uncased_name(block, scale, NAME_SIZE_UNDER_DISPLAY if under_display else UNCASED_NAME_SIZE)
    uncased = uncased or (_uncased_words(block) and bool(_UNCASED_BY.match(block.text)))
    if scale.ratio(block.size) >= (NAME_SIZE_UNDER_DISPLAY if under_display and marked else NAME_SIZE):
        return uncased
    return bool(NAME.match(block.text)) or uncased


def _uncased_name(block: Block, scale: TypeScale, most: float) -> bool:
    """A name in a script without capitals (Arabic, Urdu, Hindi), where the capitals cannot tell it:
    two to four words in bold under ``most`` body sizes, with no digit or punctuation (a brief's head
    in such a paper is as short and as bold, so callers ask for a name's place as well)."""
    return block.bold > 0.5 and scale.ratio(block.size) < most and _uncased_words(block)


def _uncased_words(block: Block) -> bool:
    """One line of two to four words of letters without case (and their marks), nothing else."""
    text = block.text
    words = text.split()
    return (
        len(block.lines) == 1
        and 2 <= len(words) <= UNCASED_NAME_WORDS
        and all(unicodedata.category(c) in _UNCASED for c in text.replace(" ", ""))
    )


def uncased_name_in_its_own_face(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """A name in a script without capitals set in regular type, but in another face than the running
    text under it in its column (a sans over a condensed sans), white between them: a byline (a
    paragraph's first line keeps the text's face; a deck is a sentence, longer than a name)."""
    if not _uncased_words(block) or scale.ratio(block.size) >= UNCASED_NAME_SIZE:
        return False
    under = [
        b
        for b in blocks
        if b.role is Role.BODY
        and len(b.lines) >= 2
        and x_overlap(b.box, block.box) > 0.5
        and 0 < b.top - block.bottom < 3 * scale.pitch
    ]
    text = min(under, key=lambda b: b.top, default=None)
    return (
        text is not None
        and text.top - block.bottom > NAME_WHITE * scale.pitch
        and block.lines[0].style.set_apart(text.lines[0].style)
    )


def next_letter(above: Block, block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether ``block`` opens the next letter (or column) after a signature ending the text right
    above it: running text in the body's type, not the signature's own place line, nor a note set
    smaller under the letters (how to send one)."""
    return (
        block.role is Role.BODY
        and signs_off(above, blocks, scale)
        and not signs_off(block, blocks, scale)
        and block.size >= NOTE_SIZE * scale.body
    )


def signs_off(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether running text ends in a signature here: a one-line name ending in a comma set off in
    bold or italics ("Ravi Mathur,"), or the place right under one. A letter or a column is over;
    what follows in its column is the next."""
    if block.role is not Role.BODY or len(block.lines) != 1:
        return False
    name = block if signature_name(block, styled=True) else _signature_over(block, blocks, scale, styled=True)
    return name is not None and _closes_text(name, blocks, scale)


def a_dateline(block: Block, blocks: list[Block], scale: TypeScale, over_its_picture: bool = False) -> bool:
    """A place set on a line of its own where a byline goes ("Kingsbridge", "NORTHPORT",
    "Saint-Aubin"): a word or a few, each capitalised (but small words inside it: PLACE_PARTICLE), no
    stop or digit, in bold or italics and no bigger than the body, right over running text set apart
    from it in another face, or ``over_its_picture`` (the story's photo, under its headline)."""
    if len(block.lines) != 1 or block.chars > DATELINE_CHARS:
        return False  # asked first: a paragraph's words are many to split
    words = block.text.split()
    capitalised = [w for w in words if w[:1].isupper() and _PLACE_WORD.match(w)]
    if not 0 < len(capitalised) <= DATELINE_WORDS:
        return False
    # between its capitalised words a place's name may hold a particle ("Porto Alegre do Sul")
    inner = words[1:-1]
    if words[0] not in capitalised or words[-1] not in capitalised:
        return False
    if not all(w in capitalised or PLACE_PARTICLE.match(w) for w in inner):
        return False
    if max(block.bold, block.italic) < 0.8 or scale.ratio(block.size) > NAME_SIZE:
        return False
    if over_its_picture:
        return True
    under = [
        b
        for b in blocks
        if b.role is Role.BODY
        and b.lines
        and x_overlap(b.box, block.box) > 0.5
        and -scale.overlap < b.top - block.bottom < DATELINE_GAP * scale.pitch
    ]
    text = min(under, key=lambda b: b.top, default=None)
    return text is not None and text.lines[0].style.set_apart(block.lines[0].style)


def name_set_off(block: Block) -> bool:
    """One line of a person's name (:data:`NAME`) set off in bold or italics from running text: a
    writer signing a story at its foot."""
    return len(block.lines) == 1 and bool(NAME.match(block.text.strip())) and max(block.bold, block.italic) > 0.5


def signature_name(block: Block, styled: bool = False) -> bool:
    """A one-line name ending in a comma (``styled``: set off in bold or italics): a signature's
    first line."""
    set_off = not styled or block.bold > 0.5 or block.italic > 0.5
    return len(block.lines) == 1 and set_off and block.text.rstrip().endswith(",")


def runs_on_under_text(block: Block, blocks: list[Block], scale: TypeScale, depth: int = 2) -> bool:
    """Whether a line runs on from a paragraph right over it in its column, in the text's own size and
    leading (through a short line or two, such as a run-in label's first part): the last line of a
    column ending over another story's headline, not the next story's kicker, which stands apart or
    is set in a size of its own."""
    over = [
        b
        for b in blocks
        if b is not block
        and b.role in (Role.BODY, Role.BYLINE)
        and x_overlap(b.box, block.box) > 0.5
        and -scale.overlap < block.top - b.bottom < RUNS_ON_LEADING * scale.pitch
        and abs(b.size / max(block.size, 0.1) - 1) <= RUNS_ON_SIZE
    ]
    return any(
        (b.role is Role.BODY and len(b.lines) >= 2) or (depth > 1 and runs_on_under_text(b, blocks, scale, depth - 1))
        for b in over
    )


def by_a_writer(text: str) -> bool:
    """Whether ``text`` opens with "By" (or its equivalent) and a writer's name follows it."""
    match = BYLINE.match(text)
    return match is not None and names_a_writer(text[match.end() - 1 :])


def opens_a_paragraph_with_by(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a "By …" line naming no writer runs on from the paragraph over it in its column: a
    paragraph's first line at a column's foot ("By contrast, volunteers"), not a byline."""
    if not BYLINE.match(block.text) or by_a_writer(block.text):
        return False
    return runs_on_under_text(block, blocks, scale)


def under_a_signature(block: Block, blocks: list[Block], scale: TypeScale, styled: bool = False) -> bool:
    """Whether a line stands right under a one-line name ending in a comma: the place of a letter's
    or a column's signature ("Ravi Mathur, / Noida"), not the kicker of the next head."""
    return _signature_over(block, blocks, scale, styled) is not None


def _signature_over(block: Block, blocks: list[Block], scale: TypeScale, styled: bool = False) -> Block | None:
    """The one-line name ending in a comma right over ``block``, if one is."""
    return next(
        (
            b
            for b in blocks
            if b is not block
            and signature_name(b, styled)
            and x_overlap(b.box, block.box) > 0.5
            and -scale.overlap < block.top - b.bottom < 0.5 * scale.pitch
        ),
        None,
    )


def _closes_text(name: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether running text stands right over a signature's name: a signature ends a letter. A name
    under a headline, over the story's first column ("Thomas Harrington,"), is its byline."""
    return any(
        b.role is Role.BODY
        and b is not name
        and x_overlap(b.box, name.box) > 0.5
        and -scale.overlap < name.top - b.bottom < SIGNATURE_GAP * scale.pitch
        for b in blocks
    )


def is_byline(block: Block, scale: TypeScale) -> bool:
    """A line or two opening with "By" (or its equivalent), in about the body's size: a byline."""
    if len(block.lines) > 2 or block.chars > 70:
        return False
    return bool(BYLINE.match(block.text)) and scale.ratio(block.size) < 1.3


def signed_right_under(block: Block, blocks: list[Block], scale: TypeScale) -> bool:
    """Whether a byline stands right under the block, in its column: "By …", or, in a script or a
    language without the word, one short line in bold or italics smaller than the body, or a
    person's name in italics (a bold one may be a brief's head)."""

    def a_byline(b: Block) -> bool:
        return is_byline(b, scale) or byline_shaped(b, scale) or (b.italic >= 0.9 and is_name(b, scale))

    return right_under(block, blocks, scale, a_byline)


def right_under(block: Block, blocks: list[Block], scale: TypeScale, test: Callable[[Block], bool]) -> bool:
    """Whether a block passing ``test`` stands right under ``block`` in its column (within a line
    pitch): the place of a byline under what it signs."""
    return any(
        b is not block
        and x_overlap(b.box, block.box) > 0.5
        and -scale.overlap < b.top - block.bottom < scale.pitch
        and test(b)
        for b in blocks
    )


def byline_shaped(block: Block, scale: TypeScale) -> bool:
    """One short line in bold or italics, set smaller than the body: how a byline looks."""
    styled = block.bold >= 0.9 or block.italic >= 0.9
    return len(block.lines) == 1 and block.chars <= BYLINE_CHARS and styled and scale.ratio(block.size) < BYLINE_SIZE
