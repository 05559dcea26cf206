"""A columnist's name under the portrait set into the top of the column signs the story."""

from __future__ import annotations

from pathlib import Path

from tests.extract.layouts import COLUMNS, WIDTH, articles, extract_drawn
from tests.pdfs import WORDS, column, photo, text_at


def test_a_columnists_name_under_a_portrait_beside_the_headline_signs_the_story(tmp_path: Path) -> None:
    """Regression (Echorouk 7977 p13, labelled blind): a columnist's name in bold a size over the
    body, under the portrait set into the top of the first column, beside the headline set over
    the later columns, was read as a small headline: it took that column from the story."""
    result = extract_drawn(
        tmp_path,
        photo(COLUMNS[0] + 40, 90, 80, 90),
        text_at(COLUMNS[0] + 45, 184, "Jane Morrison", "Times-Bold", 11),
        column(COLUMNS[0], 206, WIDTH, 30, seed=1),
        text_at(COLUMNS[1], 100, "Why We Turn Back So Soon", "Helvetica-Bold", 24),
        *(column(x, 206, WIDTH, 30, seed=3 + 5 * k) for k, x in enumerate(COLUMNS[1:])),
    )
    (article,) = articles(result)
    assert article.headline == "Why We Turn Back So Soon"
    assert article.byline == "Jane Morrison"
    assert (article.body or "").startswith(" ".join(WORDS[1:4]))
