"""The newsroom's URLs, all under ``/staff/`` (the root URLs put the Django admin at ``/staff/admin/``)."""

from __future__ import annotations

from django.urls import path

from broadsheet.newsroom.views import admin, auth, dashboard, editions, upload

app_name = "newsroom"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
    path("upload/", upload.upload, name="upload"),
    path("editions/<int:edition_id>/", editions.edition, name="edition"),
    path("editions/<int:edition_id>/progress.json", editions.progress_json, name="progress"),
    path("editions/<int:edition_id>/retry/", editions.retry, name="retry"),
    path("users/", admin.users, name="users"),
    path("publications/", admin.publications, name="publications"),
]
