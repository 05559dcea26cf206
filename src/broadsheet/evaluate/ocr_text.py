"""How much of a text OCR read right: word and character accuracy against the text that was printed.

Accuracy is 1 − (substitutions + deletions + insertions) / length of the printed text, in words or in
characters (the ISRI convention; 0 at worst, not below), after both sides are put in one form: Arabic
letter forms folded to Urdu ones (ي → ی, ك → ک), vowel marks dropped (a paper prints none; a model may
add them), and white space collapsed. Line breaks do not count: a page is compared as one run of words,
so a line wrapped elsewhere costs nothing, but words read out of order do.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from broadsheet.synthetic.urdu_text import normalise


@dataclass(frozen=True, slots=True)
class TextScore:
    """Edit counts over one or more texts, added up: accuracies are over all their words (characters)."""

    words: int = 0
    word_errors: int = 0
    chars: int = 0
    char_errors: int = 0

    def __add__(self, other: TextScore) -> TextScore:
        return TextScore(
            self.words + other.words,
            self.word_errors + other.word_errors,
            self.chars + other.chars,
            self.char_errors + other.char_errors,
        )

    @property
    def word_accuracy(self) -> float:
        return max(0.0, 1.0 - self.word_errors / self.words) if self.words else 1.0

    @property
    def char_accuracy(self) -> float:
        return max(0.0, 1.0 - self.char_errors / self.chars) if self.chars else 1.0


def score_text(printed: str, read: str) -> TextScore:
    """The edit counts of ``read`` against ``printed``, in words and in characters."""
    truth, got = normalise(printed).split(), normalise(read).split()
    truth_chars, got_chars = " ".join(truth), " ".join(got)
    return TextScore(
        words=len(truth),
        word_errors=Levenshtein.distance(truth, got),
        chars=len(truth_chars),
        char_errors=Levenshtein.distance(truth_chars, got_chars),
    )
