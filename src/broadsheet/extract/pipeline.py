"""The extraction pipeline for one page, stage by stage, as plain functions over plain data.

    PageContent ─ find_lines ─ split_at_gutters ─ split_run_in_heads ─ find_blocks ─ assign_roles
                ─ mark_furniture ─ reading_order ─ build_clusters ─ join_untitled ─ join_table_cells
                ─ type_classifieds ─ type_teasers ─ compose_items ─▶ PageResult

With a publication profile, assign_roles reads each block's style in it (``apply_profile``).

On a scan, split_dashed_heads follows split_run_in_heads (old papers' run-in heads, in small
capitals closed by a dash: OCR reads no bold), and flow_columns runs between build_clusters and
join_untitled: old papers pour their text from column to column (:mod:`broadsheet.extract.flow`).

A page in legacy 8-bit fonts has its lines' words replaced by OCR's (``retext_lines``) after find_lines.

Spreads (two newspaper pages in one CropBox) run the layout stages once per half.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from broadsheet.errors import PageError
from broadsheet.extract.adverts import type_classifieds
from broadsheet.extract.articles import Cluster, build_clusters
from broadsheet.extract.blocks import Block, Role, TypeScale, find_blocks, measure_type_scale
from broadsheet.extract.boxes import assign_frames
from broadsheet.extract.columns import split_at_gutters
from broadsheet.extract.compose import compose_items
from broadsheet.extract.dashheads import split_dashed_heads
from broadsheet.extract.drop_caps import join_drop_caps
from broadsheet.extract.flow import flow_columns
from broadsheet.extract.footnotes import mark_closing_notes
from broadsheet.extract.furniture import mark_furniture
from broadsheet.extract.justified import join_stretched_lines
from broadsheet.extract.language import RTL_LANGUAGES, guess_direction, guess_language
from broadsheet.extract.legacy import OcrReading, retext_blocks, retext_lines
from broadsheet.extract.letters import sign_letters
from broadsheet.extract.ligatures import repair_ligatures
from broadsheet.extract.line import Line
from broadsheet.extract.lines import FRAGMENT_GAP, OCR_FRAGMENT_GAP, drop_underlines, find_lines
from broadsheet.extract.margins import on_whole_page
from broadsheet.extract.model import Direction, PageResult, TextLayer
from broadsheet.extract.options import ExtractOptions
from broadsheet.extract.order import reading_order
from broadsheet.extract.profile import Profile
from broadsheet.extract.roles import PageLayout, assign_roles
from broadsheet.extract.runin_split import split_run_in_heads
from broadsheet.extract.tables import join_table_cells
from broadsheet.extract.teasers import type_teasers
from broadsheet.extract.text import page_words
from broadsheet.extract.textlayer import assess_text_layer, unmapped_text
from broadsheet.extract.untitled import join_untitled
from broadsheet.extract.writers import mark_pictured_writers
from broadsheet.geometry import Box, inside
from broadsheet.pdf.content import PageContent

MIN_PHOTO = 24.0  # pt: smaller images are ornaments, not photos
# An image with at least this many lines of text set wholly on it is a backdrop (a tinted panel drawn
# as a picture behind a boxed story), not a photo; a caption or a headline over a photo is a line or two.
BACKDROP_LINES = 4
# pt: drawn boxes this close touch (a table's cells share their edges).
TOUCHING = 1.0


def extract_page(
    content: PageContent,
    source: str,
    options: ExtractOptions,
    read_by_ocr: Callable[[str | None], OcrReading] | None = None,
) -> PageResult:
    """Find every item on one page. ``read_by_ocr`` reads the same page by OCR, in the language given
    (None: the one its script says), if its text layer turns out unreadable: legacy 8-bit fonts
    (:mod:`broadsheet.extract.legacy`) or fonts with no Unicode map. The items are found on the page's
    printed part and placed on the whole page (``content.margins``: a press PDF's marks cut off)."""
    result = _items_of_printed_part(content, source, options, read_by_ocr)
    return on_whole_page(result, content.margins, content.margin_text)


def _items_of_printed_part(
    content: PageContent,
    source: str,
    options: ExtractOptions,
    read_by_ocr: Callable[[str | None], OcrReading] | None = None,
) -> PageResult:
    gutter = OCR_FRAGMENT_GAP if content.ocr else FRAGMENT_GAP
    lines = find_lines(content.glyphs, content.vrules, gutter, ocr=content.ocr)
    status, message = assess_text_layer(content, [w.text for line in lines for w in line.words], options.language)
    # legacy 8-bit fonts are, in practice, Arabic-script ones; glyphs with no Unicode map say no script
    unmapped = status is TextLayer.LEGACY_FONT and unmapped_text(content)
    reading: OcrReading | None = None
    if status is TextLayer.LEGACY_FONT and read_by_ocr is not None:
        try:
            reading = read_by_ocr(options.language or (None if unmapped else "ar"))
            if not unmapped:  # an unmapped page's blocks are read again once found (retext_blocks)
                lines = retext_lines(lines, reading.content, reading.reread)
            why = "have no Unicode map" if unmapped else "are legacy 8-bit ones"
            status, message = TextLayer.OCR, f"the page's fonts {why}: its text was read by OCR"
        except PageError as e:  # OCR failed or the page is too big for it: the regions, without text
            message = f"{message} (OCR failed: {e})"
    result = PageResult(source=source, page=content.number, width=content.width, height=content.height)
    result.text_layer = status
    if message:
        result.problems.append(message)
    text = " ".join(line.text for line in lines)
    if status is TextLayer.LEGACY_FONT:
        # 8-bit legacy fonts are, in practice, Arabic-script fonts, unless the page's language says
        # otherwise (Kruti Dev Hindi): read the page right to left then; unmapped glyphs say nothing
        rtl = options.language in RTL_LANGUAGES if options.language else not unmapped
        result.direction = options.direction or ("rtl" if rtl else "ltr")
        result.language = options.language
    else:
        result.direction = options.direction or guess_direction(text)
        result.language = options.language or guess_language(text)
    if not lines:
        return result
    if status is TextLayer.OK:
        repair_ligatures(lines, content.glyphs)
    content = replace(content, hrules=drop_underlines(content.hrules, lines))
    content = _drawn_pictures(_backdrops_as_panels(content, lines), lines)
    vocabulary = page_words(lines)
    parts: list[tuple[list[Cluster], TypeScale]] = []
    for x0, x1 in spread_halves(lines, content, result.direction):
        # each half of a spread is its own newspaper page, with its own type sizes
        half = [ln for ln in lines if x0 <= (ln.x0 + ln.x1) / 2 < x1]
        scale = measure_type_scale(half, scanned=content.ocr)
        if not content.ocr:  # OCR puts a stretched line's words in one line itself
            half = join_stretched_lines(half)
        half = split_at_gutters(join_drop_caps(half, scale), scale, content.ocr)
        half = split_run_in_heads(half, read_by_ocr=status is TextLayer.OCR)
        if content.ocr:  # an old paper's run-in heads in small capitals: OCR reads no bold
            half = split_dashed_heads(half, scale)
        images = [b for b in content.images if x0 <= (b[0] + b[2]) / 2 < x1]
        width = min(x1, content.width) - x0
        parts.append((_layout(half, images, width, content, scale, result.direction, options.profile), scale))
    if unmapped and reading is not None:
        blocks = [b for clusters, _ in parts for c in clusters for b in c.blocks]
        retext_blocks(blocks, reading)
        result.language = options.language or guess_language(" ".join(ln.text for b in blocks for ln in b.lines))
    result.items = compose_items(parts, result.has_text, vocabulary, result.decisions if options.explain else None)
    return result


def _layout(
    lines: list[Line],
    images: list[Box],
    width: float,
    content: PageContent,
    scale: TypeScale,
    direction: Direction,
    profile: Profile | None,
) -> list[Cluster]:
    """The layout stages over one newspaper page ``width`` wide (a whole page or half a spread)."""
    layout = PageLayout(
        width,
        content.height,
        _photos(images, content),
        content.frames,
        content.hrules,
        content.ocr,
        profile,
        (content.width, content.height),
        content.vrules,
    )
    blocks = find_blocks(lines, scale, content.hrules, content.ocr)
    assign_roles(blocks, scale, layout)
    blocks.extend(Block(lines=[], box=img, role=Role.IMAGE, role_rule="image: a picture") for img in layout.images)
    mark_furniture(blocks, scale, layout, content.number)
    assign_frames(blocks, content.frames)
    # what the text runs round: pictures, their captions, and pull quotes
    floating = [k for k, b in enumerate(blocks) if b.role in (Role.IMAGE, Role.CAPTION, Role.PULLQUOTE)]
    order = reading_order([b.box for b in blocks], direction, 1.0 * scale.pitch, content.hrules, floating, content.ocr)
    rank = {id(blocks[i]): k for k, i in enumerate(order)}
    clusters = build_clusters(blocks, order, scale, content.hrules, content.ocr)
    if content.ocr:
        clusters = flow_columns(clusters, rank, direction, content.hrules)
    clusters = join_table_cells(join_untitled(clusters, scale, rank, layout), scale, rank)
    type_classifieds(clusters)
    clusters = sign_letters(type_teasers(clusters), scale)
    mark_closing_notes(clusters, scale)
    mark_pictured_writers(clusters)
    return clusters


def _backdrops_as_panels(content: PageContent, lines: list[Line]) -> PageContent:
    """The page's content with backdrop images moved from its pictures to its frames: a story set
    over one is boxed by it, and no photo item lies over its text."""

    def over(image: Box) -> int:  # lines wholly on it: a photo laid over a column cuts across its lines
        return sum(1 for ln in lines if inside(ln.box, image, 1.0))

    backdrops = [img for img in content.images if over(img) >= BACKDROP_LINES]
    if not backdrops:
        return content
    pictures = [img for img in content.images if img not in backdrops]
    return replace(content, images=pictures, frames=content.frames + backdrops)


def _drawn_pictures(content: PageContent, lines: list[Line]) -> PageContent:
    """The page's content with its lone empty drawn boxes moved from its frames to its pictures: a box
    of a photo's size drawn with nothing on it, touching no other drawn box or picture but a frame
    round it that boxes text, is a picture drawn in vectors (a placeholder, a plain panel; a boxed
    story's own), whose caption runs under it. A frame boxes text; boxes nested in or touching others
    are a logo's shapes or a table's cells, empty or not. Tested against all the page's boxes at
    once (a crossword's grid draws thousands)."""
    boxes = np.array(content.frames + content.images, dtype=np.float64).reshape(-1, 4)
    text = np.array([ln.box for ln in lines], dtype=np.float64).reshape(-1, 4)
    pictures = {k for k, f in enumerate(content.frames) if _a_drawn_picture(f, boxes, text)}
    if not pictures:
        return content
    drawn = [f for k, f in enumerate(content.frames) if k in pictures]
    frames = [f for k, f in enumerate(content.frames) if k not in pictures]
    return replace(content, images=content.images + drawn, frames=frames)


def _a_drawn_picture(box: Box, boxes: npt.NDArray[np.float64], text: npt.NDArray[np.float64]) -> bool:
    """Whether a drawn box is a picture drawn in vectors (:func:`_drawn_pictures`)."""
    if box[2] - box[0] < MIN_PHOTO or box[3] - box[1] < MIN_PHOTO or _meeting(text, box, 0.0).any():
        return False
    met = boxes[_meeting(boxes, box, TOUCHING)]
    around = (met[:, 0] <= box[0]) & (met[:, 1] <= box[1]) & (met[:, 2] >= box[2]) & (met[:, 3] >= box[3])
    text_frames = sum(1 for frame in met[around] if _meeting(text, tuple(frame), 0.0).any())
    return len(met) - text_frames == 1  # itself alone


def _meeting(boxes: npt.NDArray[np.float64], box: Box, slack: float) -> npt.NDArray[np.bool_]:
    """Which of ``boxes`` overlap ``box`` grown by ``slack`` on every side, as ``x_overlap`` and
    ``y_overlap`` tell it (:mod:`broadsheet.geometry`): a box with no width or height meets none."""
    return (
        (boxes[:, 2] > boxes[:, 0])
        & (boxes[:, 3] > boxes[:, 1])
        & (boxes[:, 0] < box[2] + slack)
        & (boxes[:, 2] > box[0] - slack)
        & (boxes[:, 1] < box[3] + slack)
        & (boxes[:, 3] > box[1] - slack)
    )


def _photos(images: list[Box], content: PageContent) -> list[Box]:
    area = content.width * content.height
    return [
        b
        for b in images
        if b[2] - b[0] >= MIN_PHOTO and b[3] - b[1] >= MIN_PHOTO and (b[2] - b[0]) * (b[3] - b[1]) < 0.6 * area
    ]


def spread_halves(lines: list[Line], content: PageContent, direction: Direction) -> list[tuple[float, float]]:
    """Two x-ranges when the page is a visible spread (a landscape page with an empty fold), else one."""
    width = content.width
    whole = [(0.0, width + 1.0)]
    if width < 1.2 * content.height or not lines:
        return whole
    fold = _empty_fold(lines, width)
    if fold is None:
        return whole
    halves = [(0.0, fold), (fold, width + 1.0)]
    return halves[::-1] if direction == "rtl" else halves


def _empty_fold(lines: list[Line], width: float) -> float | None:
    """The x near the middle that no line crosses, with text on both sides."""
    centre = width / 2
    best: float | None = None
    for step in range(0, int(0.1 * width), 2):
        for x in (centre - step, centre + step):
            if not any(ln.x0 < x < ln.x1 for ln in lines):
                left = sum(1 for ln in lines if ln.x1 <= x)
                right = sum(1 for ln in lines if ln.x0 >= x)
                if left > 10 and right > 10:
                    best = x
                    return best
    return best
