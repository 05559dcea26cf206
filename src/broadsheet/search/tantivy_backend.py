"""The search backend: tantivy beside the site database, filtered by the database on every search.

Why tantivy and not SQLite FTS5: on 1,000,000 articles of ~600 words (2 cores, top 10 by BM25 with a
snippet each) FTS5 gave p95 44–318 ms depending on the query type, tantivy 2–6 ms for words but 66 ms
for phrases; the target is p95 ≤ 25 ms for every type. Indexing adjacent word pairs as terms
(:mod:`broadsheet.search.tantivy_index`) takes phrases to the speed of words. What grows with the
archive is then the search for common words, so a word is one term, a first page of common words is not
counted (:func:`countable`) and unpublished editions are dropped after it rather than excluded in it
(:func:`first_page`): both would keep tantivy from skipping documents that cannot make the page. Words
found in most articles are searched as a union (:func:`union_page`), and the index's shards are
searched side by side, one thread each (:meth:`SearchIndex.each`). Figures in docs/reader.md.

An index outside the database cannot commit with it, so the order of writes carries consistency
(:mod:`broadsheet.search`): documents carry their edition id; an edition is indexed before its
publishing commit and removed after its retiring one; a search excludes editions the database says are
not published (or drops their hits), and drops any hit whose edition is not published now. Snippets
are escaped before ``<mark>`` is added: text from PDFs never reaches a page as markup.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy
from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from broadsheet.errors import SearchIndexError, UsageError
from broadsheet.search import SearchHit, SearchQuery, SearchResults, parse_terms
from broadsheet.search.arabic import Folded, fold_text, has_arabic
from broadsheet.search.tantivy_index import (
    ANALYZER,
    SCHEMA,
    ArticleText,
    SearchIndex,
    day_number,
    document,
    index_dir,
    older_indexes,
    open_index,
    pairs,
    reading,
    rebuilding,
    shard_number,
    shard_writer,
)

PUBLISHED = "published"  # EditionStatus.PUBLISHED, without importing the models at import time
COUNT_UP_TO = 10_000  # matches are counted when no more are possible (see countable)
SNIPPET_CHARS = 180
REBUILD_HEAP_BYTES = 512_000_000
EDITION_ID_BLOCK = 10_000
TEXT = ("headline", "kicker", "subheadline", "byline", "body")
ROW = ("id", "edition_id", "edition__publication__slug", "edition__date", *TEXT)
Clauses = list[tuple[tantivy.Occur, tantivy.Query]]
ShardHit = tuple[Any, tantivy.DocAddress]  # (score, address in its shard)
Hit = tuple[Any, int, tantivy.DocAddress]  # (score, shard, address)


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


@dataclass(frozen=True, slots=True)
class Term:
    """One term of a query, folded: a phrase's words, or one word and the forms it is searched by.

    A word has one form, or, for an Arabic word that may carry a one-letter clitic (``وزير``), also
    the form without it (:func:`broadsheet.search.arabic.forms`): documents are indexed under every
    form of their words, so a word matches when any of its forms does.
    """

    words: tuple[str, ...]
    forms: tuple[str, ...] = ()

    def marked(self) -> tuple[str, ...]:
        """The terms a snippet marks: a word's every form, a phrase's words."""
        return self.forms or self.words


def query_tokens(text: str) -> list[Term]:
    """The query's words and phrases, folded; a repeat dropped (it doubles every hit's score, ranks none higher)."""
    terms: dict[Term, None] = {}
    for term in parse_terms(text):
        words = tuple(ANALYZER.analyze(fold_text(term, every_form=False)))
        if len(words) == 1:
            terms[Term(words, tuple(dict.fromkeys(ANALYZER.analyze(fold_text(term)))))] = None
        elif words:
            terms[Term(words)] = None
    return list(terms)


def clause_terms(term: Term) -> list[tuple[str, str]]:
    """The (field, term) pairs a query term is looked up by: a word's forms, or the pairs of a phrase's words."""
    return [("words", f) for f in term.forms] if term.forms else [("pairs", p) for p in pairs(list(term.words))]


def term_clause(term: Term) -> tantivy.Query:
    """A word or a two-word phrase: a single term (a word's forms: any of them); a longer phrase: a phrase of pairs."""
    terms = clause_terms(term)
    if len(terms) == 1:
        return tantivy.Query.term_query(SCHEMA, *terms[0], "freq")
    if term.forms:
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(SCHEMA, f, t, "freq")) for f, t in terms]
        )
    return tantivy.Query.phrase_query(SCHEMA, "pairs", [t for _, t in terms])


