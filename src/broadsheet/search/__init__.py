"""Full-text search over published articles behind a small interface.

The database is the truth; an index is a copy that may run ahead of it or lag behind it. So a backend
indexes an edition *before* the transaction that publishes it commits, removes a retired edition
*after* the transaction that retires it, and every search keeps only hits whose edition is published
in the database at that moment: an article is findable exactly when it is published, even if the
process dies between the two writes. :meth:`SearchBackend.rebuild` makes the index from the database.

The one backend is tantivy (:mod:`broadsheet.search.tantivy_backend`), chosen on measurements at a
million articles (``benchmarks/search.py``, docs/reader.md); a PostgreSQL full-text backend implements
the same :class:`SearchBackend` protocol.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Protocol

from broadsheet.errors import UsageError
from broadsheet.search.arabic import WORD


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What a reader asked for: words (``"a phrase"`` in quotes), optional publication and dates."""

    text: str
    publication: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked result. ``snippet_html`` is escaped text with ``<mark>`` around the hits — safe HTML."""

    article_id: int
    score: float
    headline_html: str
    snippet_html: str


@dataclass(frozen=True, slots=True)
class SearchResults:
    """A page of hits and how many articles match: ``total``, or, if ``more``, more than ``total``.

    Counting every match of common words would cost more than finding the best ones, so a backend may
    only tell that there are more than the pages up to this one.
    """

    hits: list[SearchHit]
    total: int
    more: bool = False


class SearchBackend(Protocol):
    """What the ingest and the web layer need from a search engine."""

    def index_edition(self, edition_id: int) -> None:
        """Add every article of the edition; call before the publishing transaction commits."""

    def index_articles(self, edition_id: int, article_ids: list[int]) -> None:
        """Bring these articles of the edition up to date (changed, added, or gone from the database: then
        removed); call before the transaction that changes them commits, as for an edition."""

    def remove_edition(self, edition_id: int) -> None:
        """Remove every article of the edition; call after the transaction that retired it commits."""

    def rebuild(self) -> int:
        """Index every published article afresh from the database (repair); returns how many."""

    def edition_ids(self) -> set[int]:
        """The editions that have documents in the index: what ``broadsheet gc`` compares with the database."""

    def search(self, query: SearchQuery) -> SearchResults:
        """Ranked hits with snippets; raises :class:`UsageError` on an empty query."""


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


def parse_terms(text: str) -> list[str]:
    """Split a query into terms and quoted phrases, dropping operators: readers type words, not syntax."""
    terms: list[str] = []
    for phrase, word in _TOKEN.findall(text):
        cleaned = " ".join(WORD.findall(phrase or word))  # harakat and ZWNJ do not split a word
        if cleaned:
            terms.append(cleaned)
    if not terms:
        raise UsageError("type one or more words to search for")
    return terms


def get_backend(name: str = "tantivy") -> SearchBackend:
    """The configured backend (``BROADSHEET_SEARCH_BACKEND``)."""
    if name == "tantivy":
        from broadsheet.search.tantivy_backend import TantivyBackend

        return TantivyBackend()
    raise UsageError(f"unknown search backend {name!r} (available: tantivy)")
