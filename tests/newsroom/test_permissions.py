"""Every staff URL as an anonymous visitor, an editor and an admin.

The URLs are read from the newsroom's URL patterns, so a new page without a row in :data:`URLS` fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

ADMIN_ONLY = {"users", "publications"}
URLS = {
    "dashboard": "/staff/",
    "users": "/staff/users/",
    "publications": "/staff/publications/",
}
OPEN = {"login", "logout"}  # logging in and out needs no role


def test_every_newsroom_url_is_in_the_table(site: Path) -> None:
    from broadsheet.newsroom.urls import urlpatterns

    names = {p.name for p in urlpatterns}
    assert names - OPEN == set(URLS)


@pytest.mark.parametrize("name", sorted(URLS))
def test_anonymous_visitors_are_sent_to_the_login(site: Path, name: str) -> None:
    response = Client().get(URLS[name])
    assert response.status_code == 302
    assert response["Location"] == f"/staff/login/?next={URLS[name]}"


@pytest.mark.parametrize("name", sorted(URLS))
def test_editors_reach_no_admin_page(editor: Client, name: str) -> None:
    assert editor.get(URLS[name]).status_code == (403 if name in ADMIN_ONLY else 200)


@pytest.mark.parametrize("name", sorted(URLS))
def test_admins_reach_every_page(admin: Client, name: str) -> None:
    assert admin.get(URLS[name]).status_code == 200


def test_only_admins_open_the_django_admin(editor: Client, admin: Client) -> None:
    refused = editor.get("/staff/admin/")
    assert refused.status_code == 302 and refused["Location"].startswith("/staff/admin/login/")
    assert admin.get("/staff/admin/").status_code == 200
    assert admin.get("/staff/admin/auth/user/").status_code == 200


def test_an_admin_adds_a_user_and_a_publication(admin: Client) -> None:
    from django.contrib.auth.models import User

    from broadsheet.editions.models import Publication

    added = admin.post("/staff/users/", {"username": "nell", "role": "editor", "password": "a long enough secret"})
    assert added.status_code == 302 and User.objects.get(username="nell").check_password("a long enough secret")
    weak = admin.post("/staff/users/", {"username": "ned", "role": "editor", "password": "password"})
    assert weak.status_code == 400 and "too weak" in weak.content.decode()
    pub = {"slug": "the-post", "name": "The Post", "language": "en", "direction": "ltr"}
    assert admin.post("/staff/publications/", pub).status_code == 302
    assert Publication.objects.get(slug="the-post").name == "The Post"
    bad = admin.post("/staff/publications/", {**pub, "slug": "café post"})
    assert bad.status_code == 400 and "valid" in bad.content.decode()
