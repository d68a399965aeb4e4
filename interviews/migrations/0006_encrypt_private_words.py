# The self-assessment's own words are stored encrypted (rebound.crypto); the ratings are not,
# so Insights still averages them in SQL. The rows already written are encrypted in place.

from django.db import migrations

import rebound.crypto
from rebound.crypto import encrypting

FIELDS = {
    "interviews.SelfAssessment": [
        "went_well",
        "tripped_questions",
        "change_next_time",
        "skills_to_build",
    ],
}


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0005_data_version_triggers"),
    ]

    operations = [
        migrations.AlterField(
            model_name="selfassessment",
            name="change_next_time",
            field=rebound.crypto.EncryptedTextField(
                blank=True, verbose_name="what you would do differently"
            ),
        ),
        migrations.AlterField(
            model_name="selfassessment",
            name="skills_to_build",
            field=rebound.crypto.EncryptedTextField(
                blank=True, help_text="One per line.", verbose_name="skills to build"
            ),
        ),
        migrations.AlterField(
            model_name="selfassessment",
            name="tripped_questions",
            field=rebound.crypto.EncryptedTextField(
                blank=True, verbose_name="questions that tripped you, and why"
            ),
        ),
        migrations.AlterField(
            model_name="selfassessment",
            name="went_well",
            field=rebound.crypto.EncryptedTextField(blank=True, verbose_name="what went well"),
        ),
        encrypting(FIELDS),
    ]
