"""Accounts made before allauth keep their reminders: their addresses count as confirmed.

They have been receiving reminders at these addresses, some for months, and nobody could
confirm anything before this change, so waiting now would stop every reminder for every
existing user until they found and clicked a link. What the issue reports (an address typed
by someone else) can't be told apart after the fact; from now on every new address needs a
confirmation, and docs/security.md says so.
"""

from django.db import migrations


def mark_existing_verified(apps, schema_editor):
    User = apps.get_model("rebound", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    have = set(EmailAddress.objects.values_list("user_id", flat=True))
    EmailAddress.objects.bulk_create(
        EmailAddress(user_id=pk, email=email.lower(), verified=True, primary=True)
        for pk, email in User.objects.exclude(pk__in=have).values_list("pk", "email").iterator()
    )
    User.objects.update(email_verified=True)


class Migration(migrations.Migration):
    dependencies = [
        ("rebound", "0004_user_email_verified"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(mark_existing_verified, migrations.RunPython.noop)]
