"""Lines into blocks: the page's type scale, and what stacks lines into one block or parts them."""

from __future__ import annotations

import json
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from broadsheet.extract import extract_pages
from broadsheet.extract.blocks import TypeScale, find_blocks, measure_type_scale
from broadsheet.extract.drop_caps import join_drop_caps
from broadsheet.extract.line import Line, Word
from broadsheet.extract.lines import FRAGMENT_GAP, drop_underlines, find_lines
from broadsheet.extract.runin_split import split_run_in_heads
from broadsheet.pdf.content import read_page_content
from broadsheet.pdf.document import open_pdf
from broadsheet.synthetic import SyntheticOptions, generate_edition
from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn, generated_page, headlines_of, true_headlines
from tests.extract.scanned_blocks import OCR_STYLE
from tests.pdfs import Draw, box, centred, column, combine, make_pdf, text_at


def test_a_short_first_line_opening_with_a_bold_dateline_stays_with_its_paragraph(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 219): in text set ragged right, the first line
    "PESHAWAR: The new", cut after its bold dateline, ended well short of the line under it; the part
    after the dateline starts mid-line, and neither edge lined up with the next line, so the part was
    a block of its own, and the next column was read between it and the rest of its paragraph."""
    ragged = ("harbour authority funded a plan", "for new cycling lanes along the", "river for the third time")
    draws = [
        text_at(COLUMNS[0], 100, "PESHAWAR:", "Times-Bold", 10),
        text_at(COLUMNS[0] + stringWidth("PESHAWAR: ", "Times-Bold", 10), 100, "The new", "Times-Roman", 10),
        *(text_at(COLUMNS[0], 112 + 12 * k, line, "Times-Roman", 10) for k, line in enumerate(ragged)),
        column(COLUMNS[1], 100, WIDTH, 24, size=10, seed=5),
    ]
    pdf = make_pdf(tmp_path / "dateline.pdf", combine(*draws))
    with open_pdf(pdf, 2**30) as doc:
        content = read_page_content(doc[0], 1)
    lines = split_run_in_heads(find_lines(content.glyphs, content.vrules, FRAGMENT_GAP))
    blocks = find_blocks(lines, measure_type_scale(lines), [])
    paragraph = next(b for b in blocks if b.lines[0].text == "The new")
    assert [line.text for line in paragraph.lines[1:]] == list(ragged)


def _underlined(x: float, y_top: float, text: str, size: float = 12) -> Draw:
    """A line of ``text`` with a thin rule under exactly its width, as a daily underlines its decks."""

    def draw(canvas: Canvas) -> None:
        text_at(x, y_top, text, "Times-Roman", size)(canvas)
        baseline = canvas._pagesize[1] - y_top - size
        canvas.setLineWidth(0.3)
        canvas.line(x, baseline - 2, x + canvas.stringWidth(text, "Times-Roman", size), baseline - 2)

    return draw


def test_an_underlined_deck_stays_one_block_and_a_drop_cap_under_it_joins_the_text_not_the_deck(
    tmp_path: Path,
) -> None:
    """Regression (a national daily's editorial page): each line of a deck was underlined, and the
    underlines, taken as rules, cut the deck in two: its second line became the story's headline. That
    line, ending above the drop cap under it and starting at its right edge, got the initial."""
    x = COLUMNS[0]
    draws = [
        text_at(x + 20, 60, "Beyond the Border", "Helvetica-Bold", 20),
        _underlined(x + 2, 88, "Neighbours can no longer depend on", 11.7),
        _underlined(x + 24, 102, "the old ways for their needs", 11.7),
        text_at(x, 116, "D", "Times-Roman", 34),
        column(x + 28, 118, WIDTH - 28, 3, size=9),
        column(x, 152, WIDTH, 30, size=9, seed=3),
    ]
    pdf = make_pdf(tmp_path / "deck.pdf", combine(*draws))
    with open_pdf(pdf, 2**30) as doc:
        content = read_page_content(doc[0], 1)
    lines = find_lines(content.glyphs, content.vrules, FRAGMENT_GAP)
    scale = measure_type_scale(lines)
    hrules = drop_underlines(content.hrules, lines)
    assert len(content.hrules) == 2 and not hrules
    lines = join_drop_caps(lines, scale)
    deck = [ln for ln in lines if 11 < ln.size < 15]
    assert [ln.text for ln in deck] == ["Neighbours can no longer depend on", "the old ways for their needs"]
    assert any(ln.text.startswith("D") and ln.size < 10 for ln in lines)
    blocks = find_blocks(lines, scale, hrules)
    assert any(all(ln in b.lines for ln in deck) for b in blocks)


def _caption_over_columns(tmp_path: Path, caption_font: str, caption_size: float, gap: float) -> list[str]:
    """A story's headline over its first column; a vector picture over its next two columns, a
    caption under the picture across them, and the two columns under the caption. Returns the
    body of each article."""
    caption = "A view of the harbour from the north pier on Tuesday morning, before the vote"
    text_top = 234 + caption_size + gap
    result = extract_drawn(
        tmp_path,
        text_at(COLUMNS[0], 60, "Harbour plan", "Helvetica-Bold", 30),
        column(COLUMNS[0], 110, WIDTH, 50, seed=1),
        box(COLUMNS[1], 110, 2 * WIDTH + 10, 120, fill=(0.6, 0.6, 0.6)),
        text_at(COLUMNS[1], 234, caption, caption_font, caption_size),
        column(COLUMNS[1], text_top, WIDTH, 38, seed=2),
        column(COLUMNS[2], text_top, WIDTH, 38, seed=3),
    )
    return [a.body or "" for a in articles(result)]


def test_a_caption_a_size_smaller_and_spaced_off_the_column_under_it_is_a_block_of_its_own(tmp_path: Path) -> None:
    # regression (generated daily pages): a caption under a picture across two columns of a story
    # whose headline does not reach over them, set a size under the body, joined the first
    # column's block; the block, as wide as the picture, hid the second column's place beside the
    # story, and that column became an article of its own
    (body,) = _caption_over_columns(tmp_path, "Times-Roman", 7.5, 6)
    assert body.count("the council said") >= 3  # each column of the story opens with it


def test_an_italic_caption_right_over_the_column_under_it_is_a_block_of_its_own(tmp_path: Path) -> None:
    (body,) = _caption_over_columns(tmp_path, "Times-Italic", 8.5, 2)
    assert body.count("the council said") >= 3


def test_a_bold_headlines_centred_last_line_stays_in_its_headline(tmp_path: Path) -> None:
    """Regression (fresh generated page, seed 1021 page 2): a three-line bold headline a little over
    the body's size, its short last line centred under the others, broke in two — centring in the
    body's size marks a heading's edge against running text, and bold lines are no running text.
    The first two lines, with nothing under them, became furniture."""
    x0, x1, x2 = COLUMNS
    lines = ("The new harbour authority has", "expanded its plan to rebuild the", "old bridge")
    result = extract_drawn(
        tmp_path,
        *(centred_bold(x0, 60 + 11 * k, lines[k]) for k in range(3)),
        *(column(x, 100, WIDTH, 40, seed=k) for k, x in enumerate((x0, x1, x2))),
    )
    assert [a.headline for a in articles(result)][:1] == [" ".join(lines)]


def centred_bold(x: float, y_top: float, text: str) -> Draw:
    return centred(x, y_top, WIDTH, text, "Helvetica-Bold", 10)


def test_text_set_at_a_slight_tilt_stays_one_block(tmp_path: Path) -> None:
    """Regression (an Arabic daily's page, Echorouk 7998 p2, labelled blind): a story set on a card
    turned a few degrees on the page broke into a dozen one-line articles: each tilted line's box is
    taller than its type and overlaps the next one's, which read as no gap at all."""

    def tilted_card(canvas: Canvas) -> None:
        canvas.saveState()
        canvas.translate(COLUMNS[2], 792 - 120)
        canvas.rotate(-6)
        canvas.setFont("Times-Roman", 10)
        for k in range(12):
            canvas.drawString(0, -12 * k, " ".join(WORDS_OF_A_LINE[(k + j) % 9] for j in range(6)))
        canvas.restoreState()

    result = extract_drawn(tmp_path, text_at(COLUMNS[0], 60, "Harbour works", "Helvetica-Bold", 22), tilted_card)
    cards = [a for a in articles(result) if "delays" in (a.body or "")]
    assert len(cards) == 1  # the card's lines in one piece (here under the page's one headline)


WORDS_OF_A_LINE = ("harbour", "works", "begin", "along", "the", "river", "after", "long", "delays")


def test_a_scans_headline_of_two_lines_measured_a_little_apart_is_one_block() -> None:
    """Regression (The Cutpaste, Hindi, read by OCR, labelled blind): a two-line headline whose lines
    OCR measured at 31 and 34 points (their matras and descenders differ) made two blocks; the upper
    one, with no text under it, became a label (furniture). In type, the same sizes are a kicker
    and its headline."""

    def headline_line(top: float, size: float, text: str) -> Line:
        box = (40.0, top, 560.0, top + size)
        return Line(box, [Word(box, text)], size, OCR_STYLE, 0.0, 0.0, False)

    lines = [
        headline_line(100, 30.9, "Education minister says schools"),
        headline_line(140, 34.0, "shut till class eight"),
    ]
    scale = TypeScale(body=9.0, pitch=11.0)
    assert len(find_blocks(lines, scale, [], scanned=True)) == 1
    assert len(find_blocks(lines, scale, [], scanned=False)) == 2


def test_on_a_scan_a_speck_between_a_headlines_lines_does_not_part_them() -> None:
    """Regression (generated pages rendered as scans, seed 1511 page 2): OCR read a speck under a
    headline's first line as the letter "e"; as a line of its own it ended the block above it, and
    the headline's last word ("clinic") became a headline of its own. On a born-digital page a
    letter is a letter."""

    def ocr_line(x0: float, top: float, x1: float, size: float, text: str) -> Line:
        box = (x0, top, x1, top + 0.75 * size)
        return Line(box, [Word(box, text)], size, OCR_STYLE, 0.0, 0.0, False)

    lines = [
        ocr_line(583, 2884, 2101, 72.3, "The city council welcomed plans for a part-time"),
        ocr_line(702, 2962, 714, 34.7, "e"),
        ocr_line(582, 2964, 750, 73.6, "clinic"),
    ]
    scale = TypeScale(body=34.7, pitch=45.0)
    heads = [b.text for b in find_blocks(lines, scale, [], scanned=True) if b.size > 60]
    assert heads == ["The city council welcomed plans for a part-time clinic"]
    assert len([b for b in find_blocks(lines, scale, [], scanned=False) if b.size > 60]) == 2


def test_the_body_size_is_the_size_the_text_is_set_in_not_its_half_point_bin(tmp_path: Path) -> None:
    """Regression (a generated house style, body 8.25 pt): the body was taken as the half-point bin's
    8.0 pt, so a bold line in the body's own size read as 3 % bigger — "a little bigger than the
    body", a headline. A scan's sizes, measured off its pixels, keep the bin's middle."""
    pdf = make_pdf(
        tmp_path / "p.pdf", combine(*(column(x, 60, WIDTH, 30, size=8.25, seed=k) for k, x in enumerate(COLUMNS)))
    )
    with open_pdf(pdf, 2**30) as doc:
        lines = find_lines(read_page_content(doc[0], 1).glyphs)
    assert measure_type_scale(lines).body == 8.25
    assert measure_type_scale(lines, scanned=True).body == 8.0


def test_a_bold_label_of_the_bodys_size_in_a_generated_house_style_stays_in_its_story(tmp_path: Path) -> None:
    """Regression (generated house style 602, the second day's page 2, the next-edition measurement):
    "Why it matters." in bold 8.25 pt, opening a paragraph of a story set in 8.25 pt, was a headline of
    its own, the story's last column an article of its own: F1 0.957 without the publication's
    profile, 0.943 with it."""
    edition = generate_edition(SyntheticOptions(seed=6022, pages=4, daily=True, house_style=602), tmp_path)
    truth = json.loads((tmp_path / "synthetic-p2.gt.json").read_text())
    (page,) = extract_pages(edition.pdf, pages=[2])
    expected = sorted(i["headline"] for i in truth["items"] if i["type"] == "article")
    assert sorted(a.headline or "" for a in articles(page)) == expected


def _rtl_line(x1: float, top: float, words: list[str], size: float, word_width: float = 30.0) -> Line:
    """A right-to-left line ending at ``x1``, its ``words`` in reading order from the right."""
    boxes = [(x1 - (k + 1) * word_width, top, x1 - k * word_width - 3, top + size) for k in range(len(words))]
    line_words = [Word(b, w) for b, w in zip(boxes, words, strict=True)]
    box = (boxes[-1][0], top, x1, top + size)
    return Line(box, line_words, size, OCR_STYLE, 0.0, 0.0, True)


def test_a_right_to_left_paragraphs_drop_cap_on_its_right_joins_its_first_word() -> None:
    """Regression (an Arabic daily printed by Chromium, its stories opening with a drop cap): an
    initial stands at a paragraph's start, on the right of right-to-left text; only initials on the
    left were looked for, and each right-hand one became a one-letter headline over a story of its own."""
    cap = Line((250.0, 98.0, 270.0, 130.0), [Word((250.0, 98.0, 270.0, 130.0), "ا")], 30.0, OCR_STYLE, 0, 0, True)
    beside = [
        _rtl_line(247.0, 100.0 + 11.0 * k, ["قترح", "المجلس", "خطة"] if k == 0 else ["نص", "آخر"], 9.0)
        for k in range(3)
    ]
    under = _rtl_line(270.0, 134.0, ["بعد", "ذلك"], 9.0)
    lines = join_drop_caps([cap, *beside, under], TypeScale(body=9.0, pitch=11.0))
    assert cap not in lines
    assert beside[0].text == "اقترح المجلس خطة"
    assert all(line.box[2] == 270.0 for line in beside), "the lines beside start at the initial's edge"


def test_ocrs_bold_words_in_a_right_to_left_line_make_no_run_in_head() -> None:
    """Regression (Echorouk 7977 p4, a legacy-font page read by OCR): OCR's words take their bold from
    the glyphs under their boxes, and a word box off by a letter gets it wrong; read as run-in heads,
    such words cut a display headline and a lede in two. A right-to-left line's bold words tell a
    run-in head only in the PDF's own text."""
    line = _rtl_line(300.0, 100.0, ["خطة", "الجسر", "وافق", "المجلس", "البلدي"], 9.0)
    for word in line.words[:2]:
        word.bold = True
    assert len(split_run_in_heads([line])) == 2
    assert split_run_in_heads([line], read_by_ocr=True) == [line]


def test_ocrs_bold_words_without_capitals_make_no_unpunctuated_run_in_head() -> None:
    """Regression (The Cut-Paste 2022-01-10 p4, a Hindi legacy-font page read by OCR): without
    capitals the bold words alone tell an unpunctuated run-in head, and OCR's words' bold is not to
    be trusted; read as heads, they cut its stories into briefs."""
    words = ["नगर", "निगम", "ने", "नई", "योजना", "बनाई"]
    line = Line(
        (100.0, 100.0, 300.0, 109.0),
        [Word((100.0 + 30 * k, 100.0, 125.0 + 30 * k, 109.0), w) for k, w in enumerate(words)],
        9.0,
        OCR_STYLE,
        0.0,
        0.0,
        False,
    )
    for word in line.words[:2]:
        word.bold = True
    assert line.run_in_words() == 2
    assert line.run_in_words(read_by_ocr=True) == 0


def test_bold_words_before_an_index_entry_head_no_brief() -> None:
    """Regression (generated Urdu page s941 p1): an index strip's "In this issue" in bold, then a
    section and its page number, was read as a run-in brief's head without capitals; a brief's head in
    a narrow column may still have a single word of its paragraph beside it."""
    index = _rtl_line(300.0, 100.0, ["اس", "شماری", "میں", "سیاست", "14"], 9.0)
    brief = _rtl_line(300.0, 120.0, ["خطة", "الجسر", "وافق"], 9.0)
    for line in (index, brief):
        for word in line.words[: len(line.words) - (2 if line is index else 1)]:
            word.bold = True
    assert index.run_in_words() == 0
    assert brief.run_in_words() == 2


def test_a_lead_headline_wrapped_over_six_lines_of_huge_capitals_is_a_headline(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 107): a lead's headline in capitals three and a
    half body sizes big, wrapped over six lines in its two columns, was taken for text set big (a
    headline runs to five lines), and the lead was an untitled story."""
    lines = ("THE NEW HARBOUR", "AUTHORITY TURNS", "DOWN A PLAN", "FOR THE FERRY", "LANDING BY", "THE BRIDGE")
    head = [text_at(COLUMNS[0], 40 + 34 * k, line, "Helvetica-Bold", 30) for k, line in enumerate(lines)]
    result = extract_drawn(
        tmp_path,
        *head,
        column(COLUMNS[0], 250, WIDTH, 40, seed=1),
        column(COLUMNS[1], 250, WIDTH, 40, seed=2),
        text_at(COLUMNS[2], 40, "Ferry Fares Rise", "Helvetica-Bold", 18),
        column(COLUMNS[2], 64, WIDTH, 60, seed=3),
    )
    assert [a.headline for a in articles(result)] == [" ".join(lines), "Ferry Fares Rise"]


def test_a_headline_in_capitals_whose_first_line_is_a_short_word_stays_one_headline(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seeds 94 and 107): a headline in capitals wrapped in a
    narrow column with "THE" alone on its first line: three capitals are too few to call a line in
    capitals, so the next line, in capitals, read as a heading's edge after it; "THE" was a headline
    of its own, then a label, and the story's headline lost its first word."""
    lines = ("THE", "FOOTBALL CLUB", "REVIEWS ITS", "GROUND PLAN")
    head = [text_at(COLUMNS[0], 60 + 20 * k, line, "Helvetica-Bold", 17) for k, line in enumerate(lines)]
    result = extract_drawn(
        tmp_path,
        *head,
        column(COLUMNS[0], 146, WIDTH, 40, seed=1),
        text_at(COLUMNS[1], 60, "Ferry Fares Rise Again", "Helvetica-Bold", 20),
        column(COLUMNS[1], 90, WIDTH, 40, seed=2),
        column(COLUMNS[2], 90, WIDTH, 40, seed=3),
    )
    assert [a.headline for a in articles(result)] == [" ".join(lines), "Ferry Fares Rise Again"]


def test_a_bold_head_wrapping_a_word_a_line_in_a_narrow_column_is_a_headline(tmp_path: Path) -> None:
    """Regression (Chromium-printed daily pages, seed 161): a head in bold capitals a size and a half
    over the body, in a column so narrow it wrapped a word or two a line, ran to seven lines: more
    than a headline's, so it was read as text set big, and its story had no headline."""
    words = ["A", "PROGRAMME", "OF", "REPAIRS", "TO THE", "TOWN", "HALL"]
    head = [text_at(COLUMNS[0], 60 + 17 * k, word, "Helvetica-Bold", 15) for k, word in enumerate(words)]
    result = extract_drawn(tmp_path, *head, column(COLUMNS[0], 60 + 17 * len(words) + 6, WIDTH, 20, seed=3))
    assert [a.headline for a in articles(result)] == [" ".join(words)]


def test_a_deck_in_another_bold_face_under_a_two_line_headline_is_a_block_of_its_own(tmp_path: Path) -> None:
    """Regression (fresh generated daily page, seed 2415 page 2): a two-line headline in a condensed
    sans over its two-line deck in a serif of about its size, both bold, made one four-line block,
    the headline; only a one-line block (a kicker) was parted from a line in another face."""
    head = ("Residents of the old quarter funded the green", "corridor after months of talks")
    deck = ("The long-serving mayor funded a long-term strategy", "for public housing on Tuesday.")
    result = extract_drawn(
        tmp_path,
        *(text_at(COLUMNS[0], 60 + 14 * k, line, "Helvetica-Bold", 13.1) for k, line in enumerate(head)),
        *(text_at(COLUMNS[0], 95 + 15 * k, line, "Times-Bold", 12.9) for k, line in enumerate(deck)),
        *(column(x, 136, WIDTH, 40, size=8.5, seed=k) for k, x in enumerate(COLUMNS)),
    )
    (article,) = articles(result)
    assert (article.headline, article.subheadline) == (" ".join(head), " ".join(deck))


def test_a_headline_leaded_apart_from_its_deck_in_a_bold_face_of_its_family_is_a_block_of_its_own(
    tmp_path: Path,
) -> None:
    """Regression (fresh generated daily page, seed 3016 page 3): a three-line bold headline over its
    three-line deck a little bigger, in a face of the same family (DejaVuSerif, DejaVuSerifCondensed),
    told apart only by the white between them, made one six-line block too long for a headline, and
    the story lost its head and deck to text no headline claimed."""
    head = ("The school governors announced", "the proposal to close the night", "market under pressure")
    deck = ("Volunteers from the library announced", "new cycling lanes along the river at a", "meeting on Tuesday.")
    result = extract_drawn(
        tmp_path,
        *(text_at(COLUMNS[0], 60 + 11.5 * k, line, "Times-Bold", 11.3) for k, line in enumerate(head)),
        *(text_at(COLUMNS[0], 102 + 13 * k, line, "Times-Bold", 11.6) for k, line in enumerate(deck)),
        *(column(x, 150, WIDTH, 40, size=9, seed=k) for k, x in enumerate(COLUMNS)),
    )
    (article,) = articles(result)
    assert (article.headline, article.subheadline) == (" ".join(head), " ".join(deck))


def test_a_small_bold_head_under_a_strip_of_teasers_heads_its_own_story(tmp_path: Path) -> None:
    """Regression (fresh generated English plain page, seed 4521 page 1): a small bold head a little
    over the body's size at a column's top, right under a boxed strip of teasers whose label is set
    in bold ("Today's paper"): the label was taken for a headline right over it, and the head and its
    story went untitled."""
    truth, page = generated_page(tmp_path, 1, seed=4521)
    assert headlines_of(page) == true_headlines(truth)


def test_a_bold_head_in_the_bodys_size_over_a_condensed_deck_is_two_blocks(tmp_path: Path) -> None:
    """Regression (fresh generated German page, seed 4921 page 1): a narrow column's headline in bold
    a shade over the body's size, its deck right under it in the bold condensed face of its family,
    leaded apart, over the story's photo: the two were one block, read as the photo's caption, and
    the story had no headline."""
    truth, page = generated_page(tmp_path, 1, seed=4921, language="de")
    assert headlines_of(page) == true_headlines(truth)
