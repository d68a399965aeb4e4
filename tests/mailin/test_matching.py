"""Which application a message is about, and what the person is asked."""

import pytest

from mailin.pipeline import read_message
from tests.factories import ApplicationFactory, CompanyFactory, UserFactory


@pytest.fixture
def jana(db):
    return UserFactory(email="jana@example.org", timezone="Europe/Berlin")


def mail(sender: str, subject: str, body: str, date: str = "Thu, 03 Dec 2026 16:40:00 +0100"):
    return f"From: {sender}\nSubject: {subject}\nDate: {date}\n\n{body}"


def test_the_company_is_found_by_its_website_domain_alone(jana):
    company = CompanyFactory(owner=jana, name="NWL", website="https://www.northwindlabs.com/")
    app = ApplicationFactory(owner=jana, company=company, role="Data Analyst")
    reading = read_message(
        user=jana,
        raw=mail(
            "Sam <sam@careers.northwindlabs.com>", "Hello", "We've received your application."
        ),
    )
    assert reading.match.kind == "match"
    assert reading.match.application == app


def test_an_ats_tenant_names_the_company(jana):
    company = CompanyFactory(owner=jana, name="Fernwerk GmbH")
    app = ApplicationFactory(owner=jana, company=company, role="Java Developer")
    reading = read_message(
        user=jana,
        raw=mail(
            "Jobs <jobs@fernwerk.jobs.personio.de>",
            "Bewerbung",
            "Vielen Dank für Ihre Bewerbung. Ihre Bewerbung ist bei uns eingegangen.",
        ),
    )
    assert reading.match.application == app


def test_another_users_application_is_never_matched(jana):
    bob = UserFactory()
    ApplicationFactory(owner=bob, company=CompanyFactory(owner=bob, name="Helix Bio"))
    reading = read_message(
        user=jana,
        raw=mail(
            "Helix Bio <jobs@helixbio.de>",
            "Your application",
            "We have decided to pursue other candidates.",
        ),
    )
    assert reading.match.kind == "none"
    assert reading.match.application is None
    assert reading.suggestion.application_id is None


def test_two_roles_at_one_company_are_told_apart_by_the_role_or_asked_about(jana):
    zephyr = CompanyFactory(owner=jana, name="Zephyr Cloud", website="https://zephyrcloud.io")
    sre = ApplicationFactory(owner=jana, company=zephyr, role="Site Reliability Engineer")
    devops = ApplicationFactory(owner=jana, company=zephyr, role="DevOps Engineer (m/w/d)")
    named = read_message(
        user=jana,
        raw=mail(
            "Zephyr Cloud <no-reply@ashbyhq.com>",
            "DevOps Engineer at Zephyr Cloud",
            "We will not be moving forward with your application.",
        ),
    )
    assert named.match.application == devops
    unnamed = read_message(
        user=jana,
        raw=mail(
            "Nora <nora@zephyrcloud.io>",
            "Hello",
            "We will not be moving forward with your application.",
        ),
    )
    assert unnamed.match.kind == "ambiguous"
    assert set(unnamed.match.candidates) == {sre, devops}
    assert unnamed.suggestion.text == (
        "Zephyr Cloud said no on 3 Dec — was it about DevOps Engineer (m/w/d) or Site "
        "Reliability Engineer?"
    ) or unnamed.suggestion.text == (
        "Zephyr Cloud said no on 3 Dec — was it about Site Reliability Engineer or DevOps "
        "Engineer (m/w/d)?"
    )


def test_when_the_role_doesnt_tell_the_only_open_one_is_meant(jana):
    zephyr = CompanyFactory(owner=jana, name="Zephyr Cloud", website="https://zephyrcloud.io")
    ApplicationFactory(
        owner=jana, company=zephyr, role="Site Reliability Engineer", status="rejected"
    )
    devops = ApplicationFactory(owner=jana, company=zephyr, role="DevOps Engineer")
    reading = read_message(
        user=jana,
        raw=mail(
            "Nora <nora@zephyrcloud.io>",
            "Interview",
            "We would like to invite you to an interview on Tuesday, 8 December at 10:00.",
        ),
    )
    assert reading.match.application == devops


def test_a_thread_header_hook_wins_over_everything(jana):
    app = ApplicationFactory(owner=jana, company=CompanyFactory(owner=jana, name="Quillon"))
    other = ApplicationFactory(owner=jana, company=CompanyFactory(owner=jana, name="Helix Bio"))
    seen = []

    def lookup(user, message):
        seen.append(message.in_reply_to)
        return app

    raw = "From: x@helixbio.de\nSubject: Re: hi\nIn-Reply-To: <m1@example.org>\n\nHelix Bio here."
    reading = read_message(user=jana, raw=raw, thread_lookup=lookup)
    assert seen == ["m1@example.org"]
    assert reading.match.application == app != other


def test_an_unknown_companys_confirmation_offers_a_new_application(jana):
    reading = read_message(
        user=jana,
        raw=mail(
            '"Ironbark Security" <no-reply@ashbyhq.com>',
            "Thanks for applying",
            "Thank you for applying for the Security Analyst role at Ironbark Security. "
            "We have received your application.",
        ),
    )
    assert reading.match.kind == "new"
    assert reading.suggestion.action == "new_application"
    assert reading.suggestion.text == (
        "You applied to Ironbark Security for Security Analyst on 3 Dec — add it to your "
        "applications?"
    )


def test_it_reads_with_two_queries(jana, django_assert_num_queries):
    company = CompanyFactory(owner=jana, name="Northwind Labs")
    ApplicationFactory(owner=jana, company=company, role="Data Analyst")
    raw = mail("Northwind Labs <no-reply@greenhouse.io>", "Update", "We regret to inform you.")
    # The owner's companies; the applications of the company that matched.
    with django_assert_num_queries(2):
        read_message(user=jana, raw=raw)
