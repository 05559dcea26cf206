"""Guess a page's language and reading direction from its text (stop words and script)."""

from __future__ import annotations

import functools
import re
from collections import Counter

from broadsheet.extract.model import Direction
from broadsheet.extract.rtl import is_rtl_char

STOP_WORDS: dict[str, set[str]] = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "are"},
    "es": {"el", "la", "de", "que", "y", "en", "los", "las", "por", "con", "una", "para", "del"},
    "pt": {"o", "a", "de", "que", "e", "do", "da", "em", "um", "para", "com", "não", "os", "uma"},
    "it": {"il", "di", "che", "e", "la", "per", "un", "non", "con", "sono", "della", "gli", "del"},
    "fr": {"le", "la", "les", "de", "et", "des", "est", "que", "une", "pour", "dans", "qui", "du"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "ein", "sich", "auf"},
}
# Languages written right to left (ISO 639-1, and ckb): an edition in one reads right to left.
RTL_LANGUAGES = frozenset({"ar", "ur", "fa", "he", "ps", "sd", "yi", "ug", "dv", "ckb"})
# Scripts one language mostly writes, by Unicode block: a page in them is in that language.
SCRIPT_BLOCKS = (
    (0x0370, 0x03FF, "el"),  # Greek
    (0x0900, 0x097F, "hi"),  # Devanagari
    (0x0980, 0x09FF, "bn"),  # Bengali
    (0x0A00, 0x0A7F, "pa"),  # Gurmukhi
    (0x0A80, 0x0AFF, "gu"),  # Gujarati
    (0x0B80, 0x0BFF, "ta"),  # Tamil
    (0x0C00, 0x0C7F, "te"),  # Telugu
    (0x0C80, 0x0CFF, "kn"),  # Kannada
    (0x0D00, 0x0D7F, "ml"),  # Malayalam
    (0x0D80, 0x0DFF, "si"),  # Sinhala
    (0x0E00, 0x0E7F, "th"),  # Thai
)
_WORD = re.compile(r"[^\W\d_]+")
_URDU_LETTERS = set("ٹڈڑںےۓھگکپچژ")


@functools.lru_cache(maxsize=1)
def _letters(text: str) -> tuple[int, int, int]:
    """How many letters, right-to-left letters and Urdu-only letters: each distinct character is
    classified once, not once per occurrence (and a page's text once for direction and language)."""
    letters = rtl = urdu = 0
    for c, n in Counter(text).items():
        if c.isalpha():
            letters += n
            rtl += n if is_rtl_char(c) else 0
            urdu += n if c in _URDU_LETTERS else 0
    return letters, rtl, urdu


def guess_direction(text: str) -> Direction:
    letters, rtl, _ = _letters(text)
    return "rtl" if letters and rtl > 0.4 * letters else "ltr"


@functools.lru_cache(maxsize=2)
def _scripts(text: str) -> tuple[int, int, Counter[str]]:
    """Of the text's first 20,000 characters: how many letters, how many ASCII letters, and how many
    characters in the script of each language of SCRIPT_BLOCKS."""
    letters = latin = 0
    counts: Counter[str] = Counter()
    for c, n in Counter(text[:20000]).items():
        if c.isalpha():
            letters += n
            latin += n if c.isascii() else 0
        code = ord(c)
        counts.update({language: n for first, last, language in SCRIPT_BLOCKS if first <= code <= last})
    return letters, latin, counts


def _language_of_script(text: str) -> str | None:
    """The language of the script most of the text's letters are in, when it is one of SCRIPT_BLOCKS."""
    letters, _, counts = _scripts(text)
    top = counts.most_common(1)
    return top[0][0] if top and top[0][1] > 0.5 * letters else None


def guess_language(text: str) -> str | None:
    """The language whose stop words are most frequent; Arabic script split into ar/ur; a script
    one language mostly writes (Devanagari: Hindi) its language."""
    letters, rtl, urdu = _letters(text)
    if letters and rtl > 0.4 * letters:
        return "ur" if urdu > 0.02 * letters else "ar"
    if (by_script := _language_of_script(text)) is not None:
        return by_script
    counts: Counter[str] = Counter()
    words = Counter(w.casefold() for w in _WORD.findall(text[:20000]))
    for lang, stops in STOP_WORDS.items():
        counts[lang] = sum(words[w] for w in stops)
    if not counts or counts.most_common(1)[0][1] < 3:
        return None
    return counts.most_common(1)[0][0]


def written_in_latin_instead(text: str, language: str | None) -> bool:
    """Whether text meant to be in ``language``, a language of SCRIPT_BLOCKS, is in Latin letters
    instead: the text layer of an ASCII-based legacy font (Kruti Dev for Hindi, FM for Sinhala)."""
    if not any(lang == language for _, _, lang in SCRIPT_BLOCKS):
        return False
    letters, latin, counts = _scripts(text)
    native = counts[language] if language else 0
    return letters > 0 and native < LEGACY_NATIVE * letters and latin > LEGACY_LATIN * letters


# Text in a script's language with under this share of its letters in that script, and over this
# share in ASCII letters, is a legacy font's text layer.
LEGACY_NATIVE = 0.1
LEGACY_LATIN = 0.8
