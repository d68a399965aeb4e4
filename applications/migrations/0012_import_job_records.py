# The rows of an import read with its mapping, kept from the mapping step to the run
# (applications.imports.services.import_map): one reading for the preview, the skipped rows
# and the import.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0011_import_job_reading_and_progress"),
    ]

    operations = [
        migrations.AddField(
            model_name="importjob",
            name="records",
            field=models.JSONField(blank=True, default=None, null=True),
        ),
    ]
