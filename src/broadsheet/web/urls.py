"""Stable, human-readable URLs, each page with a ``.json`` twin (Open ONI's habit)."""

from __future__ import annotations

from django.urls import path, register_converter

from broadsheet.web import api, views
from broadsheet.web.converters import EditionKeyConverter

register_converter(EditionKeyConverter, "ekey")

E = "<slug:pub>/<ekey:ekey>"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("search.json", api.search_json, name="search-json"),
    path("media/<path:relpath>", views.media, name="media"),
    path("<slug:pub>/", views.archive, name="archive"),
    path(f"{E}/", views.edition, name="edition"),
    path(f"{E}.json", api.edition_json, name="edition-json"),
    path(f"{E}/page/<int:number>/", views.page, name="page"),
    path(f"{E}/page/<int:number>.json", api.page_json, name="page-json"),
    path(f"{E}/article/<slug:key>/", views.article, name="article"),
    path(f"{E}/article/<slug:key>.json", api.article_json, name="article-json"),
]
