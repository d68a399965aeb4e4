# Journal entries, incident facts, feedback and the plans' notes and reflections are stored
# encrypted (rebound.crypto). The column type stays text: the schema does not change, the
# rows already written are encrypted in place (and decrypted again on the way back).

from django.db import migrations

import rebound.crypto
from rebound.crypto import encrypting

FIELDS = {
    "coping.FeedbackRequest": ["body", "feedback"],
    "coping.FollowUp": ["note", "requirements", "experience_now"],
    "coping.Incident": ["facts"],
    "coping.JournalEntry": ["text"],
    "coping.Outreach": ["notes"],
    "coping.Reflection": ["qualified", "performance", "tripped_questions", "skills_to_improve"],
}


class Migration(migrations.Migration):
    dependencies = [
        ("coping", "0004_data_version_triggers"),
    ]

    operations = [
        migrations.AlterField(
            model_name="feedbackrequest",
            name="body",
            field=rebound.crypto.EncryptedTextField(),
        ),
        migrations.AlterField(
            model_name="feedbackrequest",
            name="feedback",
            field=rebound.crypto.EncryptedTextField(
                blank=True, verbose_name="the feedback you received"
            ),
        ),
        migrations.AlterField(
            model_name="followup",
            name="experience_now",
            field=rebound.crypto.EncryptedTextField(
                blank=True, verbose_name="what you can show now"
            ),
        ),
        migrations.AlterField(
            model_name="followup",
            name="note",
            field=rebound.crypto.EncryptedTextField(blank=True, verbose_name="check-in note"),
        ),
        migrations.AlterField(
            model_name="followup",
            name="requirements",
            field=rebound.crypto.EncryptedTextField(
                blank=True, verbose_name="what the role asks for"
            ),
        ),
        migrations.AlterField(
            model_name="incident",
            name="facts",
            field=rebound.crypto.EncryptedTextField(
                verbose_name="what happened, in your words, with names and dates"
            ),
        ),
        migrations.AlterField(
            model_name="journalentry",
            name="text",
            field=rebound.crypto.EncryptedTextField(
                blank=True, verbose_name="what is on your mind"
            ),
        ),
        migrations.AlterField(
            model_name="outreach",
            name="notes",
            field=rebound.crypto.EncryptedTextField(blank=True),
        ),
        migrations.AlterField(
            model_name="reflection",
            name="performance",
            field=rebound.crypto.EncryptedTextField(
                blank=True, verbose_name="How did you do in front of the panel?"
            ),
        ),
        migrations.AlterField(
            model_name="reflection",
            name="qualified",
            field=rebound.crypto.EncryptedTextField(
                blank=True, verbose_name="Were you qualified and suited for the role?"
            ),
        ),
        migrations.AlterField(
            model_name="reflection",
            name="skills_to_improve",
            field=rebound.crypto.EncryptedTextField(
                blank=True, verbose_name="Which interviewing skills will you work on?"
            ),
        ),
        migrations.AlterField(
            model_name="reflection",
            name="tripped_questions",
            field=rebound.crypto.EncryptedTextField(
                blank=True, verbose_name="Which questions tripped you?"
            ),
        ),
        encrypting(FIELDS),
    ]
