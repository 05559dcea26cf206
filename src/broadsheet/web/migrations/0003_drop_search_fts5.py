"""Drop the FTS5 table: search is a tantivy index beside the database (``broadsheet reindex`` fills it)."""

from __future__ import annotations

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS reader_search")


class Migration(migrations.Migration):
    dependencies = (("reader", "0002_search_fts5"),)
    operations = (migrations.RunPython(drop, migrations.RunPython.noop),)
