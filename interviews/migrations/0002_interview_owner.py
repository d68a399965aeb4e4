import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def fill_owner(apps, schema_editor):
    Interview = apps.get_model("interviews", "Interview")
    Application = apps.get_model("applications", "Application")
    Interview.objects.update(
        owner_id=models.Subquery(
            Application.objects.filter(pk=models.OuterRef("application_id")).values("owner_id")[:1]
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="interview",
            name="owner",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(fill_owner, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="interview",
            name="owner",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RemoveIndex(model_name="interview", name="interview_start_idx"),
        migrations.AddIndex(
            model_name="interview",
            index=models.Index(fields=["owner", "starts_at"], name="interview_owner_start_idx"),
        ),
        migrations.AddIndex(
            model_name="interview",
            index=models.Index(
                condition=models.Q(("promised_reply_by__isnull", False)),
                fields=["owner", "promised_reply_by"],
                name="interview_owner_promised_idx",
            ),
        ),
    ]
