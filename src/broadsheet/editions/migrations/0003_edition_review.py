"""Editions the newsroom holds back: review and scheduled statuses, a time to publish, a version, a failure's reason."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = (("editions", "0002_article_uid"),)

    operations = (
        migrations.AddField(
            model_name="edition",
            name="error",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.AddField(
            model_name="edition",
            name="publish_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="edition",
            name="version",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AlterField(
            model_name="edition",
            name="status",
            field=models.CharField(
                choices=[
                    ("processing", "Processing"),
                    ("review", "needs review"),
                    ("scheduled", "Scheduled"),
                    ("published", "Published"),
                    ("replaced", "Replaced"),
                    ("failed", "Failed"),
                ],
                default="processing",
                max_length=12,
            ),
        ),
    )
