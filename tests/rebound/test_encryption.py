"""Private words encrypted at rest (rebound.crypto): what a database dump shows, rotation, keys."""

import datetime as dt
import os
import subprocess

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse

from applications.pipeline import Status
from coping import services as coping
from coping.models import FeedbackRequest, Incident, JournalEntry
from rebound import crypto
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    SelfAssessmentFactory,
    reject,
)

# One made-up word per place the private words are kept: none may appear in a dump.
WORDS = {
    "journal": "Quillfeather",
    "incident": "Marrowgate",
    "feedback_request": "Thistlewick",
    "feedback_received": "Brambleton",
    "assessment": "Copperhollow",
    "reflection": "Wrenfield",
    "outreach": "Saltmarrow",
    "follow_up": "Emberdale",
}


def _dump() -> str:
    database = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": database.get("PASSWORD") or ""}
    result = subprocess.run(
        [
            "pg_dump",
            "--host",
            database.get("HOST") or "127.0.0.1",
            "--port",
            str(database.get("PORT") or 5432),
            "--username",
            database.get("USER") or "postgres",
            database["NAME"],
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "CREATE TABLE public.coping_journalentry" in result.stdout  # the right database
    return result.stdout


def _write_everything(alice):
    application = ApplicationFactory(
        company=CompanyFactory(owner=alice, name="Acme"), status=Status.INTERVIEWING
    )
    SelfAssessmentFactory(
        interview=InterviewFactory(application=application),
        went_well=f"The {WORDS['assessment']} answer landed.",
        tripped_questions="",
    )
    contact = ContactFactory(company=application.company, kind="hr", name="Hana")
    plan = reject(application, on=dt.date(2026, 11, 20))
    reflection = plan.reflection
    reflection.performance = f"Nervous about {WORDS['reflection']}."
    coping.reflection_save(reflection=reflection)
    coping.journal_entry_create(
        owner=alice, mood=2, text=f"Dear diary, {WORDS['journal']} again.", plan=plan
    )
    coping.plan_flag_legal(plan=plan)
    coping.incident_record(
        plan=plan,
        kind=Incident.Kind.DISCRIMINATORY_QUESTION,
        happened_on=dt.date(2026, 11, 18),
        jurisdiction=Incident.Jurisdiction.UK,
        facts=f"The panel asked about {WORDS['incident']}.",
    )
    request = coping.feedback_request_draft(
        plan=plan, contact=contact, body=f"Could you tell me about {WORDS['feedback_request']}?"
    )
    coping.feedback_request_mark_sent(request=request, on=dt.date(2026, 11, 21))
    coping.feedback_request_mark_received(
        request=request, on=dt.date(2026, 11, 22), feedback=f"{WORDS['feedback_received']} it."
    )
    coping.outreach_log(
        owner=alice,
        contact=contact,
        on=dt.date(2026, 11, 22),
        outcome="waiting",
        notes=f"Met at {WORDS['outreach']}.",
        plan=plan,
    )
    coping.follow_up_schedule(
        follow_up=plan.follow_up,
        interested=True,
        check_in_on=dt.date(2027, 3, 1),
        note=f"Ask about {WORDS['follow_up']}.",
    )
    return plan


@pytest.mark.django_db(transaction=True)
def test_it_keeps_no_private_words_in_a_database_dump(alice, alice_client):
    plan = _write_everything(alice)

    dump = _dump()

    assert [word for word in WORDS.values() if word in dump] == []
    assert crypto.PREFIX in dump  # the words are there, encrypted

    # ...and every page still reads them.
    def page(name, *args):
        return alice_client.get(reverse(name, args=args)).content.decode()

    assert WORDS["journal"] in page("coping:journal")
    assert WORDS["incident"] in page("coping:plan_step", plan.pk, "legal")
    assert WORDS["feedback_received"] in page("coping:plan_step", plan.pk, "feelings")
    assert WORDS["outreach"] in page("coping:plan_step", plan.pk, "never_settle")
    assert WORDS["follow_up"] in page("coping:plan_step", plan.pk, "keep_in_touch")
    assert WORDS["reflection"] in page("coping:plan_step", plan.pk, "reflect")
    interview = plan.application.interviews.get()
    assert WORDS["assessment"] in alice_client.get(interview.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_the_words_read_back_exactly_whatever_they_are(alice):
    # Words that look like a stored token, and the empty entry, come back as written.
    for text in ["fernet:gAAAAAB-not-a-token", "", "ünïcödé ✓\n\tline two", "x" * 20_000]:
        entry = coping.journal_entry_create(owner=alice, mood=3, text=text)
        assert JournalEntry.objects.get(pk=entry.pk).text == text


@pytest.mark.django_db
def test_the_database_cannot_be_asked_about_encrypted_words(alice):
    coping.journal_entry_create(owner=alice, mood=3, text="hello")
    with pytest.raises(FieldError, match="is encrypted"):
        list(JournalEntry.objects.filter(text="hello"))
    with pytest.raises(FieldError, match="is encrypted"):
        list(FeedbackRequest.objects.filter(feedback__icontains="x"))
    assert JournalEntry.objects.filter(text__isnull=False).count() == 1


def _raw(entry: JournalEntry) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM coping_journalentry WHERE id = %s", [entry.pk])
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_rotation_re_encrypts_with_the_new_key_and_keeps_everything_readable(
    alice, settings, capsys
):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    entry = coping.journal_entry_create(owner=alice, mood=2, text="Written under the old key")
    before = _raw(entry)

    # The new key first, the old one still there: both read, the new one writes.
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    assert JournalEntry.objects.get(pk=entry.pk).text == "Written under the old key"
    call_command("encryption_rotate")
    assert "coping.JournalEntry: 1 rows re-encrypted" in capsys.readouterr().out
    assert _raw(entry) != before

    # The old key dropped: everything still reads.
    settings.FIELD_ENCRYPTION_KEYS = [new]
    assert JournalEntry.objects.get(pk=entry.pk).text == "Written under the old key"


@pytest.mark.django_db
def test_dropping_a_key_before_rotating_says_what_went_wrong(alice, settings):
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    entry = coping.journal_entry_create(owner=alice, mood=2, text="Locked")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(crypto.DecryptionError, match="encryption_rotate"):
        JournalEntry.objects.get(pk=entry.pk)


@pytest.mark.django_db
def test_without_a_key_nothing_is_written_and_the_message_says_why(alice, settings):
    settings.FIELD_ENCRYPTION_KEYS = []
    with (
        pytest.raises(ImproperlyConfigured, match="FIELD_ENCRYPTION_KEYS must be set"),
        transaction.atomic(),
    ):
        coping.journal_entry_create(owner=alice, mood=2, text="Nowhere to go")
    assert not JournalEntry.objects.exists()