def most_matches(searchers: list[tantivy.Searcher], term: Term) -> int:
    """How many documents a term can match at most: a phrase, its rarest pair's; a word, all its forms'."""
    freqs = [sum(s.doc_freq(f, t) for s in searchers) for f, t in clause_terms(term)]
    return sum(freqs) if term.forms else min(freqs)


def countable(searchers: list[tantivy.Searcher], tokens: list[Term]) -> bool:
    """Whether counting every match is cheap: no more can match than the rarest term's documents.

    Counting scores every matching document, which keeps tantivy from skipping those that cannot
    reach the top (block-max WAND): for the commonest words that is most of a search's time.
    """
    return min(most_matches(searchers, t) for t in tokens) <= COUNT_UP_TO


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


@dataclass(frozen=True)
class Plan:
    """One search, as each shard runs it: the query's clauses, its words, and the editions to leave out."""

    clauses: Clauses
    words: list[str] | None  # when the query is two or more single words and nothing else
    unpublished: list[int]
    limit: int


def first_page(searcher: tantivy.Searcher, plan: Plan) -> list[ShardHit]:
    """The best ``plan.limit`` hits in published editions, found without excluding the others in the query.

    An exclusion keeps tantivy from skipping documents that cannot make the page; unpublished editions
    are few, so their hits are dropped afterwards, and only if too many were dropped is the search
    run again with the exclusion.
    """
    if plan.words and common(searcher, plan.words) and (page := union_page(searcher, plan)) is not None:
        return page
    found = searcher.search(query_of(plan.clauses), limit=plan.limit, count=False).hits
    kept = published(searcher, found, plan.unpublished)
    if len(kept) == len(found) or len(found) < plan.limit:
        return kept
    everything = query_of(plan.clauses + excluding(plan.unpublished))
    return list(searcher.search(everything, limit=plan.limit, count=False).hits)


def common(searcher: tantivy.Searcher, words: list[str]) -> bool:
    """Whether every word is in at least half the shard's documents (see :func:`union_page`)."""
    return searcher.num_docs > 0 and all(2 * searcher.doc_freq("words", w) >= searcher.num_docs for w in words)


def union_page(searcher: tantivy.Searcher, plan: Plan) -> list[ShardHit] | None:
    """The conjunction's best hits found as the best of the union of its words, when that is quick to prove.

    A document that has every word scores the same in the union as in the conjunction, so the union's
    best that have every word (checked one by one) are the conjunction's best. For words in most
    documents that is nearly all of them, and tantivy skips through a union (block-max WAND) but scores
    every document of a conjunction. None when too few of the union's best had every word.
    """
    depth = 2 * plan.limit
    found = searcher.search(
        tantivy.Query.boolean_query([(tantivy.Occur.Should, c) for _, c in plan.clauses]), limit=depth, count=False
    ).hits
    conjunction, kept = query_of(plan.clauses), []
    for hit in published(searcher, found, plan.unpublished):
        if matches(conjunction, searcher, hit[1]):
            kept.append(hit)
            if len(kept) == plan.limit:
                return kept
    return kept if len(found) < depth else None


def matches(query: tantivy.Query, searcher: tantivy.Searcher, address: tantivy.DocAddress) -> bool:
    try:
        query.explain(searcher, address)
    except ValueError:  # tantivy's answer for a document the query does not match
        return False
    return True


def published(searcher: tantivy.Searcher, hits: list[ShardHit], unpublished: list[int]) -> list[ShardHit]:
    """``hits`` without those of the editions left out."""
    if not unpublished or not hits:
        return list(hits)
    editions = searcher.fast_field_values("edition_id", [addr for _, addr in hits])
    hidden = set(unpublished)
    return [hit for hit, edition in zip(hits, editions, strict=True) if edition not in hidden]


def best(pages: list[list[ShardHit]], limit: int, offset: int = 0) -> list[Hit]:
    """The shards' hits merged by score (ties in shard order, as tantivy orders them within one)."""
    merged = [(score, shard, addr) for shard, page in enumerate(pages) for score, addr in page]
    return heapq.nlargest(offset + limit, merged, key=lambda hit: hit[0])[offset:]


def _unpublished() -> list[int]:
    """Editions that may have documents but must not be found: being built, crashed, replaced, failed.

    The condition is the one of the partial index ``edition_unpublished``, which is read instead of every
    edition (a scan cost 1.2 ms a search at 20,000 editions); plain SQL, as the ORM costs ten times the query.
    """
    with connection.cursor() as cur:
        cur.execute("SELECT id FROM reader_edition WHERE NOT (status = %s)", [PUBLISHED])
        return [row[0] for row in cur.fetchall()]


