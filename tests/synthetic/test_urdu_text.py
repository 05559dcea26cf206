"""Urdu text for Nastaliq OCR: composed from Apertium's lexicon, reproducible, and with the test side's
words and templates never on the training side."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.errors import InputFileError
from broadsheet.synthetic.urdu_text import _TEMPLATES, _words, column_lines, lexicon, normalise, paragraphs, sentences


def _content_words(text: str) -> set[str]:
    """The words of ``text`` that no template brings (so from the lexicon), numbers left out."""
    fixed = {w for ts in _TEMPLATES.values() for t in ts for w in _words(t) if "{" not in w}
    return {w for w in _words(text) if w not in fixed and not w.isdigit()}


def test_the_lexicon_has_words_of_every_slot_on_both_sides() -> None:
    words = lexicon()
    for split in ("train", "test"):
        side = words.side(split)  # type: ignore[arg-type]
        assert all(len(ws) >= 50 for ws in side.words.values()), {k: len(v) for k, v in side.words.items()}
    assert len(words.side("test").words["n"]) < len(words.side("train").words["n"]) / 2


def test_test_sentences_share_no_content_word_with_training() -> None:
    train = " ".join(sentences("train", 3000))
    test = " ".join(sentences("test", 300))
    test_words = _content_words(test)
    assert len(test_words) > 200
    assert not test_words & _content_words(train)
    assert not set(_TEMPLATES["test"]) & set(_TEMPLATES["train"])


def test_the_same_seed_gives_the_same_text_and_another_seed_other_text() -> None:
    assert sentences("test", 5, seed=1) == sentences("test", 5, seed=1)
    assert sentences("test", 5, seed=1) != sentences("test", 5, seed=2)
    assert len(paragraphs("train", 4)) == 4


def test_column_lines_are_short_runs_of_the_sentences() -> None:
    lines = column_lines("train", 200)
    assert len(lines) == 200
    assert sum(3 <= len(line.split()) <= 8 for line in lines) > 120
    assert all(line.strip() == line and line for line in lines)


def test_normalise_folds_arabic_letter_forms_and_drops_vowel_marks() -> None:
    assert normalise("آبادى") == "آبادی"
    assert normalise("كِتاب") == "کتاب"
    assert normalise("مُحَمَّد") == "محمد"


def test_a_missing_lexicon_names_its_package(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="apertium-urd"):
        lexicon(tmp_path / "none.dix")
