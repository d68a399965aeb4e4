"""The application page's timeline and side lists are read in plain SQL
(applications/selectors.py) and written in Python (applications/templatetags/detail_tags.py);
its to-do form's fields (todos/templatetags/todo_tags.new_todo_fields) and coping's section
(one raw read of the plans, their goals and steps) too. Each must be, to the byte, what the
template loops gave for the same rows read through the ORM, in English and German, whatever
the text (issue 24)."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from applications import selectors
from applications.models import Application
from applications.pipeline import Status
from applications.services import application_change_status
from coping.models import CopingPlan
from coping.selectors import plan_counts
from coping.services import net_goal_set, plan_close
from coping.templatetags.coping_tags import coping_section
from rebound.lib.localtime import local_today
from tests.factories import ApplicationFactory, CompanyFactory, ContactFactory, reject
from todos.forms import TodoForm
from todos.templatetags.todo_tags import new_todo_fields

pytestmark = pytest.mark.django_db

HOSTILE = [
    '<script>alert("x")</script>',
    'O\'Reilly & "Sons"',
    "Tom &amp; Jerry",
    "{pk} {0} %s %(n)s",
    "Zürich – Müller & Söhne",
]

# The page's lists as application_detail.html wrote them before they were built in Python.
TIMELINE = Template(
    "{% load i18n rebound_tags pipeline_tags %}"
    '<ol class="timeline">\n'
    "        {% for change in timeline %}\n"
    "        <li>\n"
    '          <span class="fw-semibold">{% if change.from_status %}'
    "{{ change.get_to_status_display }}{% else %}{% blocktranslate trimmed with"
    " status=change.to_status|status_in_sentence %}Added as {{ status }}{% endblocktranslate %}"
    "{% endif %}</span>\n"
    '          <span class="d-block small text-body-secondary">{{ change.changed_on|day }} · '
    '<a href="{{ change.correct_url }}">{% translate "correct date" %}'
    '<span class="visually-hidden"> {% blocktranslate trimmed with'
    " status=change.get_to_status_display %}of {{ status }}{% endblocktranslate %}</span></a>"
    "</span>\n"
    '          {% if change.note %}<span class="d-block small">{{ change.note }}</span>'
    "{% endif %}\n"
    "        </li>\n"
    "        {% endfor %}\n"
    "      </ol>"
)
PEOPLE = Template(
    "{% load i18n %}"
    '<ul class="list-unstyled">\n'
    "        {% for contact in people %}\n"
    '        <li class="mb-2"><a href="{{ contact.get_absolute_url }}">{{ contact.name }}</a>'
    ' <span class="small text-body-secondary">{{ contact.get_kind_display }}'
    "{% if contact.company %}, {{ contact.company.name }}{% endif %}</span>"
    '{% if contact.email %}<br><a class="small" href="mailto:{{ contact.email }}">'
    "{{ contact.email }}</a>{% endif %}</li>\n"
    '        {% empty %}<li class="text-body-secondary">{% translate "Nobody linked yet." %}'
    " <a href=\"{% url 'applications:application_update' application.pk %}\">"
    '{% translate "Add the recruiter, referrer or HR person" %}</a>.</li>{% endfor %}\n'
    "      </ul>"
)
CONTACTS = Template(
    "{% load i18n %}"
    '<ul class="list-unstyled">\n'
    "        {% for contact in contacts %}\n"
    '        <li class="mb-2"><a href="{{ contact.get_absolute_url }}">{{ contact.name }}</a>'
    ' <span class="small text-body-secondary">{{ contact.get_kind_display }}'
    "{% if contact.title %}, {{ contact.title }}{% endif %}</span>"
    '{% if contact.email %}<br><a class="small" href="mailto:{{ contact.email }}">'
    "{{ contact.email }}</a>{% endif %}</li>\n"
    '        {% empty %}<li class="text-body-secondary">{% if people %}'
    '{% translate "Nobody else yet." %}{% else %}{% translate "No contacts yet." %}{% endif %}'
    "</li>{% endfor %}\n"
    "      </ul>"
)
EARLIER = Template(
    "{% load pipeline_tags %}"
    '<ul>{% for other in earlier %}<li><a href="{{ other.get_absolute_url }}">'
    "{{ other.role }}</a> — {{ other.status|status_in_sentence }}, "
    '{{ other.status_changed_on|date:_("M Y") }}</li>{% endfor %}</ul>'
)


def _busy(owner) -> Application:
    """An application with a timeline of notes, people (at its company, elsewhere, at none,
    with and without an address), colleagues (with and without titles; more than shown) and
    other applications at the company (more than shown, in every status)."""
    company = CompanyFactory(owner=owner, name=HOSTILE[1])
    elsewhere = CompanyFactory(owner=owner, name=HOSTILE[4])
    application = ApplicationFactory(
        company=company, role=HOSTILE[0], status_changed_on=dt.date(2026, 3, 2)
    )
    for status, day, note in (
        (Status.SCREENING, 5, HOSTILE[2]),
        (Status.INTERVIEWING, 9, ""),
        (Status.REJECTED, 20, HOSTILE[3]),
    ):
        application_change_status(
            application=application, to_status=status, on=dt.date(2026, 3, day), note=note
        )
    linked = [
        ContactFactory(company=company, owner=owner, kind="recruiter", name=HOSTILE[2]),
        ContactFactory(company=elsewhere, owner=owner, kind="hr", name=HOSTILE[4], email=""),
        ContactFactory(company=None, owner=owner, kind="referrer", name=HOSTILE[3]),
    ]
    application.contacts.set(linked)
    for i in range(12):
        ContactFactory(
            company=company,
            owner=owner,
            name=f"{HOSTILE[i % 5]} {i:02d}",
            title=HOSTILE[i % 5] if i % 3 else "",
            email="" if i % 4 == 0 else f"p{i}@example.com",
        )
    for i, status in enumerate([*Status.values, *Status.values]):
        ApplicationFactory(
            company=company,
            role=f"{HOSTILE[i % 5]} {i}",
            status=status,
            status_changed_on=dt.date(2025, 1 + i % 12, 1 + i),
        )
    return application


def _plain(application: Application) -> list[str]:
    """The four lists as the templates wrote them, from the rows the ORM reads."""
    people = list(application.contacts.select_related("company").order_by("name", "pk"))
    contacts = list(
        application.company.contacts.exclude(pk__in=[p.pk for p in people]).order_by("name", "pk")[
            : selectors.SIDE_LIST
        ]
    )
    earlier = (
        Application.objects.filter(owner=application.owner, company=application.company)
        .exclude(pk=application.pk)
        .order_by("-created_at", "-pk")[: selectors.SIDE_LIST]
    )
    timeline = application.status_changes.order_by("changed_on", "created_at", "pk")
    context = {
        "application": application,
        "people": people,
        "contacts": contacts,
        "earlier": earlier,
        "timeline": timeline,
    }
    return [t.render(Context(context)) for t in (TIMELINE, PEOPLE, CONTACTS, EARLIER)]


def _page(owner, application: Application) -> str:
    client = Client()
    client.force_login(owner)
    response = client.get(application.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_lists_are_the_templates(alice, language: str) -> None:
    alice.language = language
    alice.save(update_fields=["language"])
    busy = _busy(alice)
    # Nothing beside it: each list's empty text.
    alone = ApplicationFactory(company=CompanyFactory(owner=alice, name="Alone"))
    for application in (busy, alone):
        page = _page(alice, application)
        with translation.override(language):
            plain = _plain(application)
        # The other applications' section is left out when there is none.
        for part in plain if application is busy else plain[:3]:
            assert part in page
        assert ('id="earlier-heading"' in page) is (application is busy)


def test_the_lists_hold_what_they_should(alice) -> None:
    """The copies above are themselves right: escaped once, capped, in order."""
    application = _busy(alice)
    with translation.override("en"):
        timeline, people, contacts, earlier = _plain(application)
    assert timeline.count("<li>") == 4 and "Added as applied" in timeline
    assert "Tom &amp;amp; Jerry" in timeline and "{pk} {0} %s %(n)s" in timeline
    assert people.count("<li") == 3 and "Recruiter, O&#x27;Reilly &amp; &quot;Sons&quot;" in people
    assert "HR, Zürich – Müller &amp; Söhne" in people and "mailto:" in people
    assert contacts.count("<li") == selectors.SIDE_LIST and "&lt;script&gt;" in contacts
    assert earlier.count("<li>") == selectors.SIDE_LIST and "rejected, " in earlier


def test_the_side_lists_say_when_there_are_more(alice) -> None:
    application = _busy(alice)
    found = selectors.application_neighbours(application=application)
    assert found["more_contacts"] and found["more_earlier"]
    assert len(found["contacts"]) == len(found["earlier"]) == selectors.SIDE_LIST
    companies = sorted(p.company.name if p.company else "" for p in found["people"])
    assert companies == sorted(["", HOSTILE[1], HOSTILE[4]])


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_new_todo_fields_are_the_templates(alice, language: str) -> None:
    """The add form as the section's template writes an empty form, field by field."""
    with translation.override(language):
        form = TodoForm(owner=alice)
        context = {
            "application": ApplicationFactory(company=CompanyFactory(owner=alice)),
            "todo_form": form,
            "todo_today": local_today(alice),
            "csrf_token": "TOKEN",
        }
        plain = render_to_string("todos/_application_todos.html", context)
        built = render_to_string(
            "todos/_application_todos.html", {**context, "new_todo_fields": new_todo_fields(form)}
        )
    assert built == plain
    assert 'id="id_todo-title"' in plain and "selected>" in plain


