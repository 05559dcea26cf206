"""The edition models, moved here from the reader's app (``reader``) without touching a table.

Only Django's idea of the models changes (``SeparateDatabaseAndState``): they are created here with
the tables they had (``db_table``), and ``reader.0005`` forgets them there. On a new database the
reader's migrations 0001–0004 have just made those tables; on an existing one they hold its rows.
"""

import django.db.models.deletion
from django.db import migrations, models

STATE = [
    migrations.CreateModel(
        name="Publication",
        fields=[
            ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
            ("slug", models.SlugField(max_length=80, unique=True)),
            ("name", models.CharField(max_length=200)),
            ("language", models.CharField(default="en", max_length=12)),
            ("direction", models.CharField(default="ltr", max_length=3)),
        ],
        options={"db_table": "reader_publication", "ordering": ["name"]},
    ),
    migrations.CreateModel(
        name="Edition",
        fields=[
            ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
            ("date", models.DateField()),
            ("name", models.SlugField(blank=True, default="", max_length=60)),
            ("language", models.CharField(default="en", max_length=12)),
            ("direction", models.CharField(default="ltr", max_length=3)),
            (
                "status",
                models.CharField(
                    choices=[
                        ("processing", "Processing"),
                        ("published", "Published"),
                        ("replaced", "Replaced"),
                        ("failed", "Failed"),
                    ],
                    default="processing",
                    max_length=12,
                ),
            ),
            ("source_name", models.CharField(default="", max_length=255)),
            ("media_dir", models.CharField(max_length=255)),
            ("page_count", models.PositiveIntegerField(default=0)),
            ("created_at", models.DateTimeField(auto_now_add=True)),
            ("published_at", models.DateTimeField(blank=True, null=True)),
            (
                "publication",
                models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE, related_name="editions", to="editions.publication"
                ),
            ),
        ],
        options={
            "db_table": "reader_edition",
            "ordering": ["-date", "name"],
            "indexes": [
                models.Index(fields=["publication", "status", "date"], name="reader_edit_publica_f8c28a_idx"),
                models.Index(condition=~models.Q(status="published"), fields=["status"], name="edition_unpublished"),
            ],
            "constraints": [
                models.UniqueConstraint(
                    condition=models.Q(("status", "published")),
                    fields=("publication", "date", "name"),
                    name="one_published_edition",
                )
            ],
        },
    ),
    migrations.CreateModel(
        name="Page",
        fields=[
            ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
            ("number", models.PositiveIntegerField()),
            ("width_pt", models.FloatField()),
            ("height_pt", models.FloatField()),
            ("image_width", models.PositiveIntegerField(default=0)),
            ("image_height", models.PositiveIntegerField(default=0)),
            ("text_layer", models.CharField(default="ok", max_length=20)),
            ("problems", models.JSONField(default=list)),
            ("error", models.TextField(blank=True, default="")),
            (
                "edition",
                models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE, related_name="pages", to="editions.edition"
                ),
            ),
        ],
        options={
            "db_table": "reader_page",
            "ordering": ["number"],
            "constraints": [models.UniqueConstraint(fields=("edition", "number"), name="page_number_unique")],
        },
    ),
    migrations.CreateModel(
        name="Article",
        fields=[
            ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
            ("key", models.SlugField(max_length=80)),
            ("order", models.PositiveIntegerField(default=0)),
            ("regions", models.JSONField(default=list)),
            ("kicker", models.TextField(blank=True, default="")),
            ("headline", models.TextField(blank=True, default="")),
            ("subheadline", models.TextField(blank=True, default="")),
            ("byline", models.TextField(blank=True, default="")),
            ("body", models.TextField(blank=True, default="")),
            ("captions", models.JSONField(default=list)),
            ("jump_to_page", models.PositiveIntegerField(blank=True, null=True)),
            ("jump_from_page", models.PositiveIntegerField(blank=True, null=True)),
            ("revision", models.PositiveIntegerField(default=1)),
            (
                "continues_in",
                models.ForeignKey(
                    blank=True,
                    null=True,
                    on_delete=django.db.models.deletion.SET_NULL,
                    related_name="continued_from",
                    to="editions.article",
                ),
            ),
            (
                "edition",
                models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE, related_name="articles", to="editions.edition"
                ),
            ),
            (
                "page",
                models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE, related_name="articles", to="editions.page"
                ),
            ),
        ],
        options={
            "db_table": "reader_article",
            "ordering": ["page__number", "order"],
            "constraints": [models.UniqueConstraint(fields=("edition", "key"), name="article_key_unique")],
        },
    ),
]


class Migration(migrations.Migration):
    initial = True

    dependencies = (("reader", "0004_edition_unpublished_index"),)

    operations = (migrations.SeparateDatabaseAndState(state_operations=STATE),)
