"""The search backend: tantivy beside the site database, filtered by the database on every search.

Why tantivy and not SQLite FTS5: on 1,000,000 articles of ~600 words (2 cores, top 10 by BM25 with a
snippet each) FTS5 gave p95 44–318 ms depending on the query type, tantivy 2–6 ms for words but 66 ms
for phrases; the target is p95 ≤ 25 ms for every type. Indexing adjacent word pairs as terms
(:mod:`broadsheet.search.tantivy_index`) takes phrases to the speed of words. What grows with the
archive is then the search for common words, so a word is one term, a first page of common words is not
counted (:func:`countable`) and unpublished editions are dropped after it rather than excluded in it
(:func:`first_page`): both would keep tantivy from skipping documents that cannot make the page.
Figures, and what is left to reach the target at a million, in docs/reader.md.

An index outside the database cannot commit with it, so the order of writes carries consistency
(:mod:`broadsheet.search`): documents carry their edition id; an edition is indexed before its
publishing commit and removed after its retiring one; a search excludes editions the database says are
not published (or drops their hits), and drops any hit whose edition is not published now. Snippets
are escaped before ``<mark>`` is added: text from PDFs never reaches a page as markup.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import tantivy
from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from broadsheet.errors import SearchIndexError, UsageError
from broadsheet.search import SearchHit, SearchQuery, SearchResults, parse_terms
from broadsheet.search.tantivy_index import (
    ANALYZER,
    SCHEMA,
    ArticleText,
    IndexHandle,
    day_number,
    document,
    index_dir,
    older_indexes,
    open_index,
    pairs,
)

PUBLISHED = "published"  # EditionStatus.PUBLISHED, without importing the models at import time
COUNT_UP_TO = 10_000  # matches are counted when no more are possible (see countable)
SNIPPET_CHARS = 180
REBUILD_HEAP_BYTES = 512_000_000
TEXT = ("headline", "kicker", "subheadline", "byline", "body")
ROW = ("id", "edition_id", "edition__publication__slug", "edition__date", *TEXT)
Clauses = list[tuple[tantivy.Occur, tantivy.Query]]
Hit = tuple[Any, tantivy.DocAddress]  # (score, address)


def searched_body(kicker: str, subheadline: str, byline: str, body: str) -> str:
    """What is searched (and snippeted) besides the headline: the article's other text, then its body."""
    return "\n".join(part for part in (kicker, subheadline, byline, body) if part)


def articles(rows: Iterable[tuple[Any, ...]]) -> Iterator[ArticleText]:
    """Documents' text from :data:`ROW` rows."""
    for article_id, edition_id, slug, date, headline, *rest in rows:
        yield ArticleText(article_id, edition_id, slug, date, headline, searched_body(*rest))


def marked_html(text: str, ranges: Iterable[tuple[int, int]], start: int = 0, end: int | None = None) -> SafeString:
    """``text`` from byte ``start`` to ``end`` escaped, with ``<mark>`` around each byte range (tantivy's)."""
    data = text.encode()
    end = len(data) if end is None else end
    parts, pos = [], start
    for a, b in ranges:
        parts += [escape(data[pos:a].decode()), "<mark>", escape(data[a:b].decode()), "</mark>"]
        pos = b
    parts.append(escape(data[pos:end].decode()))
    return mark_safe("".join(parts))


def clause_terms(tokens: list[str]) -> list[tuple[str, str]]:
    """The (field, term) pairs a query term is looked up by: a word, or the pairs of a phrase's words."""
    return [("words", tokens[0])] if len(tokens) == 1 else [("pairs", p) for p in pairs(tokens)]


def term_clause(tokens: list[str]) -> tantivy.Query:
    """One word or a two-word phrase: a single term; a longer phrase: a phrase of pair terms."""
    terms = clause_terms(tokens)
    if len(terms) == 1:
        return tantivy.Query.term_query(SCHEMA, *terms[0], "freq")
    return tantivy.Query.phrase_query(SCHEMA, "pairs", [t for _, t in terms])


def countable(searcher: tantivy.Searcher, tokens: list[list[str]]) -> bool:
    """Whether counting every match is cheap: no more can match than the rarest term's documents.

    Counting scores every matching document, which keeps tantivy from skipping those that cannot
    reach the top (block-max WAND): for the commonest words that is most of a search's time.
    """
    return min(searcher.doc_freq(f, t) for ts in tokens for f, t in clause_terms(ts)) <= COUNT_UP_TO


