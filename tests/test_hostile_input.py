"""Hostile input on every page: no 5xx, and no value that only the last-resort guard stopped.

For every URL pattern of every app, as the owner of a real object of each kind: GET it with
junk query parameters; POST each of its forms with boundary values per field type (dates at
both ends of the calendar, huge and negative numbers, NUL bytes, 200,000 characters), every
other field filled validly so the value under test reaches the service; then GET every page
again. A response from `rebound.middleware.HostileInputMiddleware`'s out-of-range guard also
fails the test: it means a form let a value through that it should have bounded.
"""

import datetime as dt
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from applications.attachment_services import attachment_add
from applications.imports.services.steps import import_start
from applications.saved_view_services import saved_view_save
from coping.models import Step
from coping.services import incident_record, journal_entry_create, outreach_log
from interviews.services import interview_save
from tests.factories import (
    ApplicationFactory,
    CompanyFactory,
    ContactFactory,
    InterviewFactory,
    SelfAssessmentFactory,
    reject,
    reminders_about,
)
from todos.services import todo_add

pytestmark = pytest.mark.django_db

NAMESPACES = [
    "applications", "interviews", "todos", "offers", "coping", "people", "weekly", "reminders",
    None,
]  # fmt: skip
# Pages whose forms end the session or the account: their own tests cover them.
SKIP_ACTIONS = ("/delete/", "/accounts/logout/", "/admin/")
JUNK_QUERY = (
    "?q=%00x&page=99999999999999999999&sort=nonsense&status=%00&company=abc&kind=zzz"
    "&source=!!&tag=%00"
)
PROFILES = {
    "dates at the start of the calendar": {"date": "0001-01-01", "time": "00:00"},
    "dates at the end of the calendar": {"date": "9999-12-31", "time": "23:59"},
    "huge numbers": {"number": "99999999999999999999"},
    "negative numbers": {"number": "-2147483649"},
    "NUL bytes": {"text": "abc\x00def"},
    "200,000 characters": {"text": "x" * 200_000},
}


