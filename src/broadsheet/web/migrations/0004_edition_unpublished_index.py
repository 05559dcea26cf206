"""A partial index of the editions that are not published, which every search reads."""

from __future__ import annotations

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = (("reader", "0003_drop_search_fts5"),)
    operations = (
        migrations.AddIndex(
            model_name="edition",
            index=models.Index(condition=~models.Q(status="published"), fields=["status"], name="edition_unpublished"),
        ),
    )
