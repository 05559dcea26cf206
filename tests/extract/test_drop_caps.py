"""Drop caps (``broadsheet.extract.drop_caps``): told by their shape, whatever their text, and joined to
their word, or set before it as a word of their own when the page says so."""

from __future__ import annotations

from pathlib import Path

from broadsheet.extract.model import ItemType
from broadsheet.extract.options import ExtractOptions
from broadsheet.extract.pipeline import extract_page
from broadsheet.pdf.content import read_page_content
from broadsheet.pdf.document import open_pdf
from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn
from tests.pdfs import Draw, column, combine, make_pdf, photo, text_at


def _story_with_drop_cap() -> list[Draw]:
    return [
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 26),
        text_at(COLUMNS[0], 100, "T", "Times-Roman", 40),
        column(COLUMNS[0] + 28, 104, WIDTH - 28, 3, size=10),
        column(COLUMNS[0], 140, WIDTH, 20, size=10, seed=3),
        column(COLUMNS[1], 100, WIDTH, 24, size=10, seed=5),
    ]


def test_a_drop_cap_without_a_unicode_map_is_not_a_headline(tmp_path: Path) -> None:
    """Regression (a national daily whose fonts have no Unicode map, text read as U+FFFD): its drop
    caps, at eight times the body size, were each taken as a headline that stole the story."""
    pdf = make_pdf(tmp_path / "unmapped.pdf", combine(*_story_with_drop_cap()))
    with open_pdf(pdf, 2**30) as doc:
        content = read_page_content(doc[0], 1)
    content.glyphs.text = ["\ufffd" if ch.strip() else ch for ch in content.glyphs.text]
    result = extract_page(content, "unmapped.pdf", ExtractOptions(ocr=False, explain=True))
    (article,) = [i for i in result.items if i.type is ItemType.ARTICLE]
    headline_box = article.regions[0]
    assert headline_box[1] < 70  # the article starts at its real headline, not at the initial
    heads = [d for d in result.decisions if d.role == "headline"]
    assert [len(d.text) for d in heads] == [len("Bridge Plan Goes to the Board")]  # no one-glyph headline
    opening = [d for d in result.decisions if d.box[0] < COLUMNS[0] + 1 and 95 < d.box[1] < 110]
    assert [d.role for d in opening] == ["body"]  # the initial joined its line of the text


def test_a_drop_cap_set_a_word_space_from_its_line_is_a_word_of_its_own(tmp_path: Path) -> None:
    """Regression (generated daily pages): "A well-known architect…" with its "A" a drop cap came
    out as "Awell-known", and the lines beside the initial as a paragraph of their own."""
    draws = [
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 26),
        text_at(COLUMNS[0], 100, "A", "Times-Roman", 40),
        text_at(COLUMNS[0] + 35, 104, "well-known architect said", "Times-Roman", 10),
        column(COLUMNS[0] + 35, 116, WIDTH - 35, 2, size=10, seed=2),
        column(COLUMNS[0], 140, WIDTH, 20, size=10, seed=3),
        column(COLUMNS[1], 100, WIDTH, 24, size=10, seed=5),
    ]
    (article,) = articles(extract_drawn(tmp_path, *draws))
    assert (article.body or "").startswith("A well-known architect said")
    assert "\n" not in (article.body or "").split(".")[0]


def test_a_drop_cap_joins_a_line_opening_with_its_bold_dateline(tmp_path: Path) -> None:
    """Regression (pages printed by Chromium): the "L" of "LONDON: Last week" set as a drop cap, the
    line beside it half bold, was no line of text to it; the initial became a headline and took the
    story's text."""
    draws = [
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 26),
        text_at(COLUMNS[0], 100, "L", "Times-Roman", 40),
        text_at(COLUMNS[0] + 28, 104, "ONDON:", "Times-Bold", 10),
        text_at(COLUMNS[0] + 74, 104, "Last", "Times-Roman", 10),
        column(COLUMNS[0] + 28, 116, WIDTH - 28, 2, size=10, seed=2),
        column(COLUMNS[0], 140, WIDTH, 20, size=10, seed=3),
        column(COLUMNS[1], 100, WIDTH, 24, size=10, seed=5),
    ]
    (article,) = articles(extract_drawn(tmp_path, *draws))
    assert article.headline == "Bridge Plan Goes to the Board"
    assert (article.body or "").startswith("LONDON: Last"), article.body[:60]


