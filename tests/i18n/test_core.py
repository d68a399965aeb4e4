"""The core in German, every word (issue 27): the landing page, log-in, sign-up and password
reset (they follow the browser's Accept-Language), the home page and its summary, Preferences
and the language chosen there, the account pages, the error pages, the account emails (in the
RECIPIENT's language, whoever asked for them), the JavaScript catalog, the shared templates,
dates and drafted greetings; and that a cached fragment is never served in the other language.

Rendered for the same data in German and in English and checked with tests/i18n/check.py.
"""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template import engines
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from django.views import defaults

from applications.pipeline import Status
from coping import services as coping_services
from rebound.accounts import views as account_views
from rebound.lib import datefmt, letters
from rebound.lib.timezones import grouped_choices
from rebound.models import User
from tests.factories import PASSWORD, ApplicationFactory, CompanyFactory, InterviewFactory, reject
from tests.i18n.check import assert_german, page_in_both, visible_texts

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 10:00Z")]

# The test's own data: names, addresses, and what is a name in every language.
DATA = [
    "Alice",
    "alice@example.com",
    "Acme",
    "Globex",
    "Analyst",
    "Data Engineer",
    "Deutsch",
    "English",
    "UTC",
    "Rebound",
]


def _time_zone_names() -> list[str]:
    """The time-zone picker's places (IANA names, the same in every language)."""
    names = []
    for region, places in grouped_choices():
        names.append(str(region))
        names += [label for _value, label in places]
    return names


ZONES = _time_zone_names()


def both_public(url: str, method: str = "get", data: dict | None = None) -> tuple[str, str]:
    """A public page as a German browser and as an English one reads it: (german, english)."""
    pages = []
    for language in ("de", "en"):
        client = Client(HTTP_ACCEPT_LANGUAGE=f"{language},en;q=0.1")
        response = getattr(client, method)(url, data or {})
        assert response.status_code in {200, 400, 403, 404, 429}, (url, response.status_code)
        pages.append(response.content.decode())
    return pages[0], pages[1]


@pytest.fixture
def german(alice) -> User:
    alice.language = "de"
    alice.save(update_fields=["language"])
    return alice


# --- public pages, by the browser's language ----------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "landing",
        "login",
        "signup",
        "password_reset",
        "account_reset_password_done",
        "account_email_verification_sent",
    ],
)
def test_public_pages_follow_the_browsers_language(name):
    de, en = both_public(reverse(name))
    assert '<html lang="de">' in de and '<html lang="en">' in en
    assert_german(de, en, DATA)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("login", {"login": "nobody@example.com", "password": "wrong"}),
        ("login", {"login": "", "password": ""}),
        ("signup", {"email": "not an address", "password1": "x", "password2": "y"}),
        ("password_reset", {"email": "not an address"}),
    ],
)
def test_public_forms_explain_their_errors_in_the_browsers_language(name, data):
    de, en = both_public(reverse(name), "post", data)
    assert "nobody@example.com" in de or "error-summary" in de
    assert_german(de, en, [*DATA, "nobody@example.com", "not an address"])


def test_expired_links_are_explained_in_german():
    reset = reverse("account_reset_password_from_key", args=["zz", "set-password"])
    de, en = both_public(reset)
    assert_german(de, en, DATA)
    de, en = both_public(reverse("account_confirm_email", args=["no-such-key"]))
    assert_german(de, en, DATA)


def test_a_page_that_is_not_there_says_so_in_german(german, alice_client):
    de, en = both_public("/no/such/page/")
    assert "Seite nicht gefunden" in de
    assert_german(de, en, DATA)
    de, en = page_in_both(alice_client, german, "/applications/999999/")
    assert_german(de, en, DATA)


# --- signed in: home, its summary, Preferences, the account pages -------------------------


def test_an_empty_home_page_is_german(german, alice_client):
    de, en = page_in_both(alice_client, german, reverse("home"))
    assert_german(de, en, DATA)


