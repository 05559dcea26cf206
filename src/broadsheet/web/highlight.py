"""A reader's search words marked in an article's text, when it is opened from a search result.

The query is split by the search's own :func:`~broadsheet.search.parse_terms` and words are compared
folded (case and diacritics removed, Arabic-script words by the index's own
:func:`~broadsheet.search.arabic.forms`), so the words that found the article are the ones marked:
``cafe`` marks "Café", ``جزائر`` marks "بالجزائـــر" whole, ``"night reading"`` marks the phrase only.
A single word matches a word of the text when any of their forms meet, as in the index; a phrase's
words each by their first form, as the index's pairs hold them. The text is cut into
segments — plain, hit, plain, … — that the HTML side escapes before wrapping hits in ``<mark>`` and the
JSON side hands to the page script, which builds text nodes: extracted text never becomes markup.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from broadsheet.errors import UsageError
from broadsheet.search import parse_terms
from broadsheet.search.arabic import JOINERS, MARKS, fold_letters, forms

MAX_QUERY_CHARS = 200
MAX_TERMS = 10
# Letters and digits, with the combining marks (Latin accents, Arabic harakat) and joiners that belong to a word.
_PART = f"(?:[^\\W_]|[\u0300-\u036f{MARKS}])+"
_WORD = re.compile(f"{_PART}(?:[{JOINERS}]+{_PART})*")


def _latin(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(word: str) -> str:
    """``word`` without case or diacritics: "Crème" and "creme" fold alike, and "كَتَبَ" and "كتب"."""
    return fold_letters(_latin(word))


def word_forms(word: str) -> tuple[str, ...]:
    """The forms a word of the text or the query is matched by (the first is its phrase form).

    Decomposing keeps Urdu's own letters (``ۂ`` becomes ``ہ``), by which
    :func:`~broadsheet.search.arabic.forms` tells Urdu and Persian from Arabic. None for a word of marks alone.
    """
    return forms(_latin(word))


# A query term: for each of its words, the forms it matches (a single word: all; a phrase's words: the first).
Term = tuple[frozenset[str], ...]


@dataclass(frozen=True, slots=True)
class Highlighter:
    """The folded words of each query term (a phrase is several words that must follow each other)."""

    terms: tuple[Term, ...]

    @classmethod
    def from_query(cls, query: str | None) -> Highlighter | None:
        """The highlighter for a reader's query, or None when it has no words."""
        try:
            terms = parse_terms((query or "")[:MAX_QUERY_CHARS])
        except UsageError:
            return None
        folded: set[Term] = set()
        for t in terms[:MAX_TERMS]:
            words = [f for w in _WORD.findall(t) if (f := word_forms(w))]
            if len(words) == 1:
                folded.add((frozenset(words[0]),))
            elif words:
                folded.add(tuple(frozenset(w[:1]) for w in words))
        longest_first = sorted(folded, key=lambda t: (-len(t), sorted(t[0])))
        return cls(tuple(longest_first)) if longest_first else None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the terms occur in ``text``, as (start, end) offsets, in order and not overlapping."""
        words = [(m.start(), m.end(), word_forms(m.group())) for m in _WORD.finditer(text)]
        found, i = [], 0
        while i < len(words):
            term = next((t for t in self.terms if _matches(t, words[i : i + len(t)])), None)
            if term is None:
                i += 1
                continue
            found.append((words[i][0], words[i + len(term) - 1][1]))
            i += len(term)
        return found

    def finds(self, *texts: str) -> bool:
        """Whether any term occurs in any of ``texts``."""
        return any(self.spans(t) for t in texts)

    def segments(self, text: str) -> list[str]:
        """``text`` cut at the hits: even positions are plain text, odd positions are hits."""
        parts, at = [], 0
        for start, end in self.spans(text):
            parts += [text[at:start], text[start:end]]
            at = end
        return [*parts, text[at:]]

    def html(self, text: str) -> SafeString:
        """``text`` escaped, then its hits wrapped in ``<mark>``."""
        parts = self.segments(text)
        return mark_safe("".join(f"<mark>{escape(p)}</mark>" if i % 2 else escape(p) for i, p in enumerate(parts)))


def _matches(term: Term, words: list[tuple[int, int, tuple[str, ...]]]) -> bool:
    """Whether the text's words (start, end, forms) are the term's: one word by any form, a phrase's by the first."""
    if len(words) < len(term):
        return False
    if len(term) == 1:
        return not term[0].isdisjoint(words[0][2])
    return all(w[2][:1] and w[2][0] in t for t, w in zip(term, words, strict=True))
