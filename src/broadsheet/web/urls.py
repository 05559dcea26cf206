"""Stable, human-readable URLs, each page with a ``.json`` twin (Open ONI's habit); what an edition
shows is cached per edition build, and every view says how long browsers may keep what it answers
(:mod:`broadsheet.web.caching`).

``/language`` is Django's ``set_language`` (no slash, so it takes no name a publication's archive
``/<slug>/`` could have): the header's switch posts the reader's choice there, which is kept in a cookie
(:mod:`broadsheet.web.language`). It is exempt from the CSRF check: a page that carried a token could not
be cached for every reader, and all another site could do with it is change a reader's interface language."""

from __future__ import annotations

from django.urls import path, register_converter
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from broadsheet.web import api, views
from broadsheet.web.caching import http_cached as labelled
from broadsheet.web.caching import per_edition_build as cached
from broadsheet.web.converters import EditionKeyConverter

register_converter(EditionKeyConverter, "ekey")

E = "<slug:pub>/<ekey:ekey>"

urlpatterns = [
    path("", labelled(views.home), name="home"),
    path("search/", labelled(views.search), name="search"),
    path("search.json", labelled(api.search_json), name="search-json"),
    path("media/<path:relpath>", csrf_exempt(views.media), name="media"),  # GET and HEAD only
    path("language", csrf_exempt(set_language), name="set-language"),
    path("<slug:pub>/", labelled(views.archive), name="archive"),
    path(f"{E}/", cached(views.edition), name="edition"),
    path(f"{E}.json", cached(api.edition_json), name="edition-json"),
    path(f"{E}/page/<int:number>/", cached(views.page), name="page"),
    path(f"{E}/page/<int:number>.json", cached(api.page_json), name="page-json"),
    path(f"{E}/article/<slug:key>/", labelled(views.article), name="article"),  # its Open Graph URLs name the host
    path(f"{E}/article/<slug:key>.json", cached(api.article_json), name="article-json"),
]
