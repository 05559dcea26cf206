"""HTML pages. Every piece of extracted text reaches templates as data and is autoescaped there.

A view that shows a paper renders its page in the paper's language unless the reader chose one
(:func:`broadsheet.web.language.follow`); the paper's own text keeps its language and direction in the
templates (``lang``/``dir`` on the elements that hold it)."""

from __future__ import annotations

import mimetypes
from itertools import groupby
from typing import Any

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from broadsheet.editions import media as files
from broadsheet.editions.models import Article, Edition, Page, Publication
from broadsheet.errors import SearchIndexError, UsageError
from broadsheet.search import SearchHit, get_backend
from broadsheet.web import api, language, params
from broadsheet.web import queries as q
from broadsheet.web.archive import month_calendar
from broadsheet.web.converters import EditionKey
from broadsheet.web.highlight import Highlighter


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """The latest published edition of each publication."""
    latest = []
    for pub in Publication.objects.all():
        edition = q.published().filter(publication=pub).order_by("-date", "name").first()
        if edition is not None:
            first = edition.pages.order_by("number").first()
            latest.append({"edition": edition, "url": q.edition_url(edition), "thumb": _thumb(edition, first)})
    return render(request, "reader/home.html", {"latest": latest})


def _thumb(edition: Edition, page: Page | None) -> str | None:
    if page is None:
        return None
    page.edition = edition
    return q.media_url(page.media_path("thumb.jpg"))


@require_safe
def archive(request: HttpRequest, pub: str) -> HttpResponse:
    """Every published edition of a publication, as a list and a calendar of one month (``?month=YYYY-MM``)."""
    publication = q.get_publication(pub)
    language.follow(request, publication.language)
    editions = list(q.published().filter(publication=publication).order_by("-date", "name"))
    rows = [{"edition": e, "url": q.edition_url(e)} for e in editions]
    context = {
        "publication": publication,
        "editions": rows,
        "calendar": month_calendar(editions, request.GET.get("month")),
    }
    return render(request, "reader/archive.html", context)


def _page_cards(edition: Edition) -> list[dict[str, Any]]:
    """The page strip's cards. Its pictures are 120 CSS pixels wide: ``thumb-small.jpg`` (120 px, a quarter
    of the bytes) where the screen has one pixel to a CSS pixel, ``thumb.jpg`` (240 px) where it has two.
    Builds ingested before the small one was made have ``thumb.jpg`` only: one look at the first page
    tells, as one ingest made them all (the page is cached per build, so it is looked at once)."""
    pages = list(edition.pages.all())
    for page in pages:
        page.edition = edition
    small = bool(pages) and files.exists(pages[0].media_path("thumb-small.jpg"))
    return [
        {
            "page": page,
            "url": q.page_url(edition, page.number),
            "thumb": q.media_url(page.media_path("thumb.jpg")),
            "thumb_small": q.media_url(page.media_path("thumb-small.jpg")) if small else None,
        }
        for page in pages
    ]


@require_safe
def edition(request: HttpRequest, pub: str, ekey: EditionKey) -> HttpResponse:
    """The edition: a strip of page thumbnails and its articles page by page."""
    ed = q.get_edition(pub, ekey)
    language.follow(request, ed.language)
    articles = list(ed.articles.select_related("page"))
    for a in articles:
        a.edition = ed
    by_page = [
        {"number": n, "articles": [{"a": a, "url": q.article_url(a)} for a in group]}
        for n, group in groupby(articles, key=lambda a: a.page.number)
    ]
    context = {
        "edition": ed,
        "pages": _page_cards(ed),
        "by_page": by_page,
        "json_url": q.edition_url(ed, "edition-json"),
    }
    return render(request, "reader/edition.html", context)


def _found(article: Article, marker: Highlighter | None) -> bool:
    """Whether the reader's search words are in the article: its regions are then marked on the page."""
    a = article
    return marker is not None and marker.finds(a.kicker, a.headline, a.subheadline, a.byline, a.body)


def _regions(articles: list[Article], marker: Highlighter | None, query: str | None) -> list[dict[str, Any]]:
    out = []
    for a in articles:
        found = _found(a, marker)
        for i, box in enumerate(a.region_boxes()):
            style = (
                f"left:{box['x'] * 100:.3f}%;top:{box['y'] * 100:.3f}%;"
                f"width:{box['w'] * 100:.3f}%;height:{box['h'] * 100:.3f}%"
            )
            out.append(
                {
                    "article": a,
                    "first": i == 0,
                    "found": found,
                    "style": style,
                    "box": {k: f"{v:.6f}" for k, v in box.items()},
                    "url": q.with_query(q.article_url(a), query),
                    "json": q.article_url(a, "article-json"),
                }
            )
    return out


