"""Restore refuses every malformed or impossible document with a 400 page that says what is
wrong, stores nothing then, and obeys the same date rules as every page. Hypothesis throws
generated documents, and mutations of a real backup, at it: never a 500."""

import copy
import datetime as dt
import itertools
import json

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from applications import services as applications
from applications.pipeline import Status
from coping.services import journal_entry_create
from interviews.models import Interview
from interviews.services import interview_save
from portability.document import MODELS, account_is_empty
from portability.export import backup_export
from rebound.models import User
from reminders.models import Reminder
from tests.factories import CompanyFactory

NOW = dt.datetime(2026, 12, 8, 12, tzinfo=dt.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen(NOW)]
D = dt.date


@pytest.fixture
def document(bob):
    """Bob's small, real account as a backup: an application applied 20 Nov, screened, then
    interviewed and rejected (its plan and reminders), and a journal entry."""
    application = applications.application_create(
        owner=bob, company=CompanyFactory(owner=bob, name="Acme"), role="Analyst",
        status=Status.APPLIED, date_applied=D(2026, 11, 20),
    )  # fmt: skip
    applications.application_change_status(
        application=application, to_status=Status.SCREENING, on=D(2026, 11, 24)
    )
    starts = dt.datetime(2026, 11, 26, 9, tzinfo=dt.UTC)
    interview_save(
        interview=Interview(
            application=application, round_type="technical", format="video",
            starts_at=starts, ends_at=starts + dt.timedelta(hours=1),
        )
    )  # fmt: skip
    applications.application_change_status(
        application=application, to_status=Status.REJECTED, on=D(2026, 12, 2)
    )
    journal_entry_create(owner=bob, mood=2, text="Gutted.", written_on=D(2026, 12, 3))
    return backup_export(bob)


_users = itertools.count()


def _fresh_client() -> tuple[Client, User]:
    user = User.objects.create(email=f"restore{next(_users)}@example.com")
    client = Client()
    client.force_login(user)
    return client, user


def _restore(client: Client, content: bytes):
    upload = SimpleUploadedFile("backup.json", content, "application/json")
    return client.post(reverse("backup"), {"file": upload})


def _nothing_stored(user: User) -> bool:
    return account_is_empty(user) and not Reminder.objects.filter(owner=user).exists()


def _refused(content: bytes) -> str:
    client, user = _fresh_client()
    response = _restore(client, content)
    assert response.status_code == 400
    assert _nothing_stored(user)
    page = " ".join(response.content.decode().split())
    assert "Nothing was restored." in page
    return page


def _row(document, label, n=0):
    return document["data"][label][n]


def test_the_real_backup_restores(document):
    client, user = _fresh_client()
    response = _restore(client, json.dumps(document).encode())
    assert response.status_code == 302
    assert user.application_set.get().date_applied == D(2026, 11, 20)


# --- the five shapes the audit found, and their neighbours --------------------------------


def test_a_row_without_an_id(document):
    del _row(document, "applications.Application")["id"]
    page = _refused(json.dumps(document).encode())
    assert "Row 1 of applications.Application has no id." in page


def test_a_list_as_an_id(document):
    _row(document, "applications.Company")["id"] = [1]
    page = _refused(json.dumps(document).encode())
    assert "Row 1 of applications.Company has an id that isn’t a whole number." in page


def test_a_list_as_a_reference(document):
    _row(document, "applications.Application")["company_id"] = [1]
    page = _refused(json.dumps(document).encode())
    assert "Row 1 of applications.Application: company_id should be an id" in page


def test_a_row_that_is_not_an_object(document):
    document["data"]["applications.Contact"] = ["Dana", 3]
    page = _refused(json.dumps(document).encode())
    assert "Row 1 of applications.Contact isn’t an object with names and values." in page


def test_deep_nesting():
    page = _refused(
        b'{"format": "rebound-backup", "data": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    )
    assert "nested too deeply" in page


def test_a_key_given_twice():
    """Last-wins JSON once gave an application saying Applied over a timeline ending in
    Rejected: a key given twice is refused."""
    raw = (
        b'{"format": "rebound-backup", "version": 1, "data": {}, '
        b'"preferences": {"timezone": "UTC", "timezone": "Asia/Tokyo"}}'
    )
    page = _refused(raw)
    assert "That backup gives “timezone” twice in one place" in page


def test_nan_is_not_a_number_a_backup_holds(document):
    raw = json.dumps(document).replace('"excitement": 3', '"excitement": NaN').encode()
    assert b"NaN" in raw
    page = _refused(raw)
    assert "it isn’t JSON" in page


def test_the_same_id_twice_in_a_list(document):
    rows = document["data"]["applications.Company"]
    rows.append(dict(rows[0], name="Other"))
    page = _refused(json.dumps(document).encode())
    assert "Row 2 of applications.Company has the same id as an earlier row" in page


def test_more_saved_views_than_an_account_keeps(document):
    # The limit a user meets saving views on the table holds for a restored account too.
    document["data"]["applications.SavedView"] = [
        {"id": n, "name": f"View {n}", "query": "status=open"} for n in range(1, 22)
    ]
    page = _refused(json.dumps(document).encode())
    assert "The backup holds 21 saved views; an account keeps at most 20." in page


def test_a_saved_view_naming_a_company_not_in_the_backup(document):
    document["data"]["applications.SavedView"] = [
        {"id": 1, "name": "Elsewhere", "query": "company=999999&sort=role"}
    ]
    page = _refused(json.dumps(document).encode())
    assert "applications.Company" in page and "999999" in page


# --- the dates every page refuses -------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("1899-01-01", "The date applied can’t be before 1 January 1970."),
        ("9999-12-31", "The date applied can’t be in the future."),
    ],
)
def test_a_date_applied_out_of_bounds(document, day, message):
    _row(document, "applications.Application")["date_applied"] = day
    page = _refused(json.dumps(document).encode())
    assert f"Row 1 of applications.Application can’t be restored: {message}" in page


