# Saved table views (applications.SavedView), and the data-version triggers: the table's
# cached fragment lists them (rebound.fragments), so saving or deleting one makes it anew.

import django.db.models.deletion
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models

from rebound.triggers import watching


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0014_posting"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SavedView",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=60, verbose_name="name")),
                ("query", models.CharField(max_length=1000, verbose_name="filters and sort")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={
                "verbose_name": "saved view",
                "verbose_name_plural": "saved views",
                "constraints": [
                    models.UniqueConstraint(
                        models.F("owner"),
                        django.db.models.functions.text.Lower("name"),
                        name="savedview_owner_name_ci_unique",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("name", ""), _negated=True),
                        name="savedview_name_not_empty",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("query", ""), _negated=True),
                        name="savedview_query_not_empty",
                    ),
                ],
            },
        ),
        watching({"applications_savedview": "SELECT owner_id AS owner FROM {changed}"}),
    ]
