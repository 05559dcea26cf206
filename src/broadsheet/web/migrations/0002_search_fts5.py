"""The SQLite FTS5 search index of the first releases (dropped by 0003: search moved to tantivy)."""

from __future__ import annotations

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

CREATE_SQL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS reader_search "
    "USING fts5(headline, body, tokenize = 'unicode61 remove_diacritics 2')"
)
DROP_SQL = "DROP TABLE IF EXISTS reader_search"


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(CREATE_SQL)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):
    dependencies = (("reader", "0001_initial"),)
    operations = (migrations.RunPython(create, drop),)
