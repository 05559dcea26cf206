"""When a build was replaced: ``broadsheet gc`` keeps a replaced build's rows and media for a grace period
after it, for readers who have its pages open. Builds replaced before this have none (gc counts from
when they were made)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = (("editions", "0007_replacements"),)

    operations = (
        migrations.AddField(
            model_name="edition",
            name="replaced_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    )
