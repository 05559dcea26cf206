"""OCR accuracy: word and character edits against the printed text, Urdu letter forms folded."""

from __future__ import annotations

from broadsheet.evaluate.ocr_text import TextScore, score_text


def test_a_perfect_reading_scores_one_whatever_its_line_breaks() -> None:
    score = score_text("حکومت نے اعلان\nکیا ہے", "حکومت نے\nاعلان کیا ہے")
    assert score.word_accuracy == 1.0 and score.char_accuracy == 1.0 and score.words == 5


def test_each_wrong_missing_or_extra_word_is_one_error() -> None:
    assert score_text("a b c d", "a x c d").word_errors == 1
    assert score_text("a b c d", "a c d").word_errors == 1
    assert score_text("a b c d", "a b b c d").word_errors == 1
    assert score_text("a b c d", "a x c d").word_accuracy == 0.75


def test_arabic_letter_forms_and_vowel_marks_are_not_errors() -> None:
    assert score_text("کتاب ہے", "كتاب ہے").word_errors == 0
    assert score_text("محمد", "مُحَمَّد").char_errors == 0


def test_accuracy_never_goes_below_zero_and_adds_up_over_texts() -> None:
    assert score_text("a", "x y z w").word_accuracy == 0.0
    total = score_text("a b", "a b") + score_text("c d", "x d")
    assert total == TextScore(words=4, word_errors=1, chars=6, char_errors=1)
    assert total.word_accuracy == 0.75
