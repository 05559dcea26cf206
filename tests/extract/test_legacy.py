"""Legacy-font lines take OCR's words: the stage alone, on small generated pages."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np

from broadsheet.extract import _read_legacy
from broadsheet.extract.legacy import retext_lines, strip_reader
from broadsheet.extract.lines import find_lines
from broadsheet.extract.model import ItemType, TextLayer
from broadsheet.extract.options import ExtractOptions
from broadsheet.extract.pipeline import extract_page
from broadsheet.pdf.content import Glyphs, PageContent, read_page_content
from broadsheet.pdf.document import open_pdf
from broadsheet.pdf.fonts import FontStyle
from tests.extract.layouts import COLUMNS, WIDTH
from tests.ocr.scans import DPI, LEGACY, scan_of
from tests.pdfs import Draw, column, combine, make_pdf, text_at

HEADLINE, BODY = "Harvest Fair Opens", "The fair opens on the green today"


def _content(tmp_path: Path, name: str, *draws: Draw) -> PageContent:
    with open_pdf(make_pdf(tmp_path / name, combine(*draws))) as doc:
        return read_page_content(doc[0], 1)


def test_each_line_keeps_its_box_and_size_and_takes_the_words_read_inside_it(tmp_path: Path) -> None:
    legacy = _content(
        tmp_path,
        "legacy.pdf",
        text_at(60, 60, HEADLINE.translate(LEGACY), "Helvetica-Bold", 20),
        text_at(60, 100, BODY.translate(LEGACY)),
        text_at(60, 300, "ornament".translate(LEGACY)),  # nothing is read there: dropped
    )
    read = _content(tmp_path, "ocr.pdf", text_at(60, 60, HEADLINE, "Helvetica-Bold", 20), text_at(60, 100, BODY))
    lines = sorted(find_lines(legacy.glyphs), key=lambda ln: ln.box[1])
    retexted = retext_lines(lines, read)
    assert [ln.text for ln in retexted] == [HEADLINE, BODY]
    assert [(ln.box, ln.size) for ln in retexted] == [(ln.box, ln.size) for ln in lines[:2]]


def test_a_line_of_right_to_left_words_reads_right_to_left(tmp_path: Path) -> None:
    legacy = _content(tmp_path, "legacy.pdf", text_at(300, 60, "Ÿ«HÎdG ¡Éæe", "Helvetica", 10))
    (line,) = find_lines(legacy.glyphs)
    x0, y0, x1, y1 = line.box
    words = ["شهر", "بارش"]  # in reading order: the first word is on the right
    mid = (x0 + x1) / 2
    boxes = [(mid + 2, y0, x1, y1), (x0, y0, mid - 2, y1)]
    letters = [(ch, box) for word, box in zip(words, boxes, strict=True) for ch in word]
    glyphs = Glyphs(
        text=[ch for ch, _ in letters],
        box=np.array([box for _, box in letters]),
        size=np.full(len(letters), 10.0),
        font=np.zeros(len(letters), dtype=np.int32),
        space_before=np.array([k == len(words[0]) for k in range(len(letters))]),
        fonts=[FontStyle("OCR", bold=False, italic=False, invisible=False)],
    )
    read = PageContent(number=1, width=legacy.width, height=legacy.height, glyphs=glyphs, ocr=True)
    (retexted,) = retext_lines([line], read)
    assert retexted.rtl and [w.text for w in retexted.words] == words


def test_a_line_ocr_skipped_is_read_again_on_its_own(tmp_path: Path) -> None:
    """Regression (an Arabic daily in legacy fonts): Tesseract's reading of the page skipped the last
    lines of some columns, and those lines, with their text, were left out of every article."""
    legacy = _content(
        tmp_path,
        "legacy.pdf",
        text_at(60, 60, HEADLINE.translate(LEGACY), "Helvetica-Bold", 20),
        text_at(60, 100, BODY.translate(LEGACY)),
    )
    page_read = _content(tmp_path, "ocr.pdf", text_at(60, 60, HEADLINE, "Helvetica-Bold", 20))  # skipped the body line
    image = scan_of(tmp_path, combine(text_at(60, 60, HEADLINE, "Helvetica-Bold", 20), text_at(60, 100, BODY)))
    lines = sorted(find_lines(legacy.glyphs), key=lambda ln: ln.box[1])
    retexted = retext_lines(lines, page_read, strip_reader(image, DPI / 72, "eng"))
    assert [ln.text for ln in retexted] == [HEADLINE, BODY]


def test_a_page_whose_glyphs_have_no_unicode_map_is_found_by_its_lines_and_read_by_ocr(tmp_path: Path) -> None:
    """Regression (a national daily's editorial page, every glyph read as U+FFFD): its stories were
    found, but a reader saw "������" for their text, and the page said its text layer was fine. Its
    stories are found from its own lines as before, then their lines take the words OCR reads in them
    (in the language the page's script says): OCR's words, which the rules that read text would take
    otherwise, decide nothing but the text."""
    draws = [
        text_at(COLUMNS[0], 60, "Harvest Fair Opens", "Helvetica-Bold", 24),
        column(COLUMNS[0], 100, WIDTH, 30, size=10, seed=1),
        column(COLUMNS[1], 100, WIDTH, 30, size=10, seed=2),
        text_at(COLUMNS[2], 60, "Bridge Plan Goes Ahead", "Helvetica-Bold", 18),
        column(COLUMNS[2], 90, WIDTH, 20, size=10, seed=3),
    ]
    options = ExtractOptions()
    with open_pdf(make_pdf(tmp_path / "unmapped.pdf", combine(*draws))) as doc:
        content = read_page_content(doc[0], 1)
        content.glyphs.text = ["\ufffd" if ch.strip() else ch for ch in content.glyphs.text]
        unread = extract_page(content, "unmapped.pdf", ExtractOptions(ocr=False))
        by_ocr = partial(_read_legacy, doc[0], 1, options)
        read = extract_page(content, "unmapped.pdf", options, by_ocr)
    assert unread.text_layer is TextLayer.LEGACY_FONT and not [i.body for i in unread.items if i.body]
    assert read.text_layer is TextLayer.OCR and read.language == "en" and read.direction == "ltr"
    assert [(i.type, i.regions) for i in read.items] == [(i.type, i.regions) for i in unread.items]
    stories = [i for i in read.items if i.type is ItemType.ARTICLE]
    assert [s.headline for s in stories] == ["Harvest Fair Opens", "Bridge Plan Goes Ahead"]
    assert all("\ufffd" not in (s.body or "") and len((s.body or "").split()) > 100 for s in stories)
