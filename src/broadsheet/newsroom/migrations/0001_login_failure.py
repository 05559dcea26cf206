"""Failed logins, counted for the login rate limit."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = ()

    operations = (
        migrations.CreateModel(
            name="LoginFailure",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("address", models.GenericIPAddressField()),
                ("username", models.CharField(max_length=150)),
                ("at", models.DateTimeField(auto_now_add=True, db_index=True)),
            ],
            options={
                "indexes": (
                    models.Index(fields=["username", "at"], name="newsroom_lo_usernam_902424_idx"),
                    models.Index(fields=["address", "at"], name="newsroom_lo_address_d8c6d9_idx"),
                ),
            },
        ),
    )
