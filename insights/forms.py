import datetime as dt
from typing import Any, cast

from django import forms
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from rebound.lib.formfields import bound_past_date
from rebound.lib.localtime import local_today
from rebound.models import User

from .metrics.period import Period
from .worklog import MAX_DAYS

PERIODS = [
    ("30", gettext_lazy("Last 30 days")),
    ("90", gettext_lazy("Last 90 days")),
    ("year", gettext_lazy("This year")),
    ("all", gettext_lazy("All time")),
    ("custom", gettext_lazy("Custom range")),
]
DEFAULT = "90"


class _PastRangeForm(forms.Form):
    """A range of past days, each end bounded from 1970 to the user's today."""

    start = forms.DateField(
        required=False,
        label=pgettext_lazy("date range", "From"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        required=False,
        label=pgettext_lazy("date range", "To"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        bound_past_date(self.fields["start"], user, what=cast(str, gettext_lazy("The start")))
        bound_past_date(self.fields["end"], user, what=cast(str, gettext_lazy("The end")))


class PeriodForm(_PastRangeForm):
    period = forms.ChoiceField(choices=PERIODS, required=False, label=gettext_lazy("Period"))
    field_order = ["period", "start", "end"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("period") == "custom":
            start, end = data.get("start"), data.get("end")
            if not start and "start" not in self.errors:
                self.add_error("start", _("Choose the first day of the range."))
            if not end and "end" not in self.errors:
                self.add_error("end", _("Choose the last day of the range."))
            if start and end and start > end:
                self.add_error("end", _("The end can’t be before the start."))
        return data

    def chosen_period(self) -> Period:
        """The chosen period; the default one when the form is empty or has errors."""
        choice = self.cleaned_data.get("period") if self.is_valid() else DEFAULT
        choice = choice or DEFAULT
        if choice == "custom":
            start, end = self.cleaned_data["start"], self.cleaned_data["end"]
            day = pgettext("insights: period day", "j M Y")
            label = _("%(start)s to %(end)s") % {
                "start": formats.date_format(start, day),
                "end": formats.date_format(end, day),
            }
            return Period(start, end, label)
        return preset_period(self.user, choice)


def preset_period(user: User, choice: str) -> Period:
    """One of the page's ready-made periods (PERIODS but "custom"), up to the user's today:
    home's summary asks for "30" and shows the same numbers as the page's "Last 30 days"."""
    today = local_today(user)
    label = str(dict(PERIODS)[choice])
    if choice == "all":
        return Period(None, today, label)
    if choice == "year":
        return Period(dt.date(today.year, 1, 1), today, label)
    return Period(today - dt.timedelta(days=int(choice) - 1), today, label)


class WorkLogForm(_PastRangeForm):
    """The range of a work-search log: the last seven days unless chosen."""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start = data.get("start")
        end = data.get("end") or (None if "end" in self.errors else local_today(self.user))
        if start and end and start > end:
            self.add_error("end", _("The end can’t be before the start."))
        elif start and end and (end - start).days >= MAX_DAYS:
            self.add_error(
                "start",
                _("One log covers at most %(days)s days: choose a shorter range.")
                % {"days": MAX_DAYS},
            )
        return data

    def chosen_range(self) -> tuple[dt.date, dt.date]:
        """The chosen range; a missing end is today, a missing start a week before the end;
        the last seven days when the form has errors."""
        today = local_today(self.user)
        if not self.is_valid():
            return today - dt.timedelta(days=6), today
        end = self.cleaned_data.get("end") or today
        return self.cleaned_data.get("start") or end - dt.timedelta(days=6), end


def presets(today: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """Ranges benefit offices ask for: (label, first day, last day)."""
    monday = today - dt.timedelta(days=today.weekday())
    first_of_month = today.replace(day=1)
    last_month_end = first_of_month - dt.timedelta(days=1)
    return [
        (pgettext("quick range", "This week"), monday, today),
        (
            pgettext("quick range", "Last week"),
            monday - dt.timedelta(weeks=1),
            monday - dt.timedelta(days=1),
        ),
        (pgettext("quick range", "This month"), first_of_month, today),
        (pgettext("quick range", "Last month"), last_month_end.replace(day=1), last_month_end),
    ]