def _plain_coping(application: Application) -> str:
    """coping/_application_section.html with the plans read as querysets."""
    plans = list(
        CopingPlan.objects.filter(application=application)
        .select_related("net_goal")
        .prefetch_related("steps")
        .order_by("-opened_on", "-pk")
    )
    return render_to_string(
        "coping/_application_section.html",
        {"plans": list(zip(plans, plan_counts(plans), strict=True))},
    )


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_coping_section_is_as_read_through_querysets(alice, language: str) -> None:
    company = CompanyFactory(owner=alice, name=HOSTILE[1])
    # Two plans on one application (rejected, reopened, ghosted), the first closed, the second
    # with a goal already reached; one without a goal; one application with none.
    twice = ApplicationFactory(company=company, status=Status.INTERVIEWING)
    first = reject(twice, on=local_today(alice) - dt.timedelta(days=30))
    assert first
    plan_close(plan=first)
    application_change_status(application=twice, to_status=Status.INTERVIEWING)
    second = reject(twice, to_status=Status.GHOSTED)
    assert second
    net_goal_set(plan=second, target=1, weeks=2)
    ApplicationFactory(company=CompanyFactory(owner=alice))  # one new application: reached
    plain_one = reject(ApplicationFactory(company=company, status=Status.SCREENING))
    assert plain_one
    none = ApplicationFactory(company=company)
    with translation.override(language):
        for application in (twice, plain_one.application, none):
            built = render_to_string(
                "coping/_application_section.html", coping_section(application)
            )
            assert built == _plain_coping(application)
    with translation.override("en"):
        section = render_to_string("coping/_application_section.html", coping_section(twice))
    assert section.count("Your bounce-back plan") == 2 and "closed" in section
