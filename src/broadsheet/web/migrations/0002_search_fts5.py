"""The SQLite FTS5 search index, in the same database so it commits with the edition it indexes."""

from __future__ import annotations

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from broadsheet.search.fts5 import CREATE_SQL, DROP_SQL


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(CREATE_SQL)


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):
    dependencies = (("reader", "0001_initial"),)
    operations = (migrations.RunPython(create, drop),)
