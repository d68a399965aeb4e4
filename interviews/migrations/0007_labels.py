# Labels in the user's language: verbose names only, nothing changes in the database.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0012_import_job_records"),
        ("interviews", "0006_encrypt_private_words"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="interview",
            options={
                "ordering": ["starts_at"],
                "verbose_name": "interview",
                "verbose_name_plural": "interviews",
            },
        ),
        migrations.AlterModelOptions(
            name="selfassessment",
            options={"verbose_name": "self-assessment", "verbose_name_plural": "self-assessments"},
        ),
        migrations.AlterField(
            model_name="interview",
            name="application",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="interviews",
                to="applications.application",
                verbose_name="application",
            ),
        ),
        migrations.AlterField(
            model_name="interview",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="created at"),
        ),
        migrations.AlterField(
            model_name="interview",
            name="ends_at",
            field=models.DateTimeField(verbose_name="ends at"),
        ),
        migrations.AlterField(
            model_name="interview",
            name="format",
            field=models.CharField(
                choices=[("video", "Video call"), ("phone", "Phone"), ("onsite", "In person")],
                default="video",
                max_length=10,
                verbose_name="format",
            ),
        ),
        migrations.AlterField(
            model_name="interview",
            name="interviewers",
            field=models.ManyToManyField(
                blank=True,
                related_name="interviews",
                to="applications.contact",
                verbose_name="interviewers",
            ),
        ),
        migrations.AlterField(
            model_name="interview",
            name="owner",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="owner",
            ),
        ),
        migrations.AlterField(
            model_name="interview",
            name="preparation_notes",
            field=models.TextField(blank=True, verbose_name="preparation notes"),
        ),
        migrations.AlterField(
            model_name="interview",
            name="starts_at",
            field=models.DateTimeField(verbose_name="starts at"),
        ),
        migrations.AlterField(
            model_name="interview",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated at"),
        ),
        migrations.AlterField(
            model_name="selfassessment",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="created at"),
        ),
        migrations.AlterField(
            model_name="selfassessment",
            name="interview",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="assessment",
                to="interviews.interview",
                verbose_name="interview",
            ),
        ),
        migrations.AlterField(
            model_name="selfassessment",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated at"),
        ),
    ]
