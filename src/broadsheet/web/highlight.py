"""A reader's search words marked in an article's text, when it is opened from a search result.

The query is split by the search's own :func:`~broadsheet.search.parse_terms` and words are compared
folded (case and diacritics removed, as the index folds them), so the words that found the article are
the ones marked: ``cafe`` marks "Café", ``"night reading"`` marks the phrase only. The text is cut into
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

MAX_QUERY_CHARS = 200
MAX_TERMS = 10
# Letters and digits, with the combining marks (Latin accents, Arabic harakat) that belong to a word.
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed])+")


def fold(word: str) -> str:
    """``word`` without case or diacritics: "Crème" and "creme" fold alike."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True, slots=True)
class Highlighter:
    """The folded words of each query term (a phrase is several words that must follow each other)."""

    terms: tuple[tuple[str, ...], ...]

    @classmethod
    def from_query(cls, query: str | None) -> Highlighter | None:
        """The highlighter for a reader's query, or None when it has no words."""
        try:
            terms = parse_terms((query or "")[:MAX_QUERY_CHARS])
        except UsageError:
            return None
        folded = {tuple(fold(w) for w in _WORD.findall(t)) for t in terms[:MAX_TERMS]}
        longest_first = sorted((t for t in folded if t), key=len, reverse=True)
        return cls(tuple(longest_first)) if longest_first else None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the terms occur in ``text``, as (start, end) offsets, in order and not overlapping."""
        words = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
        folded = [w[2] for w in words]
        found, i = [], 0
        while i < len(words):
            term = next((t for t in self.terms if tuple(folded[i : i + len(t)]) == t), None)
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
