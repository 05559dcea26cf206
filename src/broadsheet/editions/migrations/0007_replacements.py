"""A new PDF of an edition keeps the corrections of its unchanged pages: each page's fingerprint (what it
prints), the edition a build replaces, and what became of that edition's corrections."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = (("editions", "0006_slug_validators"),)

    operations = (
        migrations.AddField(
            model_name="edition",
            name="kept_corrections",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name="edition",
            name="replaces",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="replacements",
                to="editions.edition",
            ),
        ),
        migrations.AddField(
            model_name="page",
            name="fingerprint",
            field=models.CharField(blank=True, default="", max_length=64),
        ),
    )
