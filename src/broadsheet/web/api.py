"""The ``.json`` twins of the HTML pages. Text goes out as JSON strings, never as markup."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from broadsheet.editions.models import Article, Edition, Page
from broadsheet.errors import SearchIndexError, UsageError
from broadsheet.search import SearchQuery, get_backend
from broadsheet.web import params
from broadsheet.web import queries as q
from broadsheet.web.converters import EditionKey
from broadsheet.web.highlight import Highlighter

JSON_OPTIONS = {"ensure_ascii": False}


def _json(data: dict[str, Any], status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params=JSON_OPTIONS)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def edition_data(edition: Edition) -> dict[str, Any]:
    pub = edition.publication
    return {
        "publication": {"slug": pub.slug, "name": pub.name},
        "date": edition.date.isoformat(),
        "edition": edition.name,
        "language": edition.language,
        "direction": edition.direction,
        "url": q.edition_url(edition),
        "pages": edition.page_count,
    }


def page_data(page: Page) -> dict[str, Any]:
    return {
        "number": page.number,
        "url": q.page_url(page.edition, page.number),
        "width_pt": page.width_pt,
        "height_pt": page.height_pt,
        "thumbnail": q.media_url(page.media_path("thumb.jpg")),
        "image": q.media_url(page.media_path("screen.jpg")),
        "iiif": q.media_url(page.media_path("iiif/info.json")),
        "text_layer": page.text_layer,
        "error": page.error or None,
    }


def _link(article: Article | None) -> dict[str, Any] | None:
    return None if article is None else _link_of(article)


def _link_of(article: Article) -> dict[str, Any]:
    return {
        "key": article.key,
        "headline": article.title,
        "page": article.page.number,
        "url": q.article_url(article),
        "json": q.article_url(article, "article-json"),
    }


def highlight_data(article: Article, marker: Highlighter) -> dict[str, Any]:
    """The article's text cut into plain and hit segments (odd positions are hits), for the panel to mark."""
    a = article
    fields = {"kicker": a.kicker, "title": a.title, "subheadline": a.subheadline, "byline": a.byline}
    return {
        **{name: marker.segments(text) for name, text in fields.items()},
        "paragraphs": [marker.segments(p) for p in article.paragraphs],
        "captions": [marker.segments(c) for c in article.captions],
    }


def article_data(article: Article, with_neighbours: bool = True, marker: Highlighter | None = None) -> dict[str, Any]:
    """Everything the panel and scripts need about one article; with ``marker``, its search hits too."""
    data: dict[str, Any] = {
        "id": str(article.uid),
        "key": article.key,
        "url": q.article_url(article),
        "json": q.article_url(article, "article-json"),
        "page": article.page.number,
        "page_url": q.page_url(article.edition, article.page.number),
        "publication": article.edition.publication.name,
        "date": article.edition.date.isoformat(),
        "kicker": article.kicker or None,
        "headline": article.headline or None,
        "title": article.title,
        "subheadline": article.subheadline or None,
        "byline": article.byline or None,
        "paragraphs": article.paragraphs,
        "captions": list(article.captions),
        "regions": article.region_boxes(),
        "jump": {"to_page": article.jump_to_page, "from_page": article.jump_from_page},
        "continues_in": _link(article.continues_in),
        "continued_from": _link(q.continued_from(article)),
    }
    if with_neighbours:
        prev, nxt = q.neighbours(article)
        for a in (prev, nxt):
            if a is not None:
                a.edition, a.page = article.edition, article.page
        data["previous"], data["next"] = _link(prev), _link(nxt)
    if marker is not None:
        data["highlight"] = highlight_data(article, marker)
    return data


@require_safe
def edition_json(request: HttpRequest, pub: str, ekey: EditionKey) -> JsonResponse:
    edition = q.get_edition(pub, ekey)
    pages = list(edition.pages.all())
    for page in pages:
        page.edition = edition
    return _json({**edition_data(edition), "page_list": [page_data(p) for p in pages]})


@require_safe
def page_json(request: HttpRequest, pub: str, ekey: EditionKey, number: int) -> JsonResponse:
    edition = q.get_edition(pub, ekey)
    page = q.get_page(edition, number)
    articles = list(page.articles.select_related("continues_in__page"))
    for a in articles:
        a.edition, a.page = edition, page
    return _json(
        {
            "edition": edition_data(edition),
            **page_data(page),
            "articles": [article_data(a, with_neighbours=False) for a in articles],
        }
    )


@require_safe
def article_json(request: HttpRequest, pub: str, ekey: EditionKey, key: str) -> JsonResponse:
    edition = q.get_edition(pub, ekey)
    article = q.get_article(edition, key)
    article.edition = edition
    return _json(article_data(article, marker=Highlighter.from_query(params.query_text(request.GET))))


def parse_search(request: HttpRequest) -> SearchQuery:
    """A :class:`SearchQuery` from the request's parameters, each within its bounds
    (:mod:`broadsheet.web.params`); :class:`UsageError` when one is malformed or out of them."""
    given = request.GET
    page = params.page_number(given)
    return SearchQuery(
        text=params.query_text(given),
        publication=params.publication(given),
        date_from=params.date(given, "from"),
        date_to=params.date(given, "to"),
        limit=params.RESULTS_PER_PAGE,
        offset=(page - 1) * params.RESULTS_PER_PAGE,
    )


def search_error_status(error: UsageError | SearchIndexError) -> int:
    """400 for a query the reader can fix; 503 for an index the operator must rebuild."""
    return 400 if isinstance(error, UsageError) else 503


@require_safe
def search_json(request: HttpRequest) -> JsonResponse:
    from django.conf import settings

    try:
        query = parse_search(request)
        results = get_backend(settings.BROADSHEET_SEARCH_BACKEND).search(query)
    except (UsageError, SearchIndexError) as e:
        return _json({"error": str(e)}, status=search_error_status(e))
    articles = {
        a.id: a
        for a in Article.objects.filter(id__in=[h.article_id for h in results.hits]).select_related(
            "page", "edition__publication"
        )
    }
    hits = [
        {
            **_link_of(articles[h.article_id]),
            "publication": articles[h.article_id].edition.publication.name,
            "date": articles[h.article_id].edition.date.isoformat(),
            "score": h.score,
            "headline_html": h.headline_html,
            "snippet_html": h.snippet_html,
        }
        for h in results.hits
        if h.article_id in articles
    ]
    return _json({"query": query.text, "total": results.total, "more": results.more, "hits": hits})
