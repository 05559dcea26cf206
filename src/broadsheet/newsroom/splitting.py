"""Where an article split at a line divides: its regions, and its body text.

The regions are cut at the height the editor chose: those before the cut region (in reading order)
stay with the first article, those after go to the second, and the cut region is divided at the line.
The body is divided where the second part's text begins: read off the edition's PDF under the second
part's first region (PDFium's text in a rectangle) and found in the body. A page without a text layer
(a scan) or an edition without its upload falls back on the share of the regions' area, moved to the
nearest paragraph or sentence boundary.
"""

from __future__ import annotations

import re
from pathlib import Path

from broadsheet.editions.items import State
from broadsheet.editions.models import Edition
from broadsheet.errors import BroadsheetError, UsageError
from broadsheet.newsroom import sources

Region = list[float]
WORD = re.compile(r"\w[\w'’]*")
PROBE = 3  # words of the second part looked for together in the body


def cut_regions(regions: list[Region], index: int, y: float, min_size: float) -> tuple[list[Region], list[Region]]:
    """The regions of the two articles when region ``index`` is cut at height ``y``."""
    if not 0 <= index < len(regions):
        raise UsageError("split on one of the article's own regions")
    x0, y0, x1, y1 = regions[index]
    top = [[x0, y0, x1, round(y, 2)]] if y - y0 >= min_size else []
    bottom = [[x0, round(y, 2), x1, y1]] if y1 - y >= min_size else []
    first = regions[:index] + top
    second = bottom + regions[index + 1 :]
    if not first or not second:
        raise UsageError("split between two lines of the article, not before its start or after its end")
    return first, second


def _text_under(pdf: Path, page: int, box: Region) -> str:
    """The text PDFium finds in ``box`` (top-left page coordinates) of ``page``."""
    from broadsheet.pdf.document import load_page, open_pdf

    with open_pdf(pdf) as doc:
        pdf_page = load_page(doc, page)
        textpage = pdf_page.get_textpage()
        try:
            left, _, _, top = pdf_page.get_cropbox()
            return str(textpage.get_text_bounded(left + box[0], top - box[3], left + box[2], top - box[1]))
        finally:
            textpage.close()
            pdf_page.close()


def _found(body: str, words: list[str]) -> int | None:
    """Where in ``body`` the run of ``words`` starts (the first word may be the end of a hyphenated one,
    so the run is also looked for from its second and third words, and the start moved back)."""
    spans = [(m.start(), m.group().casefold()) for m in WORD.finditer(body)]
    folded = [w.casefold() for w in words]
    for skip in range(min(3, max(len(folded) - PROBE + 1, 0))):
        probe = folded[skip : skip + PROBE]
        for i in range(skip, len(spans) - len(probe) + 1):
            if [w for _, w in spans[i : i + len(probe)]] == probe:
                return spans[i - skip][0]
    return None


def _nearest_boundary(body: str, at: int) -> int:
    """The paragraph or sentence start nearest to ``at``."""
    starts = [0] + [m.end() for m in re.finditer(r"\n\n|(?<=[.!?…”\"])\s+", body)]
    return min(starts, key=lambda s: abs(s - at))


def _area(regions: list[Region]) -> float:
    return sum((r[2] - r[0]) * (r[3] - r[1]) for r in regions)


def body_split(edition: Edition, state: State, second: list[Region]) -> int:
    """The offset in the article's body where the second part begins."""
    body: str = state["body"]
    pdf = sources.folder(edition.id) / "source.pdf"
    if pdf.is_file():
        try:
            words = WORD.findall(_text_under(pdf, state["page"], second[0]))
        except BroadsheetError:
            words = []
        if len(words) >= PROBE and (at := _found(body, words)) is not None:
            return at
    share = 1 - _area(second) / (_area(state["regions"]) or 1)
    return _nearest_boundary(body, round(len(body) * share))
