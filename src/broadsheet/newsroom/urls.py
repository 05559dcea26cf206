"""The newsroom's URLs, all under ``/staff/`` (the root URLs put the Django admin at ``/staff/admin/``)."""

from __future__ import annotations

from django.urls import path

from broadsheet.newsroom.views import admin, auth, dashboard, editions, publish, replace, review, upload

app_name = "newsroom"

E = "editions/<int:edition_id>"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
    path("upload/", upload.upload, name="upload"),
    path(f"{E}/", editions.edition, name="edition"),
    path(f"{E}/progress.json", editions.progress_json, name="progress"),
    path(f"{E}/retry/", editions.retry, name="retry"),
    path(f"{E}/replace/", replace.replace, name="replace"),
    path(f"{E}/pages/<int:number>/", review.review, name="review"),
    path(f"{E}/pages/<int:number>.json", review.page_json, name="page-json"),
    path(f"{E}/changes/", review.change, name="change"),
    path(f"{E}/undo/", review.undo, name="undo"),
    path(f"{E}/publish/", publish.publish, name="publish"),
    path(f"{E}/unpublish/", publish.unpublish, name="unpublish"),
    path(f"{E}/versions/", publish.versions, name="versions"),
    path(f"{E}/versions/<int:version>/restore/", publish.restore, name="restore"),
    path("users/", admin.users, name="users"),
    path("publications/", admin.publications, name="publications"),
]