def test_a_full_home_page_and_its_summary_are_german(german, alice_client):
    acme = CompanyFactory(owner=german, name="Acme")
    globex = CompanyFactory(owner=german, name="Globex")
    analyst = ApplicationFactory(company=acme, role="Analyst", status=Status.INTERVIEWING)
    InterviewFactory(
        application=analyst,
        starts_at=timezone.now() + dt.timedelta(days=2),
        promised_reply_by=dt.date(2027, 3, 1),
    )
    InterviewFactory(application=analyst, starts_at=timezone.now() - dt.timedelta(days=3))
    engineer = ApplicationFactory(company=globex, role="Data Engineer", status=Status.INTERVIEWING)
    plan = reject(engineer)  # an open plan
    assert plan is not None
    coping_services.journal_entry_create(owner=german, mood=3, text="Acme")
    coping_services.net_goal_set(plan=plan, target=5, weeks=2)
    de, en = page_in_both(alice_client, german, reverse("home"))
    assert "Mär" in de  # the weekly chart's weeks, in German months
    assert "Breiter suchen" in de and "0 von 5 neuen Bewerbungen bis zum" in de
    assert_german(de, en, DATA)
    de, en = page_in_both(alice_client, german, reverse("home_glance"))
    assert "In den letzten 30 Tagen" in de
    assert_german(de, en, DATA)


def test_preferences_and_their_errors_are_german(german, alice_client):
    de, en = page_in_both(alice_client, german, reverse("preferences"))
    assert 'label="Weitere"' in de and 'label="Other"' in en  # the time zones' last group
    assert_german(de, en, [*DATA, *ZONES])
    bad = {"timezone": "Nowhere/City", "reminder_time": "25:00", "keep_in_touch_months": "0"}
    de, en = page_in_both(alice_client, german, reverse("preferences"), method="post", data=bad)
    assert "Fehler" in de
    assert_german(de, en, [*DATA, *ZONES, "Nowhere/City", "25:00"])


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("password_change", {"oldpassword": "wrong", "password1": "x", "password2": "y"}),
        ("account_email", {"action_add": "", "email": "not an address"}),
        ("account_delete", {"password": "wrong"}),
        ("logout", None),
    ],
)
def test_account_pages_and_their_errors_are_german(german, alice_client, name, bad):
    de, en = page_in_both(alice_client, german, reverse(name))
    assert_german(de, en, DATA)
    if bad is not None:
        url = reverse(name)
        de, en = page_in_both(alice_client, german, url, method="post", data=bad)
        assert_german(de, en, [*DATA, "not an address"])


def test_the_page_that_confirms_an_address_is_german(german, alice_client, mailoutbox, eager):
    with eager():
        alice_client.post(reverse("account_email"), {"action_add": "", "email": "al@new.test"})
    (message,) = [m for m in mailoutbox if m.to == ["al@new.test"]]
    link = re.search(r"https?://testserver(/accounts/\S+/)", message.body).group(1)
    de, en = page_in_both(alice_client, german, link)
    assert_german(de, en, [*DATA, "al@new.test"])
    de, en = page_in_both(alice_client, german, reverse("account_email"))
    assert_german(de, en, [*DATA, "al@new.test"])


# --- the language: chosen on Preferences, kept from sign-up -------------------------------


def _preferences(user: User, **changes: str) -> dict[str, str]:
    return {
        "first_name": user.first_name,
        "language": user.language,
        "timezone": user.timezone,
        "reminder_time": "09:00",
        "keep_in_touch_months": "3",
        "no_reply_days": "10",
        "prep_time": "18:00",
        "notify_new_sign_in": "on",
        **changes,
    }


def test_choosing_german_on_preferences_turns_the_pages_german(alice, alice_client):
    page = alice_client.get(reverse("preferences")).content.decode()
    assert '<html lang="en">' in page and 'value="de"' in page and "Deutsch" in page
    r = alice_client.post(reverse("preferences"), _preferences(alice, language="de"), follow=True)
    alice.refresh_from_db()
    assert alice.language == "de"
    page = r.content.decode()
    assert '<html lang="de">' in page
    assert "Einstellungen gespeichert." in page  # said in the language just chosen
    r = alice_client.post(reverse("preferences"), _preferences(alice, language="en"), follow=True)
    assert "Preferences saved." in r.content.decode()
    alice.refresh_from_db()
    assert alice.language == "en"


def test_a_language_that_is_not_offered_is_refused(alice, alice_client):
    r = alice_client.post(reverse("preferences"), _preferences(alice, language="xx"))
    assert r.status_code == 200
    alice.refresh_from_db()
    assert alice.language == "en"