def test_a_drop_cap_joins_its_bold_dateline_on_a_line_of_its_own_under_a_captioned_photo(tmp_path: Path) -> None:
    """Regression (pages printed by Chromium): "PESHAWAR:" with its "P" a drop cap filled the first
    line beside the initial, bold throughout; then, joined, it was taken for a caption of the photo
    over it."""
    draws = [
        text_at(COLUMNS[0], 60, "Bridge Plan Goes to the Board", "Helvetica-Bold", 26),
        photo(COLUMNS[0], 95, WIDTH, 100),
        text_at(COLUMNS[0], 199, "The old bridge at dusk.", "Times-Italic", 8),
        text_at(COLUMNS[0], 212, "P", "Times-Roman", 40),
        text_at(COLUMNS[0] + 25, 216, "ESHAWAR:", "Times-Bold", 10),
        column(COLUMNS[0] + 25, 228, WIDTH - 25, 2, size=10, seed=2),
        column(COLUMNS[0], 252, WIDTH, 20, size=10, seed=3),
        column(COLUMNS[1], 95, WIDTH, 30, size=10, seed=5),
    ]
    (article,) = articles(extract_drawn(tmp_path, *draws))
    assert (article.body or "").startswith("PESHAWAR: "), (article.body or "")[:60]
    assert article.captions == ["The old bridge at dusk."]


def test_a_drop_cap_set_tight_against_its_line_is_a_word_of_its_own_when_the_page_says_so(tmp_path: Path) -> None:
    """Regression (a national daily's editorial page): "A performance audit…", its "A" a drop cap set
    tight against the line, came out as "Aperformance"."""
    draws = [
        text_at(COLUMNS[0], 60, "A Forest for the Trees", "Helvetica-Bold", 26),
        text_at(COLUMNS[0], 100, "A", "Times-Roman", 40),
        text_at(COLUMNS[0] + 27.5, 104, "performance audit found", "Times-Roman", 10),
        column(COLUMNS[0] + 28, 116, WIDTH - 28, 2, size=10, seed=2),
        column(COLUMNS[0], 140, WIDTH, 20, size=10, seed=3),
        text_at(COLUMNS[1], 100, "the performance of a board", "Times-Roman", 10),
        column(COLUMNS[1], 112, WIDTH, 24, size=10, seed=5),
    ]
    (article,) = articles(extract_drawn(tmp_path, *draws))
    assert (article.body or "").startswith("A performance audit found")


def _tight_drop_cap_story(initial: str, first_words: str, other_lines: tuple[str, ...]) -> list[Draw]:
    """A story opening with a drop cap set tight against ``first_words``, and ``other_lines`` of
    text in the next column (what the page's words say)."""
    draws = [
        text_at(COLUMNS[0], 60, "Prices on the Move", "Helvetica-Bold", 26),
        text_at(COLUMNS[0], 100, initial, "Times-Roman", 40),
        text_at(COLUMNS[0] + 27.5, 104, first_words, "Times-Roman", 10),
        column(COLUMNS[0] + 28, 116, WIDTH - 28, 2, size=10, seed=2),
        column(COLUMNS[0], 140, WIDTH, 20, size=10, seed=3),
    ]
    draws += [text_at(COLUMNS[1], 100 + 12 * k, line, "Times-Roman", 10) for k, line in enumerate(other_lines)]
    return [*draws, column(COLUMNS[1], 100 + 12 * len(other_lines), WIDTH, 20, size=10, seed=5)]


def test_a_tight_drop_cap_is_a_word_of_its_own_when_the_page_has_the_word_after_it_more_than_the_two_joined(
    tmp_path: Path,
) -> None:
    """Regression (a national daily's editorial page, an unlabelled date): "A rise in India's July
    retail inflation…" came out as "Arise in…", as the page had "arise" once elsewhere (and "rise"
    three times). An "A" before "mid" where the page says "amid" more often is "Amid"."""
    (tmp_path / "rise").mkdir()
    (tmp_path / "amid").mkdir()
    rise = ("a steady rise in prices", "the rise in fuel costs", "where doubts arise about")
    (article,) = articles(extract_drawn(tmp_path / "rise", *_tight_drop_cap_story("A", "rise in retail prices", rise)))
    assert (article.body or "").startswith("A rise in retail prices")
    amid = ("talks went on amid protests", "amid the rain and a mid", "fears amid the storm")
    (article,) = articles(extract_drawn(tmp_path / "amid", *_tight_drop_cap_story("A", "mid the talks the", amid)))
    assert (article.body or "").startswith("Amid the talks the")
