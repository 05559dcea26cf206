"""Run-in heads: a brief's bold heading, or a label inside a story (``extract/runin.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract.layouts import articles, generated_page, headlines_of, true_headlines


@pytest.mark.parametrize(
    ("options", "page", "brief"),
    [
        ({"seed": 4112, "daily": True}, 1, "The so-called"),
        ({"seed": 3416, "daily": True, "language": "it"}, 3, "Un accordo"),
    ],
)
def test_a_run_in_head_under_a_column_cut_mid_sentence_opens_a_brief(
    tmp_path: Path, options: dict[str, object], page: int, brief: str
) -> None:
    """Regression (fresh generated daily pages: English seed 4112 page 1, Italian seed 3416 page 3):
    a brief's run-in head a little under a story's column, that column stopping mid-sentence (the
    story running on in the next), under the story's headline: it was read as a label of that story,
    and the brief went into the story's text."""
    truth, result = generated_page(tmp_path, page, **options)
    assert brief in headlines_of(result)
    assert headlines_of(result) == true_headlines(truth)


def test_a_run_in_label_in_a_story_under_a_small_head_with_a_deck_stays_in_the_story(tmp_path: Path) -> None:
    """Regression (fresh generated German daily page, seed 3412 page 3): a run-in label ("Warum das
    wichtig ist.") in a story whose small head stands over a deck in bigger italics: a small head over
    a run-in paragraph was taken for a brief's, and the label opened a brief of its own."""
    truth, result = generated_page(tmp_path, 3, seed=3412, daily=True, language="de")
    assert "Warum das wichtig ist" not in headlines_of(result)
    assert headlines_of(result) == true_headlines(truth)
    story = next(a for a in articles(result) if (a.headline or "").startswith("Die Krankenhausleitung"))
    assert "Warum das wichtig ist." in (story.body or "")
