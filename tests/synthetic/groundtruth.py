"""Ground-truth checks shared by the generator's tests: the rules the scorer relies on.

Every word of the text layer (read as the scorer reads it, with pdfplumber, inside the CropBox)
lies in exactly one item and inside one of its rectangles; items never overlap; bodies are made
of words that are on the page; PDFium's loose character boxes (what the extractor sees) lie in
regions too.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from broadsheet.extract.model import PageResult

Word = tuple[float, float, float, float, str]


@functools.lru_cache(maxsize=64)
def pdf_words(pdf: Path, page_no: int) -> list[Word]:
    """The page's words exactly as tools/score.py reads them."""
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[page_no - 1]
        cx0, ctop, cx1, cbottom = page.cropbox
        width, height = cx1 - cx0, cbottom - ctop
        out = []
        for w in page.extract_words(keep_blank_chars=False, use_text_flow=False):
            x0, top, x1, bottom = w["x0"] - cx0, w["top"] - ctop, w["x1"] - cx0, w["bottom"] - ctop
            if 0 <= (x0 + x1) / 2 <= width and 0 <= (top + bottom) / 2 <= height:
                out.append((x0, top, x1, bottom, w["text"]))
        return out


def owners(page: PageResult, x: float, y: float) -> list[str]:
    return [it.id for it in page.items if any(r[0] <= x <= r[2] and r[1] <= y <= r[3] for r in it.regions)]


def check_words_in_one_item(name: str, pdf: Path, page: PageResult) -> None:
    words = pdf_words(pdf, page.page)
    assert len(words) > 200, name
    for x0, y0, x1, y1, text in words:
        hit = owners(page, (x0 + x1) / 2, (y0 + y1) / 2)
        assert len(hit) == 1, (name, page.page, text, hit)
        # the whole word box, not just its centre, lies in one of the item's rectangles
        item = next(it for it in page.items if it.id == hit[0])
        assert any(
            r[0] - 0.5 <= x0 and x1 <= r[2] + 0.5 and r[1] - 0.5 <= y0 and y1 <= r[3] + 0.5 for r in item.regions
        ), (name, text)


def check_regions_disjoint(name: str, page: PageResult) -> None:
    rects = [(it.id, r) for it in page.items for r in it.regions]
    for i, (ia, a) in enumerate(rects):
        assert a[0] < a[2] and a[1] < a[3]
        assert min(a[0], a[1]) >= -0.01 and a[2] <= page.width + 0.01 and a[3] <= page.height + 0.01
        for ib, b in rects[i + 1 :]:
            if ia != ib:
                assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (name, ia, ib)


def _reads(word: str, rtl: bool) -> str:
    # pdfplumber gives Arabic in visual order and in presentation forms
    return unicodedata.normalize("NFKC", word[::-1]) if rtl else word


def _set_as(tok: str, seen: set[str], pieces: int) -> bool:
    """``tok`` is on the page whole, or in up to ``pieces`` parts: split at line ends ("gov-" +
    "ernment"; a long compound in a narrow column may break twice) or after a drop cap."""
    if tok in seen:
        return True
    return pieces > 1 and any(
        (tok[:k] + "-" in seen or tok[:k] in seen) and _set_as(tok[k:], seen, pieces - 1) for k in range(1, len(tok))
    )


def check_bodies_on_page(name: str, pdf: Path, page: PageResult) -> int:
    """Every body token is a word on the page (or pieces of one); returns the token count."""
    rtl = page.direction == "rtl"
    seen = {_reads(w[4], rtl) for w in pdf_words(pdf, page.page)}
    n_tokens = 0
    for item in page.articles:
        assert item.body, (name, item.id)
        assert "\n\n\n" not in item.body and item.body == item.body.strip()
        for tok in item.body.split():
            n_tokens += 1
            assert _set_as(tok, seen, 3), (name, page.page, item.id, tok)
    return n_tokens


def check_pdfium_boxes_in_regions(name: str, pdf: Path, pages: list[PageResult]) -> None:
    """The extractor sees PDFium's loose boxes (taller than pdfplumber's); regions hold them too."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for page in pages:
            pdf_page = doc[page.page - 1]
            left, _, _, top = pdf_page.get_cropbox()
            text = pdf_page.get_textpage()
            for k in range(text.count_chars()):
                ch = text.get_text_range(k, 1)
                if not ch or ch.isspace():
                    continue
                cl, cb, cr, ct = text.get_charbox(k, loose=True)
                x0, x1, y0, y1 = cl - left, cr - left, top - ct, top - cb
                if not (0 <= (x0 + x1) / 2 <= page.width and 0 <= (y0 + y1) / 2 <= page.height):
                    continue  # outside the CropBox: not on the page
                assert any(
                    q[0] - 0.5 <= x0 and x1 <= q[2] + 0.5 and q[1] - 0.5 <= y0 and y1 <= q[3] + 0.5
                    for it in page.items
                    for q in it.regions
                ), (name, page.page, ch, (x0, y0, x1, y1))
    finally:
        doc.close()
