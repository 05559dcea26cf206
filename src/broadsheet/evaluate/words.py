"""The page's words: the units every figure is counted in.

For a PDF page they come from the text layer, read with pdfplumber's ``extract_words()`` at its
default settings; for a scan they are the ground truth's ``words`` (its OCR). Coordinates are
relative to the top-left corner of the page (for a PDF: of its CropBox), ``y`` growing downwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from broadsheet.errors import InputFileError


class Word(NamedTuple):
    """One word and its box ``(x0, y0, x1, y1)``."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    @property
    def weight(self) -> int:
        """What the word counts for: its number of characters, at least 1."""
        return max(1, len(self.text))


def words_from_json(raw: object) -> list[Word]:
    """Parse a page-JSON ``words`` list: ``[[x0, y0, x1, y1, "text"], ...]``."""
    if not isinstance(raw, list):
        raise InputFileError(f"'words' must be a list, not {type(raw).__name__}")
    out: list[Word] = []
    for n, entry in enumerate(raw):
        if not isinstance(entry, Sequence) or isinstance(entry, str) or len(entry) != 5:
            raise InputFileError(f"word {n} is not [x0, y0, x1, y1, text]: {entry!r}")
        try:
            out.append(Word(float(entry[0]), float(entry[1]), float(entry[2]), float(entry[3]), str(entry[4])))
        except (TypeError, ValueError) as e:
            raise InputFileError(f"word {n} has a bad box: {entry!r}") from e
    return out


def pdf_words(pdf: Path, page_no: int) -> list[Word]:
    """The words of page ``page_no`` (1-based) whose centre lies inside the CropBox."""
    import pdfplumber
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    if not pdf.is_file():
        raise InputFileError(f"{pdf}: PDF not found")
    try:
        with pdfplumber.open(pdf) as doc:
            if not 1 <= page_no <= len(doc.pages):
                raise InputFileError(f"{pdf}: no page {page_no} (the file has {len(doc.pages)})")
            page = doc.pages[page_no - 1]
            # the visible page is the CropBox; coordinates are relative to its top-left corner
            cx0, ctop, cx1, cbottom = page.cropbox
            width, height = cx1 - cx0, cbottom - ctop
            out: list[Word] = []
            for w in page.extract_words(keep_blank_chars=False, use_text_flow=False):
                x0, top = float(w["x0"] - cx0), float(w["top"] - ctop)
                x1, bottom = float(w["x1"] - cx0), float(w["bottom"] - ctop)
                if 0 <= (x0 + x1) / 2 <= width and 0 <= (top + bottom) / 2 <= height:
                    out.append(Word(x0, top, x1, bottom, str(w["text"])))
            return out
    except (PdfminerException, MalformedPDFException, OSError) as e:
        raise InputFileError(f"{pdf}: cannot read the PDF ({e})") from e