def filter_clauses(query: SearchQuery) -> Clauses:
    """The reader's filters, which do not change the ranking."""
    must: list[tantivy.Query] = []
    if query.publication:
        must.append(tantivy.Query.term_query(SCHEMA, "publication", query.publication))
    if query.date_from or query.date_to:
        lo, hi = (day_number(d) if d else None for d in (query.date_from, query.date_to))
        must.append(tantivy.Query.range_query(SCHEMA, "day", tantivy.FieldType.Integer, lo, hi))
    return [(tantivy.Occur.Must, tantivy.Query.const_score_query(q, 0.0)) for q in must]


def excluding(unpublished: list[int]) -> Clauses:
    """The database's verdict: editions whose documents must not be found."""
    if not unpublished:
        return []
    return [(tantivy.Occur.MustNot, tantivy.Query.term_set_query(SCHEMA, "edition_id", unpublished))]


def query_of(clauses: Clauses) -> tantivy.Query:
    """All the clauses; one term alone is searched as itself, the only way tantivy skips (block-max WAND)."""
    if len(clauses) == 1 and clauses[0][0] == tantivy.Occur.Must:
        return clauses[0][1]
    return tantivy.Query.boolean_query(clauses)


def first_page(searcher: tantivy.Searcher, clauses: Clauses, unpublished: list[int], limit: int) -> list[Hit]:
    """The best ``limit`` hits in published editions, found without excluding the others in the query.

    An exclusion keeps tantivy from skipping documents that cannot make the page; unpublished editions
    are few, so their hits are dropped afterwards, and only if too many were dropped is the search
    run again with the exclusion.
    """
    found = searcher.search(query_of(clauses), limit=limit, count=False).hits
    editions = searcher.fast_field_values("edition_id", [addr for _, addr in found])
    hidden = set(unpublished)
    kept = [hit for hit, edition in zip(found, editions, strict=True) if edition not in hidden]
    if len(kept) == len(found) or len(found) < limit:
        return kept
    return list(searcher.search(query_of(clauses + excluding(unpublished)), limit=limit, count=False).hits)


def _unpublished() -> list[int]:
    """Editions that may have documents but must not be found: being built, crashed, replaced, failed."""
    with connection.cursor() as cur:
        cur.execute("SELECT id FROM reader_edition WHERE status <> %s", [PUBLISHED])
        return [row[0] for row in cur.fetchall()]


def lead(text: str) -> str:
    """The start of ``text``, at most :data:`SNIPPET_CHARS` long and cut between words."""
    return text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS].rsplit(" ", 1)[0]


def _published_texts(article_ids: list[int]) -> dict[int, tuple[str, ...]]:
    """The text of those articles whose edition is published now: the last word on what may be shown.

    Plain SQL (portable to PostgreSQL): through the ORM this query cost more than the search itself.
    """
    if not article_ids:
        return {}
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT a.id, {', '.join('a.' + c for c in TEXT)} FROM reader_article a "
            "JOIN reader_edition e ON e.id = a.edition_id "
            f"WHERE e.status = %s AND a.id IN ({', '.join(['%s'] * len(article_ids))})",
            [PUBLISHED, *article_ids],
        )
        return {row[0]: row[1:] for row in cur.fetchall()}


class Snippets:
    """Highlighted headline and body of hits, for every word of the query (phrases word by word).

    Both are one ``words`` field in the index; each is highlighted on its own, from the database's text,
    so a hit is marked where it is: in the headline, in the body, or in both.
    """

    def __init__(self, searcher: tantivy.Searcher, tokens: list[str]) -> None:
        words = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(SCHEMA, "words", t, "freq")) for t in tokens]
        )
        self.headline = tantivy.SnippetGenerator.create(searcher, words, SCHEMA, "words")
        self.headline.set_max_num_chars(100_000)
        self.body = tantivy.SnippetGenerator.create(searcher, words, SCHEMA, "words")
        self.body.set_max_num_chars(SNIPPET_CHARS)

    def headline_html(self, text: str) -> SafeString:
        snip = self.headline.snippet_from_doc(tantivy.Document(words=text))
        shift = snip.fragment_range().start
        return marked_html(text, [(r.start + shift, r.end + shift) for r in snip.highlighted()])

    def body_html(self, text: str) -> SafeString:
        snip = self.body.snippet_from_doc(tantivy.Document(words=text))
        if marks := snip.highlighted():
            start, end = snip.fragment_range().start, snip.fragment_range().end
            ranges = [(r.start + start, r.end + start) for r in marks]
        else:  # the hit is in the headline: show how the article starts
            start, end, ranges = 0, len(lead(text).encode()), []
        html = marked_html(text, ranges, start, end)
        return mark_safe(("…" if start else "") + html + ("…" if end < len(text.rstrip().encode()) else ""))


