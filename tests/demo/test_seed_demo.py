import pytest
from django.core.management import call_command

from applications.models import Application
from coping.models import CopingPlan
from demo.sample import DEMO_EMAIL
from interviews.models import SelfAssessment
from rebound.models import User
from tests.factories import reminders_about

pytestmark = pytest.mark.django_db


def test_it_loads_demo_data_into_an_empty_database_once(capsys):
    call_command("seed_demo")
    call_command("seed_demo")
    assert User.objects.filter(email=DEMO_EMAIL).count() == 1
    assert DEMO_EMAIL in capsys.readouterr().out
    demo = User.objects.get(email=DEMO_EMAIL)
    # Believable: a pipeline, an interview with its self-assessment, a rejection's plan.
    assert Application.objects.filter(owner=demo).count() == 4
    assert SelfAssessment.objects.filter(interview__application__owner=demo).exists()
    plan = CopingPlan.objects.get(owner=demo)
    assert plan.journal.count() == 2
    assert set(reminders_about(plan).values_list("kind", flat=True)) == {
        "keep_in_touch",
        "coping_check_in",
    }


def test_it_leaves_a_database_with_users_alone(alice, capsys):
    call_command("seed_demo")
    assert not User.objects.filter(email=DEMO_EMAIL).exists()
    assert "no demo data" in capsys.readouterr().out


def test_the_heavy_user_has_the_shape_of_a_long_search_and_keeps_every_rule(db):
    from applications.models import Application, StatusChange
    from coping.models import CopingPlan
    from demo.bulk import load_heavy
    from interviews.models import Interview
    from reminders.models import Reminder

    user = load_heavy(email="heavy@example.com", password="x", scale=0.02)
    applications = Application.objects.filter(owner=user)
    assert applications.count() == 100
    # Every application's latest timeline entry is its status, dated as the header says.
    for application in applications.prefetch_related("status_changes"):
        last = max(application.status_changes.all(), key=lambda c: c.changed_on)
        assert (last.to_status, last.changed_on) == (
            application.status,
            application.status_changed_on,
        )
    assert StatusChange.objects.filter(application__owner=user).count() > 200
    assert Interview.objects.filter(application__owner=user).count() == 300
    plans = CopingPlan.objects.filter(owner=user)
    assert plans.count() == 8
    assert all(p.opened_by.to_status == "rejected" for p in plans.select_related("opened_by"))
    assert Reminder.objects.filter(owner=user).count() == 60


def test_the_german_demo_account_reads_german_and_fills_the_work_search_log(capsys):
    from demo.sample import DEMO_EMAIL_DE
    from tests.i18n.check import english_left

    call_command("seed_demo")
    assert DEMO_EMAIL_DE in capsys.readouterr().out
    lena = User.objects.get(email=DEMO_EMAIL_DE)
    assert lena.language == "de"
    applications = Application.objects.filter(owner=lena).select_related("company")
    assert applications.count() == 4
    # Each sent application says how it went out, and its employer's address is known.
    sent = applications.exclude(status="wishlist")
    assert all(a.applied_via for a in sent)
    assert all(a.company.address for a in sent)
    plan = CopingPlan.objects.get(owner=lena)
    words = [a.role for a in applications] + [e.text for e in plan.journal.all()]
    for text in words:
        assert not english_left(text, "", html=False), text
