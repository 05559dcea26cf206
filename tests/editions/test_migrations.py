"""A database made by the reader app's migrations (when the models were the reader's) upgrades with its rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from broadsheet.site.environment import migrate
from broadsheet.site.testing import empty_site

BEFORE = [("reader", "0004_edition_unpublished_index")]  # the schema before the edition models moved


def _old_rows() -> dict[str, int]:
    """Build the previous schema with its own migrations and fill it through its own models."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    pub = old.get_model("reader", "Publication").objects.create(slug="the-post", name="The Post")
    edition = old.get_model("reader", "Edition").objects.create(
        publication=pub, date=dt.date(2025, 4, 20), status="published", media_dir="editions/the-post/x", page_count=1
    )
    page = old.get_model("reader", "Page").objects.create(edition=edition, number=1, width_pt=595, height_pt=842)
    article = old.get_model("reader", "Article")
    second = article.objects.create(edition=edition, page=page, key="1-a2", order=1, headline="Ferries, continued")
    first = article.objects.create(
        edition=edition, page=page, key="1-a1", headline="Ferries run again", regions=[[36, 90, 559, 300]]
    )
    first.continues_in = second
    first.save()
    return {"edition": edition.id, "first": first.id, "second": second.id}


def test_an_old_database_migrates_to_the_editions_app_and_keeps_its_rows(tmp_path: Path) -> None:
    from broadsheet.editions.models import Article, Edition

    with empty_site(tmp_path / "site"):
        ids = _old_rows()
        migrate()
        edition = Edition.objects.get(id=ids["edition"])
        assert (edition.publication.slug, edition.status) == ("the-post", "published")
        first = Article.objects.get(id=ids["first"])
        assert (first.key, first.headline, first.regions) == ("1-a1", "Ferries run again", [[36, 90, 559, 300]])
        assert first.continues_in_id == ids["second"]
        uids = set(Article.objects.values_list("uid", flat=True))
        assert len(uids) == 2 and None not in uids  # each old article got an identity of its own
        response = Client().get("/the-post/2025-04-20/article/1-a1.json")
        assert response.json()["headline"] == "Ferries run again"


def test_the_models_and_their_migrations_agree(site: Path) -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)  # exits when a migration is missing
