"""The tantivy index on disk: its schema, its analyzer, fresh searchers and a waiting writer.

Why the schema looks like this (figures in docs/reader.md, from ``benchmarks/search.py``):

* Nothing is stored: a search reads its ten hits' text from the database, which it must ask anyway
  whether their editions are published, and which is the truth. The index holds postings only.
* One field per kind of term, so that a word or a pair is *one* term: ``words`` (frequencies, no
  positions: words and BM25 need none) and ``pairs``. A word that had to match a headline field *or* a
  body field was a union of two terms, which keeps tantivy from skipping documents that cannot reach the
  top 10 (block-max WAND): the commonest words cost 7 ms at 200,000 articles as a union, 2 ms as one term.
  A headline weighs more by being indexed :data:`HEADLINE_REPEATS` times ahead of the body (its words'
  frequencies grow; the document's length barely does).
* Phrases are answered from ``pairs``, which holds every pair of adjacent words as one term
  (``licence_fee``), headline and body each on their own, so no pair runs from one into the other. A
  two-word phrase is then a single term lookup, and a longer one a phrase query over pair terms, which
  are rare where single words are common: plain positional phrase queries over common words were the slow
  case (66 ms p95 at 1M articles). The price is build time and size: pairs make most of the index's
  terms, and indexing them is most of the build (in tantivy's own threads, not in Python).
* The index is :data:`SHARDS` tantivy indexes side by side, searched at once in threads: tantivy
  searches one index on one core, and a search for words found in nearly every article scores most of
  the archive, which no skipping avoids (45 ms p95 at 1M articles for two such words in one index).
  Each shard ranks by its own statistics (word frequencies, average length), as Elasticsearch does by
  default, so editions go to shards in blocks of :data:`SHARD_BLOCK` by id: a small archive is all in
  the first shard and ranks exactly, and a large one alternates blocks, so that the shards' statistics
  agree. An edition's documents are all in one shard: adding or removing it is one commit.
* ``article_id`` is a fast field (read for the hits without a document store); ``edition_id`` (fast
  too: a first page drops unpublished editions' hits after the search) lets an
  edition be deleted as one term and a search exclude editions that are not published; ``publication``
  and ``day`` (YYYYMMDD) serve the reader's filters.

Text is folded by one analyzer, used both by tantivy at indexing time and by Python for queries and
pairs: words split on anything not a letter or digit in any script, lower-cased, Latin diacritics
folded to ASCII (``Café`` → ``cafe``). Arabic-script words are folded before the analyzer sees them,
by :mod:`broadsheet.search.arabic` (which tantivy's filters cannot do), for documents and queries
alike: letter variants, marks, tatweel, joiners and digits, and prefixes (a word with a one-letter
clitic is indexed under both of its forms in ``words``; ``pairs`` holds each word's first form).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import tantivy

from broadsheet.errors import SearchIndexError, UsageError
from broadsheet.search import index_folders as folders
from broadsheet.search.arabic import fold_text

FOLDED = "broadsheet_folded"
PAIR = "_"  # never inside a token: the tokenizer splits on it
WRITER_WAIT_S = 30.0
SCHEMA_VERSION = 4  # bump with any change to the schema or the analyzer: tantivy opens an old index as it is
HEADLINE_REPEATS = 3
SHARDS = 2  # the cores of the machines measured on; more shards than cores would only queue
SHARD_BLOCK = 64  # editions in a row that share a shard


def folded_analyzer() -> tantivy.TextAnalyzer:
    """Split on non-alphanumerics (Unicode), drop absurdly long tokens, lower-case, fold Latin to ASCII."""
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    for step in (tantivy.Filter.remove_long(40), tantivy.Filter.lowercase(), tantivy.Filter.ascii_fold()):
        builder = builder.filter(step)
    return builder.build()


ANALYZER = folded_analyzer()


def build_schema() -> tantivy.Schema:
    b = tantivy.SchemaBuilder()
    b.add_integer_field("article_id", fast=True)
    b.add_integer_field("edition_id", indexed=True, fast=True)
    b.add_text_field("publication", tokenizer_name="raw", index_option="basic")
    b.add_integer_field("day", indexed=True, fast=True)
    b.add_text_field("words", tokenizer_name=FOLDED, index_option="freq")
    b.add_text_field("pairs", tokenizer_name="whitespace", index_option="position")
    return b.build()


SCHEMA = build_schema()


def pairs(tokens: list[str]) -> list[str]:
    """Adjacent tokens joined: ``[a, b, c]`` → ``[a_b, b_c]``, the terms of the ``pairs`` field."""
    return list(map(PAIR.join, itertools.pairwise(tokens)))


def day_number(date: dt.date) -> int:
    return date.year * 10000 + date.month * 100 + date.day


@dataclass(frozen=True, slots=True)
class ArticleText:
    """What one document is made of (from the article and its edition's row)."""

    article_id: int
    edition_id: int
    publication: str
    date: dt.date
    headline: str
    body: str


def document(art: ArticleText) -> tantivy.Document:
    """The article's document: headline (repeated, for its weight) and body as separate values of each field."""
    headline_pairs = " ".join(pairs(ANALYZER.analyze(fold_text(art.headline, every_form=False))))
    body_pairs = " ".join(pairs(ANALYZER.analyze(fold_text(art.body, every_form=False))))
    return tantivy.Document(
        article_id=art.article_id,
        edition_id=art.edition_id,
        publication=art.publication,
        day=day_number(art.date),
        words=[fold_text(art.headline)] * HEADLINE_REPEATS + [fold_text(art.body)],
        pairs=[headline_pairs] * HEADLINE_REPEATS + [body_pairs],
    )


def index_dir(database: Path) -> Path:
    """The index belongs to one database, so it lives beside it (versioned: a new schema, a new path); the
    path is a link to the build in use (:mod:`broadsheet.search.index_folders`)."""
    return database.with_name(f"{database.name}.search-v{SCHEMA_VERSION}")


def older_indexes(path: Path) -> list[Path]:
    """Indexes of earlier schema versions beside ``path``: left by an upgrade until a rebuild."""
    stem = path.name.removesuffix(f"-v{SCHEMA_VERSION}")
    if stem == path.name:
        return []
    older = re.compile(re.escape(stem) + r"-v\d+")
    return sorted(p for p in path.parent.glob(f"{stem}-v*") if p != path and older.fullmatch(p.name))


def unavailable(state: str) -> SearchIndexError:
    """The one message for an index that cannot be used (``state``: missing or damaged). Readers see it
    too, so it names no file; what tantivy said is the error's cause (``broadsheet check`` prints it)."""
    return SearchIndexError(
        f"search is unavailable: the search index is {state}; run `broadsheet reindex` to rebuild it from the database"
    )


@contextmanager
def reading() -> Iterator[None]:
    """tantivy's failures on damaged files as :class:`SearchIndexError`.

    A truncated or overwritten file is a ``ValueError`` (or an ``OSError``) from tantivy, or a Rust
    panic, which pyo3 raises as ``PanicException``, a ``BaseException``: caught by its name, as pyo3
    offers no module to import it from.
    """
    try:
        yield
    except (SearchIndexError, UsageError):
        raise
    except (ValueError, OSError) as e:
        raise unavailable("damaged") from e
    except BaseException as e:
        if type(e).__name__ != "PanicException":
            raise
        raise unavailable("damaged") from e


@dataclass
class IndexHandle:
    """One open shard per folder and process, shared by threads; searchers follow the latest commit."""

    path: Path
    index: tantivy.Index
    _seen: tuple[int, int, int] = (0, 0, 0)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def searcher(self) -> tantivy.Searcher:
        """A searcher over the last commit, from any process: the index is reloaded when meta.json changes.

        Reloading on every search would reopen every segment; a stat is microseconds. meta.json is
        replaced atomically on commit, so its inode and mtime change exactly when there is news.
        """
        with reading():
            st = (self.path / "meta.json").stat()
            stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
            if stamp != self._seen:
                with self._lock:
                    self.index.reload()
                    self._seen = stamp
            return self.index.searcher()

    @contextmanager
    def writer(self, heap_bytes: int = 64_000_000, threads: int = 1) -> Iterator[tantivy.IndexWriter]:
        """The index's single writer, committed on success and rolled back on error.

        tantivy allows one writer per index across processes; a concurrent ingest waits for it (up to
        :data:`WRITER_WAIT_S`) rather than failing at once.
        """
        writer = self._acquire(heap_bytes, threads)
        try:
            yield writer
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        writer.wait_merging_threads()  # releases the lock once merges of the new segments are done

    @contextmanager
    def holding(self) -> Iterator[None]:
        """The writer's lock, held and given back unused: no ingest writes here while a rebuild runs."""
        writer = self._acquire(16_000_000, 1)
        try:
            yield
        finally:
            writer.rollback()
            writer.wait_merging_threads()

    def _acquire(self, heap_bytes: int, threads: int) -> tantivy.IndexWriter:
        deadline = time.monotonic() + WRITER_WAIT_S
        while True:
            try:
                return self.index.writer(heap_bytes, threads)
            except ValueError as e:
                if "LockBusy" not in str(e):
                    raise SearchIndexError(f"{self.path}: cannot write the search index ({e})") from e
                if time.monotonic() > deadline:
                    raise SearchIndexError(
                        f"{self.path}: another process has been writing the search index for "
                        f"{WRITER_WAIT_S:.0f} s (a rebuild?); try again when it is done"
                    ) from e
                time.sleep(0.05)


T = TypeVar("T")
R = TypeVar("R")


@dataclass
class SearchIndex:
    """The whole index: its shards, and the threads that search them side by side.

    ``path`` is the index's link, ``root`` the build it led to when this was opened, and ``identity``
    that build's: when the link leads elsewhere (a rebuild swapped it), :func:`open_index` opens anew.
    """

    path: Path
    root: Path
    identity: tuple[int, int] | None
    shards: list[IndexHandle]

    def shard_of(self, edition_id: int) -> IndexHandle:
        """The shard that has the edition's documents (see the module's notes)."""
        return self.shards[shard_number(edition_id)]

    def searchers(self) -> list[tantivy.Searcher]:
        return [shard.searcher() for shard in self.shards]

    def each(self, work: Callable[[T], R], items: Sequence[T]) -> list[R]:
        """``work`` on every item (one per shard), in the pool's threads: tantivy lets go of the GIL."""
        return list(_POOL.map(work, items))

    def current(self) -> bool:
        """Whether the index's link still leads to the build this has open."""
        return folders.identity(self.path) == self.identity


_INDEXES: dict[Path, SearchIndex] = {}
_INDEXES_LOCK = threading.Lock()
_POOL = ThreadPoolExecutor(SHARDS, "search")  # shared by every index of the process; threads start when used


def shard_number(edition_id: int) -> int:
    return edition_id // SHARD_BLOCK % SHARDS


def shard_dirs(path: Path) -> list[Path]:
    return [path / f"shard-{n}" for n in range(SHARDS)]


def open_index(path: Path, may_create: Callable[[], bool] | None = None) -> SearchIndex:
    """The process's handle on the index at ``path``, opened anew when a rebuild has swapped it.

    A missing index is made, empty, only when ``may_create()`` says that empty is the truth (nothing
    is published): otherwise searches would find nothing, silently, until a rebuild.
    :class:`SearchIndexError` when the index is missing or damaged.
    """
    with _INDEXES_LOCK:
        found, now = _INDEXES.get(path), folders.identity(path)
        if found is not None and found.identity == now:
            return found
        if now is None:
            if may_create is None or not may_create():
                raise unavailable("missing")
            _create_missing(path)
        found = _INDEXES[path] = _open(path)
        return found


def _open(path: Path) -> SearchIndex:
    """The index the link leads to now; never creates one (a damaged one is refused)."""
    now, root = folders.identity(path), path.resolve()
    if now is None:
        raise unavailable("missing")
    with reading():
        shards = [_handle(tantivy.Index.open(str(d)), d) for d in shard_dirs(root)]
    return SearchIndex(path, root, now, shards)


def _handle(index: tantivy.Index, path: Path) -> IndexHandle:
    index.register_tokenizer(FOLDED, ANALYZER)
    index.config_reader("manual")
    return IndexHandle(path, index)


def _create(root: Path, path: Path) -> SearchIndex:
    """A new, empty index in the folder ``root`` (a build that will be swapped in at ``path``)."""
    shards = []
    for d in shard_dirs(root):
        d.mkdir(parents=True)
        shards.append(_handle(tantivy.Index(SCHEMA, path=str(d), reuse=False), d))
    return SearchIndex(path, root, folders.identity(root), shards)


def _create_missing(path: Path) -> None:
    """Make an empty index at ``path`` unless another process has made one meanwhile."""
    with folders.builds_lock(path):
        if folders.identity(path) is None:
            with _built_aside(path):
                pass
            folders.remove_stale_builds(path)


@contextmanager
def _built_aside(path: Path) -> Iterator[SearchIndex]:
    """A new empty index in a new build, swapped in at ``path`` if the block succeeds, removed if not."""
    build = folders.new_build(path)
    try:
        yield _create(build, path)
        folders.swap(path, build)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise


@contextmanager
def rebuilding(path: Path) -> Iterator[SearchIndex]:
    """A new, empty index to fill, put in place of the one at ``path`` (whatever state it is in) when the
    block succeeds; readers meanwhile keep searching the old one, if it could be read.

    The old index's writers are held meanwhile, when it opens: an edition indexed there during the
    rebuild would be lost at the swap. Other processes' writes wait, then go to the new index
    (:func:`shard_writer`). Stale builds (a rebuild killed halfway) and older versions go afterwards.
    """
    with folders.builds_lock(path):
        with ExitStack() as held:
            try:
                old = open_index(path)
            except SearchIndexError:  # missing or damaged: nobody can write to it either
                old = None
            for shard in old.shards if old else []:
                held.enter_context(shard.holding())
            with _built_aside(path) as fresh:
                yield fresh
        folders.remove_stale_builds(path)
        for older in older_indexes(path):
            folders.remove(older)


@contextmanager
def shard_writer(path: Path, edition_id: int, may_create: Callable[[], bool]) -> Iterator[tantivy.IndexWriter]:
    """The writer of the edition's shard in the index in place now: one taken just as a rebuild swapped
    the index (the rebuild held it), or refused because the swapped-out build was removed meanwhile, is
    given up for the new index's."""
    while True:
        index, yielded = open_index(path, may_create), False
        try:
            with index.shard_of(edition_id).writer() as writer:
                if not index.current():
                    raise _SwappedError
                yielded = True
                yield writer
            return
        except _SwappedError:
            continue
        except SearchIndexError:
            if yielded or index.current():
                raise


class _SwappedError(Exception):
    """The index was swapped while its writer was waited for: rolled back, the new one's taken."""
