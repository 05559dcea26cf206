"""Publication slugs and edition names are checked against the URL pattern (broadsheet.editions.slugs) by
the model fields' validators, so the admin refuses what would break the reader; no table changes."""

from django.db import migrations, models

import broadsheet.editions.slugs


class Migration(migrations.Migration):
    dependencies = (("editions", "0005_publication_profile"),)

    operations = (
        migrations.AlterField(
            model_name="edition",
            name="name",
            field=models.SlugField(
                blank=True, default="", max_length=60, validators=[broadsheet.editions.slugs.validate_edition_name]
            ),
        ),
        migrations.AlterField(
            model_name="publication",
            name="slug",
            field=models.SlugField(
                max_length=80, unique=True, validators=[broadsheet.editions.slugs.validate_publication_slug]
            ),
        ),
    )
