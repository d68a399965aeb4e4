# Labels in the user's language: verbose names only, nothing changes in the database.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="reminder",
            options={
                "ordering": ["due_at", "pk"],
                "verbose_name": "reminder",
                "verbose_name_plural": "reminders",
            },
        ),
        migrations.AlterField(
            model_name="reminder",
            name="attempts",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="attempts"),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="created at"),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="due_at",
            field=models.DateTimeField(verbose_name="due at"),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="ended_reason",
            field=models.CharField(blank=True, max_length=200, verbose_name="why it ended"),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="kind",
            field=models.CharField(max_length=40, verbose_name="kind"),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="last_error",
            field=models.CharField(blank=True, max_length=200, verbose_name="last error"),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="lease_token",
            field=models.UUIDField(blank=True, null=True, verbose_name="lease token"),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="local_date",
            field=models.DateField(verbose_name="local date"),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="local_time",
            field=models.TimeField(verbose_name="local time"),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="owner",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                to=settings.AUTH_USER_MODEL,
                verbose_name="owner",
            ),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="run_at",
            field=models.DateTimeField(verbose_name="run at"),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="scope",
            field=models.CharField(blank=True, max_length=80, verbose_name="scope"),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="sent_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="sent at"),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="status",
            field=models.CharField(
                choices=[
                    ("scheduled", "Scheduled"),
                    ("sending", "Sending"),
                    ("sent", "Sent"),
                    ("failed", "Failed"),
                    ("cancelled", "Cancelled"),
                    ("done", "Done"),
                ],
                default="scheduled",
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="subject_id",
            field=models.BigIntegerField(verbose_name="subject id"),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="timezone",
            field=models.CharField(max_length=64, verbose_name="time zone"),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated at"),
        ),
        migrations.AlterField(
            model_name="reminder",
            name="version",
            field=models.PositiveIntegerField(default=1, verbose_name="version"),
        ),
    ]
