"""The reminders page's row, built in Python: the template engine spent about 0.25 ms on each
of its rows (a date in local time, four links, the kind and subject written five times), over
a quarter of a heavy user's page in issue 24's profile (docs/performance.md).
tests/reminders/test_reminder_row.py holds it equal to the template it replaced."""

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from rebound.lib.datefmt import when
from rebound.lib.html import esc
from reminders.models import Reminder
from reminders.selectors import ReminderRow

register = template.Library()


@register.simple_tag
def reminder_row(row: ReminderRow, actions: bool = False) -> SafeString:
    """One <li> of the reminders page; with `actions`, its change, preview, send and cancel
    links (not for the finished ones). In the active language, as the template's
    {% translate %} tags were."""
    r: Reminder = row.reminder
    kind = r.get_kind_display()
    about = esc(row.about)
    subject = f'<a href="{esc(row.url)}">{about}</a>' if row.url else about
    if r.status == Reminder.Status.SENT:
        status = esc(_("Sent %(when)s") % {"when": when(r.sent_at)})
    else:
        due = _("%(status)s · due %(when)s") % {
            "status": r.get_status_display(),
            "when": when(r.due_at, weekday=True),
        }
        status = esc(due)
    ended = f" · {esc(r.shown_reason)}" if r.ended_reason else ""
    note = f'<span class="d-block small">{esc(row.note)}</span>' if row.note else ""
    error = ""
    if r.last_error:
        refused = _("The mail server did not take it (%(error)s).") % {"error": r.last_error}
        error = f'<span class="d-block small text-danger">{esc(refused)}</span>'
    links = ""
    if actions:
        what = esc(f"{kind}, {row.about}")
        send_now = esc(_("Send now…"))
        send = (
            f'<a class="btn btn-sm btn-outline-primary" href="{esc(row.send_now_url)}">'
            f'{send_now}<span class="visually-hidden"> {what}</span></a>'
            if r.status != Reminder.Status.SENDING
            else ""
        )
        change = esc(_("Change date"))
        change_of = esc(_("of %(what)s") % {"what": f"{kind}, {row.about}"})
        preview = esc(_("Preview"))
        cancel = esc(pgettext("a reminder", "Cancel…"))
        links = (
            "\n  "
            f'<a class="btn btn-sm btn-outline-secondary" href="{esc(row.update_url)}">'
            f'{change}<span class="visually-hidden"> {change_of}</span></a>\n  '
            f'<a class="btn btn-sm btn-outline-secondary" href="{esc(row.preview_url)}">'
            f'{preview}<span class="visually-hidden"> {what}</span></a>\n  '
            f"{send}\n  "
            f'<a class="btn btn-sm btn-outline-danger" href="{esc(row.cancel_url)}">'
            f'{cancel}<span class="visually-hidden"> {what}</span></a>\n  '
        )
    # The whitespace is the template's, so the page is the same to the byte.
    return mark_safe(
        '\n<li class="list-group-item d-flex flex-wrap gap-2 align-items-center">\n'
        f'  <span class="me-auto"><strong>{esc(kind)}</strong> · {subject}\n'
        f'    <span class="d-block small text-body-secondary">{status}{ended}</span>\n'
        f"    {note}\n"
        f"    {error}</span>\n"
        f"  {links}\n"
        "</li>\n\n"
    )
