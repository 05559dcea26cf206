"""Lookups shared by the HTML and JSON views; only published editions are ever visible."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse

from broadsheet.web.converters import EditionKey
from broadsheet.web.models import Article, Edition, EditionStatus, Page, Publication


def published() -> QuerySet[Edition]:
    return Edition.objects.filter(status=EditionStatus.PUBLISHED).select_related("publication")


def get_publication(slug: str) -> Publication:
    try:
        return Publication.objects.get(slug=slug)
    except Publication.DoesNotExist as e:
        raise Http404("no such publication") from e


def get_edition(pub: str, ekey: EditionKey) -> Edition:
    try:
        return published().get(publication__slug=pub, date=ekey.date, name=ekey.name)
    except Edition.DoesNotExist as e:
        raise Http404("no such edition") from e


def get_page(edition: Edition, number: int) -> Page:
    try:
        return edition.pages.get(number=number)
    except Page.DoesNotExist as e:
        raise Http404("no such page") from e


def get_article(edition: Edition, key: str) -> Article:
    try:
        return edition.articles.select_related("page", "continues_in__page").get(key=key)
    except Article.DoesNotExist as e:
        raise Http404("no such article") from e


def edition_args(edition: Edition) -> dict[str, Any]:
    return {"pub": edition.publication.slug, "ekey": edition.url_key}


def edition_url(edition: Edition, name: str = "edition") -> str:
    return reverse(name, kwargs=edition_args(edition))


def page_url(edition: Edition, number: int, name: str = "page") -> str:
    return reverse(name, kwargs={**edition_args(edition), "number": number})


def article_url(article: Article, name: str = "article") -> str:
    return reverse(name, kwargs={**edition_args(article.edition), "key": article.key})


def media_url(relpath: str) -> str:
    return reverse("media", kwargs={"relpath": relpath})


def neighbours(article: Article) -> tuple[Article | None, Article | None]:
    """The previous and next article on the same page, in reading order."""
    siblings = list(article.page.articles.order_by("order").only("id", "key", "order", "headline", "body"))
    index = next(i for i, a in enumerate(siblings) if a.id == article.id)
    prev = siblings[index - 1] if index > 0 else None
    nxt = siblings[index + 1] if index + 1 < len(siblings) else None
    return prev, nxt


def continued_from(article: Article) -> Article | None:
    return article.continued_from.select_related("page").first()