class TantivyBackend:
    """The :class:`~broadsheet.search.SearchBackend` of every site: tantivy, beside the database file."""

    def __init__(self, path: Path | None = None) -> None:
        self.handle: IndexHandle = open_index(path or index_dir(Path(connection.settings_dict["NAME"])))

    def index_edition(self, edition_id: int) -> None:
        from broadsheet.web.models import Article

        rows = Article.objects.filter(edition_id=edition_id).values_list(*ROW)
        with self.handle.writer() as writer:
            writer.delete_documents_by_term("edition_id", edition_id)  # an earlier, interrupted attempt
            for art in articles(rows):
                writer.add_document(document(art))

    def remove_edition(self, edition_id: int) -> None:
        with self.handle.writer() as writer:
            writer.delete_documents_by_term("edition_id", edition_id)

    def rebuild(self) -> int:
        """Replace the whole index by the published articles, in one commit: searches meanwhile see the old.

        Index folders of earlier versions are then removed: their presence is what refuses searches
        after an upgrade, until this rebuild.
        """
        from broadsheet.web.models import Article, EditionStatus

        rows = Article.objects.filter(edition__status=EditionStatus.PUBLISHED).order_by("id").values_list(*ROW)
        count = 0
        with self.handle.writer(REBUILD_HEAP_BYTES, threads=2) as writer:
            writer.delete_all_documents()
            for art in articles(rows.iterator(chunk_size=2000)):
                writer.add_document(document(art))
                count += 1
        for older in older_indexes(self.handle.path):
            shutil.rmtree(older)
        return count

    def search(self, query: SearchQuery) -> SearchResults:
        if query.limit < 1 or query.offset < 0:
            raise UsageError("a search returns at least one hit per page, from offset 0 on")
        if older := older_indexes(self.handle.path):
            raise SearchIndexError(f"{older[-1]}: the search index is from an older version; run `broadsheet reindex`")
        tokens = [t for t in (ANALYZER.analyze(term) for term in parse_terms(query.text)) if t]
        if not tokens:
            return SearchResults(hits=[], total=0)
        searcher = self.handle.searcher()
        clauses = [(tantivy.Occur.Must, term_clause(t)) for t in tokens] + filter_clauses(query)
        words = [w for t in tokens for w in t]
        if query.offset or countable(searcher, tokens):
            found = searcher.search(
                query_of(clauses + excluding(_unpublished())), limit=query.limit, offset=query.offset
            )
            hits = _hits(searcher, words, found.hits)
            return SearchResults(hits, total=int(found.count) - (len(found.hits) - len(hits)))  # type: ignore[attr-defined]
        top = first_page(searcher, clauses, _unpublished(), query.limit + 1)  # one more: are there more?
        hits = _hits(searcher, words, top[: query.limit])
        return SearchResults(hits, total=len(hits), more=len(top) > query.limit)


def _hits(searcher: tantivy.Searcher, words: list[str], page: list[Hit]) -> list[SearchHit]:
    """The page's hits with their snippets, leaving out any whose edition is not published now."""
    ids = [int(i) for i in searcher.fast_field_values("article_id", [addr for _, addr in page])]  # type: ignore[arg-type]
    texts = _published_texts(ids)
    snippets = Snippets(searcher, words)
    return [
        SearchHit(
            article_id=article_id,
            score=float(score),
            headline_html=snippets.headline_html(texts[article_id][0]),
            snippet_html=snippets.body_html(searched_body(*texts[article_id][1:])),
        )
        for article_id, (score, _) in zip(ids, page, strict=True)
        if article_id in texts
    ]
