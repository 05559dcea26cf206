"""A publication's profile (its type styles and places, learned from labelled pages), used by every ingest."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = (("editions", "0004_page_items_corrections"),)

    operations = (
        migrations.AddField(
            model_name="publication",
            name="profile",
            field=models.JSONField(blank=True, null=True),
        ),
    )
