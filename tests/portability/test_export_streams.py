"""The backup streams: the same bytes as the document written whole (version 1 of
docs/backup.md), in queries that don't grow with the account and memory that barely does."""

import datetime as dt
import json
import threading
import tracemalloc
from typing import Any

import pytest
from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models
from django.http import StreamingHttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from applications.models import Application, Company, StatusChange
from feeds.models import CalendarFeed
from feeds.services import feed_enable
from portability import export
from portability.document import FORMAT, FRESH, MODELS, PREFERENCES, VERSION, fields, is_user
from portability.export import backup_export, backup_stream
from portability.services import backup_restore
from rebound.models import User
from reminders.models import Reminder
from tests.factories import UserFactory

from .builders import normalised, several

NOW = dt.datetime(2026, 12, 8, 12, 0, 0, 123456, tzinfo=dt.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen(NOW)]


# The export as it was before it streamed (issue 24), kept word for word with the view's
# serialisation: the format's reference. It read a query per row for many-to-many ids.
def _old_row(obj: models.Model, model: type[models.Model]) -> dict[str, Any]:
    row: dict[str, Any] = {"id": obj.pk}
    for f in fields(model):
        if is_user(f) or f.name in FRESH:
            continue
        row[f.attname] = f.value_from_object(obj)
    for m2m in model._meta.many_to_many:
        row[m2m.name] = sorted(getattr(obj, m2m.name).values_list("pk", flat=True))
    return row


def _old_backup_export(user: User) -> dict[str, Any]:
    data: dict[str, list[dict[str, Any]]] = {}
    for label, owner in MODELS:
        model = apps.get_model(label)
        rows = model._default_manager.filter(**{owner: user}).order_by("pk")
        if model._meta.many_to_many:
            rows = rows.prefetch_related(*(m.name for m in model._meta.many_to_many))
        data[label] = [_old_row(obj, model) for obj in rows]
    open_reminders = Reminder.objects.filter(owner=user, status__in=Reminder.OPEN).order_by("pk")
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now(),
        "preferences": {name: getattr(user, name) for name in PREFERENCES},
        "calendar_feed": CalendarFeed.objects.filter(user=user, enabled=True).exists(),
        "data": data,
        "reminders": [
            {
                "kind": r.kind,
                "subject": r.subject_id,
                "scope": r.scope,
                "local_date": r.local_date,
                "local_time": r.local_time,
            }
            for r in open_reminders
        ],
    }
    return json.loads(json.dumps(document, cls=DjangoJSONEncoder))


def _old_download(user: User) -> bytes:
    return json.dumps(_old_backup_export(user), indent=1, ensure_ascii=False).encode()


@pytest.fixture
def casey() -> User:
    """An account with several of everything, a first name with an accent and a calendar
    link; and a neighbour whose rows must stay out of it."""
    user = UserFactory(email="casey@example.com", first_name="Zoë", timezone="Asia/Tokyo")
    several(user, 5)
    feed_enable(user=user)
    several(UserFactory(email="neighbour@example.com"), 3)
    return user


def _download(user: User) -> StreamingHttpResponse:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("backup_download"))
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    return response


def test_it_streams_the_same_bytes_as_the_document_written_whole(casey):
    response = _download(casey)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="rebound-backup-')
    streamed = b"".join(response.streaming_content)
    assert streamed == _old_download(casey)
    # Several of everything was compared, not a document of empty lists.
    document = json.loads(streamed)
    # (One weekly letter per account: its settings.)
    assert all(
        len(document["data"][label]) >= (1 if label == "weekly.WeeklyLetter" else 5)
        for label, _ in MODELS
    )
    assert len(document["reminders"]) == 5 and document["calendar_feed"] is True
    applications = document["data"]["applications.Application"]
    assert {len(a["contacts"]) for a in applications} == {0, 1, 2}
    assert {len(i["interviewers"]) for i in document["data"]["interviews.Interview"]} == {0, 1, 2}
    assert document["exported_at"] == "2026-12-08T12:00:00.123Z"


def test_it_writes_an_empty_account_as_before(casey):
    empty = UserFactory(email="empty@example.com")
    assert b"".join(_download(empty).streaming_content) == _old_download(empty)
    assert backup_export(empty)["data"]["applications.Application"] == []