def test_a_preferences_form_without_the_language_keeps_it(german, alice_client):
    data = _preferences(german)
    del data["language"]
    assert alice_client.post(reverse("preferences"), data).status_code == 302
    german.refresh_from_db()
    assert german.language == "de"


SIGNUP = {"password1": "a-long-pass-phrase", "password2": "a-long-pass-phrase"}


@pytest.mark.parametrize(("browser", "kept"), [("de-DE,de;q=0.9,en;q=0.5", "de"), ("en-GB", "en")])
def test_sign_up_keeps_the_browsers_language_and_writes_in_it(browser, kept, mailoutbox, eager):
    client = Client(HTTP_ACCEPT_LANGUAGE=browser)
    with eager():
        r = client.post(reverse("signup"), {**SIGNUP, "email": "nia@example.com"})
    assert r.status_code == 302
    assert User.objects.get(email="nia@example.com").language == kept
    (message,) = mailoutbox
    german = "Bestätigen Sie Ihre Adresse" in message.subject
    assert german == (kept == "de")


# --- account emails: in the recipient's language, whoever asked ---------------------------


@pytest.fixture
def eager(eager_tasks, django_capture_on_commit_callbacks):
    """Account emails go out from a task after commit: run both inline."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def _emails_for(user: User, language: str, send, mailoutbox) -> mail.EmailMessage:
    """What `send()` mails to `user` when the user reads `language` (the asker's browser
    reads the other one)."""
    User.objects.filter(pk=user.pk).update(language=language)
    cache.clear()  # allauth allows one confirmation email per address every few minutes
    before = len(mailoutbox)
    send(other="en" if language == "de" else "de")
    (message,) = mailoutbox[before:]
    return message


def _assert_german_email(de: mail.EmailMessage, en: mail.EmailMessage, allowed: list[str]):
    assert_german(de.subject, en.subject, allowed, html=False)
    assert_german(de.body, en.body, allowed, html=False)
    for (de_html, _), (en_html, _) in zip(
        getattr(de, "alternatives", []), getattr(en, "alternatives", []), strict=True
    ):
        assert_german(str(de_html), str(en_html), allowed)


def test_a_password_reset_is_written_in_the_account_holders_language(alice, mailoutbox, eager):
    def send(other: str) -> None:
        client = Client(HTTP_ACCEPT_LANGUAGE=other)
        with eager():
            client.post(reverse("password_reset"), {"email": "alice@example.com"})

    de = _emails_for(alice, "de", send, mailoutbox)
    en = _emails_for(alice, "en", send, mailoutbox)
    assert "Passwort" in de.subject and "password" in en.subject
    links = re.findall(r"https?://\S+", de.body) + re.findall(r"https?://\S+", en.body)
    _assert_german_email(de, en, [*DATA, *links])


def test_someone_signing_up_with_a_taken_address_warns_its_owner_in_their_language(
    alice, mailoutbox, eager
):
    def send(other: str) -> None:
        client = Client(HTTP_ACCEPT_LANGUAGE=other)
        with eager():
            client.post(reverse("signup"), {**SIGNUP, "email": "alice@example.com"})

    de = _emails_for(alice, "de", send, mailoutbox)
    en = _emails_for(alice, "en", send, mailoutbox)
    assert "registrieren" in de.subject
    links = re.findall(r"https?://\S+", de.body) + re.findall(r"https?://\S+", en.body)
    _assert_german_email(de, en, [*DATA, *links])


def test_a_new_sign_in_notice_is_in_the_users_language(alice, mailoutbox, eager):
    def send(other: str) -> None:
        client = Client(HTTP_ACCEPT_LANGUAGE=other, HTTP_USER_AGENT=f"Browser {len(mailoutbox)}")
        with eager():
            client.post(reverse("login"), {"login": "alice@example.com", "password": PASSWORD})

    de = _emails_for(alice, "de", send, mailoutbox)
    en = _emails_for(alice, "en", send, mailoutbox)
    assert "März 2027" in de.body and "neuen Gerät" in de.subject
    links = re.findall(r"https?://\S+", de.body) + re.findall(r"https?://\S+", en.body)
    agents = [line.strip() for line in (de.body + en.body).splitlines() if "Browser" in line]
    _assert_german_email(de, en, [*DATA, *links, *agents, "127.0.0.1"])


def test_confirming_a_new_address_is_asked_in_the_users_language(
    alice, alice_client, mailoutbox, eager
):
    def send(other: str) -> None:
        # The account's language, not the page's: the page is the user's own anyway, so
        # what differs is only the address, which no account has yet.
        with eager():
            alice_client.post(
                reverse("account_email"),
                {"action_add": "", "email": f"al{len(mailoutbox)}@new.test"},
            )

    de = _emails_for(alice, "de", send, mailoutbox)
    en = _emails_for(alice, "en", send, mailoutbox)
    assert "Bestätigen" in de.subject
    links = re.findall(r"https?://\S+", de.body) + re.findall(r"https?://\S+", en.body)
    _assert_german_email(de, en, [*DATA, *links])


def test_the_sign_up_confirmation_is_german_for_a_german_browser(mailoutbox, eager):
    messages = []
    for n, language in enumerate(("de", "en")):
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        with eager():
            client.post(reverse("signup"), {**SIGNUP, "email": f"nia{n}@example.com"})
        messages.append(mailoutbox[-1])
    de, en = messages
    links = re.findall(r"https?://\S+", de.body) + re.findall(r"https?://\S+", en.body)
    _assert_german_email(de, en, [*DATA, *links])


# --- error pages ----------------------------------------------------------------------------


def test_a_form_sent_after_its_session_changed_is_refused_in_german(german):
    client = Client(enforce_csrf_checks=True)
    client.force_login(german)
    de, en = page_in_both(client, german, reverse("preferences"), method="post", data={})
    assert "abgelaufen" in de
    assert_german(de, en, DATA)


def test_a_nul_byte_and_an_oversized_upload_are_refused_in_german(german, alice_client):
    de, en = page_in_both(alice_client, german, reverse("home") + "?q=%00")
    assert "Steuerzeichen" in de
    assert_german(de, en, DATA)
    pages = []
    for language in ("de", "en"):
        User.objects.filter(pk=german.pk).update(language=language)
        response = alice_client.generic(
            "POST",
            reverse("applications:import_start"),
            CONTENT_LENGTH=str(100 * 1024 * 1024),
            CONTENT_TYPE="multipart/form-data; boundary=----x",
        )
        assert response.status_code == 413
        pages.append(response.content.decode())
    assert "größer als 5 MB" in pages[0]
    assert_german(pages[0], pages[1], DATA)


def _rendered_in_both(render) -> tuple[str, str]:
    pages = []
    for language in ("de", "en"):
        with translation.override(language):
            pages.append(str(render()))
    return pages[0], pages[1]


def test_the_403_500_and_throttle_pages_are_german(german):
    request = RequestFactory().get("/")
    request.user = german

    def forbidden():
        return defaults.permission_denied(request, PermissionDenied()).content.decode()

    de, en = _rendered_in_both(forbidden)
    assert_german(de, en, DATA)
    de, en = _rendered_in_both(lambda: defaults.server_error(request).content.decode())
    assert '<html lang="de">' in de
    assert_german(de, en, DATA)
    de, en = _rendered_in_both(lambda: defaults.bad_request(request, Exception()).content.decode())
    assert_german(de, en, DATA)
    request.user = AnonymousUser()

    def throttled():
        return account_views.rate_limited(request, Exception()).content.decode()

    de, en = _rendered_in_both(throttled)
    assert_german(de, en, DATA)

    def locked():
        return render_to_string(
            "registration/locked_out.html", {"cooloff_timedelta": dt.timedelta(minutes=15)}
        )

    de, en = _rendered_in_both(locked)
    assert "15 Minuten" in de and "15 minutes" in en
    assert_german(de, en, DATA)


# --- shared templates: a deletion's question, a form page, the pages of a list --------------


def test_the_shared_templates_are_german(german):
    request = RequestFactory().get("/")
    request.user = german
    de, en = _rendered_in_both(
        lambda: render_to_string(
            "confirm_delete.html",
            {"what": "Acme", "object": "Acme", "cancel_url": "/"},
            request=request,
        )
    )
    assert_german(de, en, DATA)
    page = Paginator(list(range(30)), 10).page(2)
    de, en = _rendered_in_both(
        lambda: render_to_string("_pagination.html", {"page": page}, request=request)
    )
    assert "Seite 2 von 3" in de
    assert_german(de, en, DATA)


def test_the_reminder_emails_frame_is_german(german):
    context = {
        "user": german,
        "draft": "Acme",
        "actions": [],
        "done_url": "https://x.test/d",
        "snooze_url": "https://x.test/s",
        "stop_url": "https://x.test/t",
        "reminders_url": "https://x.test/r",
    }
    urls = [v for v in context.values() if isinstance(v, str) and v.startswith("https")]
    for name in ("emails/base.html", "emails/base.txt"):
        de, en = _rendered_in_both(lambda name=name: render_to_string(name, context))
        assert_german(de, en, [*DATA, *urls], html=name.endswith(".html"))


# --- the JavaScript's words ----------------------------------------------------------------


def test_the_javascript_catalog_is_loaded_first_and_speaks_german(german, alice_client):
    page = alice_client.get(reverse("home")).content.decode()
    catalog = reverse("javascript_catalog")
    assert page.index(f'<script src="{catalog}?language=de" defer>') < page.index("js/app.js")
    script = alice_client.get(catalog)
    assert script.status_code == 200 and "javascript" in script["Content-Type"]
    body = script.content.decode()
    for german_word in ("Kopiert", "Erfasste Bewerbungen", "Stimmung", "Ziel pro Woche"):
        assert german_word in body
    # Public pages have it too, in the browser's language.
    anonymous = Client(HTTP_ACCEPT_LANGUAGE="de").get(catalog).content.decode()
    assert "Kopiert" in anonymous
    # Unchanged since the server started: asked again, it is not sent again.
    again = alice_client.get(catalog, HTTP_IF_MODIFIED_SINCE=script["Last-Modified"])
    assert again.status_code == 304


# --- cached fragments are one language's ---------------------------------------------------


def test_a_cached_fragment_is_never_served_in_the_other_language(german, alice_client):
    ApplicationFactory(company=CompanyFactory(owner=german, name="Acme"), role="Analyst")
    url = reverse("home_glance")
    first = alice_client.get(url).content.decode()  # cached in German
    User.objects.filter(pk=german.pk).update(language="en")
    english = alice_client.get(url).content.decode()  # cached in English, beside it
    User.objects.filter(pk=german.pk).update(language="de")
    again = alice_client.get(url).content.decode()
    assert "In den letzten 30 Tagen" in first and first == again
    assert "In the last 30 days" in english


def test_the_fragment_tag_keys_by_language_whatever_its_key():
    template = engines["django"].from_string(
        '{% load i18n rebound_tags %}{% fragment "one-key" %}'
        '{% translate "Log in" %}{% endfragment %}'
    )
    with translation.override("de"):
        assert template.render({}) == "Anmelden"
    with translation.override("en"):
        assert template.render({}) == "Log in"
    with translation.override("de"):
        assert template.render({}) == "Anmelden"


# --- dates and drafted words --------------------------------------------------------------


def test_dates_are_written_the_german_way():
    moment = dt.datetime(2027, 3, 3, 13, 5, tzinfo=dt.UTC)
    with timezone.override("Europe/Berlin"):
        with translation.override("de"):
            assert datefmt.day(dt.date(2027, 3, 3)) == "3. März 2027"
            assert datefmt.day(dt.date(2026, 10, 12)) == "12. Okt. 2026"
            assert datefmt.when(moment) == "3. März 2027, 14:05"
            assert datefmt.when(moment, weekday=True) == "Mi, 3. März 2027, 14:05"
            assert datefmt.day_month(moment) == "3. März"
        with translation.override("en"):
            assert datefmt.day(dt.date(2027, 3, 3)) == "3 Mar 2027"
            assert datefmt.when(moment, weekday=True) == "Wed 3 Mar 2027, 14:05"
            assert datefmt.day_month(moment) == "3 Mar"


def test_a_rows_date_agrees_with_the_template_filter_in_both_languages():
    template = engines["django"].from_string("{% load rebound_tags %}{{ d|day }}|{{ m|when }}")
    moment = dt.datetime(2027, 3, 3, 13, 5, tzinfo=dt.UTC)
    for language in ("de", "en"):
        with translation.override(language), timezone.override("Europe/Berlin"):
            expected = f"{datefmt.day(dt.date(2027, 3, 3))}|{datefmt.when(moment)}"
            assert template.render({"d": dt.date(2027, 3, 3), "m": moment}) == expected


def test_drafted_greetings_and_spans_read_as_german():
    with translation.override("de"):
        assert letters.greeting([]) == "Guten Tag,"
        assert letters.greeting(["Dana Whitfield"]) == "Guten Tag Dana Whitfield,"
        assert letters.greeting(["Dana Whitfield", "Marco Liu"]) == (
            "Guten Tag Dana Whitfield und Marco Liu,"
        )
        assert letters.greeting(["A a", "B b", "C c", "D d", "E e"]) == "Guten Tag zusammen,"
        assert letters.span(1) == "1 Tag"
        assert letters.span(7) == "eine Woche"
        assert letters.span(21) == "3 Wochen"
        assert letters.span(91) == "3 Monate"
        assert letters.span(400) == "ein Jahr"
        assert letters.days_ago(0) == "heute"
        assert letters.days_ago(9) == "vor 9 Tagen"
        assert letters.days_ago(21) == "vor 3 Wochen"
        assert letters.days_ago(800) == "vor 2 Jahren"
        assert letters.days_ago_opening(21) == "Vor 3 Wochen"
        assert letters.days_ago_opening(0) == "Heute"
        assert letters.day_phrase(dt.date(2027, 3, 12), dt.date(2027, 3, 3)) == (
            "am Freitag, 12. März"
        )
    with translation.override("en"):
        assert letters.days_ago(21) == "3 weeks ago"
        assert letters.days_ago_opening(21) == "3 weeks ago".capitalize()
        assert letters.day_phrase(dt.date(2027, 3, 12), dt.date(2027, 3, 3)) == (
            "on Friday 12 March"
        )


def test_a_date_outside_its_bounds_is_explained_in_german(german):
    from django import forms

    from rebound.lib.formfields import bound_past_date

    class Form(forms.Form):
        day = forms.DateField()

    with translation.override("de"):
        form = Form({"day": "1960-01-01"})
        bound_past_date(form.fields["day"], german)
        assert not form.is_valid()
        assert form.errors["day"] == ["Das Datum darf nicht vor dem 1. Januar 1970 liegen."]


@pytest.mark.parametrize(
    "name", ["mfa_index", "usersessions_list", "account_reauthenticate", "account_email"]
)
def test_allauths_own_pages_are_german_in_rebounds_frame(german, alice_client, name):
    de, en = page_in_both(alice_client, german, reverse(name))
    assert '<html lang="de">' in de
    assert_german(de, en, [*DATA, "127.0.0.1", "Browser"])
    assert not INFORMAL.findall(" ".join(visible_texts(de)))


INFORMAL = re.compile(r"\b(du|Du|dein\w*|Dein\w*|dich|dir|Dir|Gib|gib)\b")


def test_the_account_pages_say_sie_not_du(german, alice_client):
    """allauth's German and DRF's say "du": Rebound's catalogue says those sentences again
    with "Sie" (templates/i18n/_words_of_other_apps.html)."""
    mismatch = {"email": "x", "password1": "a-long-pass-phrase", "password2": "another-one"}
    de = Client(HTTP_ACCEPT_LANGUAGE="de").post(reverse("signup"), mismatch).content.decode()
    assert "Bitte gültige E-Mail-Adresse eingeben." in de
    assert "Bitte geben Sie zweimal dasselbe Passwort ein." in de
    change = {"oldpassword": "", "password1": "a-long-pass-phrase", "password2": "other"}
    de += alice_client.post(reverse("password_change"), change).content.decode()
    de += alice_client.get(reverse("account_email")).content.decode()
    logged_out = alice_client.post(reverse("logout"), HTTP_ACCEPT_LANGUAGE="de", follow=True)
    de += logged_out.content.decode()
    assert "Sie haben sich abgemeldet." in de
    texts = " ".join(visible_texts(de))
    assert not INFORMAL.findall(texts), INFORMAL.findall(texts)


def test_the_bookmarklet_needs_no_catalog_and_opens_quick_add_in_the_users_language(
    german, alice_client
):
    """It runs on a job board's page, where no catalogue is loaded: it shows no words of its
    own, and the page it opens (quick add) speaks the user's language."""
    from applications.bookmarklet import bookmarklet

    code = bookmarklet(RequestFactory().get("/"))
    assert "gettext" not in code and "interpolate" not in code
    page = alice_client.get(reverse("applications:quick_add"), {"title": "Analyst at Acme"})
    assert '<html lang="de">' in page.content.decode()
