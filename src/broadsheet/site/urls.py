"""Root URLs: the Django admin under ``/staff/admin/`` (the staff's part of the site), the reader everywhere else."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("staff/admin/", admin.site.urls),
    path("", include("broadsheet.web.urls")),
]
