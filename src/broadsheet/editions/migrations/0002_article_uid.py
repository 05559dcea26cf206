"""Each article gets its identity across builds, ``uid``: a new one for every article already stored.

In three steps, as a unique value must be added: the column (empty), a value for each row, then not null.
"""

import uuid

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def give_uids(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    article = apps.get_model("editions", "Article")
    rows = article.objects.using(schema_editor.connection.alias).filter(uid=None).only("id")
    batch = []
    for row in rows.iterator(chunk_size=2000):
        row.uid = uuid.uuid4()
        batch.append(row)
        if len(batch) == 2000:
            article.objects.bulk_update(batch, ["uid"])
            batch = []
    article.objects.bulk_update(batch, ["uid"])


class Migration(migrations.Migration):
    dependencies = (("editions", "0001_initial"),)

    operations = (
        migrations.AddField(model_name="article", name="uid", field=models.UUIDField(null=True, editable=False)),
        migrations.RunPython(give_uids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="article",
            name="uid",
            field=models.UUIDField(db_index=True, default=uuid.uuid4, editable=False),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(fields=("edition", "uid"), name="article_uid_unique"),
        ),
    )
