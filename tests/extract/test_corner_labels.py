"""A label at the start edge of a box or a column over a head centred in it (``extract/corner_labels.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.layouts import articles, generated_page, headlines_of, true_headlines


@pytest.mark.parametrize(
    ("options", "page", "headline", "kicker", "byline"),
    [
        # in a box's top corner, the head centred in the box
        (
            {"seed": 3213, "daily": True, "language": "fr"},
            3,
            "La restauration de la gare",
            "Analyse",
            "Antoine Moreau",
        ),
        # atop a column, the head centred over it
        ({"seed": 3122, "language": "es"}, 1, "El alcalde aprobó", "LOCAL", "Por Carlos Vázquez y Lucía Moreno"),
    ],
)
def test_a_label_at_the_start_edge_over_a_centred_head_is_its_kicker(
    tmp_path: Path, options: dict[str, object], page: int, headline: str, kicker: str, byline: str
) -> None:
    """Regression (fresh generated pages: French and Italian daily seed 3213 page 3, Spanish plain
    seed 3122 page 1): a label a size over the body ("Analyse", "LOCAL") at the start edge of a box
    or a column, over a head centred in it, its byline flush left under the head: the label, far
    from the head's words, was read as a small story's head (with the byline under it), or as a
    label heading nothing."""
    _, result = generated_page(tmp_path, page, **options)
    story = next(a for a in articles(result) if a.headline == headline)
    assert (story.kicker, story.byline) == (kicker, byline)
    assert not any(a.headline == kicker for a in articles(result))


def test_a_label_atop_the_first_of_the_columns_a_head_is_centred_over_is_its_kicker(tmp_path: Path) -> None:
    """Regression (generated English daily page, seed 4914 page 2): a label in capitals a size over
    the body atop a story's first column, its head centred over all four columns: the label, taken
    for a head by its size, stood over the first column as a headline, so the row of the story's
    columns was read without it and the head was not centred in what was left."""
    truth, result = generated_page(tmp_path, 2, seed=4914, daily=True)
    story = next(i for i in truth["items"] if i["type"] == "article" and i.get("kicker") == "AN INDEPENDENT COMMITTEE")
    found = next(a for a in articles(result) if a.headline == story["headline"])
    assert found.kicker == story["kicker"]
    assert not any(a.headline == story["kicker"] for a in articles(result))


def test_a_briefs_head_beside_a_headline_and_under_its_top_is_no_label_over_it(tmp_path: Path) -> None:
    """Regression (generated English daily page, seed 2216 page 3): a brief's head in the column
    beside a story's headline, a little lower than the headline's top, was taken for a label right
    over it (the test of a label's place asked how far over the head its foot was, not whether it
    was over it at all), and once its own column counted in the row under the head, for the
    head's deck."""
    truth, result = generated_page(tmp_path, 3, seed=2216, daily=True)
    assert headlines_of(result) == true_headlines(truth)


def test_a_label_at_the_columns_start_over_a_centred_heads_start_is_its_kicker(tmp_path: Path) -> None:
    """Regression (fresh generated German page, seed 5022 page 2): a kicker flush with the first of
    four columns, a headline centred over them starting a little in from it, under the kicker: the
    kicker stood over the head but not lined up with its edge, and was an untitled story."""
    _, page = generated_page(tmp_path, 2, seed=5022, language="de")
    story = next(a for a in articles(page) if (a.headline or "").startswith("Die Handelskammer hinterfragte"))
    assert story.kicker == "Eine bekannte Architektin"
