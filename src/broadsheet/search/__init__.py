"""Full-text search over published articles behind a small interface.

A backend indexes an edition's articles inside the transaction that publishes it and removes them
inside the one that replaces it, so an article is findable exactly when it is published. The default
backend is SQLite FTS5 in the site's own database (:mod:`broadsheet.search.fts5`); a PostgreSQL
backend implements the same :class:`SearchBackend` protocol.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Protocol

from broadsheet.errors import UsageError


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
    hits: list[SearchHit]
    total: int


class SearchBackend(Protocol):
    """What the ingest and the web layer need from a search engine."""

    def index_edition(self, edition_id: int) -> None:
        """Add every article of the edition (call inside the publishing transaction)."""

    def remove_edition(self, edition_id: int) -> None:
        """Remove every article of the edition (call inside the replacing transaction)."""

    def search(self, query: SearchQuery) -> SearchResults:
        """Ranked hits with snippets; raises :class:`UsageError` on an empty query."""


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


def parse_terms(text: str) -> list[str]:
    """Split a query into terms and quoted phrases, dropping operators: readers type words, not syntax."""
    terms: list[str] = []
    for phrase, word in _TOKEN.findall(text):
        cleaned = " ".join(re.findall(r"\w+", phrase or word))
        if cleaned:
            terms.append(cleaned)
    if not terms:
        raise UsageError("type one or more words to search for")
    return terms


def get_backend(name: str = "fts5") -> SearchBackend:
    """The configured backend (``BROADSHEET_SEARCH_BACKEND``)."""
    if name == "fts5":
        from broadsheet.search.fts5 import Fts5Backend

        return Fts5Backend()
    raise UsageError(f"unknown search backend {name!r} (available: fts5)")
