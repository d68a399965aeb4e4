"""An htmx request after the session ended gets a way back, not a log-in page swapped in."""

from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from tests.factories import ApplicationFactory, CompanyFactory

HTMX = {"HX-Request": "true", "HX-Current-URL": "http://testserver/applications/board/?tag=x"}


def test_a_board_move_after_the_session_ended_redirects_to_log_in_and_back(db, alice):
    application = ApplicationFactory(company=CompanyFactory(owner=alice))
    client = Client()  # signed out: the session has ended
    r = client.post(
        reverse("applications:application_change_status", args=[application.pk]),
        {"to_status": "screening"},
        headers=HTMX,
    )
    assert r.status_code == 401
    assert r["HX-Redirect"] == "/accounts/login/?next=%2Fapplications%2Fboard%2F%3Ftag%3Dx"
    assert "<nav" not in r.content.decode()  # no page to swap in
    application.refresh_from_db()
    assert application.status == "applied"  # nothing moved
    # The log-in page says why the user is there.
    page = client.get(r["HX-Redirect"]).content.decode()
    assert "your session ended" in page


def test_home_summary_after_the_session_ended(db):
    client = Client()
    r = client.get(
        reverse("home_glance"), headers={**HTMX, "HX-Current-URL": "http://testserver/home/"}
    )
    assert r.status_code == 401
    assert r["HX-Redirect"] == "/accounts/login/?next=%2Fhome%2F"
    assert [m.message for m in get_messages(r.wsgi_request)]


def test_another_sites_page_is_never_the_way_back(db):
    client = Client()
    r = client.get(
        reverse("home_glance"),
        headers={"HX-Request": "true", "HX-Current-URL": "https://evil.example/home/"},
    )
    assert r["HX-Redirect"] == "/accounts/login/"


def test_plain_requests_still_get_the_usual_redirect(db):
    r = Client().get(reverse("home_glance"))
    assert r.status_code == 302 and r["Location"].startswith("/accounts/login/?next=")


def test_signed_in_htmx_requests_are_untouched(alice_client):
    r = alice_client.get(reverse("home_glance"), headers=HTMX)
    assert r.status_code == 200 and "HX-Redirect" not in r
