"""The import's writer costs the same statements for 50 rows as for 500 (one batch): nothing
is looked up or written per row, or per new tag, company or contact (issue 24)."""

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from applications.imports.records import Record
from applications.imports.services.writing import applications_import
from applications.models import Application, Attachment, Contact, ImportJob, StatusChange, Tag
from applications.tag_services import tags_get_or_create
from rebound.models import User

pytestmark = pytest.mark.django_db


def _records(n: int) -> list[Record]:
    """n rows, each with new tags, a new company every other row, contacts and résumés: what
    grows with the file grows with n."""
    return [
        Record(
            lines=[i + 2],
            company=f"Company {i // 2}",
            role=f"Engineer {i}",
            status="rejected" if i % 3 else "applied",
            applied=dt.date(2026, 1, 1) + dt.timedelta(days=i % 300),
            status_on=dt.date(2026, 11, 1),
            tags=[f"tag {i}", "Remote"],
            contact_name=f"Person {i}" if i % 2 else "",
            resume="CV v2" if i % 4 == 0 else "",
        )
        for i in range(n)
    ]


def _owner(email: str) -> User:
    owner = User.objects.create_user(email=email, password="x", timezone="UTC")
    # One tag there already, named in another case: found, not made again.
    tags_get_or_create(owner=owner, names=["remote"])
    return owner


def test_the_same_queries_for_50_rows_as_for_500(django_assert_num_queries: Any) -> None:
    small = _owner("small@example.com")
    with CaptureQueriesContext(connection) as fifty:
        applications_import(owner=small, records=_records(50))
    heavy = _owner("heavy@example.com")
    with django_assert_num_queries(len(fifty.captured_queries)):
        applications_import(owner=heavy, records=_records(500))

    assert Application.objects.filter(owner=heavy).count() == 500
    assert StatusChange.objects.filter(application__owner=heavy).count() == 500 + 333
    assert Tag.objects.filter(owner=heavy).count() == 501
    assert Contact.objects.filter(owner=heavy).count() == 250
    assert Attachment.objects.filter(owner=heavy).count() == 125
    remote = Tag.objects.get(owner=heavy, name__iexact="remote")
    assert remote.name == "remote"
    assert Application.objects.filter(owner=heavy, tags=remote).count() == 500


def test_each_batch_adds_the_same_statements(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two batches cost one batch's writes more than one: per batch, never per row."""
    from applications.imports.services import writing

    monkeypatch.setattr(writing, "IMPORT_BATCH", 50)
    one = _owner("one@example.com")
    with CaptureQueriesContext(connection) as single:
        applications_import(owner=one, records=_records(50))
    two = _owner("two@example.com")
    with CaptureQueriesContext(connection) as double:
        applications_import(owner=two, records=_records(100))
    # A batch writes its applications, status changes, résumés, tag links and contact links.
    assert len(double.captured_queries) - len(single.captured_queries) == 5


@pytest.mark.django_db(transaction=True)
def test_progress_is_saved_on_one_connection_for_the_whole_import(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Progress commits beside the import's transaction on a connection of its own: one for
    the whole import (opening one per batch cost ~30 ms each), closed when it ends."""
    from applications.imports.services import progress, steps, work

    rows = 1200  # three batches of writing.IMPORT_BATCH
    raw = b"Company,Role\n" + b"".join(b"Company %d,Analyst\n" % n for n in range(rows))
    job = steps.import_start(owner=alice, filename="big.csv", raw=raw)
    ImportJob.objects.filter(pk=job.pk).update(state="queued")
    backends: list[int] = []
    run = progress.Beside.run

    def recorded(self: progress.Beside, write: Callable[[], Any]) -> None:
        def write_and_record() -> None:
            write()
            backends.append(connection.connection.info.backend_pid)

        run(self, write_and_record)

    monkeypatch.setattr(progress.Beside, "run", recorded)
    work.import_run(job_id=job.pk)

    job.refresh_from_db()
    assert (job.state, job.created, job.done) == ("done", rows, rows)
    assert len(backends) == 4 and len(set(backends)) == 1  # 0, 500, 1000, 1200
    assert backends[0] != connection.connection.info.backend_pid
    with connection.cursor() as cursor:
        for _ in range(50):  # the server ends a closed connection's backend a moment later
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [backends[0]])
            if cursor.fetchone()[0] == 0:
                break
            time.sleep(0.05)
        else:
            pytest.fail("the progress connection was left open")
