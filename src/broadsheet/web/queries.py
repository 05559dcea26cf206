"""Lookups shared by the HTML and JSON views; only published editions are ever visible."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from django.db import connection
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import get_script_prefix, reverse

from broadsheet.editions import media
from broadsheet.editions.models import Article, Edition, EditionStatus, Page, Publication
from broadsheet.web.converters import EditionKey


def published() -> QuerySet[Edition]:
    return Edition.objects.filter(status=EditionStatus.PUBLISHED).select_related("publication")


def get_publication(slug: str) -> Publication:
    return get_object_or_404(Publication, slug=slug)


def get_edition(pub: str, ekey: EditionKey) -> Edition:
    return get_object_or_404(published(), publication__slug=pub, date=ekey.date, name=ekey.name)


_BUILD_SQL = (
    f"SELECT e.media_dir, e.version FROM {Edition._meta.db_table} e JOIN {Publication._meta.db_table} p "
    "ON p.id = e.publication_id WHERE p.slug = %s AND e.date = %s AND e.name = %s AND e.status = %s"
)


def edition_build(pub: str, ekey: EditionKey) -> str:
    """The published build (media folder, unique per ingest) of an edition, and its version (a staff
    correction makes the next one), as one cache key: ``<media folder>@v<version>``.

    Asked on every cached request, so in plain, portable SQL: the ORM spends twenty times as long
    building the same query as the database spends answering it.
    """
    with connection.cursor() as cursor:
        cursor.execute(_BUILD_SQL, [pub, ekey.date.isoformat(), ekey.name, EditionStatus.PUBLISHED.value])
        row = cursor.fetchone()
    if row is None:
        raise Http404("no such edition")
    return f"{row[0]}@v{row[1]}"


def get_page(edition: Edition, number: int) -> Page:
    return get_object_or_404(edition.pages, number=number)


def get_article(edition: Edition, key: str) -> Article:
    return get_object_or_404(edition.articles.select_related("page", "continues_in__page"), key=key)


def edition_args(edition: Edition) -> dict[str, Any]:
    return {"pub": edition.publication.slug, "ekey": edition.url_key}


@lru_cache(maxsize=16384)
def _reverse(prefix: str, name: str, **kwargs: Any) -> str:
    """``reverse`` remembered: it costs ~0.1 ms and a page view builds a hundred URLs that never change
    (keyed by the script prefix too, which ``reverse`` reads)."""
    return reverse(name, kwargs=kwargs)


def edition_url(edition: Edition, name: str = "edition") -> str:
    return _reverse(get_script_prefix(), name, **edition_args(edition))


def page_url(edition: Edition, number: int, name: str = "page") -> str:
    return _reverse(get_script_prefix(), name, **edition_args(edition), number=number)


def article_url(article: Article, name: str = "article") -> str:
    return _reverse(get_script_prefix(), name, **edition_args(article.edition), key=article.key)


def with_query(url: str, query: str | None) -> str:
    """``url`` carrying the reader's search words (``?q=``), so what it opens marks the hits."""
    return f"{url}?{urlencode({'q': query})}" if query else url


def media_url(relpath: str) -> str:
    """Where browsers fetch a page image or clip: the storage says (``/media/…`` for the local folder)."""
    return media.url(relpath)


def neighbours(article: Article) -> tuple[Article | None, Article | None]:
    """The previous and next article on the same page, in reading order."""
    siblings = list(article.page.articles.order_by("order").only("id", "page", "key", "order", "headline", "body"))
    index = next(i for i, a in enumerate(siblings) if a.id == article.id)
    prev = siblings[index - 1] if index > 0 else None
    nxt = siblings[index + 1] if index + 1 < len(siblings) else None
    return prev, nxt


def continued_from(article: Article) -> Article | None:
    return article.continued_from.select_related("page").first()
