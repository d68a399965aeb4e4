"""`manage.py mail_ingest`: the pipeline for scripts and checks, one JSON object per file."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mailin.models import InboundMessage, Suggestion
from tests.factories import ApplicationFactory, CompanyFactory, UserFactory
from tests.mailin.make_corpus import corpus

CORPUS = corpus()


def _run(*args: str) -> list[dict[str, object]]:
    out = StringIO()
    call_command("mail_ingest", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.django_db
def test_it_prints_one_json_object_per_file(tmp_path):
    user = UserFactory(email="jana.weber@example.org", timezone="Europe/Berlin")
    northwind = CompanyFactory(
        owner=user, name="Northwind Labs", website="https://northwindlabs.com"
    )
    analyst = ApplicationFactory(owner=user, company=northwind, role="Data Analyst")
    ApplicationFactory(owner=user, company=northwind, role="Analytics Engineer")
    # Another user's identical application must never be the match.
    stranger = UserFactory()
    ApplicationFactory(
        owner=stranger,
        company=CompanyFactory(owner=stranger, name="Northwind Labs"),
        role="Data Analyst",
    )
    rejection = CORPUS / "hard-rj-01-pursue-others.eml"
    alert = CORPUS / "hard-nj-01-forwarded-alert.eml"
    unknown = CORPUS / "hard-ar-06-unknown-company.eml"
    missing = tmp_path / "nope.eml"

    lines = _run("--user", "Jana.Weber@example.org", "--dry-run", "--json", str(rejection),
                 str(alert), str(unknown), str(missing))  # fmt: skip

    assert lines[0] == {
        "file": str(rejection),
        "label": "rejection",
        "company": "Northwind Labs",
        "role": "Data Analyst",
        "application": analyst.pk,
        "action": "mark_rejected",
        "confidence": lines[0]["confidence"],
        "match": "match",
        "suggestion": "Northwind Labs said no to Data Analyst on 3 Dec — mark it rejected and "
        "open your plan?",
    }
    assert 0.85 <= lines[0]["confidence"] <= 1
    assert (lines[1]["label"], lines[1]["application"], lines[1]["action"]) == (
        "not_job",
        None,
        "ignore",
    )
    assert lines[2]["label"] == "application_received"
    assert lines[2]["company"] == "Weidenhof Pharma GmbH"
    assert lines[2]["role"] == "Qualitätsmanager (m/w/d)"
    assert (lines[2]["application"], lines[2]["action"]) == (None, "new_application")
    assert lines[3]["file"] == str(missing) and "can't be read" in lines[3]["error"]


@pytest.mark.django_db
def test_it_speaks_plainly_without_json():
    UserFactory(email="jana.weber@example.org")
    out = StringIO()
    call_command("mail_ingest", "--user", "jana.weber@example.org", "--dry-run",
                 str(CORPUS / "hard-nj-07-friend.eml"), stdout=out)  # fmt: skip
    assert "Not about your search" in out.getvalue()
    assert "nothing to change" in out.getvalue()


@pytest.mark.django_db
def test_dry_run_keeps_nothing():
    user = UserFactory(email="jana.weber@example.org")
    _run("--user", user.email, "--dry-run", "--json", str(CORPUS / "hard-rj-01-pursue-others.eml"))
    assert not InboundMessage.objects.exists() and not Suggestion.objects.exists()


@pytest.mark.django_db
def test_without_dry_run_it_keeps_the_facts_and_the_question_once():
    user = UserFactory(email="jana.weber@example.org", timezone="Europe/Berlin")
    company = CompanyFactory(owner=user, name="Kestrel Payments", website="https://kestrelpay.com")
    app = ApplicationFactory(owner=user, company=company, role="Product Manager")
    rejection = str(CORPUS / "hard-rj-02-unable-to-offer.eml")

    first = _run("--user", user.email, "--json", rejection)
    again = _run("--user", user.email, "--json", rejection)

    stored = InboundMessage.objects.get()
    assert (first[0]["stored"], first[0]["already_stored"]) == (stored.pk, False)
    assert (again[0]["stored"], again[0]["already_stored"]) == (stored.pk, True)
    assert (stored.owner, stored.label, stored.application) == (user, "rejection", app)
    assert stored.subject == "Kestrel Payments - Product Manager"
    suggestion = stored.suggestion
    assert (suggestion.action, suggestion.state, suggestion.on.isoformat()) == (
        "mark_rejected",
        "pending",
        "2026-11-24",
    )
    assert suggestion.text == (
        "Kestrel Payments said no to Product Manager on 24 Nov — mark it rejected and open your "
        "plan?"
    )
    # Nothing of the message's text is kept.
    kept = " ".join(str(value) for value in InboundMessage.objects.values().get().values())
    assert "enjoyed getting to know you" not in kept


@pytest.mark.django_db
def test_an_unknown_user_is_a_clear_error():
    with pytest.raises(CommandError, match=r"no user with the email address nobody@example\.org"):
        call_command("mail_ingest", "--user", "nobody@example.org", "--dry-run", "x.eml")