def test_it_comes_in_pieces_of_the_write_size(casey, monkeypatch):
    monkeypatch.setattr(export, "WRITE", 1000)
    pieces = list(backup_stream(casey))
    assert len(pieces) > 10
    assert all(len(piece) >= 1000 for piece in pieces[:-1])
    assert "".join(pieces).encode() == _old_download(casey)


@pytest.mark.parametrize("n", [2, 20])
def test_its_queries_are_the_same_for_2_and_20_of_everything(n, django_assert_num_queries):
    user = UserFactory(email="sized@example.com")
    several(user, n)
    # 1 the calendar link, 22 one per model (an application's contacts and tags and an
    # interview's interviewers come with their rows, as arrays), 1 the open reminders.
    with django_assert_num_queries(24):
        document = json.loads("".join(backup_stream(user)))
    assert len(document["data"]["applications.Application"]) == n


def _peak(user: User) -> tuple[int, int]:
    """The most memory the streamed backup held at once (Python's allocations), and its size."""
    tracemalloc.start()
    try:
        size = sum(len(piece) for piece in backup_stream(user))
        return tracemalloc.get_traced_memory()[1], size
    finally:
        tracemalloc.stop()


def test_its_peak_memory_stays_flat_for_ten_times_the_data(monkeypatch):
    # Chunks of 25 rows, so 30 and 300 of everything both span many chunks (in production
    # chunks are 1,000 rows: docs/performance.md measures 5,000 applications).
    monkeypatch.setattr(export, "CHUNK", 25)
    small, large = UserFactory(email="small@example.com"), UserFactory(email="large@example.com")
    several(small, 30)
    several(large, 300)
    _peak(small)  # the first run pays for Django's caches (SQL compilers, the encoder)
    small_peak, small_size = _peak(small)
    large_peak, large_size = _peak(large)
    assert large_size > 9 * small_size
    assert large_peak < 1.5 * small_peak, (small_peak, large_peak)


def test_several_of_everything_restores_into_the_same_account(casey):
    document = backup_export(casey)
    fresh = UserFactory(email="fresh@example.com")
    restored = backup_restore(user=fresh, document=document)
    assert restored.rows == sum(len(rows) for rows in document["data"].values())
    assert (restored.reminders, restored.reminders_past) == (5, 0)
    fresh.refresh_from_db()
    assert normalised(backup_export(fresh)) == normalised(document)


def _restore_queries(n: int, *, reminders: bool) -> int:
    source, target = UserFactory(), UserFactory()
    several(source, n)
    document = backup_export(source)
    if not reminders:
        document["reminders"] = []
    with CaptureQueriesContext(connection) as queries:
        backup_restore(user=target, document=document)
    return len(queries)


def test_its_rows_restore_in_the_same_queries_for_2_and_20_of_everything():
    # One bulk insert per model and per many-to-many field, beside the account's checks.
    assert _restore_queries(2, reminders=False) == _restore_queries(20, reminders=False)
    # Each reminder goes through the reminder engine (reminders.services.reminder_schedule),
    # which asks and inserts one at a time; its subject is no longer read one at a time.
    per_reminder = (_restore_queries(20, reminders=True) - _restore_queries(2, reminders=True)) / 18
    assert per_reminder <= 6


@pytest.mark.django_db(transaction=True)
def test_it_reads_one_snapshot_however_slowly_it_is_downloaded(monkeypatch):
    monkeypatch.setattr(export, "WRITE", 1)  # a piece at a time: a slow line
    user = UserFactory(email="slow@example.com")
    several(user, 2)
    stream = backup_stream(user)
    text = ""
    while '"applications.Contact"' not in text:  # the companies are read, not the applications
        text += next(stream)

    def meanwhile() -> None:  # another tab, on its own connection
        try:
            late = Application.objects.create(
                owner=user, company=Company.objects.filter(owner=user).first(), role="Late",
                status="applied", date_applied=NOW.date(),
            )  # fmt: skip
            StatusChange.objects.create(
                application=late, to_status="applied", changed_on=NOW.date()
            )
        finally:
            connection.close()

    thread = threading.Thread(target=meanwhile)
    thread.start()
    thread.join()
    document = json.loads(text + "".join(stream))
    assert Application.objects.filter(owner=user).count() == 3
    assert len(document["data"]["applications.Application"]) == 2
    assert len(document["data"]["applications.StatusChange"]) == 4
