"""A work-search log page reads its rows, their people and the ghosted applications' replies
in plain SQL on PostgreSQL (insights.worklog `_page_keys`, `_links`, `_replies`), and the
record of applications its page (insights.worklog_record `_sent_page`). Each must be,
to the row, what the ORM's queries read (kept here as they were), and the page and the CSV, to
the byte, what they were, in English and German, whatever the text, in any time zone, and with
no other user's rows (issue 24)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from django.utils.translation import pgettext

from applications import services as applications
from applications.models import Application, StatusChange
from applications.pipeline import Status
from coping.services import outreach_log
from insights import worklog, worklog_record
from interviews.models import Interview
from interviews.services import interview_save
from tests.factories import CompanyFactory, ContactFactory

pytestmark = pytest.mark.django_db
D = dt.date
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
FIRST, LAST = D(2026, 11, 14), D(2026, 11, 22)
RANGE = {"start": FIRST.isoformat(), "end": LAST.isoformat(), "layout": "activities"}

HOSTILE = [
    '<script>alert("x")</script>',
    'O\'Reilly & "Sons"',
    "Tom &amp; Jerry",
    "{pk} {0} %s %(n)s",
    "Zürich – Müller & Söhne",
    '=HYPERLINK("http://x")',
]


# The reads as the ORM made them before they were written out.
def _orm_keys(user, first, last, offset, limit):
    return list(worklog._keys(user, first, last)[offset : offset + limit])


def _orm_sent(user, start, end, offset, limit):
    return list(worklog_record._sent(user, start, end)[offset : offset + limit])


def _orm_links(through, column, ids):
    return list(
        through.objects.filter(**{f"{column}__in": ids})
        .order_by("contact__name", "contact_id")
        .values_list(column, "contact__name", "contact__email", "contact__phone")
    )


def _orm_replies(application_ids):
    return list(
        StatusChange.objects.filter(
            application_id__in=application_ids, to_status__in=list(worklog.REPLIED)
        ).values_list("application_id", "to_status")
    )


def _fill(owner, mark):
    """Every kind of row on the range's days and its edges, in hostile words: applications of
    each way and source (one ghosted after a reply, some with people), interviews of every
    round and format with interviewers, outreach with and without a company."""
    zone = ZoneInfo(owner.timezone)
    with time_machine.travel(NOW, tick=False):
        companies = [CompanyFactory(owner=owner, name=f"{mark}{text}") for text in HOSTILE]
        people = [
            ContactFactory(
                company=companies[i % 3], name=f"{text} {mark}", email=email, phone=phone
            )
            for i, (text, email, phone) in enumerate(
                zip(HOSTILE, ["a&b@example.com", "", "", "x@example.com", "", ""],
                    ["", "+49 <30>", "", "", "", "1 & 2"], strict=True)
            )
        ]  # fmt: skip
        loner = ContactFactory(company=None, owner=owner, name=f"Lone {HOSTILE[0]}", email="")
    made = []
    ways = [("job_board", ""), ("company_site", "email"), ("referral", ""), ("recruiter", "post")]
    ways += [("staffing_agency", ""), ("other", "in_person")]
    for i, text in enumerate(HOSTILE * 2):
        with time_machine.travel(NOW + dt.timedelta(minutes=i), tick=False):
            source, via = ways[i % len(ways)]
            made.append(
                applications.application_create(
                    owner=owner, company=companies[i % len(companies)], role=text,
                    status=Status.APPLIED, date_applied=FIRST + dt.timedelta(days=i % 6),
                    source=source, applied_via=via, location=text,
                    posting_url="" if i % 2 else f"https://example.com/?q={i}&x=<y>",
                    contacts=people[: i % 3],
                )
            )  # fmt: skip
    with time_machine.travel(NOW, tick=False):
        applications.application_change_status(
            application=made[0], to_status=Status.SCREENING, on=D(2026, 11, 20)
        )
        applications.application_change_status(
            application=made[0], to_status=Status.GHOSTED, on=D(2026, 11, 24)
        )
        applications.application_change_status(
            application=made[1], to_status=Status.GHOSTED, on=D(2026, 11, 24)
        )
        applications.application_change_status(
            application=made[2], to_status=Status.REJECTED, on=D(2026, 11, 24)
        )
    rounds, formats = Interview.Round.values, Interview.Format.values
    for i, round_type in enumerate(rounds):
        # Local midnight's edges too: the first day's 00:30, the last's 23:30 and the day after.
        day = FIRST + dt.timedelta(days=i % 10)
        at = [dt.time(0, 30), dt.time(23, 30), dt.time(12)][i % 3]
        starts = dt.datetime.combine(day, at, zone)
        with time_machine.travel(NOW, tick=False):
            interview = interview_save(
                interview=Interview(
                    application=made[i % 4], round_type=round_type,
                    format=formats[i % len(formats)], starts_at=starts,
                    ends_at=starts + dt.timedelta(hours=1), location=HOSTILE[i % len(HOSTILE)],
                )
            )  # fmt: skip
        interview.interviewers.set(people[i % 3 : i % 3 + 2])
    # Ties that only the later parts of the sort key tell apart: two interviews alike but for
    # their start, applications alike but for their last change (i and i + 6 above), outreach
    # to one company on one day (contacts 0 and 3).
    with time_machine.travel(NOW, tick=False):
        starts = dt.datetime.combine(FIRST, dt.time(12), zone)
        interview_save(
            interview=Interview(
                application=made[0], round_type=rounds[0], format=formats[0],
                starts_at=starts, ends_at=starts + dt.timedelta(hours=1), location="Later",
            )
        )  # fmt: skip
    for i, contact in enumerate([*people, loner]):
        with time_machine.travel(NOW + dt.timedelta(minutes=i), tick=False):
            outreach_log(
                owner=owner, contact=contact, on=FIRST + dt.timedelta(days=i % 3),
                outcome=["lead", "waiting", "no_reply"][i % 3],
            )  # fmt: skip


@pytest.fixture
def log(alice, bob):
    alice.timezone = bob.timezone = "Europe/Berlin"
    alice.save()
    bob.save()
    _fill(alice, "")
    _fill(bob, "BOB-ONLY ")


@pytest.mark.parametrize(
    "zone", ["Europe/Berlin", "America/Adak", "Etc/GMT+5", "Etc/GMT-14", "Asia/Kathmandu"]
)
def test_a_pages_rows_are_what_the_orm_read(alice, bob, zone):
    alice.timezone = zone
    alice.save()
    _fill(alice, "")
    _fill(bob, "BOB-ONLY ")
    whole = _orm_keys(alice, FIRST, LAST, 0, 1000)
    assert len(whole) > 20 and not any("BOB-ONLY" in row[2] for row in whole)
    for language in ("en", "de"):
        with translation.override(language):
            for first, last in [(FIRST, LAST), (D(2026, 11, 15), D(2026, 11, 16)), (LAST, LAST)]:
                for offset, limit in [(0, 1000), (0, 7), (5, 11), (30, 200), (999, 5)]:
                    assert worklog._page_keys(alice, first, last, offset, limit) == _orm_keys(
                        alice, first, last, offset, limit
                    ), (language, first, last, offset, limit)


def test_the_records_rows_are_what_the_orm_read(alice, log):
    """Invited or not, by an interview or by the timeline, and ties by the last change."""
    whole = _orm_sent(alice, FIRST, LAST, 0, 1000)
    assert len(whole) == 12 and {row[-1] for row in whole} == {True, False}
    for first, last in [(FIRST, LAST), (D(2026, 11, 15), D(2026, 11, 16)), (LAST, LAST)]:
        for offset, limit in [(0, 1000), (0, 7), (5, 11), (999, 5)]:
            assert worklog_record._sent_page(alice, first, last, offset, limit) == _orm_sent(
                alice, first, last, offset, limit
            ), (first, last, offset, limit)


def test_people_and_replies_are_what_the_orm_read(alice, log):
    applications_ = set(Application.objects.filter(owner=alice).values_list("pk", flat=True))
    interviews = set(Interview.objects.filter(owner=alice).values_list("pk", flat=True))
    through = Application.contacts.through
    found = worklog._links(through, "application_id", applications_)
    assert found and found == _orm_links(through, "application_id", applications_)
    through = Interview.interviewers.through
    found = worklog._links(through, "interview_id", interviews)
    assert found and found == _orm_links(through, "interview_id", interviews)
    replies = worklog._replies(applications_)
    assert replies and sorted(replies) == sorted(_orm_replies(applications_))


def _read(client, name, query):
    with time_machine.travel(NOW, tick=False):
        response = client.get(reverse(name), query)
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content)
    # The page's own part: the rest holds a CSRF token masked anew on every response.
    return response.content.split(b"<main", 1)[1].split(b"</main>", 1)[0]


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_page_and_the_csv_are_what_they_were(alice, alice_client, log, monkeypatch, language):
    alice.language = language
    alice.save()
    monkeypatch.setattr(worklog, "PAGE_ROWS", 13)  # pages that start and end inside a day
    asked = [("insights:work_search_log", RANGE | {"page": str(n)}) for n in (1, 2, 4, 9)]
    asked.append(("insights:work_search_log_csv", RANGE))
    record = RANGE | {"layout": "applications"}
    asked += [("insights:work_search_log", record | {"page": "1"})]
    asked += [("insights:work_search_log", record | {"page": "2"})]
    now = [_read(alice_client, name, query) for name, query in asked]
    with monkeypatch.context() as old:
        old.setattr(worklog, "_page_keys", _orm_keys)
        old.setattr(worklog, "_links", _orm_links)
        old.setattr(worklog, "_replies", _orm_replies)
        old.setattr(worklog_record, "_sent_page", _orm_sent)
        before = [_read(alice_client, name, query) for name, query in asked]
    assert now == before
    page = now[0].decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<script>alert" not in page and "BOB-ONLY" not in b"".join(now).decode()
    with translation.override(language):
        reply = pgettext("work-search log: result", "%(reply)s, then no reply") % {
            "reply": worklog.REPLIED[Status.SCREENING]
        }
    assert reply in now[4].decode()  # the CSV has every row
