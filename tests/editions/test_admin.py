"""The edition models in Django's admin (``/staff/admin/``): staff only, every list and form opens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from django.test import Client

if TYPE_CHECKING:
    from broadsheet.editions.models import Article


def _article() -> Article:
    from broadsheet.editions.models import Article, Edition, Page, Publication

    pub = Publication.objects.create(slug="the-post", name="The Post")
    edition = Edition.objects.create(publication=pub, date=dt.date(2025, 4, 20), media_dir="editions/the-post/b1")
    page = Page.objects.create(edition=edition, number=1, width_pt=595, height_pt=842)
    return Article.objects.create(edition=edition, page=page, key="1-a1", headline="Ferries run again")


def test_anonymous_visitors_are_sent_to_the_login(site: Path) -> None:
    response = Client().get("/staff/admin/editions/article/")
    assert response.status_code == 302 and response["Location"].startswith("/staff/admin/login/")


def test_an_admin_finds_an_article_by_its_identity_and_opens_every_model(site: Path) -> None:
    from django.contrib.auth.models import User

    article = _article()
    client = Client()
    client.force_login(User.objects.create_superuser("admin", password="not-used-here"))
    for model in ("publication", "edition", "page", "article"):
        assert client.get(f"/staff/admin/editions/{model}/").status_code == 200, model
        assert client.get(f"/staff/admin/editions/{model}/1/change/").status_code == 200, model
    found = client.get(f"/staff/admin/editions/article/?q={article.uid}").content.decode()
    assert "Ferries run again" in found
    assert "Ferries run again" not in client.get("/staff/admin/editions/article/?q=nothing-like-it").content.decode()
