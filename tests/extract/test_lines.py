"""Lines and words from the glyphs of generated pages."""

from __future__ import annotations

import json
from pathlib import Path

from broadsheet.extract import extract_pages
from broadsheet.synthetic import SyntheticOptions, generate_edition


def test_right_to_left_words_split_at_the_pdf_spaces(tmp_path: Path) -> None:
    """PDFium hands right-to-left text over in reading order, so the space the PDF wrote before a
    word sits on that word's right: words must not take the first letter of the next one."""
    edition = generate_edition(SyntheticOptions(seed=11, pages=1, direction="rtl", language="ar"), tmp_path, "rtl")
    truth = json.loads(edition.ground_truth[0].read_text())
    expected = {w for item in truth["items"] if item["type"] == "article" for w in (item["headline"] or "").split()}
    (page,) = extract_pages(edition.pdf)
    texts = [t for i in page.items for t in (i.kicker, i.headline, i.subheadline, i.byline, i.body) if t]
    found = {w for text in texts for w in text.split()}
    assert expected and len(expected & found) >= 0.9 * len(expected)
