"""Headline-sized type stacked on a headline: its kicker and deck (``extract/stacks.py``)."""

from __future__ import annotations

from pathlib import Path

from tests.extract.layouts import articles, generated_page


def test_a_head_of_several_lines_over_a_bigger_sentence_is_the_headline_over_its_deck(tmp_path: Path) -> None:
    """Regression (fresh generated plain pages, Spanish seed 3221 page 1, and French and Portuguese
    ones alike): a head of three short lines in bold sans over a deck set bigger in italics, a
    sentence to its full stop: the deck, being bigger, was taken for the headline and the head for
    its kicker (a kicker is a label of a line)."""
    _, result = generated_page(tmp_path, 1, seed=3221, language="es")
    story = next(a for a in articles(result) if a.headline == "El alcalde prometió un acuerdo")
    assert story.kicker == "ECONOMÍA"
    assert story.subheadline == "El ministro de transportes anunció nuevos carriles para bicicletas junto al río."
