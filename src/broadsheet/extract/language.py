"""Guess a page's language and reading direction from its text (stop words and script)."""

from __future__ import annotations

import re
from collections import Counter

from broadsheet.extract.lines import is_rtl_char
from broadsheet.extract.model import Direction

STOP_WORDS: dict[str, set[str]] = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "are"},
    "es": {"el", "la", "de", "que", "y", "en", "los", "las", "por", "con", "una", "para", "del"},
    "pt": {"o", "a", "de", "que", "e", "do", "da", "em", "um", "para", "com", "não", "os", "uma"},
    "it": {"il", "di", "che", "e", "la", "per", "un", "non", "con", "sono", "della", "gli", "del"},
    "fr": {"le", "la", "les", "de", "et", "des", "est", "que", "une", "pour", "dans", "qui", "du"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "ein", "sich", "auf"},
}
_WORD = re.compile(r"[^\W\d_]+")
_URDU_LETTERS = set("ٹڈڑںےۓھگکپچژ")


def guess_direction(text: str) -> Direction:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "ltr"
    rtl = sum(1 for c in letters if is_rtl_char(c))
    return "rtl" if rtl > 0.4 * len(letters) else "ltr"


def guess_language(text: str) -> str | None:
    """The language whose stop words are most frequent; Arabic script split into ar/ur."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(1 for c in letters if is_rtl_char(c)) > 0.4 * len(letters):
        urdu = sum(1 for c in letters if c in _URDU_LETTERS)
        return "ur" if urdu > 0.02 * len(letters) else "ar"
    counts: Counter[str] = Counter()
    words = [w.casefold() for w in _WORD.findall(text[:20000])]
    for lang, stops in STOP_WORDS.items():
        counts[lang] = sum(1 for w in words if w in stops)
    if not counts or counts.most_common(1)[0][1] < 3:
        return None
    return counts.most_common(1)[0][0]
