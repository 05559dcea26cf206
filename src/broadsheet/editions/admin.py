"""The raw data in Django's admin (``/staff/admin/``), for staff with admin rights.

Lists to find a row by; foreign keys as ids, so that an edition with thousands of articles opens fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin

from broadsheet.editions.models import Article, Edition, Page, Publication

if TYPE_CHECKING:  # generic in django-stubs, not at run time
    ModelAdmin = admin.ModelAdmin[Any]
else:
    ModelAdmin = admin.ModelAdmin


@admin.register(Publication)
class PublicationAdmin(ModelAdmin):
    list_display = ("slug", "name", "language", "direction")
    search_fields = ("slug", "name")


@admin.register(Edition)
class EditionAdmin(ModelAdmin):
    list_display = ("publication", "date", "name", "status", "page_count", "published_at")
    list_filter = ("status", "publication")
    date_hierarchy = "date"
    raw_id_fields = ("publication",)


@admin.register(Page)
class PageAdmin(ModelAdmin):
    list_display = ("edition", "number", "text_layer", "error")
    list_filter = ("text_layer",)
    raw_id_fields = ("edition",)


@admin.register(Article)
class ArticleAdmin(ModelAdmin):
    list_display = ("key", "headline", "edition", "page", "uid")
    search_fields = ("headline", "key", "=uid")
    raw_id_fields = ("edition", "page", "continues_in")
    readonly_fields = ("uid",)