def _nothing_published() -> bool:
    """Whether no edition is published: only then is an empty index the truth (made when one is missing)."""
    with connection.cursor() as cur:
        cur.execute("SELECT 1 FROM reader_edition WHERE status = %s LIMIT 1", [PUBLISHED])
        return cur.fetchone() is None


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
    so a hit is marked where it is: in the headline, in the body, or in both. tantivy marks the folded
    text (:class:`~broadsheet.search.arabic.Folded`, the same as was indexed), and the marks are moved
    to the words as written: ``بالجزائر`` is marked whole for ``جزائر``. Only a query with Arabic-script
    words or digits (``2024`` finds ``٢٠٢٤``) can have a hit in a folded word; other queries' snippets
    are made from the text as it is, which saves folding ten articles a search.
    """

    def __init__(self, searcher: tantivy.Searcher, tokens: list[str]) -> None:
        self.folds = any(has_arabic(t) or any(c.isdigit() for c in t) for t in tokens)
        words = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(SCHEMA, "words", t, "freq")) for t in tokens]
        )
        self.headline = tantivy.SnippetGenerator.create(searcher, words, SCHEMA, "words")
        self.headline.set_max_num_chars(100_000)
        self.body = tantivy.SnippetGenerator.create(searcher, words, SCHEMA, "words")
        self.body.set_max_num_chars(SNIPPET_CHARS)

    def folded(self, text: str) -> Folded:
        return Folded.of(text) if self.folds else Folded(text)

    def headline_html(self, text: str) -> SafeString:
        folded = self.folded(text)
        snip = self.headline.snippet_from_doc(tantivy.Document(words=folded.text))
        shift = snip.fragment_range().start
        return marked_html(text, [folded.original(r.start + shift, r.end + shift) for r in snip.highlighted()])

    def body_html(self, text: str) -> SafeString:
        folded = self.folded(text)
        snip = self.body.snippet_from_doc(tantivy.Document(words=folded.text))
        if marks := snip.highlighted():
            shift = snip.fragment_range().start
            start, end = folded.original(shift, snip.fragment_range().end)
            ranges = [folded.original(r.start + shift, r.end + shift) for r in marks]
        else:  # the hit is in the headline: show how the article starts
            start, end, ranges = 0, len(lead(text).encode()), []
        html = marked_html(text, ranges, start, end)
        return mark_safe(("…" if start else "") + html + ("…" if end < len(text.rstrip().encode()) else ""))


class TantivyBackend:
    """The :class:`~broadsheet.search.SearchBackend` of every site: tantivy, beside the database file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or index_dir(Path(connection.settings_dict["NAME"]))

    @property
    def index(self) -> SearchIndex:
        """The index in place now (:func:`open_index`): a missing one is made only while nothing is published."""
        return open_index(self.path, _nothing_published)

    def index_edition(self, edition_id: int) -> None:
        from broadsheet.editions.models import Article

        rows = Article.objects.filter(edition_id=edition_id).values_list(*ROW)
        with shard_writer(self.path, edition_id, _nothing_published) as writer:
            writer.delete_documents_by_term("edition_id", edition_id)  # an earlier, interrupted attempt
            for art in articles(rows):
                writer.add_document(document(art))

    def index_articles(self, edition_id: int, article_ids: list[int]) -> None:
        """A staff correction's articles only: a few documents replaced in one commit, not the edition's
        hundreds (``article_id`` is a fast field, which a range query matches without an index of its own)."""
        from broadsheet.editions.models import Article

        if not article_ids:
            return
        rows = Article.objects.filter(edition_id=edition_id, id__in=article_ids).values_list(*ROW)
        ranges = [tantivy.Query.range_query(SCHEMA, "article_id", tantivy.FieldType.Integer, i, i) for i in article_ids]
        with shard_writer(self.path, edition_id, _nothing_published) as writer:
            writer.delete_documents_by_query(tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in ranges]))
            for art in articles(rows):
                writer.add_document(document(art))

    def remove_edition(self, edition_id: int) -> None:
        with shard_writer(self.path, edition_id, _nothing_published) as writer:
            writer.delete_documents_by_term("edition_id", edition_id)

    def rebuild(self) -> int:
        """A new index of the published articles, built aside and swapped in whole (:func:`rebuilding`):
        searches meanwhile see the old one, and the old one may be missing, damaged or of an older version.
        """
        from broadsheet.editions.models import Article, EditionStatus

        rows = Article.objects.filter(edition__status=EditionStatus.PUBLISHED).order_by("id").values_list(*ROW)
        count = 0
        with rebuilding(self.path) as fresh, ExitStack() as stack:
            shards = fresh.shards
            writers = [stack.enter_context(s.writer(REBUILD_HEAP_BYTES // len(shards))) for s in shards]
            for art in articles(rows.iterator(chunk_size=2000)):
                writers[shard_number(art.edition_id)].add_document(document(art))
                count += 1
        return count

    def edition_ids(self) -> set[int]:
        """Read from the ``edition_id`` fast field by terms aggregations, a block of ids at a time (an
        aggregation has at most :data:`EDITION_ID_BLOCK` buckets)."""
        found: set[int] = set()
        for searcher in self.index.searchers():
            if not searcher.num_docs:
                continue
            top = searcher.aggregate(tantivy.Query.all_query(), {"top": {"max": {"field": "edition_id"}}})
            for low in range(0, int(top["top"]["value"]) + 1, EDITION_ID_BLOCK):
                block = tantivy.Query.range_query(
                    SCHEMA, "edition_id", tantivy.FieldType.Integer, low, low + EDITION_ID_BLOCK - 1
                )
                terms = {"ids": {"terms": {"field": "edition_id", "size": EDITION_ID_BLOCK}}}
                found.update(int(b["key"]) for b in searcher.aggregate(block, terms)["ids"]["buckets"])
        return found

    def search(self, query: SearchQuery) -> SearchResults:
        """Ranked hits; :class:`SearchIndexError` (never a crash, never silently nothing) when the index is
        missing, damaged or of an older version."""
        if query.limit < 1 or query.offset < 0:
            raise UsageError("a search returns at least one hit per page, from offset 0 on")
        if older_indexes(self.path):
            raise SearchIndexError("the search index is from an older version; run `broadsheet reindex`")
        tokens = query_tokens(query.text)
        if not tokens:
            return SearchResults(hits=[], total=0)
        with reading():
            return self._search(query, tokens, self.index)

    def _search(self, query: SearchQuery, tokens: list[Term], index: SearchIndex) -> SearchResults:
        searchers = index.searchers()
        words = list(dict.fromkeys(w for t in tokens for w in t.marked()))
        filters = filter_clauses(query)
        clauses = [(tantivy.Occur.Must, term_clause(t)) for t in tokens] + filters
        if query.offset or countable(searchers, tokens):
            counted = query_of(clauses + excluding(_unpublished()))
            found = index.each(lambda s: s.search(counted, limit=query.offset + query.limit), searchers)
            page = best([f.hits for f in found], query.limit, query.offset)
            hits = _hits(searchers, words, page)
            total = sum(map(count_of, found))
            return SearchResults(hits, total=total - (len(page) - len(hits)))
        single_words = len(tokens) > 1 and not filters and all(len(t.forms) == 1 for t in tokens)
        # one more than the page: are there more?
        plan = Plan(clauses, words if single_words else None, _unpublished(), query.limit + 1)
        top = best(index.each(lambda s: first_page(s, plan), searchers), plan.limit)
        hits = _hits(searchers, words, top[: query.limit])
        return SearchResults(hits, total=len(hits), more=len(top) > query.limit)


def count_of(result: tantivy.SearchResult) -> int:
    """How many documents a counted search matched (tantivy's type stubs leave ``count`` out)."""
    return int(result.count)  # type: ignore[attr-defined]


def article_ids(searchers: list[tantivy.Searcher], page: list[Hit]) -> list[int]:
    """The hits' article ids, read with one call a shard (a call costs more than the values)."""
    values = [
        iter(searcher.fast_field_values("article_id", [addr for _, n, addr in page if n == shard]))
        for shard, searcher in enumerate(searchers)
    ]
    return [int(next(values[shard])) for _, shard, _ in page]  # type: ignore[arg-type]


def _hits(searchers: list[tantivy.Searcher], words: list[str], page: list[Hit]) -> list[SearchHit]:
    """The page's hits with their snippets, leaving out any whose edition is not published now."""
    ids = article_ids(searchers, page)
    texts = _published_texts(ids)
    snippets = Snippets(searchers[0], words)
    return [
        SearchHit(
            article_id=article_id,
            score=float(score),
            headline_html=snippets.headline_html(texts[article_id][0]),
            snippet_html=snippets.body_html(searched_body(*texts[article_id][1:])),
        )
        for article_id, (score, _, _) in zip(ids, page, strict=True)
        if article_id in texts
    ]
