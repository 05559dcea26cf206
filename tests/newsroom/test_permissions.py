"""Every staff URL as an anonymous visitor, an editor and an admin.

The URLs are read from the newsroom's URL patterns, so a new page without a row in :data:`URLS` fails here.
Each row: the method, the URL (``{e}`` is an edition's id) and what an editor gets; an admin gets the
same, or 200 where an editor gets 403.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.http.response import HttpResponseBase
from django.test import Client

URLS = {
    "dashboard": ("get", "/staff/", 200),
    "upload": ("get", "/staff/upload/", 200),
    "edition": ("get", "/staff/editions/{e}/", 200),
    "progress": ("get", "/staff/editions/{e}/progress.json", 200),
    "retry": ("post", "/staff/editions/{e}/retry/", 302),
    "replace": ("post", "/staff/editions/{e}/replace/", 302),
    "review": ("get", "/staff/editions/{e}/pages/1/", 200),
    "page-json": ("get", "/staff/editions/{e}/pages/1.json", 200),
    "change": ("post", "/staff/editions/{e}/changes/", 400),
    "undo": ("post", "/staff/editions/{e}/undo/", 400),
    "publish": ("post", "/staff/editions/{e}/publish/", 302),
    "unpublish": ("post", "/staff/editions/{e}/unpublish/", 302),
    "versions": ("get", "/staff/editions/{e}/versions/", 200),
    "restore": ("post", "/staff/editions/{e}/versions/1/restore/", 302),
    "users": ("get", "/staff/users/", 403),
    "publications": ("get", "/staff/publications/", 403),
}
OPEN = {"login", "logout"}  # logging in and out needs no role


def _edition_id() -> int:
    from broadsheet.editions.models import Edition, Page, Publication

    pub = Publication.objects.create(slug="the-post", name="The Post")
    edition = Edition.objects.create(publication=pub, date=dt.date(2025, 4, 20), media_dir="editions/x", page_count=1)
    Page.objects.create(edition=edition, number=1, width_pt=595, height_pt=842)
    return edition.id


def _responses(client: Client) -> dict[str, tuple[str, HttpResponseBase]]:
    """What ``client`` gets from every URL of the table (by name: the URL asked and the response), each
    about an edition of its own."""
    from broadsheet.editions.models import Publication

    answers = {}
    for name, (method, url, _) in URLS.items():
        asked = url.format(e=_edition_id())
        answers[name] = (asked, getattr(client, method)(asked))
        Publication.objects.all().delete()
    return answers


def test_every_newsroom_url_is_in_the_table(site: Path) -> None:
    from broadsheet.newsroom.urls import urlpatterns

    assert {p.name for p in urlpatterns} - OPEN == set(URLS)


def test_anonymous_visitors_are_sent_to_the_login(site: Path) -> None:
    for name, (asked, response) in _responses(Client()).items():
        assert (response.status_code, response["Location"]) == (302, f"/staff/login/?next={asked}"), name


def test_editors_reach_no_admin_page(editor: Client) -> None:
    statuses = {name: r.status_code for name, (_, r) in _responses(editor).items()}
    assert statuses == {name: status for name, (_, _, status) in URLS.items()}


def test_admins_reach_every_page(admin: Client) -> None:
    statuses = {name: r.status_code for name, (_, r) in _responses(admin).items()}
    assert statuses == {name: 200 if status == 403 else status for name, (_, _, status) in URLS.items()}


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


def test_pages_an_editor_reads_answer_head_like_get_and_405_to_writes(editor: Client) -> None:
    from broadsheet.editions.models import Publication

    for name, (method, url, status) in URLS.items():
        if method != "get" or status != 200:
            continue
        asked = url.format(e=_edition_id())
        got, head = editor.get(asked), editor.head(asked)
        assert (head.status_code, head["Content-Type"]) == (200, got["Content-Type"]), name
        assert editor.put(asked).status_code == 405 and editor.delete(asked).status_code == 405, name
        Publication.objects.all().delete()


def test_a_publication_whose_slug_no_url_could_show_is_refused(admin: Client) -> None:
    from broadsheet.editions.models import Publication

    data = {"name": "The Times", "language": "en", "direction": "ltr"}
    assert admin.post("/staff/publications/", {**data, "slug": "Café"}).status_code == 400  # not even Django's slug
    refused = admin.post("/staff/publications/", {**data, "slug": "The_Times"})  # Django's slug, not a URL's
    assert refused.status_code == 400
    assert "publication &#x27;The_Times&#x27; is not a slug: use only lowercase letters" in refused.content.decode()
    assert not Publication.objects.exists()
    assert admin.post("/staff/publications/", {**data, "slug": "the-times"}).status_code == 302
