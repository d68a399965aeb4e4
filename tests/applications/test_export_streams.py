"""The application CSV streams: the same bytes as the writer it replaced, in the same queries
for 2 and for 30 applications, and in memory that doesn't grow with the account (issue 24)."""

import datetime as dt
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest
from django.db.models import DateTimeField, ExpressionWrapper, F, Value
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from applications import export
from applications.models import Application, Attachment, Company, StatusChange
from rebound.lib.csvfile import csv_lines
from rebound.lib.localtime import local_today
from rebound.models import User
from tests.factories import UserFactory
from tests.portability.builders import WORDS, several

pytestmark = pytest.mark.django_db


# The writer as it was before it streamed in two queries (issue 24), kept word for word: the
# file's reference. It held every attachment of the account in a dict while it wrote.
def _old_sent(owner: User) -> dict[int, dict[str, str]]:
    sent: dict[int, dict[str, list[str]]] = {}
    for a in Attachment.objects.filter(owner=owner).order_by("created_at"):
        sent.setdefault(a.application_id, {}).setdefault(a.kind, []).append(a.label)
    return {app: {k: "; ".join(v) for k, v in kinds.items()} for app, kinds in sent.items()}


def _old_rows(owner: User) -> Iterator[list[Any]]:
    sent = _old_sent(owner)
    changes = (
        StatusChange.objects.filter(application__owner=owner)
        .select_related("application__company")
        .order_by(
            "application__company__name",
            "application__role",
            "application_id",
            "changed_on",
            "created_at",
        )
    )
    for change in changes.iterator(chunk_size=500):
        app = change.application
        yield [
            app.company.name,
            app.role,
            app.get_status_display(),
            app.date_applied.isoformat() if app.date_applied else "",
            app.get_source_display(),
            app.posting_url,
            change.get_from_status_display(),
            change.get_to_status_display(),
            change.changed_on.isoformat(),
            change.note,
            sent.get(app.pk, {}).get(Attachment.Kind.RESUME, ""),
            sent.get(app.pk, {}).get(Attachment.Kind.COVER_LETTER, ""),
        ]


def _old_file(owner: User) -> bytes:
    return "".join(csv_lines(export.HEADER, _old_rows(owner))).encode()


def _attach(user: User, applications: list[Application], per: int) -> None:
    """`per` attachments on each application, of every kind, some named by a version only,
    created in an order that isn't their id's (the file lists them oldest first)."""
    rows = Attachment.objects.bulk_create(
        Attachment(
            owner=user,
            application=a,
            kind=list(Attachment.Kind)[(i + k) % 3],
            version=["CV 2025, “data” roles", '=HYPERLINK("x")', ""][k % 3] or "Letter",
            filename=f"Zoë {i}-{k}.pdf" if k % 2 else "",
        )
        for i, a in enumerate(applications)
        for k in range(per)
    )
    # Later ids made a second earlier each.
    Attachment.objects.filter(pk__in=[row.pk for row in rows]).update(
        created_at=ExpressionWrapper(
            Value(timezone.now()) - F("pk") * Value(dt.timedelta(seconds=1)),
            output_field=DateTimeField(),
        )
    )


@pytest.fixture
def casey() -> User:
    """Applications with contacts and tags (several), and more of what a spreadsheet trips on:
    markup, formula-like text, accents and newlines, empty fields, a wishlist entry with no
    date applied, two applications at one company for one role, one without a timeline,
    attachments of every kind; and a neighbour whose rows must stay out."""
    user = UserFactory(email="casey@example.com", first_name="Zoë")
    several(user, 6)
    today = local_today(user)
    odd = Company.objects.bulk_create(
        Company(owner=user, name=name)
        for name in ["<b>Acme</b> & Co", "=SUM(A1:A9)", "Ünïcode 日本"]
    )
    extra = Application.objects.bulk_create(
        [
            Application(owner=user, company=odd[0], role="<script>x</script>", status="applied",
                        status_changed_on=today, date_applied=today, source="",
                        posting_url="https://example.com/?a=1&b=<2>"),
            Application(owner=user, company=odd[1], role="+44 lead", status="wishlist",
                        status_changed_on=today, date_applied=None, source="referral"),
            Application(owner=user, company=odd[2], role=WORDS, status="screening",
                        status_changed_on=today, date_applied=today - dt.timedelta(days=3),
                        source="linkedin"),
            Application(owner=user, company=odd[0], role="<script>x</script>", status="applied",
                        status_changed_on=today, date_applied=today, source="job_board"),
            Application(owner=user, company=odd[2], role="No timeline", status="applied",
                        status_changed_on=today, date_applied=today),
        ]
    )  # fmt: skip
    StatusChange.objects.bulk_create(
        [
            StatusChange(application=extra[0], to_status="applied", changed_on=today,
                         note="=cmd|' /C calc'!A0"),
            StatusChange(application=extra[1], to_status="wishlist", changed_on=today, note=""),
            StatusChange(application=extra[2], to_status="applied",
                         changed_on=today - dt.timedelta(days=3), note="-5"),
            StatusChange(application=extra[2], from_status="applied", to_status="screening",
                         changed_on=today, note="@them\n\ttabbed, “quoted”"),
            StatusChange(application=extra[3], to_status="applied", changed_on=today,
                         note="+3.5"),
        ]
    )  # fmt: skip
    _attach(user, list(Application.objects.filter(owner=user).order_by("?")), 4)
    neighbour = UserFactory(email="neighbour@example.com")
    several(neighbour, 3)
    _attach(neighbour, list(Application.objects.filter(owner=neighbour)), 2)
    return user


