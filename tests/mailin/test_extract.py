"""Facts out of a message: the employer behind an ATS sender, the role, the dates."""

import datetime as dt
import zoneinfo

import pytest

from mailin.extract.companies import tenant_slug
from mailin.extract.dates import find_datetimes
from mailin.extract.facts import extract
from mailin.parse.message import parse_message

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
LONDON = zoneinfo.ZoneInfo("Europe/London")
NY = zoneinfo.ZoneInfo("America/New_York")


def facts(raw: str):
    return extract(parse_message(raw, default_tz="Europe/Berlin"), default_tz=BERLIN)


@pytest.mark.parametrize(
    "sender, subject, body, company",
    [
        ('"Northwind Labs" <no-reply@us.greenhouse-mail.io>', "Thanks for applying", "Hi",
         "Northwind Labs"),
        ('"Kestrel Payments Hiring Team" <no-reply@ashbyhq.com>', "Update", "Hi",
         "Kestrel Payments"),
        ('"Workday" <blueheron@myworkday.com>', "Application Received",
         "Thanks.\n\nRegards,\nTalent Acquisition Team\nBlue Heron Bank", "Blue Heron Bank"),
        ('"StepStone" <noreply@stepstone.de>', "Ihre Bewerbung bei Grünfeld Bau GmbH", "Hallo",
         "Grünfeld Bau GmbH"),
        ('"LinkedIn" <jobs-noreply@linkedin.com>',
         "Jana, your application was sent to Orbis Mobility GmbH", "", "Orbis Mobility GmbH"),
        ('"Tom Okafor" <tom@agency.example>', "Update",
         "I've just heard back from my client Helix Bio regarding the role.", "Helix Bio"),
        ('"Personalabteilung Fernwerk GmbH" <bewerbung@fernwerk.de>', "Bewerbung", "Hallo",
         "Fernwerk GmbH"),
    ],
)  # fmt: skip
def test_the_employer_behind_each_kind_of_sender(sender, subject, body, company):
    assert facts(f"From: {sender}\nSubject: {subject}\n\n{body}").company == company


def test_tenant_slugs_of_tracking_systems():
    assert tenant_slug("jobs@fernwerk.jobs.personio.de") == "fernwerk"
    assert tenant_slug("no-reply@quillon.teamtailor-mail.com") == "quillon"
    assert tenant_slug("blueheron@myworkday.com") == "blueheron"
    assert tenant_slug("tidewater@talent.icims.com") == "tidewater"
    assert tenant_slug("no-reply@hire.lever.co") == ""
    assert tenant_slug("careers@acme.com") == ""


@pytest.mark.parametrize(
    "subject, body, role",
    [
        ("Application received: Risk Analyst", "", "Risk Analyst"),
        ("Update", "Thank you for applying for the Data Analyst role.", "Data Analyst"),
        (
            "Ihre Bewerbung",
            "vielen Dank für Ihre Bewerbung als Bauingenieur (m/w/d) bei uns.",
            "Bauingenieur (m/w/d)",
        ),
        ("Your application to UX Researcher at Lumen Health", "", "UX Researcher"),
        (
            "Hi",
            "We have received your application for the position of Product Manager.",
            "Product Manager",
        ),
    ],
)
def test_the_role(subject, body, role):
    assert facts(f"From: x@y.example\nSubject: {subject}\n\n{body}").role == role


def test_an_interview_time_keeps_its_zone_and_gets_its_year_from_the_email():
    found = facts(
        "From: x@y.example\nSubject: Interview\nDate: Mon, 30 Nov 2026 09:40:00 +0100\n\n"
        "Could we move your interview to Thursday, 10 December at 15:00 CET instead?"
    )
    assert found.interview_at == dt.datetime(2026, 12, 10, 15, 0, tzinfo=BERLIN)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Thursday, December 10 at 2:30 PM EST", dt.datetime(2026, 12, 10, 14, 30, tzinfo=NY)),
        ("Wed, Dec 9, 4:00 PM GMT", dt.datetime(2026, 12, 9, 16, 0, tzinfo=dt.UTC)),
        ("Tuesday 24 November at 10:00 (UK time)", dt.datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)),
        ("Friday 11 December at 9:30am (Berlin time)",
         dt.datetime(2026, 12, 11, 9, 30, tzinfo=BERLIN)),
        ("am Dienstag, den 8. Dezember 2026, um 10:00 Uhr",
         dt.datetime(2026, 12, 8, 10, 0, tzinfo=BERLIN)),
        ("Donnerstag, 10.12.2026, 14:30 Uhr", dt.datetime(2026, 12, 10, 14, 30, tzinfo=BERLIN)),
        ("Montag, 14. Dezember um 11 Uhr", dt.datetime(2026, 12, 14, 11, 0, tzinfo=BERLIN)),
        ("on 12 January at 10:00", dt.datetime(2027, 1, 12, 10, 0, tzinfo=BERLIN)),
    ],
)  # fmt: skip
def test_interview_times_in_the_forms_people_write(text, expected):
    reference = dt.datetime(2026, 12, 1, 9, 0, tzinfo=BERLIN)
    found = find_datetimes(text, reference=reference, default_tz=BERLIN, concrete_only=True)
    assert found[0] == expected


def test_a_date_without_a_time_is_not_an_interview_time():
    reference = dt.datetime(2026, 12, 1, tzinfo=BERLIN)
    assert (
        find_datetimes("unser Gespräch am Dienstag", reference=reference, concrete_only=True) == []
    )
    assert find_datetimes("on 3 December", reference=reference, concrete_only=True) == []


def test_promised_replies_and_apply_again_dates():
    sent = "Date: Tue, 01 Dec 2026 10:00:00 +0100\n"
    friday = facts(f"From: x@y.example\nSubject: s\n{sent}\nWe'll let you know by Friday.")
    assert friday.reply_by == dt.date(2026, 12, 4)
    weeks = facts(f"From: x@y.example\nSubject: s\n{sent}\nWe reply within two weeks.")
    assert weeks.reply_by == dt.date(2026, 12, 15)
    business = facts(f"From: x@y.example\nSubject: s\n{sent}\nwithin 10 business days")
    assert business.reply_by == dt.date(2026, 12, 15)
    again = facts(f"From: x@y.example\nSubject: s\n{sent}\nPlease apply again in six months.")
    assert again.reapply_after == dt.date(2027, 6, 1)
    erneut = facts(
        f"From: x@y.example\nSubject: s\n{sent}\nBewerben Sie sich gern in 12 Monaten erneut."
    )
    assert erneut.reapply_after == dt.date(2027, 12, 1)


def test_keep_your_cv_on_file_in_both_languages():
    assert facts("Subject: s\n\nWe'd like to keep your CV on file.").keep_on_file
    assert facts("Subject: s\n\nWir nehmen Sie gern in unseren Talentpool auf.").keep_on_file
    assert not facts("Subject: s\n\nThank you for applying.").keep_on_file
