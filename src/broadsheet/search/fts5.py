"""SQLite FTS5 backend: headline and body, diacritics folded, bm25-ranked, snippets highlighted.

The index is an external-content-less FTS5 table whose rowid is the article id. Highlight markers are
control characters (stripped from text at ingest) so the snippet can be HTML-escaped first and marked
afterwards: extracted text never reaches the page as markup.
"""

from __future__ import annotations

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from broadsheet.search import SearchHit, SearchQuery, SearchResults, parse_terms

TABLE = "reader_search"
CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(headline, body, tokenize = 'unicode61 remove_diacritics 2')"
)
DROP_SQL = f"DROP TABLE IF EXISTS {TABLE}"
START, END = "\x02", "\x03"
HEADLINE_WEIGHT, BODY_WEIGHT = 5.0, 1.0


def marked_html(text: str) -> SafeString:
    """Escape ``text``, then turn the snippet markers into ``<mark>`` elements: the only safe-marked text."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(END, "</mark>"))


def match_expression(text: str) -> str:
    """An FTS5 MATCH string from a reader's query: every term quoted, all required."""
    return " ".join('"' + term.replace('"', "") + '"' for term in parse_terms(text))


class Fts5Backend:
    """The default :class:`~broadsheet.search.SearchBackend`, in the site's own SQLite database."""

    def index_edition(self, edition_id: int) -> None:
        with connection.cursor() as cur:
            cur.execute(
                f"INSERT INTO {TABLE}(rowid, headline, body) "
                "SELECT id, headline, kicker || ' ' || subheadline || ' ' || byline || ' ' || body "
                "FROM reader_article WHERE edition_id = %s",
                [edition_id],
            )

    def remove_edition(self, edition_id: int) -> None:
        with connection.cursor() as cur:
            cur.execute(
                f"DELETE FROM {TABLE} WHERE rowid IN (SELECT id FROM reader_article WHERE edition_id = %s)",
                [edition_id],
            )

    def _filters(self, query: SearchQuery) -> tuple[str, list[str]]:
        sql = " AND e.status = 'published'"
        params: list[str] = []
        if query.publication:
            sql += " AND p.slug = %s"
            params.append(query.publication)
        if query.date_from:
            sql += " AND e.date >= %s"
            params.append(query.date_from.isoformat())
        if query.date_to:
            sql += " AND e.date <= %s"
            params.append(query.date_to.isoformat())
        return sql, params

    def search(self, query: SearchQuery) -> SearchResults:
        match = match_expression(query.text)
        where, params = self._filters(query)
        base = (
            f"FROM {TABLE} JOIN reader_article a ON a.id = {TABLE}.rowid "
            "JOIN reader_edition e ON e.id = a.edition_id JOIN reader_publication p ON p.id = e.publication_id "
            f"WHERE {TABLE} MATCH %s{where}"
        )
        with connection.cursor() as cur:
            cur.execute(f"SELECT count(*) {base}", [match, *params])
            total = int(cur.fetchone()[0])
            cur.execute(
                f"SELECT a.id, bm25({TABLE}, {HEADLINE_WEIGHT}, {BODY_WEIGHT}) AS rank, "
                f"highlight({TABLE}, 0, %s, %s), snippet({TABLE}, 1, %s, %s, '…', 24) "
                f"{base} ORDER BY rank LIMIT %s OFFSET %s",
                [START, END, START, END, match, *params, query.limit, query.offset],
            )
            rows = cur.fetchall()
        hits = [
            SearchHit(
                article_id=int(r[0]),
                score=-float(r[1]),
                headline_html=marked_html(r[2]),
                snippet_html=marked_html(r[3]),
            )
            for r in rows
        ]
        return SearchResults(hits=hits, total=total)
