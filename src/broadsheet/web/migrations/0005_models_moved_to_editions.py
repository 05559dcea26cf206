"""The reader's app forgets the edition models, now :mod:`broadsheet.editions`' (``editions.0001``).

State only: their tables stay as they are, with their rows. Migrations 0001–0004 stay too, as the
history that makes those tables on a new database.
"""

from __future__ import annotations

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = (("reader", "0004_edition_unpublished_index"), ("editions", "0001_initial"))
    operations = (
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Article"),
                migrations.DeleteModel(name="Page"),
                migrations.DeleteModel(name="Edition"),
                migrations.DeleteModel(name="Publication"),
            ]
        ),
    )
