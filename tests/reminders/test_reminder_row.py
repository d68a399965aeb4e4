"""The reminders page's rows are Python strings (reminders/templatetags/reminder_tags.py): each
must be, to the byte, what the template it replaced gives for the same row, in any time zone,
whatever the text in it."""

import datetime as dt
import itertools
import zoneinfo

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from reminders.kinds import registered
from reminders.models import Reminder
from reminders.selectors import ReminderRow
from reminders.templatetags.reminder_tags import reminder_row

# templates/reminders/_reminder_row.html as it was, included once per row, with its words
# translated as a template translates them.
PLAIN_ROW = Template(
    "{% load i18n rebound_tags %}"
    "{% with r=row.reminder kind=row.reminder.get_kind_display %}\n"
    '<li class="list-group-item d-flex flex-wrap gap-2 align-items-center">\n'
    '  <span class="me-auto"><strong>{{ kind }}</strong> · {% if row.url %}<a'
    ' href="{{ row.url }}">{{ row.about }}</a>{% else %}{{ row.about }}{% endif %}\n'
    '    <span class="d-block small text-body-secondary">{% if r.status == "sent"'
    " %}{% blocktranslate with when=r.sent_at|when %}Sent {{ when }}{% endblocktranslate %}"
    "{% else %}{% blocktranslate with status=r.get_status_display"
    ' when=r.due_at|when:"weekday" %}{{ status }} · due {{ when }}{% endblocktranslate %}'
    "{% endif %}{% if r.ended_reason %} · {{ r.shown_reason }}{% endif %}</span>\n"
    '    {% if row.note %}<span class="d-block small">{{ row.note }}</span>{% endif'
    " %}\n"
    '    {% if r.last_error %}<span class="d-block small text-danger">{% blocktranslate with'
    " error=r.last_error %}The mail server did not take it ({{ error }}).{% endblocktranslate %}"
    "</span>{% endif %}</span>\n"
    '  {% if actions %}{% with what=kind|add:", "|add:row.about %}\n'
    '  <a class="btn btn-sm btn-outline-secondary" href="{{ row.update_url'
    ' }}">{% translate "Change date" %}<span class="visually-hidden"> {% blocktranslate %}of'
    " {{ what }}{% endblocktranslate %}</span></a>\n"
    '  <a class="btn btn-sm btn-outline-secondary" href="{{ row.preview_url'
    ' }}">{% translate "Preview" %}<span class="visually-hidden"> {{ what }}</span></a>\n'
    '  {% if r.status != "sending" %}<a class="btn btn-sm btn-outline-primary"'
    ' href="{{ row.send_now_url }}">{% translate "Send now…" %}<span class="visually-hidden">'
    " {{ what }}</span></a>{% endif %}\n"
    '  <a class="btn btn-sm btn-outline-danger" href="{{ row.cancel_url'
    ' }}">{% translate "Cancel…" context "a reminder" %}<span class="visually-hidden"> {{'
    " what }}</span></a>\n"
    "  {% endwith %}{% endif %}\n"
    "</li>\n"
    "{% endwith %}\n"
)

HOSTILE = [
    '<script>alert("x")</script>',
    'O\'Reilly & "Sons"',
    "Tom &amp; Jerry",
    "{pk} {0} %s",
    "Zürich – 東京 💼",
    "",
]
# A summer and a winter moment, one just before midnight UTC (another day in Berlin and
# Tokyo, the day before in Los Angeles), one at a single-digit day and hour.
MOMENTS = [
    dt.datetime(2026, 7, 31, 23, 30, tzinfo=dt.UTC),
    dt.datetime(2027, 1, 3, 4, 5, tzinfo=dt.UTC),
]
ZONES = ["UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Tokyo"]


def _rows() -> list[ReminderRow]:
    kinds = sorted(registered())
    rows = []
    texts = itertools.cycle(HOSTILE)
    for i, (status, moment) in enumerate(itertools.product(Reminder.Status.values, MOMENTS)):
        reminder = Reminder(
            pk=1000 + i,
            kind=kinds[i % len(kinds)],
            subject_id=7,
            status=status,
            due_at=moment,
            sent_at=moment + dt.timedelta(minutes=3) if status == "sent" else None,
            last_error=next(texts) if status == "failed" else "",
            ended_reason=next(texts) if status in ("cancelled", "done") else "",
        )
        about = next(texts)
        url = reverse("applications:application_detail", args=[i + 1]) if i % 3 else ""
        rows.append(ReminderRow(reminder, about or "(deleted)", url, next(texts)))
    # A kind no longer registered, as a page may still show one.
    gone = Reminder(pk=99, kind="gone_kind", subject_id=1, status="cancelled", due_at=MOMENTS[0])
    rows.append(ReminderRow(gone, "(deleted)", ""))
    return rows


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("actions", [True, False])
def test_each_row_is_the_templates(zone: str, actions: bool, language: str) -> None:
    with timezone.override(zoneinfo.ZoneInfo(zone)), translation.override(language):
        for row in _rows():
            plain = PLAIN_ROW.render(Context({"row": row, "actions": actions}))
            assert reminder_row(row, actions=actions) == plain, row.reminder.status
