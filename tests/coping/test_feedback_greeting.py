"""The feedback request greets the person it goes to (issue 22).

The draft is pre-filled for the default contact; choosing someone else to ask re-greets
them, in the saved draft and in the "Open in my email app" link, unless the user wrote a
greeting of their own.
"""

import re
from urllib.parse import unquote

import pytest
from django.urls import reverse

from coping.models import FeedbackRequest
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sam(plan):
    return ContactFactory(
        company=plan.application.company,
        kind="interviewer",
        name="Sam Okafor",
        email="sam@acme.example",
    )


def _prefilled(client, url):
    page = client.get(url).content.decode()
    body = re.search(r'<textarea name="body"[^>]*>\n?(.*?)</textarea>', page, re.S).group(1)
    subject = re.search(r'name="subject" value="([^"]*)"', page).group(1)
    return page, subject, body.replace("&#x27;", "'").replace("&amp;", "&")


def _mailto(client, url) -> str:
    page = client.get(url).content.decode()
    return unquote(re.search(r'href="(mailto:[^"]+)"', page).group(1).replace("&amp;", "&"))


def test_choosing_another_person_greets_them_in_the_draft_and_the_mailto(alice_client, plan, sam):
    url = reverse("coping:plan_step", args=[plan.pk, "feelings"])
    page, subject, body = _prefilled(alice_client, url)
    assert body.startswith("Dear Hana,")  # the default contact, HR
    # The page holds each person's greeting for the script that re-greets on the spot.
    assert f'"{sam.pk}": "Dear Sam,"' in page
    alice_client.post(url, {"action": "draft", "contact": sam.pk, "subject": subject, "body": body})
    saved = FeedbackRequest.objects.get(plan=plan)
    assert saved.contact == sam
    assert saved.body.startswith("Dear Sam,\r\n") or saved.body.startswith("Dear Sam,\n")
    assert "Hana" not in saved.body
    mailto = _mailto(alice_client, url)
    assert mailto.startswith("mailto:sam@acme.example?")
    assert "body=Dear Sam," in mailto and "Hana" not in mailto

    # Back to Hana from the saved draft: the greeting follows again.
    alice_client.post(
        url,
        {
            "action": "draft",
            "contact": plan.follow_up.contact.pk,
            "subject": subject,
            "body": saved.body,
        },
    )
    saved.refresh_from_db()
    assert saved.body.startswith("Dear Hana,")


def test_a_greeting_the_user_wrote_is_kept(alice_client, plan, sam):
    url = reverse("coping:plan_step", args=[plan.pk, "feelings"])
    _, subject, body = _prefilled(alice_client, url)
    mine = "Hi Sam and team,\n" + body.split("\n", 1)[1]
    alice_client.post(url, {"action": "draft", "contact": sam.pk, "subject": subject, "body": mine})
    assert FeedbackRequest.objects.get(plan=plan).body.startswith("Hi Sam and team,")


def test_asking_no_one_in_particular_says_hello(alice_client, plan):
    url = reverse("coping:plan_step", args=[plan.pk, "feelings"])
    _, subject, body = _prefilled(alice_client, url)
    alice_client.post(url, {"action": "draft", "contact": "", "subject": subject, "body": body})
    assert FeedbackRequest.objects.get(plan=plan).body.startswith("Hello,")