class Forms(HTMLParser):
    """The forms of a page: action, method and fields (name, kind, value, choices)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self._select: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(
                {
                    "action": a.get("action", ""),
                    "method": a.get("method", "get").lower(),
                    "fields": [],
                }
            )
        elif not self.forms:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in {"radio", "checkbox"}:
                self.forms[-1]["fields"].append(
                    {"name": a["name"], "kind": kind, "value": a.get("value", "on")}
                )
            elif kind not in {"submit", "button", "file"}:
                self.forms[-1]["fields"].append(
                    {
                        "name": a["name"],
                        "kind": kind,
                        "value": a.get("value", ""),
                        "min": a.get("min"),
                    }
                )
        elif tag == "select" and a.get("name"):
            self._select = {"name": a["name"], "kind": "select", "options": [], "value": None}
            self.forms[-1]["fields"].append(self._select)
        elif tag == "option" and self._select is not None:
            self._select["options"].append(a.get("value", ""))
            if "selected" in a:
                self._select["value"] = a.get("value", "")
        elif tag == "textarea" and a.get("name"):
            self._textarea = {"name": a["name"], "kind": "textarea", "value": ""}
            self.forms[-1]["fields"].append(self._textarea)

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea["value"] += data


def _valid(field: dict) -> str:
    kind, value = field["kind"], field.get("value") or ""
    if kind == "select":
        return (
            field["value"]
            if field["value"] not in (None, "")
            else next((o for o in field["options"] if o), "")
        )
    if value:
        return value
    return {
        "email": "someone@example.com",
        "url": "https://example.com/job",
        "date": "2026-11-20",
        "time": "10:00",
        "number": field.get("min") or "3",
        "password": "not-the-password",
        "hidden": "",
    }.get(kind, "Hostile test")


def _payload(form: dict, profile: dict[str, str]) -> dict:
    data: dict[str, list[str]] = {}
    for field in form["fields"]:
        kind = field["kind"]
        if kind == "radio" and field["name"] in data:
            continue  # the first choice of a group is enough
        group = {"textarea": "text", "email": "text", "url": "text", "search": "text"}.get(
            kind, kind
        )
        value = profile.get(group, _valid(field))
        if kind in {"select", "radio", "checkbox", "hidden"}:
            value = _valid(field)
        data.setdefault(field["name"], []).append(value)
    return {k: v if len(v) > 1 else v[0] for k, v in data.items()}


@pytest.fixture
def pages(alice) -> list[str]:
    company = CompanyFactory(owner=alice, name="Acme")
    contact = ContactFactory(company=company, kind="hr", name="Hana Ito")
    application = ApplicationFactory(company=company, status="offer")
    interview = InterviewFactory(application=application)
    SelfAssessmentFactory(interview=interview)
    soon = dt.datetime(2026, 12, 1, 13, tzinfo=dt.UTC)
    from interviews.models import Interview

    interview_save(
        interview=Interview(
            application=ApplicationFactory(company=company, status="interviewing"),
            round_type="final",
            starts_at=soon,
            ends_at=soon + dt.timedelta(hours=1),
        )
    )
    plan = reject(application)  # a rescinded offer: every step, the legal one too
    outreach = outreach_log(
        owner=alice, plan=plan, contact=contact, on=plan.opened_on, outcome="lead"
    )
    incident = incident_record(
        plan=plan, kind="other", happened_on=plan.opened_on, jurisdiction="uk", facts="x"
    )
    entry = journal_entry_create(owner=alice, plan=plan, mood=2, text="Tired.")
    ids = {
        "application_id": application.pk,
        "company_id": company.pk,
        "contact_id": contact.pk,
        "interview_id": interview.pk,
        "change_id": application.status_changes.first().pk,
        "plan_id": plan.pk,
        "outreach_id": outreach.pk,
        "incident_id": incident.pk,
        "entry_id": entry.pk,
        "reminder_id": reminders_about(plan).first().pk,
        "job_id": import_start(
            owner=alice, filename="mine.csv", raw=b"Company,Role,Status\nAcme,Analyst,Odd\n"
        ).pk,
        "attachment_id": attachment_add(
            application=application, kind="resume", version="CV 2025"
        ).pk,
        "todo_id": todo_add(
            application=application, title="Send the portfolio", due_on=plan.opened_on
        ).pk,
        "view_id": saved_view_save(owner=alice, name="Open", query="status=open").view.pk,
    }
    # The table with filters on: only then does it offer to save them as a view.
    urls = ["/applications/?status=open&sort=role"]

    def walk(items, prefix, ns):
        for item in items:
            if isinstance(item, URLResolver):
                yield from walk(item.url_patterns, prefix + str(item.pattern), item.namespace or ns)
            elif isinstance(item, URLPattern):
                yield ns, prefix + str(item.pattern), list(item.pattern.converters)

    for ns, route, kwargs in walk(get_resolver().url_patterns, "", None):
        if (
            ns not in NAMESPACES
            or "token" in kwargs
            or route.startswith(("admin", "accounts/reset"))
        ):
            continue
        if ns is None and not route.startswith(("home", "accounts/")):
            continue
        values = [{**ids, "step": step} for step in Step.values] if "step" in kwargs else [ids]
        for value in values:
            url = "/" + route
            for name in kwargs:
                url = url.replace(f"<int:{name}>", str(value[name])).replace(
                    f"<slug:{name}>", str(value[name])
                )
            if "<" not in url and url not in urls:
                urls.append(url)
    return urls


def _check(response, what: str) -> None:
    assert response.status_code < 500, f"{what} answered {response.status_code}"
    assert response.get("X-Rebound-Guard") != "out-of-range", (
        f"{what}: a value got past the form's bounds and only the last-resort guard stopped it"
    )


@pytest.mark.slow
def test_no_page_breaks_under_hostile_input(alice_client, pages):
    assert len(pages) >= 40
    for url in pages:
        _check(alice_client.get(url + JUNK_QUERY), f"GET {url} with junk parameters")
    for url in pages:
        if any(part in url for part in SKIP_ACTIONS):
            continue
        page = alice_client.get(url)
        if page.status_code != 200 or "text/html" not in page["Content-Type"]:
            continue
        parser = Forms()
        parser.feed(page.content.decode())
        for form in parser.forms:
            action = urljoin(url, form["action"] or url)
            if any(part in action for part in SKIP_ACTIONS):
                continue
            for name, profile in PROFILES.items():
                data = _payload(form, profile)
                if form["method"] == "post":
                    response = alice_client.post(action, data)
                else:
                    response = alice_client.get(action, data)
                _check(response, f"{form['method'].upper()} {action} from {url} with {name}")
    for url in pages:
        _check(alice_client.get(url), f"GET {url} afterwards")