def test_an_interview_in_the_year_3000(document):
    interview = _row(document, "interviews.Interview")
    interview["starts_at"], interview["ends_at"] = "3000-01-01T09:00:00Z", "3000-01-01T10:00:00Z"
    page = _refused(json.dumps(document).encode())
    assert "The interview’s date can’t be after 8 December 2031." in page


def test_an_interview_before_the_date_applied(document):
    interview = _row(document, "interviews.Interview")
    interview["starts_at"], interview["ends_at"] = "2026-11-10T09:00:00Z", "2026-11-10T10:00:00Z"
    page = _refused(json.dumps(document).encode())
    assert "This interview (10 Nov 2026) is before the date you applied (20 Nov 2026)." in page


def test_a_journal_entry_in_2099(document):
    _row(document, "coping.JournalEntry")["written_on"] = "2099-01-01"
    page = _refused(json.dumps(document).encode())
    assert "The journal entry’s date can’t be in the future." in page


def test_a_status_change_before_the_date_applied(document):
    changes = document["data"]["applications.StatusChange"]
    assert [c["to_status"] for c in changes] == ["applied", "screening", "interviewing", "rejected"]
    changes[1]["changed_on"] = "2000-01-01"
    page = _refused(json.dumps(document).encode())
    assert (
        "It can’t have moved to Screening on 1 Jan 2000: that’s before the date applied "
        "(20 Nov 2026)." in page
    )


def test_a_status_that_disagrees_with_its_timeline(document):
    _row(document, "applications.Application")["status"] = "applied"
    page = _refused(json.dumps(document).encode())
    assert "“Analyst at Acme” says applied, but its timeline ends in rejected." in page


# --- generated documents ----------------------------------------------------------------------

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["2026-11-20", "1899-01-01", "9999-12-31", "2026-11-20T09:00:00Z",
                       "applied", "rejected", "us", "09:00", "", "0"])
)  # fmt: skip
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
LABELS = [label for label, _ in MODELS]
FIELD_NAMES = ["id", "name", "company_id", "application_id", "role", "status",
               "date_applied", "to_status", "changed_on", "starts_at", "ends_at", "plan_id",
               "interview_id", "written_on", "mood", "text", "contacts", "tags", "step",
               "state", "opened_by_id"]  # fmt: skip
ROWS = st.lists(
    st.dictionaries(st.sampled_from(FIELD_NAMES), SCALARS | JSON, max_size=6), max_size=3
)
DOCUMENTS = st.fixed_dictionaries(
    {
        "format": st.just("rebound-backup"),
        "version": st.just(1),
        "data": st.dictionaries(st.sampled_from(LABELS), ROWS | JSON, max_size=4),
    },
    optional={"preferences": JSON, "reminders": JSON, "calendar_feed": JSON},
)

NO_FIXTURE_CHECK = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _never_a_500(content: bytes) -> None:
    client, user = _fresh_client()
    response = _restore(client, content)  # an exception in the view fails the test here
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert _nothing_stored(user)
        assert "Nothing was restored." in response.content.decode()


@pytest.mark.slow
@NO_FIXTURE_CHECK
@given(document=DOCUMENTS | JSON)
def test_generated_documents_never_give_a_500(document):
    _never_a_500(json.dumps(document).encode())


def _paths(node, path=()):
    """Every place in a document: (path, value)."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*path, i))


@pytest.mark.slow
@NO_FIXTURE_CHECK
@given(data=st.data())
def test_mutations_of_a_real_backup_never_give_a_500(document, data):
    mutated = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(1, 3))):
        places = [p for p, _ in _paths(mutated) if p]
        if not places:
            break
        path = data.draw(st.sampled_from(places))
        parent = mutated
        for step in path[:-1]:
            parent = parent[step]
        how = data.draw(st.sampled_from(["replace", "delete", "duplicate"]))
        if how == "replace":
            parent[path[-1]] = data.draw(JSON)
        elif how == "delete":
            del parent[path[-1]]
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
        else:
            parent[f"{path[-1]}_"] = copy.deepcopy(parent[path[-1]])
    _never_a_500(json.dumps(mutated).encode())


def test_today_is_judged_in_the_backups_own_time_zone(document):
    """20:00 UTC on 8 Dec is already 9 Dec in Tokyo: an entry written that morning there
    is not in the future for an account restored with Tokyo's time."""
    document["preferences"]["timezone"] = "Asia/Tokyo"
    _row(document, "coping.JournalEntry")["written_on"] = "2026-12-09"
    with time_machine.travel(dt.datetime(2026, 12, 8, 20, tzinfo=dt.UTC), tick=False):
        client, user = _fresh_client()
        assert _restore(client, json.dumps(document).encode()).status_code == 302
    user.refresh_from_db()
    assert user.timezone == "Asia/Tokyo"
