"""The migrations that encrypt the words already written, and decrypt them on the way back."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from coping.models import JournalEntry
from rebound import crypto

BEFORE = [("coping", "0004_data_version_triggers"), ("interviews", "0005_data_version_triggers")]
AFTER = [("coping", "0005_encrypt_private_words"), ("interviews", "0006_encrypt_private_words")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _raw_texts() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM coping_journalentry ORDER BY id")
        return [row[0] for row in cursor.fetchall()]


@pytest.fixture
def at_the_latest_migration_afterwards():
    yield
    executor = MigrationExecutor(connection)
    _migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_it_encrypts_the_words_written_before_and_decrypts_them_when_reversed(
    alice, at_the_latest_migration_afterwards
):
    old = _migrate(BEFORE)
    Entry = old.get_model("coping", "JournalEntry")
    for text in ["Written before encryption", ""]:
        Entry.objects.create(owner_id=alice.pk, mood=3, text=text, written_on=dt.date(2026, 1, 5))
    assert _raw_texts() == ["Written before encryption", ""]

    _migrate(AFTER)
    stored, empty = _raw_texts()
    assert stored.startswith(crypto.PREFIX) and "Written" not in stored
    assert empty == ""  # nothing to hide
    assert [e.text for e in JournalEntry.objects.order_by("pk")] == [
        "Written before encryption",
        "",
    ]

    _migrate(BEFORE)
    assert _raw_texts() == ["Written before encryption", ""]


@pytest.mark.django_db(transaction=True)
def test_running_it_again_leaves_encrypted_words_alone(alice, at_the_latest_migration_afterwards):
    from coping import services

    services.journal_entry_create(owner=alice, mood=3, text="Encrypted already")
    (stored,) = _raw_texts()
    _migrate(BEFORE)  # decrypts
    _migrate(AFTER)  # encrypts afresh
    (again,) = _raw_texts()
    assert again.startswith(crypto.PREFIX)
    assert JournalEntry.objects.get().text == "Encrypted already"
    # The forward step itself skips values already encrypted.
    changed = crypto.rewrite_columns(
        connection,
        JournalEntry,
        ["text"],
        lambda raw: None if crypto.is_encrypted(raw) else crypto.encrypt(raw),
    )
    assert changed == 0 and _raw_texts() == [again]
    assert stored != again  # a fresh token each time: the migration did run both ways