@require_safe
def page(request: HttpRequest, pub: str, ekey: EditionKey, number: int) -> HttpResponse:
    """One page: deep zoom (screen image without JavaScript) with clickable article regions."""
    ed = q.get_edition(pub, ekey)
    pg = q.get_page(ed, number)
    pg.edition = ed
    language.follow(request, ed.language)
    articles = list(pg.articles.all())
    for a in articles:
        a.edition, a.page = ed, pg
    query = params.query_text(request.GET)
    marker = Highlighter.from_query(query)
    context = {
        "edition": ed,
        "page": pg,
        "pages": _page_cards(ed),
        "regions": _regions(articles, marker, query),
        "articles": [
            {"a": a, "url": q.with_query(q.article_url(a), query), "json": q.article_url(a, "article-json")}
            for a in articles
        ],
        "screen": q.media_url(pg.media_path("screen.jpg")),
        "info": q.media_url(pg.media_path("iiif/info.json")),
        "prev_url": q.page_url(ed, number - 1) if number > 1 else None,
        "next_url": q.page_url(ed, number + 1) if number < ed.page_count else None,
        "json_url": q.page_url(ed, number, "page-json"),
        "aspect": f"{pg.width_pt or 1:.2f} / {pg.height_pt or 1:.2f}",
    }
    return render(request, "reader/page.html", context)


@require_safe
def article(request: HttpRequest, pub: str, ekey: EditionKey, key: str) -> HttpResponse:
    """The article as plain HTML, for sharing and reading without JavaScript."""
    ed = q.get_edition(pub, ekey)
    art = q.get_article(ed, key)
    art.edition = ed
    language.follow(request, ed.language)
    data = api.article_data(art)
    query = params.query_text(request.GET)
    context = {
        "edition": ed,
        "article": art,
        "data": data,
        "marker": Highlighter.from_query(query),
        "clip": request.build_absolute_uri(q.media_url(_clip_path(art))),
        "page_url": q.with_query(q.page_url(ed, art.page.number), query) + f"#article={art.key}",
        "absolute": request.build_absolute_uri(q.article_url(art)),
        "json_url": q.article_url(art, "article-json"),
    }
    return render(request, "reader/article.html", context)


def _clip_path(article: Article) -> str:
    """The article's page clip; the page thumbnail for editions ingested before clips were cut."""
    clip = article.clip_path()
    return clip if files.exists(clip) else article.page.media_path("thumb.jpg")


def _hit(hit: SearchHit, article: Article, query: str) -> dict[str, Any]:
    """One search result; its links carry the query, so the article opens with the hits marked."""
    page_url = q.page_url(article.edition, article.page.number)
    return {
        "hit": hit,
        "a": article,
        "url": q.with_query(q.article_url(article), query),
        "page_url": q.with_query(page_url, query) + f"#article={article.key}",
    }


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """The search form and its ranked results with highlighted snippets."""
    context: dict[str, Any] = {"publications": Publication.objects.all(), "params": request.GET, "hits": None}
    if request.GET.get("q", "").strip():
        try:
            query = api.parse_search(request)
            results = get_backend(settings.BROADSHEET_SEARCH_BACKEND).search(query)
        except UsageError as e:  # a query the reader can fix: the message says how
            context["error"] = str(e)
            return render(request, "reader/search.html", context, status=api.search_error_status(e))
        except SearchIndexError as e:  # an index awaiting `reindex`: the operator's business, not the reader's
            context["error"] = gettext("Search is not available at the moment. Please try again later.")
            return render(request, "reader/search.html", context, status=api.search_error_status(e))
        found = Article.objects.select_related("page", "edition__publication").in_bulk(
            [h.article_id for h in results.hits]
        )
        context["hits"] = [_hit(h, found[h.article_id], query.text) for h in results.hits if h.article_id in found]
        context["total"], context["more"] = results.total, results.more
    return render(request, "reader/search.html", context)


@require_safe
def media(request: HttpRequest, relpath: str) -> FileResponse:
    """Page images and tiles from the storage, where it is the local media folder (``MEDIA_URL`` points
    here). Paths carry a build id, so they are cached for good."""
    try:
        stored = files.open_file(relpath)
    except FileNotFoundError as e:
        raise Http404("no such file") from e
    content_type = mimetypes.guess_type(relpath)[0] or "application/octet-stream"
    response = FileResponse(stored, content_type=content_type)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["Access-Control-Allow-Origin"] = "*"
    return response