def _download(user: User) -> StreamingHttpResponse:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("applications:application_export"))
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    return response


def test_it_streams_the_same_bytes_as_the_old_writer(casey):
    response = _download(casey)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    streamed = b"".join(response.streaming_content)
    assert streamed == _old_file(casey)
    # The comparison covered what it claims: every change, attachments of both kinds listed
    # together, neutralised formulas, markup as text, the neighbour left out.
    text = streamed.decode()
    assert len(text.splitlines()) > 20
    assert ".pdf); CV 2025, “data” roles" in text  # two of a kind, the older first
    assert "'=SUM(A1:A9)" in text and "'=HYPERLINK" in text and ",-5," in text
    assert "<b>Acme</b> & Co" in text and "Person" not in text
    assert "No timeline" not in text and "neighbour" not in text


def test_it_writes_an_account_without_attachments_or_applications_as_before(casey):
    Attachment.objects.filter(owner=casey).delete()
    assert b"".join(_download(casey).streaming_content) == _old_file(casey)
    empty = UserFactory(email="empty@example.com")
    assert b"".join(_download(empty).streaming_content) == _old_file(empty)


def test_it_reads_in_chunks_the_same_file(casey, monkeypatch):
    # Chunks smaller than an application's attachments and changes: the merge still pairs them.
    monkeypatch.setattr(export, "CHUNK", 2)
    assert "".join(csv_lines(export.HEADER, export._rows(casey))).encode() == _old_file(casey)


@pytest.mark.parametrize("n", [2, 30])
def test_its_queries_are_the_same_for_2_and_30_applications(n, django_assert_num_queries):
    user = UserFactory(email="sized@example.com")
    several(user, n)
    _attach(user, list(Application.objects.filter(owner=user)), 2)
    client = Client()
    client.force_login(user)
    # 1 the session, 2 the user, 3 the status changes with their applications and companies,
    # 4 the attachments: each a server-side cursor read a chunk at a time.
    with django_assert_num_queries(4):
        response = client.get(reverse("applications:application_export"))
        lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 1 + 2 * n


def _peak(user: User) -> tuple[int, int]:
    """The most memory the streamed file held at once (Python's allocations), and its size."""
    tracemalloc.start()
    try:
        size = sum(len(line) for line in csv_lines(export.HEADER, export._rows(user)))
        return tracemalloc.get_traced_memory()[1], size
    finally:
        tracemalloc.stop()


def test_its_peak_memory_stays_flat_for_ten_times_the_data(monkeypatch):
    # Chunks of 25 rows, so 30 and 300 applications both span many chunks (in production
    # 2,000: docs/performance.md measures 5,000 applications).
    monkeypatch.setattr(export, "CHUNK", 25)
    small, large = UserFactory(email="small@example.com"), UserFactory(email="large@example.com")
    for user, n in ((small, 30), (large, 300)):
        several(user, n)
        _attach(user, list(Application.objects.filter(owner=user)), 2)
    _peak(small)  # the first run pays for Django's caches (SQL compilers, the labels)
    small_peak, small_size = _peak(small)
    large_peak, large_size = _peak(large)
    assert large_size > 9 * small_size
    assert large_peak < 1.5 * small_peak, (small_peak, large_peak)
