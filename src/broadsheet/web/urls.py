"""Stable, human-readable URLs, each page with a ``.json`` twin (Open ONI's habit); what an edition
shows is cached per edition build (:mod:`broadsheet.web.caching`)."""

from __future__ import annotations

from django.urls import path, register_converter

from broadsheet.web import api, views
from broadsheet.web.caching import per_edition_build as cached
from broadsheet.web.converters import EditionKeyConverter

register_converter(EditionKeyConverter, "ekey")

E = "<slug:pub>/<ekey:ekey>"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("search.json", api.search_json, name="search-json"),
    path("media/<path:relpath>", views.media, name="media"),
    path("<slug:pub>/", views.archive, name="archive"),
    path(f"{E}/", cached(views.edition), name="edition"),
    path(f"{E}.json", cached(api.edition_json), name="edition-json"),
    path(f"{E}/page/<int:number>/", cached(views.page), name="page"),
    path(f"{E}/page/<int:number>.json", cached(api.page_json), name="page-json"),
    path(f"{E}/article/<slug:key>/", views.article, name="article"),  # its Open Graph URLs name the host
    path(f"{E}/article/<slug:key>.json", cached(api.article_json), name="article-json"),
]
