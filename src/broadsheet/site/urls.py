"""Root URLs: the Django admin under ``/staff/admin/``, the newsroom under ``/staff/``, the reader everywhere else."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("staff/admin/", admin.site.urls),
    path("staff/", include("broadsheet.newsroom.urls")),
    path("", include("broadsheet.web.urls")),
]
